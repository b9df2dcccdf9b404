"""Sanctions as a Qt table model."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from contractdesk.domain.money import format_pence
from contractdesk.domain.sanctions import SanctionStatus
from contractdesk.gui.row_table_model import SORT_ROLE, RowTableModel
from contractdesk.services.sanctions import SanctionEntry

REFERENCE_COLUMN = 0
PRACTICE_COLUMN = 1
KIND_COLUMN = 2
OBLIGATION_COLUMN = 3
STATUS_COLUMN = 4
EFFECTIVE_COLUMN = 5
ENDS_COLUMN = 6
NOTICE_COLUMN = 7
DISPUTE_COLUMN = 8
COLUMN_TITLES = (
    "Reference",
    "Practice",
    "Sanction",
    "Obligation or sum",
    "Status",
    "Takes effect",
    "Ends",
    "Notice given",
    "Dispute resolution",
)
STATUS_WORDS = {
    SanctionStatus.NOTIFIED: "notified",
    SanctionStatus.ON_HOLD: "on hold (dispute)",
    SanctionStatus.IN_EFFECT: "in effect",
    SanctionStatus.ENDED: "ended",
    SanctionStatus.WITHDRAWN: "withdrawn",
}
DATE_COLUMNS = {
    NOTICE_COLUMN: "notice_given_on",
    EFFECTIVE_COLUMN: "effective_from",
    ENDS_COLUMN: "ends_on",
}


class SanctionTableModel(RowTableModel[SanctionEntry]):
    """Read-only; in the order they take effect, as the service lists them."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(COLUMN_TITLES, parent=parent)

    def cell(self, entry: SanctionEntry, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return display_text(entry, column)
        if role == SORT_ROLE:
            if column in DATE_COLUMNS:
                day = getattr(entry, DATE_COLUMNS[column])
                return day.toordinal() if day else 0
            return display_text(entry, column).casefold()
        if role == Qt.ItemDataRole.ToolTipRole and column == OBLIGATION_COLUMN:
            return entry.obligation
        return None


def display_text(entry: SanctionEntry, column: int) -> str:
    if column == REFERENCE_COLUMN:
        return entry.reference
    if column == PRACTICE_COLUMN:
        return f"{entry.practice_code} {entry.practice_name}"
    if column == KIND_COLUMN:
        return entry.kind.label
    if column in DATE_COLUMNS:
        day = getattr(entry, DATE_COLUMNS[column])
        return f"{day:%d %b %Y}" if day else ""
    if column == STATUS_COLUMN:
        return STATUS_WORDS[entry.status]
    if column == DISPUTE_COLUMN:
        return dispute_text(entry)
    if column == OBLIGATION_COLUMN:
        if entry.amount_pence is not None:
            return f"{format_pence(entry.amount_pence)}: {entry.obligation}"
        return entry.obligation
    return ""


def dispute_text(entry: SanctionEntry) -> str:
    if entry.dispute_referred_on is None:
        return ""
    text = f"referred {entry.dispute_referred_on:%d %b %Y}"
    if entry.dispute_resolved_on is not None:
        text += f", resolved {entry.dispute_resolved_on:%d %b %Y}"
    return text
