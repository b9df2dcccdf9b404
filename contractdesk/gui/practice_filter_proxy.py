"""Sorting and filtering of the practice register: search text, contract, status, locality."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt

from contractdesk.gui.practice_table_model import SORT_ROLE, PracticeTableModel
from contractdesk.services.practice_summary import PracticeSummary

_Index = QModelIndex | QPersistentModelIndex


class PracticeFilterProxy(QSortFilterProxyModel):
    """Shows the practices that match every filter; sorts on raw values with blanks last."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._search_text = ""
        self._contract_type: str | None = None
        self._status: str | None = None
        self._locality: str | None = None
        self.setSortRole(SORT_ROLE)
        # The source model keeps its rows sorted (see PracticeTableModel.sort); this proxy
        # only filters, so it never calls back into Python per comparison.
        self.setDynamicSortFilter(False)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        model = self.sourceModel()
        if isinstance(model, PracticeTableModel):
            model.sort(column, order)
        else:
            super().sort(column, order)

    def set_search_text(self, text: str) -> None:
        """Match `text` case-insensitively anywhere in code, name, postcode or locality."""
        self._change_filter("_search_text", text.strip().casefold())

    def set_contract_type(self, contract_type: str | None) -> None:
        """Only this contract type (e.g. "PMS"); None shows all."""
        self._change_filter("_contract_type", contract_type)

    def set_status(self, status: str | None) -> None:
        """Only this status (e.g. "active"); None shows all."""
        self._change_filter("_status", status)

    def set_locality(self, locality_name: str | None) -> None:
        """Only practices in this locality/PCN (by name); None shows all."""
        self._change_filter("_locality", locality_name)

    def _change_filter(self, attribute: str, value: Any) -> None:
        if getattr(self, attribute) == value:
            return
        self.beginFilterChange()
        setattr(self, attribute, value)
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: _Index) -> bool:  # noqa: N802
        model = self.sourceModel()
        if not isinstance(model, PracticeTableModel):
            return True
        # The search key is made once per row when the rows are loaded; only `in` runs here.
        if self._search_text and self._search_text not in model.search_key(source_row):
            return False
        return self._accepts(model.practice_at(source_row))

    def _accepts(self, practice: PracticeSummary) -> bool:
        if self._contract_type is not None and practice.contract_type != self._contract_type:
            return False
        if self._status is not None and practice.status != self._status:
            return False
        return self._locality is None or practice.locality_name == self._locality
