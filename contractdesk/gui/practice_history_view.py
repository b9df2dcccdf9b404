"""The History tab: a practice's audit entries, and what the selected entry changed."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QItemSelection,
    QObject,
    Qt,
)
from PySide6.QtWidgets import QHeaderView, QTableView

from contractdesk.gui.practice_form_fields import describe_value, field_label
from contractdesk.gui.row_table_model import RowTableModel
from contractdesk.services.audit import AuditRecord

WHEN_COLUMN, WHO_COLUMN, ACTION_COLUMN, SUMMARY_COLUMN = range(4)
HISTORY_TITLES = ("When", "Who", "Action", "Summary")
FIELD_COLUMN, BEFORE_COLUMN, AFTER_COLUMN = range(3)
CHANGE_TITLES = ("Field", "Before", "After")
# Room beyond a column's widest text, as in the register.
COLUMN_PADDING = 24


class _TextTableModel(RowTableModel[tuple[str, ...]]):
    """Read-only rows of display text under fixed column titles."""

    def __init__(self, titles: Sequence[str], parent: Any = None) -> None:
        super().__init__(titles, parent=parent)

    def set_text_rows(self, rows: Sequence[tuple[str, ...]]) -> None:
        self.set_rows(rows)

    def cell(self, row: tuple[str, ...], column: int, role: int) -> Any:
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return row[column]
        return None


class PracticeHistoryModel(_TextTableModel):
    """Audit entries, newest first: when, who, what kind of change and its summary."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(HISTORY_TITLES, parent)
        self._records: list[AuditRecord] = []

    def set_records(self, records: Sequence[AuditRecord]) -> None:
        self._records = list(records)
        self.set_text_rows(
            [
                (
                    f"{record.occurred_at:%d %b %Y %H:%M}",
                    record.user_login,
                    record.action,
                    record.summary or "",
                )
                for record in self._records
            ]
        )

    def record_at(self, row: int) -> AuditRecord:
        return self._records[row]


class ChangeTableModel(_TextTableModel):
    """The fields one audit entry changed, each with its value before and after."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(CHANGE_TITLES, parent)


def change_rows(record: AuditRecord, ods_code: str) -> list[tuple[str, str, str]]:
    """(field, before, after) for the entry; an import lists only this practice's part of it."""
    before, after = record.before or {}, record.after or {}
    if before or after:
        names = list(after) + [name for name in before if name not in after]
        return [
            (field_label(name), describe_value(before.get(name)), describe_value(after.get(name)))
            for name in names
        ]
    details = record.details or {}
    updated = (details.get("updated") or {}).get(ods_code)
    if updated:
        return [
            (field_label(name), describe_value(old), describe_value(new))
            for name, (old, new) in updated.items()
        ]
    if ods_code in (details.get("added") or ()):
        kind = "practice" if record.entity_type == "practice" else "payment year"
        return [("Record", "—", f"{kind} added by the import")]
    registered = (details.get("list_sizes") or {}).get(ods_code)
    if registered is not None:
        label = f"Registered patients at {describe_value(details.get('as_of'))}"
        return [(label, "—", describe_value(registered))]
    return []


class PracticeHistoryView(QObject):
    """Binds the two History tables: choosing an entry shows its before and after values."""

    def __init__(self, history_table: QTableView, change_table: QTableView, parent: Any) -> None:
        super().__init__(parent)
        self._ods_code = ""
        self._history_table = history_table
        self._change_table = change_table
        self.history_model = PracticeHistoryModel(self)
        self.change_model = ChangeTableModel(self)
        history_table.setModel(self.history_model)
        change_table.setModel(self.change_model)
        for table in (history_table, change_table):
            table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)
            table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self._connect_signals()

    def show_records(self, ods_code: str, records: Sequence[AuditRecord]) -> None:
        self._ods_code = ods_code
        self.history_model.set_records(records)
        self.change_model.set_text_rows([])
        for column in (WHEN_COLUMN, WHO_COLUMN, ACTION_COLUMN):
            self._history_table.resizeColumnToContents(column)
            width = self._history_table.columnWidth(column) + COLUMN_PADDING
            self._history_table.setColumnWidth(column, width)
        if records:
            self._history_table.selectRow(0)

    def _connect_signals(self) -> None:
        selection = self._history_table.selectionModel()
        selection.selectionChanged.connect(self._on_history_selection_changed)

    def _on_history_selection_changed(self, selected: QItemSelection, _old: QItemSelection) -> None:
        rows = {index.row() for index in selected.indexes()}
        if not rows:
            self.change_model.set_text_rows([])
            return
        record = self.history_model.record_at(min(rows))
        self.change_model.set_text_rows(change_rows(record, self._ods_code))
        for column in (FIELD_COLUMN, BEFORE_COLUMN):
            self._change_table.resizeColumnToContents(column)
            width = self._change_table.columnWidth(column) + COLUMN_PADDING
            self._change_table.setColumnWidth(column, width)
