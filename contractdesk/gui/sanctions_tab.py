"""The Notices section's Sanctions tab: every sanction with its status, and the approver's
actions on one: the practice's dispute referral (and its resolution), and withdrawal."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSortFilterProxyModel, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QTableView, QVBoxLayout, QWidget

from contractdesk.domain.roles import Role
from contractdesk.domain.sanctions import SanctionStatus
from contractdesk.gui.list_table import fit_columns, select_source_row, set_up_list_table
from contractdesk.gui.notice_action_rules import needs_role
from contractdesk.gui.row_table_model import SORT_ROLE
from contractdesk.gui.sanction_dialog import DisputeDialog, WithdrawSanctionDialog
from contractdesk.gui.sanction_table_model import (
    OBLIGATION_COLUMN,
    PRACTICE_COLUMN,
    SanctionTableModel,
)
from contractdesk.services.sanctions import SanctionEntry, list_sanctions
from contractdesk.services.workspace import Workspace

COLUMN_PADDING = 10
WIDE_COLUMN_LIMIT = 230
NOTHING_TO_DO = frozenset({SanctionStatus.WITHDRAWN, SanctionStatus.ENDED})


class SanctionsTab(QWidget):
    completed = Signal(object)  # the SanctionEntry an action saved

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self.dialog: QWidget | None = None
        self.model = SanctionTableModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.table = QTableView()
        set_up_list_table(self.table, self.proxy)
        self.dispute_button = QPushButton("Dis&pute referral…")
        self.withdraw_button = QPushButton("&Withdraw sanction…")
        self.note_label = QLabel(
            "Sanctions are recorded from a notice (Notices tab) where termination may be open."
        )
        self.note_label.setWordWrap(True)
        bar = QHBoxLayout()
        bar.addWidget(self.note_label, 1)
        bar.addWidget(self.dispute_button)
        bar.addWidget(self.withdraw_button)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        self.dispute_button.clicked.connect(self._on_dispute_clicked)
        self.withdraw_button.clicked.connect(self._on_withdraw_clicked)
        self.table.selectionModel().currentRowChanged.connect(self.update_buttons)
        self.proxy.modelReset.connect(self.update_buttons)
        self.reload()

    def reload(self) -> None:
        selected = self.selected_entry()
        self.model.set_rows(list_sanctions(self._workspace))
        limits = dict.fromkeys((PRACTICE_COLUMN, OBLIGATION_COLUMN), WIDE_COLUMN_LIMIT)
        fit_columns(self.table, range(self.model.columnCount() - 1), COLUMN_PADDING, limits)
        if not (selected and self.select_reference(selected.reference)) and self.model.rowCount():
            self.table.selectRow(0)
        self.update_buttons()

    def select_reference(self, reference: str) -> bool:
        return select_source_row(self.table, self.model.row_of(reference))

    def selected_entry(self) -> SanctionEntry | None:
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        return self.model.row_at(self.proxy.mapToSource(index).row())

    def record_dispute(self) -> DisputeDialog | None:
        entry = self._actionable()
        return None if entry is None else self._open(DisputeDialog(self._workspace, entry, self))

    def withdraw(self) -> WithdrawSanctionDialog | None:
        entry = self._actionable()
        if entry is None:
            return None
        return self._open(WithdrawSanctionDialog(self._workspace, entry, self))

    def update_buttons(self, *_arguments: Any) -> None:
        entry = self.selected_entry()
        approver = self._workspace.user.role.can_act_as(Role.APPROVER)
        reason = None
        if entry is None:
            reason = "Choose a sanction."
        elif entry.status in NOTHING_TO_DO:
            reason = f"Sanction {entry.reference} has {entry.status.value}."
        for button in (self.dispute_button, self.withdraw_button):
            button.setEnabled(approver and reason is None)
            button.setToolTip(needs_role(Role.APPROVER) if not approver else (reason or ""))

    def _actionable(self) -> SanctionEntry | None:
        entry = self.selected_entry()
        if not self._workspace.user.role.can_act_as(Role.APPROVER) or entry is None:
            return None
        return None if entry.status in NOTHING_TO_DO else entry

    def _open(self, dialog: Any) -> Any:
        self.dialog = dialog.start(self._on_completed)
        return dialog

    def _on_completed(self, entry: SanctionEntry) -> None:
        self.reload()
        self.completed.emit(entry)

    def _on_dispute_clicked(self) -> None:
        self.record_dispute()

    def _on_withdraw_clicked(self) -> None:
        self.withdraw()
