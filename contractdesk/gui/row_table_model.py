"""The read-only table model the app's tables share: a list of rows under fixed titles."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

Row = TypeVar("Row")
Index = QModelIndex | QPersistentModelIndex
RIGHT_ALIGNED = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
# The raw value to sort by: numbers as numbers (so 9,000 sorts below 10,000), None when unknown.
SORT_ROLE = Qt.ItemDataRole.UserRole


class RowTableModel(QAbstractTableModel, Generic[Row]):
    """Rows of one kind under `titles`; numbers right-aligned. Subclasses say what a cell holds
    in `cell`; `set_rows` replaces every row (a model reset)."""

    # The field that names a row (a reference, a code): `row_of` finds a row by it.
    key_field = "reference"

    def __init__(
        self,
        titles: Sequence[str],
        number_columns: frozenset[int] = frozenset(),
        parent: Any = None,
    ) -> None:
        super().__init__(parent)
        self._titles = tuple(titles)
        self._number_columns = number_columns
        self._rows: list[Row] = []

    def set_rows(self, rows: Sequence[Row]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> Row:
        return self._rows[row]

    def row_of(self, key: Any) -> int | None:
        """The row whose key field is `key`, or None if no row shows it."""
        for row, entry in enumerate(self._rows):
            if getattr(entry, self.key_field) == key:
                return row
        return None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._titles)

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self._titles):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._titles[section]
        if role == Qt.ItemDataRole.TextAlignmentRole and section in self._number_columns:
            return RIGHT_ALIGNED
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        column = index.column()
        if role == Qt.ItemDataRole.TextAlignmentRole and column in self._number_columns:
            return RIGHT_ALIGNED
        return self.cell(self._rows[index.row()], column, role)

    def cell(self, row: Row, column: int, role: int) -> Any:
        """What `row` shows in `column` for `role` (alignment is already handled)."""
        raise NotImplementedError
