"""A year's service catalogue as a Qt table model."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor

from contractdesk.gui.row_table_model import SORT_ROLE, RowTableModel
from contractdesk.services.service_catalogue import ServiceEntry

CODE_COLUMN = 0
NAME_COLUMN = 1
KIND_COLUMN = 2
FUNDING_COLUMN = 3
PRICE_COLUMN = 4
REQUIRED_COLUMN = 5
RETIRED_COLUMN = 6

COLUMN_TITLES = ("Code", "Name", "Kind", "Funding basis", "Price £", "Required", "Retired")
# Retired services stay listed, greyed (and the Retired column says so in words).
RETIRED_TEXT_COLOUR = "#6b6b6b"
_RETIRED = QBrush(QColor(RETIRED_TEXT_COLOUR))


def price_text(pence: int) -> str:
    return f"{pence // 100:,}.{pence % 100:02d}"


class ServiceTableModel(RowTableModel[ServiceEntry]):
    key_field = "code"

    def __init__(self, parent: Any = None) -> None:
        super().__init__(COLUMN_TITLES, frozenset({PRICE_COLUMN}), parent)

    def cell(self, service: ServiceEntry, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return _display(service, column)
        if role == SORT_ROLE:
            return service.price_pence if column == PRICE_COLUMN else _display(service, column)
        if role == Qt.ItemDataRole.ForegroundRole and service.retired:
            return _RETIRED
        if role == Qt.ItemDataRole.ToolTipRole and column == NAME_COLUMN:
            return (
                "\n".join(text for text in (service.description, service.spec_reference) if text)
                or None
            )
        return None


def _display(service: ServiceEntry, column: int) -> str:
    if column == CODE_COLUMN:
        return service.code
    if column == NAME_COLUMN:
        return service.name
    if column == KIND_COLUMN:
        return service.kind.label
    if column == FUNDING_COLUMN:
        return service.funding_basis.label
    if column == PRICE_COLUMN:
        return price_text(service.price_pence)
    if column == REQUIRED_COLUMN:
        return "required" if service.required else "optional"
    if column == RETIRED_COLUMN:
        return "retired" if service.retired else ""
    return ""
