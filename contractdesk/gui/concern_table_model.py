"""Concerns about practices as a Qt table model."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from contractdesk.gui.row_table_model import SORT_ROLE, RowTableModel
from contractdesk.services.notices import ConcernEntry

REFERENCE_COLUMN = 0
PRACTICE_COLUMN = 1
RAISED_COLUMN = 2
SOURCE_COLUMN = 3
STANDARD_COLUMN = 4
STATUS_COLUMN = 5
DESCRIPTION_COLUMN = 6
COLUMN_TITLES = ("Reference", "Practice", "Raised", "Source", "Standard", "Status", "Concern")


class ConcernTableModel(RowTableModel[ConcernEntry]):
    """Read-only; newest first, as the service lists them."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(COLUMN_TITLES, parent=parent)

    def cell(self, entry: ConcernEntry, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return display_text(entry, column)
        if role == SORT_ROLE:
            if column == RAISED_COLUMN:
                return entry.raised_on.toordinal()
            return display_text(entry, column).casefold()
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == STATUS_COLUMN and entry.outcome:
                return f"Closed {entry.closed_on:%d %b %Y}: {entry.outcome}"
            if column == DESCRIPTION_COLUMN:
                return entry.description
            if column == RAISED_COLUMN:
                return f"Raised by {entry.raised_by}"
        return None


def display_text(entry: ConcernEntry, column: int) -> str:
    if column == REFERENCE_COLUMN:
        return entry.reference
    if column == PRACTICE_COLUMN:
        return f"{entry.practice_code} {entry.practice_name}"
    if column == RAISED_COLUMN:
        return f"{entry.raised_on:%d %b %Y}"
    if column == SOURCE_COLUMN:
        return entry.source.value
    if column == STANDARD_COLUMN:
        return entry.standard or ""
    if column == STATUS_COLUMN:
        return entry.status.value
    if column == DESCRIPTION_COLUMN:
        return entry.description
    return ""
