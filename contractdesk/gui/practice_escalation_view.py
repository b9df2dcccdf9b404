"""The practice editor's Escalation tab: the practice's timeline, and where each of its notices
and recovery plans stands. It reads them when the tab is first shown, not when the editor
opens."""

from __future__ import annotations

from datetime import date

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from contractdesk.gui.escalation_table_models import (
    StandingTableModel,
    TimelineTableModel,
    standing_records,
)
from contractdesk.gui.list_table import set_up_list_table
from contractdesk.gui.notice_table_model import flag_tooltip
from contractdesk.gui.recovery_plan_dialogs import RecoveryPlanDialog
from contractdesk.services.escalation_timeline import practice_timeline
from contractdesk.services.notices import list_notices
from contractdesk.services.recovery_plans import list_plans
from contractdesk.services.workspace import Workspace

COLUMN_PADDING = 16


class PracticeEscalationView(QWidget):
    """What has happened with a practice, in date order, and where it stands now."""

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self._ods_code: str | None = None
        self._stale = False
        self.plan_dialog: RecoveryPlanDialog | None = None
        self.timeline_model = TimelineTableModel(self)
        self.standing_model = StandingTableModel(self)
        self.summary_label = QLabel()
        self.summary_label.setWordWrap(True)
        self.timeline_table = _table(self.timeline_model)
        self.standing_table = _table(self.standing_model)
        self.plan_button = QPushButton("Recovery &plan…")
        self.plan_button.setToolTip("The chosen plan's actions and notes, or a new plan")
        bar = QHBoxLayout()
        bar.addWidget(QLabel("<b>Notices and recovery plans</b>: where each stands"))
        bar.addStretch(1)
        bar.addWidget(self.plan_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.timeline_table, 3)
        layout.addLayout(bar)
        layout.addWidget(self.standing_table, 2)
        self._connect_signals()

    def show_practice(self, ods_code: str) -> None:
        """The practice to show; read now if the tab is on screen, else when it is shown."""
        self._ods_code, self._stale = ods_code, True
        if self.isVisible():
            self.load()

    def load(self, today: date | None = None) -> None:
        code = self._ods_code
        if code is None:
            return
        today = today or date.today()
        self._stale = False
        self.timeline_model.set_rows(practice_timeline(self._workspace, code, today))
        notices = list_notices(self._workspace, practice_code=code, today=today)
        plans = list_plans(self._workspace, practice_code=code, today=today)
        self.standing_model.set_rows(standing_records(notices, plans, today))
        flag = next((flag_tooltip(n) for n in notices if n.further_breach), None)
        summary = (
            f"Escalation timeline of {code}: concerns, notices, recovery plans and sanctions, "
            f"oldest first ({self.timeline_model.rowCount()} event(s))."
        )
        if flag:
            summary += f"<br><b>⚑ Termination may be open.</b> {flag.splitlines()[0]}"
        self.summary_label.setText(summary)
        self.summary_label.setToolTip(flag or "")
        for table, model in (
            (self.timeline_table, self.timeline_model),
            (self.standing_table, self.standing_model),
        ):
            for column in range(model.columnCount() - 1):
                table.resizeColumnToContents(column)
                table.setColumnWidth(column, table.columnWidth(column) + COLUMN_PADDING)
        self._update_buttons()

    def select_plan(self, reference: str) -> bool:
        if self._stale:
            self.load()
        row = self.standing_model.row_of(reference)
        if row is None:
            return False
        self.standing_table.selectRow(row)
        return True

    def selected_reference(self) -> str | None:
        index = self.standing_table.currentIndex()
        return self.standing_model.row_at(index.row()).reference if index.isValid() else None

    def open_plan(self) -> RecoveryPlanDialog | None:
        """The plan window on the chosen plan (or the practice's newest), or to make one."""
        if self._ods_code is None:
            return None
        reference = self.selected_reference()
        chosen = reference if reference and reference.startswith("RP-") else None
        dialog = RecoveryPlanDialog(self._workspace, self._ods_code, self, plan_reference=chosen)
        dialog.plans_changed.connect(self._on_plans_changed)
        self.plan_dialog = dialog
        dialog.open()
        return dialog

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        if self._stale:
            self.load()

    def _connect_signals(self) -> None:
        self.plan_button.clicked.connect(self._on_plan_clicked)
        self.standing_table.doubleClicked.connect(self._on_plan_clicked)

    def _on_plan_clicked(self, *_arguments: object) -> None:
        self.open_plan()

    def _on_plans_changed(self, _changes: object) -> None:
        selected = self.selected_reference()
        self.load()
        if selected:
            self.select_plan(selected)

    def _update_buttons(self) -> None:
        self.plan_button.setEnabled(self._ods_code is not None)


def _table(model: object) -> QTableView:
    table = QTableView()
    set_up_list_table(table, model, sortable=False)  # type: ignore[arg-type]
    return table
