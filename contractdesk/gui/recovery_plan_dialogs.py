"""Recovery plans: the plan window of a practice (actions, notes) and its small forms."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from contractdesk.domain.roles import Role
from contractdesk.gui.action_dialog import ActionDialog, date_edit, date_of
from contractdesk.gui.escalation_table_models import ACTION_COLUMN, ActionTableModel
from contractdesk.gui.list_table import set_up_list_table
from contractdesk.gui.notice_dialogs import text_box
from contractdesk.services.recovery_plans import (
    ActionEntry,
    PlanEntry,
    add_action,
    add_note,
    close_plan,
    complete_action,
    create_plan,
    list_plans,
)
from contractdesk.services.workspace import Workspace

COLUMN_PADDING = 16
NEEDS_OFFICER = "Needs the officer role."


class NewPlanDialog(ActionDialog):
    def __init__(
        self,
        workspace: Workspace,
        practice_code: str,
        parent: QWidget | None = None,
        *,
        concern_reference: str | None = None,
        notice_reference: str | None = None,
    ) -> None:
        links = " and ".join(ref for ref in (concern_reference, notice_reference) if ref)
        super().__init__(
            "New recovery plan",
            f"A recovery plan agreed with {practice_code}"
            + (f", following {links}" if links else "")
            + ": actions with owners, due dates and milestones.",
            "Create plan",
            parent,
        )
        self._workspace, self._practice_code = workspace, practice_code
        self._links = (concern_reference, notice_reference)
        self.title_edit = QLineEdit()
        self.title_edit.setPlaceholderText("What the plan is to achieve")
        self.agreed_edit = date_edit()
        self.form.addRow("&Title:", self.title_edit)
        self.form.addRow("&Agreed on:", self.agreed_edit)

    def submit(self) -> Any:
        return create_plan(
            self._workspace,
            self._practice_code,
            title=self.title_edit.text(),
            agreed_on=date_of(self.agreed_edit),
            concern_reference=self._links[0],
            notice_reference=self._links[1],
        )


class AddActionDialog(ActionDialog):
    def __init__(self, workspace: Workspace, plan: PlanEntry, parent: QWidget | None = None):
        super().__init__(
            "Add action", f"<b>{plan.reference}</b>: {plan.title}", "Add action", parent
        )
        self._workspace, self._plan = workspace, plan
        self.description_edit = QLineEdit()
        self.owner_edit = QLineEdit()
        self.owner_edit.setPlaceholderText("Who does it, e.g. Practice manager")
        self.due_edit = date_edit(max(date.today(), plan.agreed_on))
        self.milestone_edit = QLineEdit()
        self.milestone_edit.setPlaceholderText("Optional: how we will know it is done")
        self.form.addRow("&Action:", self.description_edit)
        self.form.addRow("&Owner:", self.owner_edit)
        self.form.addRow("&Due on:", self.due_edit)
        self.form.addRow("&Milestone:", self.milestone_edit)

    def submit(self) -> Any:
        return add_action(
            self._workspace,
            self._plan.reference,
            description=self.description_edit.text(),
            owner=self.owner_edit.text(),
            due_on=date_of(self.due_edit),
            milestone=self.milestone_edit.text(),
        )


class CompleteActionDialog(ActionDialog):
    def __init__(
        self,
        workspace: Workspace,
        plan: PlanEntry,
        action: ActionEntry,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            "Complete action",
            f"<b>{plan.reference}</b> action {action.number}: {action.description} "
            f"({action.owner}, due {action.due_on:%d %b %Y})",
            "Mark done",
            parent,
        )
        self._workspace, self._plan, self._action = workspace, plan, action
        self.done_edit = date_edit()
        self.form.addRow("&Done on:", self.done_edit)

    def submit(self) -> Any:
        return complete_action(
            self._workspace,
            self._plan.reference,
            self._action.number,
            done_on=date_of(self.done_edit),
        )


class AddNoteDialog(ActionDialog):
    def __init__(self, workspace: Workspace, plan: PlanEntry, parent: QWidget | None = None):
        super().__init__(
            "Progress note", f"<b>{plan.reference}</b>: {plan.title}", "Add note", parent
        )
        self._workspace, self._plan = workspace, plan
        self.text_edit = text_box("What happened: a visit, a call, figures received")
        self.written_edit = date_edit()
        self.form.addRow("&Note:", self.text_edit)
        self.form.addRow("&Written on:", self.written_edit)

    def submit(self) -> Any:
        return add_note(
            self._workspace,
            self._plan.reference,
            text=self.text_edit.toPlainText(),
            written_on=date_of(self.written_edit),
        )


class ClosePlanDialog(ActionDialog):
    def __init__(self, workspace: Workspace, plan: PlanEntry, parent: QWidget | None = None):
        super().__init__(
            "Close recovery plan", f"<b>{plan.reference}</b>: {plan.title}", "Close plan", parent
        )
        self._workspace, self._plan = workspace, plan
        self.closed_edit = date_edit()
        self.form.addRow("&Closed on:", self.closed_edit)

    def submit(self) -> Any:
        return close_plan(
            self._workspace, self._plan.reference, closed_on=date_of(self.closed_edit)
        )


class RecoveryPlanDialog(QDialog):
    """A practice's recovery plans: choose one, see its actions and notes, change them."""

    plans_changed = Signal(object)  # frozenset[str]: {"plans"}

    def __init__(
        self,
        workspace: Workspace,
        practice_code: str,
        parent: QWidget | None = None,
        *,
        plan_reference: str | None = None,
        concern_reference: str | None = None,
        notice_reference: str | None = None,
    ) -> None:
        super().__init__(parent)
        self._workspace, self._practice_code = workspace, practice_code
        self._links = (concern_reference, notice_reference)
        self._can_edit = workspace.user.role.can_act_as(Role.OFFICER)
        self._plans: list[PlanEntry] = []
        self.dialog: ActionDialog | None = None
        self.setWindowTitle(f"Recovery plans — {practice_code}")
        self.plan_combo = QComboBox()
        self.summary_label = QLabel()
        self.summary_label.setWordWrap(True)
        self.model = ActionTableModel(self)
        self.table = QTableView()
        self.notes_view = QPlainTextEdit()
        self.notes_view.setReadOnly(True)
        self.new_button = QPushButton("&New plan…")
        self.add_action_button = QPushButton("&Add action…")
        self.complete_button = QPushButton("&Complete action…")
        self.note_button = QPushButton("Add &note…")
        self.close_plan_button = QPushButton("C&lose plan…")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self._set_up_widgets()
        self._connect_signals()
        self.reload(plan_reference)

    @property
    def plan(self) -> PlanEntry | None:
        index = self.plan_combo.currentIndex()
        return self._plans[index] if 0 <= index < len(self._plans) else None

    def model_rows(self) -> list[ActionEntry]:
        return [self.model.row_at(row) for row in range(self.model.rowCount())]

    def selected_action(self) -> ActionEntry | None:
        index = self.table.currentIndex()
        return self.model.row_at(index.row()) if index.isValid() else None

    def reload(self, plan_reference: str | None = None) -> None:
        current = plan_reference or (self.plan.reference if self.plan else None)
        self._plans = list_plans(self._workspace, practice_code=self._practice_code)
        self.plan_combo.blockSignals(True)
        self.plan_combo.clear()
        for plan in self._plans:
            self.plan_combo.addItem(f"{plan.reference}: {plan.title} ({plan.status})")
        references = [plan.reference for plan in self._plans]
        if current in references:
            self.plan_combo.setCurrentIndex(references.index(current))
        elif self._plans:
            # The newest open plan, else the newest.
            open_plans = [i for i, plan in enumerate(self._plans) if plan.status == "open"]
            self.plan_combo.setCurrentIndex(open_plans[-1] if open_plans else len(self._plans) - 1)
        self.plan_combo.blockSignals(False)
        self._show_plan()

    def open_form(self, which: str) -> ActionDialog | None:
        """Open one of the plan's forms: "new", "action", "complete", "note" or "close"."""
        plan, action = self.plan, self.selected_action()
        if not self._can_edit:
            return None
        if which == "new":
            dialog: ActionDialog = NewPlanDialog(
                self._workspace,
                self._practice_code,
                self,
                concern_reference=self._links[0],
                notice_reference=self._links[1],
            )
        elif plan is None or plan.status != "open":
            return None
        elif which == "action":
            dialog = AddActionDialog(self._workspace, plan, self)
        elif which == "complete" and action is not None and action.done_on is None:
            dialog = CompleteActionDialog(self._workspace, plan, action, self)
        elif which == "note":
            dialog = AddNoteDialog(self._workspace, plan, self)
        elif which == "close":
            dialog = ClosePlanDialog(self._workspace, plan, self)
        else:
            return None
        self.dialog = dialog.start(self._on_form_completed)
        return dialog

    def _set_up_widgets(self) -> None:
        table = self.table
        set_up_list_table(table, self.model, sortable=False)
        self.notes_view.setFixedHeight(self.notes_view.fontMetrics().lineSpacing() * 5 + 12)
        top = QHBoxLayout()
        label = QLabel("&Plan:")
        label.setBuddy(self.plan_combo)
        top.addWidget(label)
        top.addWidget(self.plan_combo, 1)
        top.addWidget(self.new_button)
        actions = QHBoxLayout()
        actions.addWidget(QLabel("<b>Actions</b>"))
        actions.addStretch(1)
        for button in (
            self.add_action_button,
            self.complete_button,
            self.note_button,
            self.close_plan_button,
        ):
            actions.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary_label)
        layout.addLayout(actions)
        layout.addWidget(table, 1)
        layout.addWidget(QLabel("<b>Progress notes</b>"))
        layout.addWidget(self.notes_view)
        layout.addWidget(self.buttons)
        self.resize(860, 520)

    def _connect_signals(self) -> None:
        self.plan_combo.currentIndexChanged.connect(self._on_plan_changed)
        self.buttons.rejected.connect(self.reject)
        self.new_button.clicked.connect(lambda: self.open_form("new"))
        self.add_action_button.clicked.connect(lambda: self.open_form("action"))
        self.complete_button.clicked.connect(lambda: self.open_form("complete"))
        self.note_button.clicked.connect(lambda: self.open_form("note"))
        self.close_plan_button.clicked.connect(lambda: self.open_form("close"))
        self.table.selectionModel().currentRowChanged.connect(self._update_buttons)
        self.model.modelReset.connect(self._update_buttons)

    def _on_plan_changed(self, _index: int) -> None:
        self._show_plan()

    def _on_form_completed(self, plan: PlanEntry) -> None:
        self.reload(plan.reference)
        self.plans_changed.emit(frozenset({"plans"}))

    def _show_plan(self) -> None:
        plan = self.plan
        self.model.set_rows(plan.actions if plan else [])
        if plan is None:
            self.summary_label.setText(
                f"{self._practice_code} has no recovery plan yet: "
                + ("make one with New plan." if self._can_edit else "an officer can make one.")
            )
            self.notes_view.setPlainText("")
        else:
            links = ", ".join(r for r in (plan.concern_reference, plan.notice_reference) if r)
            late = len(plan.overdue_actions)
            self.summary_label.setText(
                f"<b>{plan.reference}</b> {plan.practice_code} {plan.practice_name}: "
                f"agreed {plan.agreed_on:%d %b %Y}; {plan.status}"
                + (f" {plan.closed_on:%d %b %Y}" if plan.closed_on else "")
                + (f"; follows {links}" if links else "")
                + (f"; <b>{late} action(s) overdue</b>" if late else "")
            )
            self.notes_view.setPlainText(
                "\n".join(
                    f"{note.written_on:%d %b %Y} ({note.author}): {note.text}"
                    for note in plan.notes
                )
            )
        waiting = [row for row, action in enumerate(self.model_rows()) if action.done_on is None]
        if waiting:
            self.table.selectRow(waiting[0])  # the first action not yet done
        for column in range(self.model.columnCount() - 1):
            self.table.resizeColumnToContents(column)
            width = self.table.columnWidth(column) + COLUMN_PADDING
            self.table.setColumnWidth(column, min(width, 320 if column == ACTION_COLUMN else width))
        self._update_buttons()

    def _update_buttons(self, *_arguments: Any) -> None:
        plan, action = self.plan, self.selected_action()
        open_plan = plan is not None and plan.status == "open"
        states = (
            (self.new_button, True, ""),
            (self.add_action_button, open_plan, "Choose an open plan."),
            (
                self.complete_button,
                open_plan and action is not None and action.done_on is None,
                "Choose an action not yet done.",
            ),
            (self.note_button, open_plan, "Choose an open plan."),
            (self.close_plan_button, open_plan, "Choose an open plan."),
        )
        for button, possible, why_not in states:
            button.setEnabled(self._can_edit and possible)
            button.setToolTip(
                NEEDS_OFFICER if not self._can_edit else ("" if possible else why_not)
            )
