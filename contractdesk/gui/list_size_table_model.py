"""A practice's list-size history as a Qt table model over `ListSizeEntry` rows."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from contractdesk.services.practices import ListSizeEntry

AS_OF_COLUMN = 0
REGISTERED_COLUMN = 1
WEIGHTED_COLUMN = 2
SOURCE_COLUMN = 3

COLUMN_TITLES = {
    AS_OF_COLUMN: "As at",
    REGISTERED_COLUMN: "Registered",
    WEIGHTED_COLUMN: "Weighted",
    SOURCE_COLUMN: "Source",
}
NUMBER_COLUMNS = frozenset({REGISTERED_COLUMN, WEIGHTED_COLUMN})
SORT_ROLE = Qt.ItemDataRole.UserRole

_RIGHT_ALIGNED = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_Index = QModelIndex | QPersistentModelIndex


class ListSizeTableModel(QAbstractTableModel):
    """Read-only list sizes, newest first as the service returns them."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[ListSizeEntry] = []

    def set_rows(self, rows: Sequence[ListSizeEntry]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMN_TITLES)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or section not in COLUMN_TITLES:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return COLUMN_TITLES[section]
        if role == Qt.ItemDataRole.TextAlignmentRole and section in NUMBER_COLUMNS:
            return _RIGHT_ALIGNED
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        entry = self._rows[index.row()]
        value = {
            AS_OF_COLUMN: entry.as_of,
            REGISTERED_COLUMN: entry.registered_patients,
            WEIGHTED_COLUMN: entry.weighted_patients,
            SOURCE_COLUMN: entry.source,
        }.get(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return _display_text(value)
        if role == SORT_ROLE:
            return float(value) if isinstance(value, Decimal) else value
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() in NUMBER_COLUMNS:
            return _RIGHT_ALIGNED
        return None


def _display_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, Decimal):
        # Weighted lists have fractions worth seeing here, unlike in the register's summary.
        return f"{value:,.2f}" if value != value.to_integral_value() else f"{value:,.0f}"
    if hasattr(value, "strftime"):
        return f"{value:%d %b %Y}"
    return str(value)
