"""The practice form: create or edit a practice, with its list sizes and history."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtGui import QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

from contractdesk.domain.practice import ContractType, PracticeStatus
from contractdesk.domain.practice_rules import practice_field_errors
from contractdesk.domain.roles import Role
from contractdesk.errors import ConflictError, KnownError
from contractdesk.gui import practice_form_fields as form
from contractdesk.gui.conflict_dialog import ConflictDialog, conflicting_fields
from contractdesk.gui.forms.practice_form_ui import Ui_PracticeForm
from contractdesk.gui.kpi_sections import add_kpi_tab
from contractdesk.gui.list_size_dialog import ListSizeDialog
from contractdesk.gui.list_size_table_model import ListSizeTableModel
from contractdesk.gui.practice_escalation_view import PracticeEscalationView
from contractdesk.gui.practice_history_view import PracticeHistoryView
from contractdesk.gui.practice_letters_view import PracticeLettersView
from contractdesk.gui.practice_subcontracts_view import PracticeSubcontractsView
from contractdesk.services.list_sizes import record_list_size
from contractdesk.services.practice_history import practice_history
from contractdesk.services.practices import (
    PracticeDetail,
    create_practice,
    get_practice,
    practice_code_taken,
    update_practice,
)
from contractdesk.services.subcontracts import list_subcontracts
from contractdesk.services.workspace import Workspace

CODE_TAKEN = "A practice with this ODS code already exists."
NEW_PRACTICE_DEFAULTS = {
    "status": PracticeStatus.ACTIVE.value,
    "contract_type": ContractType.GMS.value,
}
LIST_SIZES_TAB, HISTORY_TAB, SUBCONTRACTS_TAB = 1, 2, 3
ESCALATION_TAB = 4
LETTERS_TAB = 5
RECORD_TABS = (LIST_SIZES_TAB, HISTORY_TAB, SUBCONTRACTS_TAB, ESCALATION_TAB, LETTERS_TAB)
# Room beyond a column's widest text, as in the register.
COLUMN_PADDING = 24


class PracticeEditor(QDialog):
    """Opens one practice (or a blank one for `ods_code=None`); a viewer sees it read-only.

    The dialogs it raises (unsaved changes, conflict, errors, list size) open window-modal
    without a nested event loop, and stay reachable as attributes for tests.
    """

    practice_saved = Signal(str)

    def __init__(
        self, workspace: Workspace, ods_code: str | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self._can_edit = workspace.user.role.can_act_as(Role.OFFICER)
        self._detail: PracticeDetail | None = None
        self._baseline: dict[str, Any] = {}
        self._taken_codes: dict[str, bool] = {}
        self._close_after_save = False
        self.unsaved_prompt: QMessageBox | None = None
        self.message_box: QMessageBox | None = None
        self.conflict_dialog: ConflictDialog | None = None
        self.list_size_dialog: ListSizeDialog | None = None
        self.kpi_tab: QWidget | None = None  # built when first opened (kpi_sections)
        self.ui = Ui_PracticeForm()
        self.ui.setupUi(self)
        self.list_size_model = ListSizeTableModel(self)
        self.ui.list_size_table.setModel(self.list_size_model)
        self.history = PracticeHistoryView(self.ui.history_table, self.ui.change_table, self)
        self.subcontracts = PracticeSubcontractsView()
        self.ui.tabs.insertTab(SUBCONTRACTS_TAB, self.subcontracts, "Sub-&contracts")
        # Every letter of "Escalation" is another field's shortcut: no mnemonic.
        self.escalation = PracticeEscalationView(workspace)
        self.ui.tabs.insertTab(ESCALATION_TAB, self.escalation, "Escalation")
        self.letters = PracticeLettersView(workspace)
        self.ui.tabs.insertTab(LETTERS_TAB, self.letters, "Letters")
        self._save_shortcut = QShortcut(QKeySequence.StandardKey.Save, self)
        self._close_shortcut = QShortcut(QKeySequence.StandardKey.Close, self)
        self._set_up_widgets()
        if ods_code is None:
            self._show_new_practice()
        else:
            self._show_practice(get_practice(workspace, ods_code))
        self._connect_signals()
        self._update_state()

    @property
    def ods_code(self) -> str:
        return self.ui.ods_code_edit.text().strip()

    @property
    def is_new(self) -> bool:
        return self._detail is None

    def changes(self) -> dict[str, Any]:
        """The fields the officer has changed, with their new values."""
        values = form.read_values(self.ui)
        return {name: value for name, value in values.items() if value != self._baseline[name]}

    def has_unsaved_changes(self) -> bool:
        return self._can_edit and bool(self.changes() or (self.is_new and self.ods_code))

    def errors(self) -> dict[str, str]:
        values = form.read_values(self.ui)
        if self.is_new:
            values["ods_code"] = self.ods_code
        errors = practice_field_errors(values)
        if self.is_new and "ods_code" not in errors and self._code_taken(self.ods_code):
            errors["ods_code"] = CODE_TAKEN
        return errors

    def _set_up_widgets(self) -> None:
        form.set_up_fields(self.ui)
        font = QFont(self.ui.heading_label.font())
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.ui.heading_label.setFont(font)
        self.ui.save_button.setVisible(self._can_edit)
        self.ui.record_list_size_button.setVisible(self._can_edit)
        table = self.ui.list_size_table
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)
        self.resize(860, 560)

    def _connect_signals(self) -> None:
        for signal in form.change_signals(self.ui):
            signal.connect(self._update_state)
        form.connect_date_checks(self.ui)
        self.ui.save_button.clicked.connect(self._on_save_requested)
        self.ui.close_button.clicked.connect(self.close)
        self.ui.record_list_size_button.clicked.connect(self._on_record_list_size_clicked)
        self._save_shortcut.activated.connect(self._on_save_requested)
        self._close_shortcut.activated.connect(self.close)

    def _show_new_practice(self) -> None:
        self.setWindowTitle("New practice[*]")
        self.ui.heading_label.setText("New practice")
        form.set_editable(self.ui, self._can_edit, code_editable=self._can_edit)
        form.show_values(self.ui, NEW_PRACTICE_DEFAULTS)
        for tab in RECORD_TABS:
            self.ui.tabs.setTabEnabled(tab, False)
        self._baseline = form.read_values(self.ui)

    def _show_practice(self, detail: PracticeDetail) -> None:
        """Show `detail` as saved: its values become the ones changes are measured from."""
        self._detail = detail
        self.setWindowTitle(f"{detail.ods_code} — {detail.name}[*]")
        self.ui.heading_label.setText(f"{detail.ods_code}  {detail.name}")
        self.ui.ods_code_edit.setText(detail.ods_code)
        form.set_editable(self.ui, self._can_edit, code_editable=False)
        form.show_values(self.ui, detail.editable_values())
        self.ui.area_value_label.setText(form.area_text(detail))
        self.ui.locality_value_label.setText(detail.locality_name or "—")
        for tab in RECORD_TABS:
            self.ui.tabs.setTabEnabled(tab, True)
        self._baseline = form.read_values(self.ui)
        self._show_list_sizes_and_history(detail)
        self.subcontracts.show_entries(
            detail.ods_code, list_subcontracts(self._workspace, practice_code=detail.ods_code)
        )
        self.escalation.show_practice(detail.ods_code)  # read when its tab is first shown
        self.letters.show_practice(detail.ods_code)
        if self.kpi_tab is None:
            self.kpi_tab = add_kpi_tab(self.ui.tabs, self._workspace, detail.ods_code)

    def _show_list_sizes_and_history(self, detail: PracticeDetail) -> None:
        self.list_size_model.set_rows(detail.list_sizes)
        table = self.ui.list_size_table
        for column in range(self.list_size_model.columnCount() - 1):  # the last one stretches
            table.resizeColumnToContents(column)
            table.setColumnWidth(column, table.columnWidth(column) + COLUMN_PADDING)
        self.history.show_records(
            detail.ods_code, practice_history(self._workspace, detail.ods_code)
        )

    def _update_state(self, *_signal_arguments: Any) -> None:
        dirty = self.has_unsaved_changes()
        errors = self.errors() if dirty else {}
        # A blank new form is not yet wrong: errors show once the officer starts typing.
        form.show_errors(self.ui, errors)
        self.ui.save_button.setEnabled(dirty and not errors)
        self.setWindowModified(dirty)
        if not self._can_edit:
            state = "Read only: your role can view practices but not change them."
        elif errors:
            state = "Correct the fields marked in red to save."
        else:
            state = "Unsaved changes." if dirty else ""
        self.ui.state_label.setText(state)

    def _code_taken(self, code: str) -> bool:
        if code not in self._taken_codes:
            self._taken_codes[code] = practice_code_taken(self._workspace, code)
        return self._taken_codes[code]

    def _on_save_requested(self) -> None:
        self._close_after_save = False
        self._save()

    def _save(self) -> None:
        if not self._can_edit:
            return
        if not self.has_unsaved_changes():
            self._finish_saving()
            return
        if self.errors():
            self._close_after_save = False
            self._show_message("Cannot save", "Correct the fields marked in red first.")
            return
        try:
            if self._detail is None:
                values = {k: v for k, v in form.read_values(self.ui).items() if v is not None}
                detail = create_practice(self._workspace, self.ods_code, values)
            else:
                detail = update_practice(
                    self._workspace, self._detail.ods_code, self._detail.version, self.changes()
                )
        except ConflictError as error:
            current = error.current
            if not isinstance(current, PracticeDetail):
                current = get_practice(self._workspace, self.ods_code)
            self._ask_about_conflict(current)
            return
        except KnownError as error:
            self._close_after_save = False
            self._show_message("Cannot save", str(error))
            return
        self._show_practice(detail)
        self._update_state()
        self.practice_saved.emit(detail.ods_code)
        self._finish_saving()

    def _finish_saving(self) -> None:
        if self._close_after_save:
            self._close_after_save = False
            QDialog.reject(self)

    def _ask_about_conflict(self, current: PracticeDetail) -> None:
        mine = form.read_values(self.ui)
        fields = conflicting_fields(self._baseline, mine, form.stored_values(current))
        records = practice_history(self._workspace, current.ods_code)
        other_user = records[0].user_login if records else None
        dialog = ConflictDialog(current.ods_code, fields, other_user, self)
        dialog.accepted.connect(lambda: self._on_conflict_resolved(current, mine, dialog))
        dialog.rejected.connect(self._on_conflict_cancelled)
        self.conflict_dialog = dialog
        dialog.open()

    def _on_conflict_resolved(
        self, current: PracticeDetail, mine: dict[str, Any], dialog: ConflictDialog
    ) -> None:
        # Start again from their saved version, then lay the chosen values over it.
        chosen = mine | dialog.chosen_values()
        self._show_practice(current)
        form.show_values(self.ui, chosen)
        self._update_state()
        self._save()

    def _on_conflict_cancelled(self) -> None:
        self._close_after_save = False

    def _on_record_list_size_clicked(self) -> None:
        if self._detail is None:
            return
        dialog = ListSizeDialog(self._detail.ods_code, self)
        dialog.accepted.connect(lambda: self._on_list_size_entered(dialog))
        self.list_size_dialog = dialog
        dialog.open()

    def _on_list_size_entered(self, dialog: ListSizeDialog) -> None:
        if self._detail is None:
            return
        code = self._detail.ods_code
        try:
            record_list_size(self._workspace, code, dialog.as_of(), *dialog.figures())
        except KnownError as error:
            self._show_message("Cannot record the list size", str(error))
            return
        self._show_list_sizes_and_history(get_practice(self._workspace, code))
        self.practice_saved.emit(code)

    def reject(self) -> None:
        """Esc, Close and the window's close button: ask first if there are unsaved changes."""
        if not self.has_unsaved_changes():
            super().reject()
            return
        name = self.ui.name_edit.text().strip() or self.ods_code or "the new practice"
        prompt = QMessageBox(
            QMessageBox.Icon.Question,
            "Unsaved changes",
            f"Save your changes to {name} before closing?",
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel,
            self,
        )
        prompt.setDefaultButton(QMessageBox.StandardButton.Save)
        prompt.finished.connect(lambda _result: self._on_unsaved_prompt_answered(prompt))
        self.unsaved_prompt = prompt
        prompt.open()

    def _on_unsaved_prompt_answered(self, prompt: QMessageBox) -> None:
        answer = prompt.standardButton(prompt.clickedButton())
        if answer == QMessageBox.StandardButton.Save:
            self._close_after_save = True
            self._save()
        elif answer == QMessageBox.StandardButton.Discard:
            QDialog.reject(self)

    def _show_message(self, title: str, text: str) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok, self
        )
        self.message_box = box
        box.open()
