"""Filtering of the sign-up matrix: search text, locality, and practices with gaps only."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt

from contractdesk.gui.row_table_model import SORT_ROLE
from contractdesk.gui.signup_matrix_model import SignupMatrixModel

_Index = QModelIndex | QPersistentModelIndex


class SignupFilterProxy(QSortFilterProxyModel):
    """Shows the practices matching every filter; sorting is the source model's own."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._search_text = ""
        self._locality: str | None = None
        self._gaps_only = False
        self.setSortRole(SORT_ROLE)
        self.setDynamicSortFilter(False)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        model = self.sourceModel()
        if isinstance(model, SignupMatrixModel):
            model.sort(column, order)
        else:
            super().sort(column, order)

    def set_search_text(self, text: str) -> None:
        self._change_filter("_search_text", text.strip().casefold())

    def set_locality(self, locality_code: str | None) -> None:
        """Only practices of this locality (by code); None shows all."""
        self._change_filter("_locality", locality_code)

    def set_gaps_only(self, gaps_only: bool) -> None:
        """Only practices short of the whole contract, or flagged for declining."""
        self._change_filter("_gaps_only", gaps_only)

    def _change_filter(self, attribute: str, value: Any) -> None:
        if getattr(self, attribute) == value:
            return
        self.beginFilterChange()
        setattr(self, attribute, value)
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: _Index) -> bool:  # noqa: N802
        model = self.sourceModel()
        if not isinstance(model, SignupMatrixModel):
            return True
        if self._search_text and self._search_text not in model.search_key(source_row):
            return False
        row = model.row_at(source_row)
        if self._locality is not None and row.locality_code != self._locality:
            return False
        compliance = row.compliance
        return not self._gaps_only or bool(compliance.gaps or compliance.declined_required)
