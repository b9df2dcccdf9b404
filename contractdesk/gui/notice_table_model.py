"""Remedial and breach notices as a Qt table model: deadlines and the further-breach flag."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from contractdesk.gui.row_table_model import SORT_ROLE, RowTableModel
from contractdesk.gui.urgency import FLAG_BRUSH, TEXT_BRUSH, days_left_text, urgency_style
from contractdesk.services.notices import NoticeEntry

REFERENCE_COLUMN = 0
PRACTICE_COLUMN = 1
KIND_COLUMN = 2
STATUS_COLUMN = 3
GIVEN_COLUMN = 4
DEADLINE_COLUMN = 5
DAYS_LEFT_COLUMN = 6
FLAG_COLUMN = 7
BREACH_COLUMN = 8

COLUMN_TITLES = (
    "Reference",
    "Practice",
    "Kind",
    "Status",
    "Given",
    "Deadline",
    "Days left",
    "Further breach",
    "Breach",
)
FLAG_TEXT = "⚑ termination may be open"
_DATE_COLUMNS = {GIVEN_COLUMN: "given_on", DEADLINE_COLUMN: "deadline"}


class NoticeTableModel(RowTableModel[NoticeEntry]):
    """Read-only; `set_rows` replaces them all (the service orders them: running deadlines
    first, soonest first)."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(COLUMN_TITLES, frozenset({DAYS_LEFT_COLUMN}), parent)

    def cell(self, entry: NoticeEntry, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return display_text(entry, column)
        if role == SORT_ROLE:
            return _sort_value(entry, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return _tooltip(entry, column)
        if column == DAYS_LEFT_COLUMN:
            return urgency_style(entry.days_to_deadline, role)
        if column == FLAG_COLUMN and entry.further_breach is not None:
            if role == Qt.ItemDataRole.BackgroundRole:
                return FLAG_BRUSH
            if role == Qt.ItemDataRole.ForegroundRole:
                return TEXT_BRUSH
        return None


def display_text(entry: NoticeEntry, column: int) -> str:
    if column == REFERENCE_COLUMN:
        return entry.reference
    if column == PRACTICE_COLUMN:
        return f"{entry.practice_code} {entry.practice_name}"
    if column == KIND_COLUMN:
        return entry.kind.value
    if column == STATUS_COLUMN:
        return entry.status.label
    if column in _DATE_COLUMNS:
        day = getattr(entry, _DATE_COLUMNS[column])
        return f"{day:%d %b %Y}" if day else ""
    if column == DAYS_LEFT_COLUMN:
        return days_left_text(entry.days_to_deadline)
    if column == FLAG_COLUMN:
        return FLAG_TEXT if entry.further_breach is not None else ""
    if column == BREACH_COLUMN:
        return entry.breach
    return ""


def flag_tooltip(entry: NoticeEntry) -> str | None:
    flag = entry.further_breach
    if flag is None:
        return None
    earlier = ", ".join(
        f"{notice.reference} ({notice.kind.label}, given {notice.given_on:%d %b %Y})"
        for notice in flag.earlier
        if notice.given_on
    )
    return (
        f"Further breach: {flag.reason}.\nEarlier notices: {earlier}.\n"
        "Termination or a sanction may be open to the commissioner; the cumulative effect of "
        "the breaches is weighed by people, not the app. Seek legal advice first."
    )


def _sort_value(entry: NoticeEntry, column: int) -> Any:
    if column in _DATE_COLUMNS:
        day = getattr(entry, _DATE_COLUMNS[column])
        return day.toordinal() if day else None
    if column == DAYS_LEFT_COLUMN:
        return entry.days_to_deadline
    return display_text(entry, column).casefold()


def _tooltip(entry: NoticeEntry, column: int) -> str | None:
    if column == FLAG_COLUMN:
        return flag_tooltip(entry)
    if column == PRACTICE_COLUMN:
        return f"{entry.practice_code} {entry.practice_name}"  # elided in a narrow column
    if column == BREACH_COLUMN:
        steps = f"\nSteps required: {entry.steps_required}" if entry.steps_required else ""
        clause = f"\nClause: {entry.clause}" if entry.clause else ""
        return f"{entry.breach}{steps}{clause}"
    if column == STATUS_COLUMN and entry.outcome_note:
        return f"{entry.status.label} {entry.outcome_on:%d %b %Y}: {entry.outcome_note}"
    if column == DEADLINE_COLUMN and entry.short_reason is not None:
        return f"Shorter period: {entry.short_reason.label}. {entry.short_reason_detail or ''}"
    if column == REFERENCE_COLUMN and entry.concern_reference:
        return f"Raised from concern {entry.concern_reference}"
    return None
