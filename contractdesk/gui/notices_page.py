"""The Notices section: remedial and breach notices with their deadlines and the further-breach
flag, and (second tab) the concerns they grow from. Officers raise and draft; approvers issue,
escalate, withdraw and sanction; a viewer reads."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from contractdesk.domain.notices import GIVEN, ConcernStatus, NoticeStatus
from contractdesk.domain.roles import Role
from contractdesk.domain.settings import notice_rules
from contractdesk.gui.concern_table_model import DESCRIPTION_COLUMN, ConcernTableModel
from contractdesk.gui.list_table import fit_columns, select_source_row, set_up_list_table
from contractdesk.gui.notice_action_rules import SANCTION_CLOSED, needs_role, refusal, why_not
from contractdesk.gui.notice_dialogs import (
    CloseConcernDialog,
    DraftNoticeDialog,
    EscalateDialog,
    IssueNoticeDialog,
    OutcomeDialog,
    RaiseConcernDialog,
    WithdrawDialog,
)
from contractdesk.gui.notice_letter_action import make_letter_for
from contractdesk.gui.notice_table_model import BREACH_COLUMN, PRACTICE_COLUMN, NoticeTableModel
from contractdesk.gui.recovery_plan_dialogs import RecoveryPlanDialog
from contractdesk.gui.row_table_model import SORT_ROLE
from contractdesk.gui.sanction_dialog import RecordSanctionDialog
from contractdesk.gui.sanctions_tab import SanctionsTab
from contractdesk.services.notices import (
    ConcernEntry,
    NoticeEntry,
    list_concerns,
    list_notices,
)
from contractdesk.services.practices import list_practices
from contractdesk.services.sanctions import termination_open
from contractdesk.services.team_settings import all_settings
from contractdesk.services.workspace import Workspace

ALL_STATUSES = "All statuses"
NOTICES_TAB, CONCERNS_TAB, SANCTIONS_TAB = 0, 1, 2
COLUMN_PADDING = 10
WIDE_COLUMN_LIMIT = 200  # practice names and the breach: the rest shows in the tooltip
NOTICE_CHANGES = frozenset({"notices"})
CONCERN_CHANGES = frozenset({"concerns"})
# What a saved record's reference says changed (a notice drafted from a concern escalates it).
CHANGES_BY_PREFIX = {
    "CN": CONCERN_CHANGES,
    "RN": NOTICE_CHANGES | CONCERN_CHANGES,
    "BN": NOTICE_CHANGES | CONCERN_CHANGES,
    "SN": frozenset({"sanctions"}),
}


class NoticesPage(QWidget):
    notices_changed = Signal(object)  # frozenset[str]: what an action changed

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self._role = workspace.user.role
        self.dialog: QWidget | None = None
        self.model = NoticeTableModel(self)
        self.proxy = self._proxy(self.model)
        self.concern_model = ConcernTableModel(self)
        self.concern_proxy = self._proxy(self.concern_model)
        self.title_label = QLabel("Notices")
        self.tabs = QTabWidget()
        self.status_combo = QComboBox()
        self.overdue_check = QCheckBox("O&verdue only")
        self.table = QTableView()
        self.concern_table = QTableView()
        self.concern_status_combo = QComboBox()
        self.raise_button = QPushButton("Raise &concern…")
        self.draft_button = QPushButton("&Draft notice…")
        self.issue_button = QPushButton("&Issue…")
        self.outcome_button = QPushButton("Record &outcome…")
        self.escalate_button = QPushButton("&Escalate…")
        self.withdraw_button = QPushButton("&Withdraw…")
        self.sanction_button = QPushButton("Record &sanction…")
        self.plan_button = QPushButton("Recovery &plan…")
        self.letter_button = QPushButton("Le&tter…")
        self.concern_raise_button = QPushButton("&Raise concern…")
        self.concern_close_button = QPushButton("C&lose concern…")
        self.concern_draft_button = QPushButton("Draft &notice from it…")
        self.sanctions_tab = SanctionsTab(workspace)
        self.count_label = QLabel()
        self.state_label = QLabel()
        self._set_up_widgets()
        self.reload()
        self._connect_signals()
        self._update_buttons()

    # --- public ---------------------------------------------------------------------------

    def reload(self) -> None:
        selected, concern = self.selected_reference(), self.selected_concern()
        self.model.set_rows(
            list_notices(
                self._workspace,
                statuses=self._statuses(),
                overdue=self.overdue_check.isChecked(),
            )
        )
        status = self.concern_status_combo.currentData()
        self.concern_model.set_rows(
            list_concerns(self._workspace, status=ConcernStatus(status) if status else None)
        )
        self._size_columns(self.table, self.model, (PRACTICE_COLUMN, BREACH_COLUMN))
        self._size_columns(self.concern_table, self.concern_model, (DESCRIPTION_COLUMN,))
        self.sanctions_tab.reload()
        if selected is None or not self._select(self.table, self.model, selected):
            self._select_first(self.table)
        if concern is None or not self._select(
            self.concern_table, self.concern_model, concern.reference
        ):
            self._select_first(self.concern_table)
        self._update_count()
        self._update_buttons()

    def selected_entry(self) -> NoticeEntry | None:
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        return self.model.row_at(self.proxy.mapToSource(index).row())

    def selected_reference(self) -> str | None:
        entry = self.selected_entry()
        return entry.reference if entry else None

    def selected_concern(self) -> ConcernEntry | None:
        index = self.concern_table.currentIndex()
        if not index.isValid():
            return None
        return self.concern_model.row_at(self.concern_proxy.mapToSource(index).row())

    def set_status_filter(self, status: NoticeStatus | None) -> None:
        self.status_combo.setCurrentIndex(max(self.status_combo.findData(status), 0))

    def select_reference(self, reference: str) -> bool:
        """Show this notice (or concern, or sanction), clearing the filters if they hide it."""
        if reference.startswith("SN-"):
            self.tabs.setCurrentIndex(SANCTIONS_TAB)
            return self.sanctions_tab.select_reference(reference)
        if reference.startswith("CN-"):
            self.tabs.setCurrentIndex(CONCERNS_TAB)
            if (
                self.concern_model.row_of(reference) is None
                and self.concern_status_combo.currentIndex()
            ):
                self.concern_status_combo.setCurrentIndex(0)
            return self._select(self.concern_table, self.concern_model, reference)
        self.tabs.setCurrentIndex(NOTICES_TAB)
        if self.model.row_of(reference) is None and (
            self.status_combo.currentIndex() or self.overdue_check.isChecked()
        ):
            for widget in (self.status_combo, self.overdue_check):
                widget.blockSignals(True)
            self.status_combo.setCurrentIndex(0)
            self.overdue_check.setChecked(False)
            for widget in (self.status_combo, self.overdue_check):
                widget.blockSignals(False)
            self.reload()
        return self._select(self.table, self.model, reference)

    # The actions: each opens its form (None when it is not open to this user or row).

    def raise_concern(self) -> QDialog | None:
        if not self._can(Role.OFFICER):
            return None
        entry = self.selected_entry() if self.tabs.currentIndex() == NOTICES_TAB else None
        concern = self.selected_concern() if self.tabs.currentIndex() == CONCERNS_TAB else None
        code = entry.practice_code if entry else (concern.practice_code if concern else None)
        return self._open(RaiseConcernDialog(self._workspace, self._practices(), self, code))

    def close_concern(self) -> QDialog | None:
        concern = self.selected_concern()
        if not self._can(Role.OFFICER) or concern is None:
            return None
        if concern.status is not ConcernStatus.OPEN:
            return None
        return self._open(CloseConcernDialog(self._workspace, concern, self))

    def draft_notice(self, from_concern: bool = False) -> DraftNoticeDialog | None:
        if not self._can(Role.OFFICER):
            return None
        concern = self.selected_concern() if from_concern else None
        entry = None if from_concern else self.selected_entry()
        code = concern.practice_code if concern else (entry.practice_code if entry else None)
        dialog = DraftNoticeDialog(
            self._workspace,
            self._practices(),
            self,
            practice=code,
            concern=concern.reference if concern else None,
        )
        return self._open(dialog)

    def issue(self) -> IssueNoticeDialog | None:
        entry = self.selected_entry()
        if not self._can(Role.APPROVER) or entry is None or refusal(entry, NoticeStatus.ISSUED):
            return None
        period = notice_rules(all_settings(self._workspace)).notice_period_days
        return self._open(IssueNoticeDialog(self._workspace, entry, period, self))

    def record_outcome(self) -> OutcomeDialog | None:
        entry = self.selected_entry()
        if not self._can(Role.OFFICER) or entry is None or refusal(entry, NoticeStatus.REMEDIED):
            return None
        return self._open(OutcomeDialog(self._workspace, entry, self))

    def escalate(self) -> EscalateDialog | None:
        entry = self.selected_entry()
        if not self._can(Role.APPROVER) or entry is None or refusal(entry, NoticeStatus.ESCALATED):
            return None
        return self._open(EscalateDialog(self._workspace, entry, self))

    def withdraw(self) -> WithdrawDialog | None:
        entry = self.selected_entry()
        if not self._can(Role.APPROVER) or entry is None or refusal(entry, NoticeStatus.WITHDRAWN):
            return None
        return self._open(WithdrawDialog(self._workspace, entry, self))

    def record_sanction(self) -> RecordSanctionDialog | None:
        entry = self.selected_entry()
        if not self._can(Role.APPROVER) or entry is None:
            return None
        if not termination_open(self._workspace, entry.practice_code):
            return None
        rules = notice_rules(all_settings(self._workspace))
        return self._open(RecordSanctionDialog(self._workspace, entry, rules, self))

    def recovery_plan(self) -> RecoveryPlanDialog | None:
        entry = self.selected_entry() if self.tabs.currentIndex() == NOTICES_TAB else None
        concern = self.selected_concern() if self.tabs.currentIndex() == CONCERNS_TAB else None
        code = entry.practice_code if entry else (concern.practice_code if concern else None)
        if code is None:
            return None
        dialog = RecoveryPlanDialog(
            self._workspace,
            code,
            self,
            concern_reference=concern.reference if concern else entry.concern_reference,
            notice_reference=entry.reference if entry else None,
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.plans_changed.connect(self.notices_changed)
        self.dialog = dialog
        dialog.open()
        return dialog

    # --- set-up ---------------------------------------------------------------------------

    def _proxy(self, model: Any) -> QSortFilterProxyModel:
        proxy = QSortFilterProxyModel(self)
        proxy.setSourceModel(model)
        proxy.setSortRole(SORT_ROLE)
        return proxy

    def _set_up_widgets(self) -> None:
        font = QFont(self.title_label.font())
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.title_label.setFont(font)
        self.status_combo.addItem(ALL_STATUSES, None)
        for status in NoticeStatus:
            self.status_combo.addItem(status.label, status)
        self.concern_status_combo.addItem(ALL_STATUSES, None)
        for status in ConcernStatus:
            self.concern_status_combo.addItem(status.value, status)
        self.overdue_check.setToolTip(
            "Issued remedial notices whose deadline has passed with no outcome recorded"
        )
        for table, proxy in ((self.table, self.proxy), (self.concern_table, self.concern_proxy)):
            set_up_list_table(table, proxy)
        self.tabs.addTab(self._notices_tab(), "&Notices")
        self.tabs.addTab(self._concerns_tab(), "Conc&erns")
        self.tabs.addTab(self.sanctions_tab, "S&anctions")
        footer = QHBoxLayout()
        footer.addWidget(self.count_label)
        footer.addWidget(self.state_label, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title_label)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(footer)

    def _notices_tab(self) -> QWidget:
        filters = QHBoxLayout()
        label = QLabel("S&tatus:")
        label.setBuddy(self.status_combo)
        filters.addWidget(label)
        filters.addWidget(self.status_combo)
        filters.addSpacing(12)
        filters.addWidget(self.overdue_check)
        filters.addStretch(1)
        actions = QHBoxLayout()
        for button in (
            self.raise_button,
            self.draft_button,
            self.issue_button,
            self.outcome_button,
            self.escalate_button,
            self.withdraw_button,
            self.sanction_button,
            self.plan_button,
            self.letter_button,
        ):
            actions.addWidget(button)
        actions.addStretch(1)
        tab = QWidget()
        layout = QVBoxLayout(tab)
        layout.addLayout(filters)
        layout.addLayout(actions)
        layout.addWidget(self.table, 1)
        return tab

    def _concerns_tab(self) -> QWidget:
        bar = QHBoxLayout()
        label = QLabel("Stat&us:")
        label.setBuddy(self.concern_status_combo)
        bar.addWidget(label)
        bar.addWidget(self.concern_status_combo)
        bar.addStretch(1)
        for button in (
            self.concern_raise_button,
            self.concern_close_button,
            self.concern_draft_button,
        ):
            bar.addWidget(button)
        tab = QWidget()
        layout = QVBoxLayout(tab)
        layout.addLayout(bar)
        layout.addWidget(self.concern_table, 1)
        return tab

    def _connect_signals(self) -> None:
        self.status_combo.currentIndexChanged.connect(self._on_filter_changed)
        self.overdue_check.toggled.connect(self._on_filter_changed)
        self.concern_status_combo.currentIndexChanged.connect(self._on_filter_changed)
        self.tabs.currentChanged.connect(self._update_buttons)
        self.raise_button.clicked.connect(self._on_raise_clicked)
        self.concern_raise_button.clicked.connect(self._on_raise_clicked)
        self.draft_button.clicked.connect(self._on_draft_clicked)
        self.concern_draft_button.clicked.connect(self._on_draft_from_concern_clicked)
        self.concern_close_button.clicked.connect(self._on_close_concern_clicked)
        self.issue_button.clicked.connect(self._on_issue_clicked)
        self.outcome_button.clicked.connect(self._on_outcome_clicked)
        self.escalate_button.clicked.connect(self._on_escalate_clicked)
        self.withdraw_button.clicked.connect(self._on_withdraw_clicked)
        self.sanction_button.clicked.connect(self._on_sanction_clicked)
        self.plan_button.clicked.connect(self._on_plan_clicked)
        self.letter_button.clicked.connect(self._on_letter_clicked)
        self.sanctions_tab.completed.connect(self._on_action_completed)
        for table, proxy in ((self.table, self.proxy), (self.concern_table, self.concern_proxy)):
            table.selectionModel().currentRowChanged.connect(self._update_buttons)
            proxy.modelReset.connect(self._update_buttons)

    # --- handlers -------------------------------------------------------------------------

    def _on_filter_changed(self, *_arguments: Any) -> None:
        self.reload()

    def _on_raise_clicked(self) -> None:
        self.raise_concern()

    def _on_draft_clicked(self) -> None:
        self.draft_notice()

    def _on_draft_from_concern_clicked(self) -> None:
        self.draft_notice(from_concern=True)

    def _on_close_concern_clicked(self) -> None:
        self.close_concern()

    def _on_issue_clicked(self) -> None:
        self.issue()

    def _on_outcome_clicked(self) -> None:
        self.record_outcome()

    def _on_escalate_clicked(self) -> None:
        self.escalate()

    def _on_withdraw_clicked(self) -> None:
        self.withdraw()

    def _on_sanction_clicked(self) -> None:
        self.record_sanction()

    def _on_plan_clicked(self) -> None:
        self.recovery_plan()

    def _on_action_completed(self, result: Any) -> None:
        reference = getattr(result, "reference", "")
        prefix = reference[:2]
        self.reload()
        if prefix in ("CN", "RN", "BN", "SN"):
            self.select_reference(reference)  # a new sanction shows on its tab
        what = {"CN": "Concern", "SN": "Sanction"}.get(prefix, "Notice")
        self.state_label.setText(f"{what} {reference} saved.")
        self.notices_changed.emit(CHANGES_BY_PREFIX.get(prefix, NOTICE_CHANGES))

    # --- helpers --------------------------------------------------------------------------

    def _can(self, role: Role) -> bool:
        return self._role.can_act_as(role)

    def _practices(self) -> list[tuple[str, str]]:
        return [
            (p.ods_code, p.name) for p in list_practices(self._workspace) if p.status == "active"
        ]

    def _statuses(self) -> tuple[NoticeStatus, ...]:
        status = self.status_combo.currentData()  # plain text: Qt drops the str enum's class
        return (NoticeStatus(status),) if status is not None else ()

    def _open(self, dialog: Any) -> Any:
        self.dialog = dialog.start(self._on_action_completed)
        return dialog

    def _select(self, table: QTableView, model: Any, reference: str) -> bool:
        return select_source_row(table, model.row_of(reference))

    @staticmethod
    def _select_first(table: QTableView) -> None:
        if table.model().rowCount():
            table.selectRow(0)

    @staticmethod
    def _size_columns(table: QTableView, model: Any, wide: tuple[int, ...]) -> None:
        limits = dict.fromkeys(wide, WIDE_COLUMN_LIMIT)
        fit_columns(table, range(model.columnCount() - 1), COLUMN_PADDING, limits)

    def _update_count(self) -> None:
        rows = [self.model.row_at(row) for row in range(self.model.rowCount())]
        overdue = sum(entry.overdue for entry in rows)
        flagged = len({entry.practice_code for entry in rows if entry.further_breach})
        self.count_label.setText(
            f"{len(rows)} notice(s), {overdue} overdue; "
            f"{flagged} practice(s) with the further-breach flag"
        )

    def _on_letter_clicked(self) -> None:
        entry = self.selected_entry()
        if entry is not None:
            self.dialog = make_letter_for(self, self._workspace, entry.reference)

    def _update_buttons(self, *_arguments: Any) -> None:
        entry = self.selected_entry()
        concern = self.selected_concern()
        open_concern = concern is not None and concern.status is ConcernStatus.OPEN
        sanction_open = entry is not None and termination_open(self._workspace, entry.practice_code)
        plan_for = entry is not None
        states = (
            (self.raise_button, Role.OFFICER, None),
            (self.concern_raise_button, Role.OFFICER, None),
            (self.draft_button, Role.OFFICER, None),
            (self.issue_button, Role.APPROVER, why_not(entry, NoticeStatus.ISSUED)),
            (self.outcome_button, Role.OFFICER, why_not(entry, NoticeStatus.REMEDIED)),
            (self.escalate_button, Role.APPROVER, why_not(entry, NoticeStatus.ESCALATED)),
            (self.withdraw_button, Role.APPROVER, why_not(entry, NoticeStatus.WITHDRAWN)),
            (
                self.sanction_button,
                Role.APPROVER,
                None if sanction_open else SANCTION_CLOSED,
            ),
            (self.plan_button, Role.VIEWER, None if plan_for else "Choose a notice."),
            (
                self.letter_button,
                Role.OFFICER,
                None if entry is not None and entry.status in GIVEN else "Choose an issued notice.",
            ),
            (
                self.concern_close_button,
                Role.OFFICER,
                None if open_concern else "Choose an open concern.",
            ),
            (
                self.concern_draft_button,
                Role.OFFICER,
                None if open_concern else "Choose an open concern.",
            ),
        )
        for button, role, reason in states:
            if not self._can(role):
                button.setEnabled(False)
                button.setToolTip(needs_role(role))
            else:
                button.setEnabled(reason is None)
                button.setToolTip(reason or "")
        if not self._can(Role.OFFICER):
            self.state_label.setText("Read only: your role can view notices and concerns.")
        elif not self._can(Role.APPROVER):
            self.state_label.setText(
                "Issuing, escalating, withdrawing and sanctions need the approver role."
            )
