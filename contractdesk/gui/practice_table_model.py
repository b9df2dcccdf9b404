"""The practice register as a Qt table model over `PracticeSummary` rows."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from PySide6.QtCore import Qt

from contractdesk.gui.row_table_model import SORT_ROLE, RowTableModel
from contractdesk.services.practice_summary import PracticeSummary

ODS_CODE_COLUMN = 0
NAME_COLUMN = 1
LOCALITY_COLUMN = 2
CONTRACT_TYPE_COLUMN = 3
REGISTERED_COLUMN = 4
WEIGHTED_COLUMN = 5
STATUS_COLUMN = 6

COLUMN_TITLES = (
    "ODS code",
    "Name",
    "Locality/PCN",
    "Contract",
    "Registered",
    "Weighted",
    "Status",
)
NUMBER_COLUMNS = frozenset({REGISTERED_COLUMN, WEIGHTED_COLUMN})
CODE_ORDER = (ODS_CODE_COLUMN, Qt.SortOrder.AscendingOrder)


class PracticeTableModel(RowTableModel[PracticeSummary]):
    """Read-only rows of the practice register; `set_rows` replaces them all."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(COLUMN_TITLES, NUMBER_COLUMNS, parent)
        self._search_keys: list[str] = []
        # The order the rows are in. The register service returns them in code order.
        self._sort: tuple[int, Qt.SortOrder] = CODE_ORDER

    def set_rows(self, rows: Sequence[PracticeSummary]) -> None:
        self.beginResetModel()
        already_in_order = self._sort == CODE_ORDER
        self._rows = list(rows) if already_in_order else _sorted(rows, *self._sort)
        self._search_keys = []
        self.endResetModel()

    @property
    def rows(self) -> Sequence[PracticeSummary]:
        """The rows in their current order (a new list whenever they change)."""
        return self._rows

    def search_keys(self) -> list[str]:
        """Per row: code, name, postcode and locality, case-folded, for the search box."""
        if not self._search_keys:  # made on the first search, not at start-up
            self._search_keys = [_search_key(practice) for practice in self._rows]
        return self._search_keys

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Reorder the rows in Python: one key per row, numbers as numbers, blanks last in
        either direction. (A proxy's lessThan called back from C++ per comparison took a
        second on all England.)"""
        # Already in this order (a restored header asks for it again at start-up): nothing
        # moves, and a layout change would have the proxy filter every row once more.
        unchanged = (column, order) == self._sort
        self._sort = (column, order)
        if column < 0 or not self._rows or unchanged:
            return
        self.layoutAboutToBeChanged.emit()
        before = self.persistentIndexList()
        codes = [self._rows[index.row()].ods_code for index in before]
        self._rows = _sorted(self._rows, column, order)
        self._search_keys = []
        positions = {practice.ods_code: row for row, practice in enumerate(self._rows)}
        after = [
            self.index(positions[code], index.column())
            for code, index in zip(codes, before, strict=True)
        ]
        self.changePersistentIndexList(before, after)
        self.layoutChanged.emit()

    def practice_at(self, row: int) -> PracticeSummary:
        return self.row_at(row)

    def row_of(self, ods_code: str) -> int | None:
        """The row showing this practice, or None if it is not in the register."""
        for row, practice in enumerate(self._rows):
            if practice.ods_code == ods_code:
                return row
        return None

    def localities(self) -> list[str]:
        """The locality names present in the rows, sorted (for the locality filter)."""
        return sorted({row.locality_name for row in self._rows if row.locality_name})

    def cell(self, practice: PracticeSummary, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return _display_text(practice, column)
        if role == SORT_ROLE:
            return _sort_value(practice, column)
        if role == Qt.ItemDataRole.ToolTipRole and column in NUMBER_COLUMNS:
            return _list_size_tooltip(practice)
        return None


_FIELD_OF_COLUMN = {
    ODS_CODE_COLUMN: "ods_code",
    NAME_COLUMN: "name",
    LOCALITY_COLUMN: "locality_name",
    CONTRACT_TYPE_COLUMN: "contract_type",
    REGISTERED_COLUMN: "registered_patients",
    WEIGHTED_COLUMN: "weighted_patients",
    STATUS_COLUMN: "status",
}


def _raw_value(practice: PracticeSummary, column: int) -> Any:
    field = _FIELD_OF_COLUMN.get(column)
    return None if field is None else getattr(practice, field)


def _search_key(practice: PracticeSummary) -> str:
    return (
        f"{practice.ods_code}\x00{practice.name}\x00"
        f"{practice.postcode or ''}\x00{practice.locality_name or ''}"
    ).casefold()


def _sorted(
    rows: Sequence[PracticeSummary], column: int, order: Qt.SortOrder
) -> list[PracticeSummary]:
    """Blanks last whichever the direction; text ignores case; ties keep ODS-code order."""
    if column < 0:
        return list(rows)
    present = [row for row in rows if _raw_value(row, column) is not None]
    blank = [row for row in rows if _raw_value(row, column) is None]

    def key(row: PracticeSummary) -> Any:
        value = _raw_value(row, column)
        return value.casefold() if isinstance(value, str) else value

    present.sort(key=key, reverse=order == Qt.SortOrder.DescendingOrder)
    return present + blank


def _display_text(practice: PracticeSummary, column: int) -> str:
    value = _raw_value(practice, column)
    if value is None:
        return ""
    if isinstance(value, Decimal):
        # List sizes are published in quarter-patients; officers read them as whole numbers,
        # and 11,116.5 should read 11,117 (Python's round() would go half to even: 11,116).
        return f"{value.quantize(Decimal(1), rounding=ROUND_HALF_UP):,}"
    return str(value)


def _sort_value(practice: PracticeSummary, column: int) -> Any:
    value = _raw_value(practice, column)
    # A float, not the Decimal: Qt compares numbers it knows; a Decimal would be an opaque object.
    return float(value) if isinstance(value, Decimal) else value


def _list_size_tooltip(practice: PracticeSummary) -> str:
    if practice.list_size_date is None:
        return "No list size recorded"
    return f"List size at {practice.list_size_date:%d %b %Y}"
