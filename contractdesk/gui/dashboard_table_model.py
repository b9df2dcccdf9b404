"""The dashboard's items as a Qt table model: overdue ones say so in words and in colour."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt

from contractdesk.gui.row_table_model import SORT_ROLE, RowTableModel
from contractdesk.gui.urgency import OVERDUE_BRUSH, TEXT_BRUSH, urgency_style, when_text

if TYPE_CHECKING:  # the service (and what it imports) loads after the window's first paint
    from contractdesk.services.dashboard import DashboardItem

DUE_COLUMN = 0
WHEN_COLUMN = 1
CATEGORY_COLUMN = 2
PRACTICE_COLUMN = 3
TITLE_COLUMN = 4
COLUMN_TITLES = ("Due", "When", "Category", "Practice", "What needs doing")
# Items with a real deadline, highlighted as it nears; the others (a practice not compliant, a
# stage of the performance cycle) are due "now" and carry no colour unless overdue.
DEADLINE_KINDS = frozenset({"notice", "subcontract", "offers", "plan"})


class DashboardTableModel(RowTableModel["DashboardItem"]):
    """Read-only; `set_items` replaces them all, in the service's order (overdue first, then
    soonest)."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(COLUMN_TITLES, parent=parent)
        self._today = date.today()

    def set_items(self, items: list[DashboardItem], today: date) -> None:
        self._today = today
        self.set_rows(items)

    def categories(self) -> list[str]:
        return sorted({item.category for item in self._rows})

    def row_of(self, target_kind: str, target_key: str) -> int | None:
        for row, item in enumerate(self._rows):
            if (item.target_kind, item.target_key) == (target_kind, target_key):
                return row
        return None

    def cell(self, item: DashboardItem, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(item, column)
        if role == SORT_ROLE:
            if column in (DUE_COLUMN, WHEN_COLUMN):
                return (not item.overdue, item.due.toordinal())
            return self._text(item, column).casefold()
        if role == Qt.ItemDataRole.ToolTipRole:
            return item.detail or None
        if column in (DUE_COLUMN, WHEN_COLUMN):
            if item.overdue:
                if role == Qt.ItemDataRole.BackgroundRole:
                    return OVERDUE_BRUSH
                if role == Qt.ItemDataRole.ForegroundRole:
                    return TEXT_BRUSH
                return None
            if item.target_kind in DEADLINE_KINDS:
                return urgency_style(self._days(item), role)
        return None

    def _days(self, item: DashboardItem) -> int:
        return (item.due - self._today).days

    def _text(self, item: DashboardItem, column: int) -> str:
        if column == DUE_COLUMN:
            return f"{item.due:%d %b %Y}"
        if column == WHEN_COLUMN:
            # An item can be overdue with its due date moved up to today (a cycle event).
            days = self._days(item)
            if item.overdue and days >= 0:
                return "overdue"
            if days == 0 and item.target_kind not in DEADLINE_KINDS:
                return "now"
            return when_text(days)
        if column == CATEGORY_COLUMN:
            return item.category
        if column == PRACTICE_COLUMN:
            return item.practice_code or ""
        if column == TITLE_COLUMN:
            return item.title
        return ""
