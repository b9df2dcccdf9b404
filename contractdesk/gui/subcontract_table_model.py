"""Sub-contracting arrangements as a Qt table model, with their objection deadlines."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor

from contractdesk.domain.subcontracting import Decision
from contractdesk.gui.row_table_model import SORT_ROLE, RowTableModel
from contractdesk.services.subcontracts import SubcontractEntry

# Status and deadline come first: what an officer scans the list for.
REFERENCE_COLUMN = 0
YEAR_COLUMN = 1
STATUS_COLUMN = 2
DAYS_LEFT_COLUMN = 3
DEADLINE_COLUMN = 4
CONTRACTOR_COLUMN = 5
SUBCONTRACTOR_COLUMN = 6
SERVICES_COLUMN = 7
START_COLUMN = 8
END_COLUMN = 9
NOTIFIED_COLUMN = 10
DECISION_COLUMN = 11

COLUMN_TITLES = (
    "Reference",
    "Year",
    "Status",
    "Days left",
    "Object by",
    "Contractor",
    "Sub-contractor",
    "Services",
    "Start",
    "End",
    "Notified",
    "Decision",
)
# A decision due within this many days is highlighted.
SOON_DAYS = 7
SOON_COLOUR = "#fff1c2"
OVERDUE_COLOUR = "#f7d4d7"
TEXT_COLOUR = "#1b1b1b"
_SOON, _OVERDUE = QBrush(QColor(SOON_COLOUR)), QBrush(QColor(OVERDUE_COLOUR))
_TEXT = QBrush(QColor(TEXT_COLOUR))
_DATE_COLUMNS = {
    START_COLUMN: "start_date",
    END_COLUMN: "end_date",
    NOTIFIED_COLUMN: "notified_on",
    DEADLINE_COLUMN: "objection_deadline",
}


class SubcontractTableModel(RowTableModel[SubcontractEntry]):
    """Read-only; `set_rows` replaces them all (the service orders them: awaiting a decision,
    soonest deadline first)."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(COLUMN_TITLES, frozenset({DAYS_LEFT_COLUMN}), parent)

    def cell(self, entry: SubcontractEntry, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return display_text(entry, column)
        if role == SORT_ROLE:
            return _sort_value(entry, column)
        if column == DAYS_LEFT_COLUMN and entry.days_left_to_object is not None:
            days = entry.days_left_to_object
            if role == Qt.ItemDataRole.BackgroundRole and days <= SOON_DAYS:
                return _OVERDUE if days < 0 else _SOON
            if role == Qt.ItemDataRole.ForegroundRole and days <= SOON_DAYS:
                return _TEXT
        if role == Qt.ItemDataRole.ToolTipRole:
            return _tooltip(entry, column)
        return None


def display_text(entry: SubcontractEntry, column: int) -> str:
    if column == REFERENCE_COLUMN:
        return entry.reference
    if column == YEAR_COLUMN:
        return str(entry.financial_year)
    if column == CONTRACTOR_COLUMN:
        return f"{entry.contractor_code} {entry.contractor_name}"
    if column == SUBCONTRACTOR_COLUMN:
        return f"{entry.subcontractor_code} {entry.subcontractor_name}"
    if column == SERVICES_COLUMN:
        return ", ".join(entry.service_codes)
    if column in _DATE_COLUMNS:
        return f"{getattr(entry, _DATE_COLUMNS[column]):%d %b %Y}"
    if column == DAYS_LEFT_COLUMN:
        return days_left_text(entry.days_left_to_object)
    if column == STATUS_COLUMN:
        return entry.status.value
    if column == DECISION_COLUMN:
        return decision_text(entry)
    return ""


def days_left_text(days: int | None) -> str:
    """ "12 days", "last day", "3 days overdue"; blank once decided."""
    if days is None:
        return ""
    if days == 0:
        return "last day"
    if days < 0:
        return f"{-days} day{'s' if days != -1 else ''} overdue"
    return f"{days} day{'s' if days != 1 else ''}"


def decision_text(entry: SubcontractEntry) -> str:
    if entry.decision is Decision.PENDING:
        return "awaited"
    text = f"{entry.decision.value} {entry.decided_on:%d %b %Y}" if entry.decided_on else ""
    if entry.objection_ground is not None:
        text += f" ({entry.objection_ground.label})"
    return text


def _sort_value(entry: SubcontractEntry, column: int) -> Any:
    if column in _DATE_COLUMNS:
        return getattr(entry, _DATE_COLUMNS[column]).toordinal()
    if column == DAYS_LEFT_COLUMN:
        return entry.days_left_to_object
    return display_text(entry, column).casefold()


def _tooltip(entry: SubcontractEntry, column: int) -> str | None:
    if column == DECISION_COLUMN and entry.objection_detail:
        return entry.objection_detail
    if column in (STATUS_COLUMN, END_COLUMN) and entry.ended_on:
        return f"Ended {entry.ended_on:%d %b %Y}: {entry.end_reason}"
    if column == SUBCONTRACTOR_COLUMN:
        return f"Premises: {entry.premises_address}"
    if column == DAYS_LEFT_COLUMN and entry.days_left_to_object is not None:
        return f"The commissioner may object until {entry.objection_deadline:%d %b %Y}"
    return None
