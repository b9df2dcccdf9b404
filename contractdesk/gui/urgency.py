"""How the escalation tables mark what is due soon or overdue: always words, and a colour."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor

# Due within this many days is "soon" (highlighted, like the sub-contract objection windows).
SOON_DAYS = 7
SOON_COLOUR = "#fff1c2"  # pale amber
OVERDUE_COLOUR = "#f7d4d7"  # pale red
FLAG_COLOUR = "#fde2c4"  # pale orange: the further-breach flag
# Dark text on the pale backgrounds, whatever the palette (a dark theme's light text would
# vanish on them).
TEXT_COLOUR = "#1b1b1b"
SOON_BRUSH, OVERDUE_BRUSH = QBrush(QColor(SOON_COLOUR)), QBrush(QColor(OVERDUE_COLOUR))
FLAG_BRUSH, TEXT_BRUSH = QBrush(QColor(FLAG_COLOUR)), QBrush(QColor(TEXT_COLOUR))


def days_left_text(days: int | None) -> str:
    """ "12 days", "last day", "3 days overdue"; blank when there is no deadline running."""
    if days is None:
        return ""
    if days == 0:
        return "last day"
    if days < 0:
        return f"{-days} day{'s' if days != -1 else ''} overdue"
    return f"{days} day{'s' if days != 1 else ''}"


def when_text(days: int) -> str:
    """Relative to today: "in 8 days", "today", "20 days overdue"."""
    if days == 0:
        return "today"
    if days < 0:
        return f"{-days} day{'s' if days != -1 else ''} overdue"
    return f"in {days} day{'s' if days != 1 else ''}"


def urgency_style(days: int | None, role: int) -> Any:
    """The background and text colour for a cell `days` from its deadline (None: neither)."""
    if days is None or days > SOON_DAYS:
        return None
    if role == Qt.ItemDataRole.BackgroundRole:
        return OVERDUE_BRUSH if days < 0 else SOON_BRUSH
    if role == Qt.ItemDataRole.ForegroundRole:
        return TEXT_BRUSH
    return None
