"""The sign-up matrix as a Qt table model: practices (rows) × the year's services (columns).

Four fixed columns (code, name, locality, whole-contract compliance), then one per service.
Each service cell shows its state in words and in colour (never colour alone), with a tooltip
naming the service and the full state. Only the cells on screen are asked for, so 7,000
practices × 20 services cost no more to show than 40.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont

from contractdesk.domain.financial_year import FinancialYear
from contractdesk.domain.whole_contract import CellState, Compliance
from contractdesk.gui.compliance_text import (
    compliance_sort_key,
    compliance_text,
    compliance_tooltip,
    needs_attention,
)
from contractdesk.gui.row_table_model import SORT_ROLE, RowTableModel
from contractdesk.services.service_catalogue import ServiceEntry
from contractdesk.services.signup_matrix import MatrixRow, SignupMatrix

CODE_COLUMN = 0
NAME_COLUMN = 1
LOCALITY_COLUMN = 2
COMPLIANCE_COLUMN = 3
FIRST_SERVICE_COLUMN = 4
FIXED_TITLES = ("ODS code", "Name", "Locality/PCN", "Whole contract")
# The state of a service cell as its text value (Qt hands a str enum back as plain text);
# `state_at` gives the CellState itself. None in the fixed columns.
STATE_ROLE = Qt.ItemDataRole.UserRole + 1
REQUIRED_MARK = " *"

# What a cell says, short enough for twenty columns; the tooltip says it in full.
CELL_TEXT = {
    CellState.NOT_OFFERED: "–",
    CellState.OFFERED: "offered",
    CellState.ACCEPTED: "accepted",
    CellState.DECLINED: "declined",
    CellState.ENDED: "ended",
    CellState.SUBCONTRACTED: "sub-contract",
    CellState.SUBCONTRACT_PENDING: "sub-c. pending",
}
# Pale fills under near-black text: each pair is over 12:1, readable on any theme, since the
# text colour is set with the fill. Not offered keeps the view's own colours.
CELL_COLOUR = {
    CellState.OFFERED: "#fff1c2",
    CellState.ACCEPTED: "#d3ecd6",
    CellState.DECLINED: "#f7d4d7",
    CellState.ENDED: "#e3e4e6",
    CellState.SUBCONTRACTED: "#d2e3fc",
    CellState.SUBCONTRACT_PENDING: "#e6dcf5",
}
GAP_COLOUR = "#f7d4d7"
TEXT_COLOUR = "#1b1b1b"
# Sort order of a service column: the states that need the officer's attention first.
STATE_ORDER = {
    state: position
    for position, state in enumerate(
        (
            CellState.DECLINED,
            CellState.OFFERED,
            CellState.NOT_OFFERED,
            CellState.SUBCONTRACT_PENDING,
            CellState.ENDED,
            CellState.SUBCONTRACTED,
            CellState.ACCEPTED,
        )
    )
}

_FILLS = {state: QBrush(QColor(colour)) for state, colour in CELL_COLOUR.items()}
_GAP_FILL = QBrush(QColor(GAP_COLOUR))
_TEXT = QBrush(QColor(TEXT_COLOUR))


class SignupMatrixModel(RowTableModel[MatrixRow]):
    """Read-only; `set_matrix` shows a year (a reset, or row-by-row updates if only the
    states changed, which keeps the selection and scroll position)."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(FIXED_TITLES, parent=parent)
        self.year: FinancialYear | None = None
        self._services: tuple[ServiceEntry, ...] = ()
        self._has_required = False
        self._positions: dict[str, int] = {}
        self._search_keys: list[str] = []
        self._sort: tuple[int, Qt.SortOrder] | None = None
        self._bold = QFont()
        self._bold.setBold(True)

    # --- contents -------------------------------------------------------------------------

    def set_matrix(self, matrix: SignupMatrix) -> None:
        if (
            matrix.year == self.year
            and matrix.services == self._services
            and {row.ods_code for row in matrix.rows} == set(self._positions)
        ):
            self._update_rows(matrix.rows)
            return
        self.beginResetModel()
        self.year = matrix.year
        self._services = matrix.services
        self._has_required = bool(matrix.required_codes)
        self._titles = FIXED_TITLES + tuple(
            service.code + (REQUIRED_MARK if service.required else "")
            for service in matrix.services
        )
        rows = list(matrix.rows)
        self._rows = rows if self._sort is None else _sorted(rows, *self._sort)
        self._reindex()
        self.endResetModel()

    def _update_rows(self, rows: Sequence[MatrixRow]) -> None:
        by_code = {row.ods_code: row for row in rows}
        last = self.columnCount() - 1
        for position, old in enumerate(self._rows):
            new = by_code[old.ods_code]
            if new != old:
                self._rows[position] = new
                self.dataChanged.emit(self.index(position, 0), self.index(position, last))

    def _reindex(self) -> None:
        self._positions = {row.ods_code: position for position, row in enumerate(self._rows)}
        self._search_keys = []

    @property
    def services(self) -> tuple[ServiceEntry, ...]:
        return self._services

    def service_at(self, column: int) -> ServiceEntry | None:
        position = column - FIRST_SERVICE_COLUMN
        return self._services[position] if 0 <= position < len(self._services) else None

    def column_of(self, service_code: str) -> int | None:
        for position, service in enumerate(self._services):
            if service.code == service_code:
                return FIRST_SERVICE_COLUMN + position
        return None

    def state_at(self, row: int, column: int) -> CellState | None:
        """The state of a service cell; None in the fixed columns."""
        if column < FIRST_SERVICE_COLUMN or not 0 <= row < len(self._rows):
            return None
        return self._rows[row].states[column - FIRST_SERVICE_COLUMN]

    def row_of(self, ods_code: str) -> int | None:
        return self._positions.get(ods_code)

    def localities(self) -> list[tuple[str, str]]:
        """(code, name) of the localities in the rows, by name (for the locality filter)."""
        found = {
            row.locality_code: row.locality_name or row.locality_code
            for row in self._rows
            if row.locality_code
        }
        return sorted(found.items(), key=lambda item: item[1])

    def search_key(self, row: int) -> str:
        """Code, name and locality, case-folded, for the search box (made on first search)."""
        if not self._search_keys:
            self._search_keys = [
                f"{r.ods_code}\x00{r.name}\x00{r.locality_name or ''}".casefold()
                for r in self._rows
            ]
        return self._search_keys[row]

    # --- sorting --------------------------------------------------------------------------

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """In Python, one key per row (a proxy's per-comparison callback is too slow for
        7,000 rows); ties keep ODS-code order."""
        self._sort = (column, order)
        if column < 0 or not self._rows:
            return
        self.layoutAboutToBeChanged.emit()
        before = self.persistentIndexList()
        codes = [self._rows[index.row()].ods_code for index in before]
        self._rows = _sorted(self._rows, column, order)
        self._reindex()
        after = [
            self.index(self._positions[code], index.column())
            for code, index in zip(codes, before, strict=True)
        ]
        self.changePersistentIndexList(before, after)
        self.layoutChanged.emit()

    # --- what a cell shows ----------------------------------------------------------------

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        service = self.service_at(section) if orientation == Qt.Orientation.Horizontal else None
        if service is not None:
            if role == Qt.ItemDataRole.ToolTipRole:
                need = "required for the whole contract" if service.required else "optional"
                retired = " (retired)" if service.retired else ""
                return f"{service.code}: {service.name}{retired}\n{need}"
            if role == Qt.ItemDataRole.FontRole and service.required:
                return self._bold
        if (
            orientation == Qt.Orientation.Horizontal
            and section == COMPLIANCE_COLUMN
            and role == Qt.ItemDataRole.ToolTipRole
        ):
            return f"Every required service (*) accepted or sub-contracted in {self.year}"
        return super().headerData(section, orientation, role)

    def cell(self, row: MatrixRow, column: int, role: int) -> Any:
        if column >= FIRST_SERVICE_COLUMN:
            return self._service_cell(row, column, role)
        if column == COMPLIANCE_COLUMN:
            return self._compliance_cell(row.compliance, role)
        if role in (Qt.ItemDataRole.DisplayRole, SORT_ROLE):
            return _fixed_value(row, column)
        return None

    def _service_cell(self, row: MatrixRow, column: int, role: int) -> Any:
        state = row.states[column - FIRST_SERVICE_COLUMN]
        if role == Qt.ItemDataRole.DisplayRole:
            return CELL_TEXT[state]
        if role == Qt.ItemDataRole.BackgroundRole:
            return _FILLS.get(state)
        if role == Qt.ItemDataRole.ForegroundRole:
            return _TEXT if state in _FILLS else None
        if role == Qt.ItemDataRole.ToolTipRole:
            service = self._services[column - FIRST_SERVICE_COLUMN]
            return f"{row.ods_code} {row.name}\n{service.code}: {service.name}\n{state.value}"
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return Qt.AlignmentFlag.AlignCenter
        if role == STATE_ROLE:
            return state.value
        if role == SORT_ROLE:
            return STATE_ORDER[state]
        return None

    def _compliance_cell(self, compliance: Compliance, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return compliance_text(compliance, self._has_required)
        if role == Qt.ItemDataRole.ToolTipRole:
            return compliance_tooltip(compliance, self._has_required)
        if role == Qt.ItemDataRole.BackgroundRole:
            return _GAP_FILL if needs_attention(compliance) else None
        if role == Qt.ItemDataRole.ForegroundRole:
            return _TEXT if needs_attention(compliance) else None
        if role == SORT_ROLE:
            return compliance_sort_key(compliance)
        return None


def _fixed_value(row: MatrixRow, column: int) -> str:
    if column == CODE_COLUMN:
        return row.ods_code
    if column == NAME_COLUMN:
        return row.name
    return row.locality_name or ""


def _sort_key(row: MatrixRow, column: int) -> Any:
    if column >= FIRST_SERVICE_COLUMN:
        return STATE_ORDER[row.states[column - FIRST_SERVICE_COLUMN]]
    if column == COMPLIANCE_COLUMN:
        return compliance_sort_key(row.compliance)
    return _fixed_value(row, column).casefold()


def _sorted(rows: Sequence[MatrixRow], column: int, order: Qt.SortOrder) -> list[MatrixRow]:
    if column < 0:
        return list(rows)
    ordered = sorted(rows, key=lambda row: row.ods_code)
    ordered.sort(
        key=lambda row: _sort_key(row, column), reverse=order == Qt.SortOrder.DescendingOrder
    )
    return ordered
