"""The practice register as a Qt table model over `PracticeSummary` rows."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import ROUND_HALF_UP, Decimal
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor

from contractdesk.domain.financial_year import FinancialYear
from contractdesk.gui.compliance_text import (
    compliance_sort_key,
    compliance_text,
    compliance_tooltip,
    needs_attention,
)
from contractdesk.gui.row_table_model import SORT_ROLE, RowTableModel
from contractdesk.services.practice_summary import PracticeSummary

if TYPE_CHECKING:  # the domain type is only named in annotations
    from contractdesk.domain.whole_contract import Compliance

ODS_CODE_COLUMN = 0
NAME_COLUMN = 1
LOCALITY_COLUMN = 2
CONTRACT_TYPE_COLUMN = 3
REGISTERED_COLUMN = 4
WEIGHTED_COLUMN = 5
STATUS_COLUMN = 6
WHOLE_CONTRACT_COLUMN = 7

COLUMN_TITLES = (
    "ODS code",
    "Name",
    "Locality/PCN",
    "Contract",
    "Registered",
    "Weighted",
    "Status",
    "Whole contract",
)
# A practice short of the whole contract: a pale fill under near-black text (12:1 contrast).
ATTENTION_FILL = QBrush(QColor("#f7d4d7"))
ATTENTION_TEXT = QBrush(QColor("#1b1b1b"))
NUMBER_COLUMNS = frozenset({REGISTERED_COLUMN, WEIGHTED_COLUMN})
CODE_ORDER = (ODS_CODE_COLUMN, Qt.SortOrder.AscendingOrder)


class PracticeTableModel(RowTableModel[PracticeSummary]):
    """Read-only rows of the practice register; `set_rows` replaces them all."""

    key_field = "ods_code"

    def __init__(self, parent: Any = None) -> None:
        super().__init__(COLUMN_TITLES, NUMBER_COLUMNS, parent)
        self._search_keys: list[str] = []
        # The order the rows are in. The register service returns them in code order.
        self._sort: tuple[int, Qt.SortOrder] = CODE_ORDER
        # Whole-contract compliance by ODS code: filled after the register is on screen.
        self._compliance: dict[str, Compliance] | None = None
        self._compliance_year: FinancialYear | None = None
        self._has_required = False

    def set_rows(self, rows: Sequence[PracticeSummary]) -> None:
        self.beginResetModel()
        already_in_order = self._sort == CODE_ORDER
        self._rows = list(rows) if already_in_order else self._sorted(rows, *self._sort)
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
        self._rows = self._sorted(self._rows, column, order)
        self._search_keys = []
        positions = {practice.ods_code: row for row, practice in enumerate(self._rows)}
        after = [
            self.index(positions[code], index.column())
            for code, index in zip(codes, before, strict=True)
        ]
        self.changePersistentIndexList(before, after)
        self.layoutChanged.emit()

    def set_compliance(
        self, year: FinancialYear, by_code: dict[str, Compliance], has_required: bool
    ) -> None:
        """Show the year's whole-contract compliance (a practice not in `by_code` shows —)."""
        self._compliance, self._compliance_year = dict(by_code), year
        self._has_required = has_required
        column = WHOLE_CONTRACT_COLUMN
        if self._rows:
            self.dataChanged.emit(self.index(0, column), self.index(len(self._rows) - 1, column))
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, column, column)

    def compliance_of(self, ods_code: str) -> Compliance | None:
        return None if self._compliance is None else self._compliance.get(ods_code)

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and section == WHOLE_CONTRACT_COLUMN
            and role == Qt.ItemDataRole.ToolTipRole
        ):
            year = self._compliance_year or "the current year"
            return f"Every required service accepted or sub-contracted in {year}"
        return super().headerData(section, orientation, role)

    def practice_at(self, row: int) -> PracticeSummary:
        return self.row_at(row)

    def localities(self) -> list[str]:
        """The locality names present in the rows, sorted (for the locality filter)."""
        return sorted({row.locality_name for row in self._rows if row.locality_name})

    def cell(self, practice: PracticeSummary, column: int, role: int) -> Any:
        if column == WHOLE_CONTRACT_COLUMN:
            return self._compliance_cell(practice.ods_code, role)
        if role == Qt.ItemDataRole.DisplayRole:
            return _display_text(practice, column)
        if role == SORT_ROLE:
            return _sort_value(practice, column)
        if role == Qt.ItemDataRole.ToolTipRole and column in NUMBER_COLUMNS:
            return _list_size_tooltip(practice)
        return None

    def _compliance_cell(self, ods_code: str, role: int) -> Any:
        if self._compliance is None:  # not loaded yet
            return "" if role == Qt.ItemDataRole.DisplayRole else None
        compliance = self._compliance.get(ods_code)
        if role == Qt.ItemDataRole.DisplayRole:
            return compliance_text(compliance, self._has_required)
        if role == Qt.ItemDataRole.ToolTipRole:
            text = compliance_tooltip(compliance, self._has_required)
            return f"{self._compliance_year}: {text}"
        if role == Qt.ItemDataRole.BackgroundRole and needs_attention(compliance):
            return ATTENTION_FILL
        if role == Qt.ItemDataRole.ForegroundRole and needs_attention(compliance):
            return ATTENTION_TEXT
        if role == SORT_ROLE:
            return compliance_sort_key(compliance)
        return None

    def _sorted(
        self, rows: Sequence[PracticeSummary], column: int, order: Qt.SortOrder
    ) -> list[PracticeSummary]:
        if column != WHOLE_CONTRACT_COLUMN:
            return _sorted(rows, column, order)
        return sorted(
            rows,
            key=lambda row: compliance_sort_key(self.compliance_of(row.ods_code)),
            reverse=order == Qt.SortOrder.DescendingOrder,
        )


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
