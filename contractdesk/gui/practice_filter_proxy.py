"""Sorting and filtering of the practice register: search text, contract, status, locality."""

from __future__ import annotations

from collections.abc import Sequence
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
        self._filtering = False  # whether any filter is set
        # Which rows pass, and the model's row list that was worked out for.
        self._accepted: list[bool] = []
        self._accepted_rows: Sequence[PracticeSummary] | None = None
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
        self._filtering = any(
            (self._search_text, self._contract_type, self._status, self._locality)
        )
        self._accepted_rows = None
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: _Index) -> bool:  # noqa: N802
        # Qt asks row by row, calling into Python each time: the answers for every row are
        # worked out once per filter change (or change of rows) and only looked up here.
        if not self._filtering:
            return True
        model = self.sourceModel()
        if not isinstance(model, PracticeTableModel):
            return True
        if self._accepted_rows is not model.rows:
            self._accepted = self._accepted_by_row(model)
            self._accepted_rows = model.rows
        return self._accepted[source_row]

    def _accepted_by_row(self, model: PracticeTableModel) -> list[bool]:
        """For each row of the model, whether it passes every filter."""
        search_text, contract_type = self._search_text, self._contract_type
        status, locality = self._status, self._locality
        return [
            (not search_text or search_text in key)
            and (contract_type is None or practice.contract_type == contract_type)
            and (status is None or practice.status == status)
            and (locality is None or practice.locality_name == locality)
            for practice, key in zip(model.rows, model.search_keys(), strict=True)
        ]
