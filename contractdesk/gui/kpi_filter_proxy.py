"""Sorting and filtering the KPI grid: by locality, on the model's raw sort values."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel

from contractdesk.gui.kpi_grid_model import LOCALITY, LOCALITY_ROLE
from contractdesk.gui.row_table_model import SORT_ROLE

Index = QModelIndex | QPersistentModelIndex


class KpiFilterProxy(QSortFilterProxyModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._locality: str | None = None
        self.setSortRole(SORT_ROLE)

    def set_locality(self, code: str | None) -> None:
        """Show only this locality's practices (None: every practice)."""
        self.beginFilterChange()
        self._locality = code
        self.endFilterChange()

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:  # noqa: N802
        if self._locality is None:
            return True
        model = self.sourceModel()
        return (
            model.index(source_row, LOCALITY, source_parent).data(LOCALITY_ROLE) == self._locality
        )

    def lessThan(self, left: Index, right: Index) -> bool:  # noqa: N802
        # Python comparison of the raw values: tuples and None are not Qt variants.
        first, second = left.data(SORT_ROLE), right.data(SORT_ROLE)
        if first is None or second is None:
            return first is not None and second is None
        return first < second
