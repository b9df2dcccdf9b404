"""The Sub-contracts section: every arrangement with its status and objection deadline."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSortFilterProxyModel, Signal
from PySide6.QtGui import QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from contractdesk.domain.roles import Role
from contractdesk.domain.subcontracting import Decision, SubcontractStatus
from contractdesk.gui.action_dialog import ActionDialog
from contractdesk.gui.list_table import fit_columns, select_source_row, set_up_list_table
from contractdesk.gui.row_table_model import SORT_ROLE
from contractdesk.gui.subcontract_dialogs import (
    DecisionDialog,
    EndSubcontractDialog,
    NewSubcontractDialog,
)
from contractdesk.gui.subcontract_table_model import (
    CONTRACTOR_COLUMN,
    SUBCONTRACTOR_COLUMN,
    SubcontractTableModel,
)
from contractdesk.gui.year_choice import default_year, index_of_data
from contractdesk.services.catalogue_years import catalogue_years
from contractdesk.services.practices import list_practices
from contractdesk.services.subcontracts import SubcontractEntry, list_subcontracts
from contractdesk.services.workspace import Workspace

ALL_STATUSES = "All statuses"
ALL_YEARS = "All years"
COLUMN_PADDING = 16
NAME_COLUMN_WIDTH = 200
SUBCONTRACT_CHANGES = frozenset({"subcontracts"})


class SubcontractsPage(QWidget):
    """Lists arrangements, those awaiting a decision first; officers record and end them,
    approvers decide. A viewer sees the list only."""

    subcontracts_changed = Signal(object)  # frozenset[str]: what an action changed

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._workspace = workspace
        role = workspace.user.role
        self._can_edit = role.can_act_as(Role.OFFICER)
        self._can_decide = role.can_act_as(Role.APPROVER)
        self.dialog: ActionDialog | None = None
        self.model = SubcontractTableModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.title_label = QLabel("Sub-contracts")
        self.status_combo = QComboBox()
        self.year_combo = QComboBox()
        self.new_button = QPushButton("&New sub-contract…")
        self.approve_button = QPushButton("&Approve…")
        self.object_button = QPushButton("&Object…")
        self.end_button = QPushButton("&End…")
        self.table = QTableView()
        self.count_label = QLabel()
        self.state_label = QLabel()
        self._new_shortcut = QShortcut(QKeySequence.StandardKey.New, self)
        self._set_up_widgets()
        self.reload()
        self._connect_signals()
        self._update_buttons()

    # --- public ---------------------------------------------------------------------------

    def reload(self) -> None:
        selected = self.selected_reference()
        self.model.set_rows(
            list_subcontracts(
                self._workspace, statuses=self._statuses(), year=self.year_combo.currentData()
            )
        )
        self._size_columns()
        if selected is None or not self._select_row_of(selected):
            self._select_first()
        self._update_count()
        self._update_buttons()

    def set_status_filter(self, status: SubcontractStatus | None) -> None:
        self.status_combo.setCurrentIndex(max(index_of_data(self.status_combo, status), 0))

    def selected_entry(self) -> SubcontractEntry | None:
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        return self.model.row_at(self.proxy.mapToSource(index).row())

    def selected_reference(self) -> str | None:
        entry = self.selected_entry()
        return entry.reference if entry else None

    def select_reference(self, reference: str) -> bool:
        """Select this arrangement, clearing the filters if they hide it."""
        row = self.model.row_of(reference)
        if row is None and (self.status_combo.currentIndex() or self.year_combo.currentIndex()):
            for combo in (self.status_combo, self.year_combo):
                combo.blockSignals(True)
                combo.setCurrentIndex(0)
                combo.blockSignals(False)
            self.reload()
        return self._select_row_of(reference)

    def _select_row_of(self, reference: str) -> bool:
        return select_source_row(self.table, self.model.row_of(reference))

    def _select_first(self) -> None:
        if self.proxy.rowCount():
            self.table.selectRow(0)

    def new_subcontract(self, contractor: str | None = None) -> NewSubcontractDialog:
        practices = [
            (p.ods_code, p.name) for p in list_practices(self._workspace) if p.status == "active"
        ]
        years = catalogue_years(self._workspace)
        dialog = NewSubcontractDialog(
            self._workspace, practices, years, default_year(years), self, contractor=contractor
        )
        return self._open(dialog, "recorded")

    def decide(self, approve: bool) -> DecisionDialog | None:
        entry = self.selected_entry()
        if entry is None or not self._can_decide or entry.decision is not Decision.PENDING:
            return None
        dialog = DecisionDialog(self._workspace, entry, approve=approve, parent=self)
        return self._open(dialog, "approved" if approve else "objected to")

    def end(self) -> EndSubcontractDialog | None:
        entry = self.selected_entry()
        if entry is None or not self._can_edit or not _can_end(entry):
            return None
        return self._open(EndSubcontractDialog(self._workspace, entry, self), "ended")

    # --- set-up ---------------------------------------------------------------------------

    def _set_up_widgets(self) -> None:
        font = QFont(self.title_label.font())
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.title_label.setFont(font)
        self.status_combo.addItem(ALL_STATUSES, None)
        for status in SubcontractStatus:
            self.status_combo.addItem(status.value, status)
        self.year_combo.addItem(ALL_YEARS, None)
        for year in sorted(catalogue_years(self._workspace), reverse=True):
            self.year_combo.addItem(str(year), year)
        for button in (self.new_button, self.end_button):
            button.setVisible(self._can_edit)
        for button in (self.approve_button, self.object_button):
            button.setVisible(self._can_decide)
        self._new_shortcut.setEnabled(self._can_edit)
        bar = QHBoxLayout()
        bar.addWidget(self.title_label)
        bar.addSpacing(12)
        for text, combo in (("&Status:", self.status_combo), ("&Year:", self.year_combo)):
            label = QLabel(text)
            label.setBuddy(combo)
            bar.addWidget(label)
            bar.addWidget(combo)
        bar.addStretch(1)
        for button in (self.new_button, self.approve_button, self.object_button, self.end_button):
            bar.addWidget(button)
        table = self.table
        set_up_list_table(table, self.proxy)
        footer = QHBoxLayout()
        footer.addWidget(self.count_label)
        footer.addWidget(self.state_label, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(table, 1)
        layout.addLayout(footer)

    def _size_columns(self) -> None:
        names = dict.fromkeys((CONTRACTOR_COLUMN, SUBCONTRACTOR_COLUMN), NAME_COLUMN_WIDTH)
        fit_columns(self.table, range(self.model.columnCount() - 1), COLUMN_PADDING, names)

    def _connect_signals(self) -> None:
        self.status_combo.currentIndexChanged.connect(self._on_filter_changed)
        self.year_combo.currentIndexChanged.connect(self._on_filter_changed)
        self.new_button.clicked.connect(self._on_new_clicked)
        self.approve_button.clicked.connect(self._on_approve_clicked)
        self.object_button.clicked.connect(self._on_object_clicked)
        self.end_button.clicked.connect(self._on_end_clicked)
        self._new_shortcut.activated.connect(self._on_new_clicked)
        self.table.selectionModel().currentRowChanged.connect(self._update_buttons)
        self.proxy.modelReset.connect(self._update_buttons)

    # --- handlers -------------------------------------------------------------------------

    def _on_filter_changed(self, _index: int) -> None:
        self.reload()

    def _on_new_clicked(self) -> None:
        if self._can_edit:
            self.new_subcontract()

    def _on_approve_clicked(self) -> None:
        self.decide(approve=True)

    def _on_object_clicked(self) -> None:
        self.decide(approve=False)

    def _on_end_clicked(self) -> None:
        self.end()

    def _on_action_completed(self, entry: SubcontractEntry, verb: str) -> None:
        self.reload()
        self.select_reference(entry.reference)
        self.state_label.setText(f"Sub-contract {entry.reference} {verb}.")
        self.subcontracts_changed.emit(SUBCONTRACT_CHANGES)

    # --- helpers --------------------------------------------------------------------------

    def _statuses(self) -> tuple[SubcontractStatus, ...]:
        status = self.status_combo.currentData()  # plain text: Qt drops the str enum's class
        return (SubcontractStatus(status),) if status is not None else ()

    def _open(self, dialog: ActionDialog, verb: str) -> Any:
        self.dialog = dialog.start(lambda entry: self._on_action_completed(entry, verb))
        return dialog

    def _update_buttons(self, *_arguments: Any) -> None:
        entry = self.selected_entry()
        pending = entry is not None and entry.decision is Decision.PENDING
        self.approve_button.setEnabled(self._can_decide and pending)
        self.object_button.setEnabled(self._can_decide and pending)
        self.end_button.setEnabled(self._can_edit and entry is not None and _can_end(entry))
        if not self._can_edit:
            self.state_label.setText("Read only: your role can view sub-contracts.")
        elif not self._can_decide:
            self.state_label.setText("Approving and objecting need the approver role.")

    def _update_count(self) -> None:
        shown = self.proxy.rowCount()
        waiting = sum(
            entry.status is SubcontractStatus.PENDING
            for entry in (self.model.row_at(row) for row in range(self.model.rowCount()))
        )
        self.count_label.setText(f"{shown} sub-contract(s), {waiting} awaiting a decision")


def _can_end(entry: SubcontractEntry) -> bool:
    return (
        entry.decision is not Decision.OBJECTED
        and entry.ended_on is None
        and (entry.status is not SubcontractStatus.ENDED)
    )
