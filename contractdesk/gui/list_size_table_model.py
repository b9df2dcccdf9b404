"""A practice's list-size history as a Qt table model over `ListSizeEntry` rows."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from PySide6.QtCore import Qt

from contractdesk.gui.row_table_model import SORT_ROLE, RowTableModel
from contractdesk.services.practices import ListSizeEntry

AS_OF_COLUMN = 0
REGISTERED_COLUMN = 1
WEIGHTED_COLUMN = 2
SOURCE_COLUMN = 3

COLUMN_TITLES = ("As at", "Registered", "Weighted", "Source")
NUMBER_COLUMNS = frozenset({REGISTERED_COLUMN, WEIGHTED_COLUMN})


class ListSizeTableModel(RowTableModel[ListSizeEntry]):
    """Read-only list sizes, newest first as the service returns them."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(COLUMN_TITLES, NUMBER_COLUMNS, parent)

    def cell(self, entry: ListSizeEntry, column: int, role: int) -> Any:
        value = (entry.as_of, entry.registered_patients, entry.weighted_patients, entry.source)[
            column
        ]
        if role == Qt.ItemDataRole.DisplayRole:
            return _display_text(value)
        if role == SORT_ROLE:
            return float(value) if isinstance(value, Decimal) else value
        return None


def _display_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, Decimal):
        # Weighted lists have fractions worth seeing here, unlike in the register's summary.
        return f"{value:,.2f}" if value != value.to_integral_value() else f"{value:,.0f}"
    if hasattr(value, "strftime"):
        return f"{value:%d %b %Y}"
    return str(value)
