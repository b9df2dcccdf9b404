"""The practice editor with the demo database: validation as typed, saving, history, closing."""

from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

from contractdesk.gui.practice_editor import CODE_TAKEN, HISTORY_TAB, PracticeEditor
from contractdesk.gui.practice_history_view import SUMMARY_COLUMN, WHO_COLUMN
from contractdesk.services.practices import create_practice, get_practice
from tests.gui.editor_helpers import retype, show_active

CODE = "C87003"
NAME = "WOODSTOCK BOWER GROUP PRACTICE"


@pytest.fixture
def editor(qtbot, demo_workspace) -> PracticeEditor:
    dialog = PracticeEditor(demo_workspace, CODE)
    qtbot.addWidget(dialog)
    show_active(qtbot, dialog)
    return dialog


def test_opens_with_the_practice_values_and_nothing_to_save(editor):
    assert editor.ui.ods_code_edit.text() == CODE
    assert editor.ui.ods_code_edit.isReadOnly()
    assert editor.ui.name_edit.text() == NAME
    assert editor.ui.postcode_edit.text() == "S61 1AH"
    assert editor.ui.status_combo.currentText() == "active"
    assert editor.ui.contract_type_combo.currentText() == "PMS"
    assert editor.ui.open_date_check.isChecked()
    assert not editor.ui.close_date_check.isChecked()
    assert not editor.ui.close_date_edit.isEnabled()
    assert editor.ui.locality_value_label.text() == "ROTHERHAM CENTRAL NORTH PCN"
    assert not editor.ui.save_button.isEnabled()
    # One list size a year from nine years of payments, and one from the registrations file.
    assert editor.list_size_model.rowCount() == 10


def test_invalid_postcode_blocks_saving_then_a_valid_one_saves(qtbot, editor, demo_workspace):
    retype(qtbot, editor.ui.name_edit, "Woodstock Bower Surgery")
    retype(qtbot, editor.ui.postcode_edit, "S61 XYZ")
    assert not editor.ui.save_button.isEnabled()
    assert editor.ui.postcode_error.isVisible()
    assert "not a UK postcode" in editor.ui.postcode_error.text()

    retype(qtbot, editor.ui.postcode_edit, "s61 1ab")
    assert not editor.ui.postcode_error.isVisible()
    assert editor.ui.save_button.isEnabled()
    with qtbot.waitSignal(editor.practice_saved) as saved:
        qtbot.keyClick(editor, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)

    assert saved.args == [CODE]
    stored = get_practice(demo_workspace, CODE)
    assert (stored.name, stored.postcode) == ("Woodstock Bower Surgery", "S61 1AB")
    assert not editor.ui.save_button.isEnabled()
    assert not editor.has_unsaved_changes()
    history = editor.history.history_model
    assert history.index(0, WHO_COLUMN).data() == "tester"
    assert history.index(0, SUMMARY_COLUMN).data() == "edited name, postcode"
    editor.ui.tabs.setCurrentIndex(HISTORY_TAB)
    changes = editor.history.change_model
    rows = [tuple(changes.index(row, column).data() for column in range(3)) for row in range(2)]
    assert ("Name", NAME, "Woodstock Bower Surgery") in rows
    assert ("Postcode", "S61 1AH", "S61 1AB") in rows


def test_close_date_before_open_date_is_refused_next_to_the_field(qtbot, editor):
    editor.ui.close_date_check.setChecked(True)
    editor.ui.close_date_edit.setDate(editor.ui.open_date_edit.date().addDays(-1))
    assert editor.ui.close_date_error.isVisible()
    assert editor.ui.close_date_error.text() == "The close date is before the open date."
    assert not editor.ui.save_button.isEnabled()


def test_contract_end_before_start_is_refused(qtbot, editor):
    editor.ui.contract_start_check.setChecked(True)
    editor.ui.contract_end_check.setChecked(True)
    editor.ui.contract_end_edit.setDate(editor.ui.contract_start_edit.date().addDays(-1))
    assert editor.ui.contract_end_error.text() == "The contract ends before it starts."
    assert not editor.ui.save_button.isEnabled()


def test_blanking_a_date_saves_none(qtbot, editor, demo_workspace):
    editor.ui.open_date_check.setChecked(False)
    assert editor.ui.open_date_edit.text() == "Not set"
    editor.ui.save_button.click()
    assert get_practice(demo_workspace, CODE).open_date is None


def test_new_practice_with_a_taken_code_shows_the_uniqueness_error(qtbot, demo_workspace):
    editor = PracticeEditor(demo_workspace)
    qtbot.addWidget(editor)
    editor.show()
    assert not editor.ui.ods_code_edit.isReadOnly()
    assert not editor.ui.ods_code_error.isVisible()  # a blank form is not yet wrong
    assert not editor.ui.tabs.isTabEnabled(HISTORY_TAB)
    qtbot.keyClicks(editor.ui.ods_code_edit, "C87003")
    assert editor.ui.ods_code_error.isVisible()
    assert editor.ui.ods_code_error.text() == CODE_TAKEN
    assert not editor.ui.save_button.isEnabled()

    retype(qtbot, editor.ui.ods_code_edit, "C8799")
    assert editor.ui.ods_code_error.text().startswith("An ODS practice code is")
    retype(qtbot, editor.ui.ods_code_edit, "C87999")
    qtbot.keyClicks(editor.ui.name_edit, "New Street Surgery")
    qtbot.keyClicks(editor.ui.postcode_edit, "S60 2AA")
    assert editor.ui.save_button.isEnabled()
    with qtbot.waitSignal(editor.practice_saved):
        editor.ui.save_button.click()
    stored = get_practice(demo_workspace, "C87999")
    assert (stored.name, stored.postcode, stored.status) == (
        "New Street Surgery",
        "S60 2AA",
        "active",
    )
    assert editor.ui.ods_code_edit.isReadOnly()
    assert editor.ui.tabs.isTabEnabled(HISTORY_TAB)
    assert editor.history.history_model.index(0, SUMMARY_COLUMN).data() == "added practice C87999"


def test_closing_with_unsaved_changes_asks_and_cancel_keeps_the_form(qtbot, editor):
    retype(qtbot, editor.ui.phone_edit, "01709 111222")
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    prompt = editor.unsaved_prompt
    assert prompt is not None and prompt.isVisible()
    prompt.button(QMessageBox.StandardButton.Cancel).click()
    assert editor.isVisible()
    assert editor.ui.phone_edit.text() == "01709 111222"


def test_discard_closes_without_saving(qtbot, editor, demo_workspace):
    retype(qtbot, editor.ui.phone_edit, "01709 111222")
    editor.close()
    editor.unsaved_prompt.button(QMessageBox.StandardButton.Discard).click()
    assert not editor.isVisible()
    assert get_practice(demo_workspace, CODE).phone == "01709 560005"


def test_save_from_the_prompt_saves_and_closes(qtbot, editor, demo_workspace):
    retype(qtbot, editor.ui.phone_edit, "01709 111222")
    editor.ui.close_button.click()
    editor.unsaved_prompt.button(QMessageBox.StandardButton.Save).click()
    assert not editor.isVisible()
    assert get_practice(demo_workspace, CODE).phone == "01709 111222"


def test_closing_without_changes_does_not_ask(qtbot, editor):
    editor.close()
    assert editor.unsaved_prompt is None
    assert not editor.isVisible()


def test_recording_a_list_size_refuses_negative_figures(qtbot, editor, demo_workspace):
    editor.ui.record_list_size_button.click()
    dialog = editor.list_size_dialog
    assert dialog is not None and dialog.isVisible()
    assert not dialog.ok_button.isEnabled()
    qtbot.keyClicks(dialog.ui.registered_edit, "-5")
    assert dialog.ui.registered_error.isVisible()
    assert dialog.ui.registered_error.text() == "A list size cannot be negative."
    assert not dialog.ok_button.isEnabled()
    retype(qtbot, dialog.ui.registered_edit, "8,250")
    qtbot.keyClicks(dialog.ui.weighted_edit, "9120.75")
    assert dialog.ok_button.isEnabled()
    with qtbot.waitSignal(editor.practice_saved):
        dialog.ui.button_box.button(QDialogButtonBox.StandardButton.Ok).click()
    assert editor.list_size_model.rowCount() == 11
    figures = {
        (entry.registered_patients, entry.weighted_patients)
        for entry in get_practice(demo_workspace, CODE).list_sizes
    }
    assert (Decimal(8250), Decimal("9120.75")) in figures
    assert (
        editor.history.history_model.index(0, SUMMARY_COLUMN)
        .data()
        .startswith("recorded list size")
    )


def test_a_service_refusal_is_shown_in_a_message_box(qtbot, demo_workspace):
    editor = PracticeEditor(demo_workspace)
    qtbot.addWidget(editor)
    qtbot.keyClicks(editor.ui.ods_code_edit, "C87999")
    qtbot.keyClicks(editor.ui.name_edit, "Mine")
    # Someone else adds the same code after the form checked it was free.
    create_practice(demo_workspace, "C87999", {"name": "Theirs"})
    editor.ui.save_button.click()
    assert editor.message_box is not None and editor.message_box.isVisible()
    assert "already exists" in editor.message_box.text()
    assert get_practice(demo_workspace, "C87999").name == "Theirs"
    assert editor.has_unsaved_changes()


def test_the_lead_contact_is_edited_and_a_bad_email_is_named_beside_its_field(
    qtbot, editor, demo_workspace
):
    retype(qtbot, editor.ui.lead_contact_edit, "Dr Asha Patel")
    retype(qtbot, editor.ui.lead_contact_role_edit, "Practice Manager")
    retype(qtbot, editor.ui.email_edit, "a.patel at nhs.net")
    assert editor.ui.email_error.isVisible()
    assert "name@domain" in editor.ui.email_error.text()
    assert not editor.ui.save_button.isEnabled()

    retype(qtbot, editor.ui.email_edit, "a.patel@nhs.net")
    assert not editor.ui.email_error.isVisible()
    with qtbot.waitSignal(editor.practice_saved):
        qtbot.mouseClick(editor.ui.save_button, Qt.MouseButton.LeftButton)
    stored = get_practice(demo_workspace, CODE)
    assert (stored.lead_contact, stored.lead_contact_role, stored.email) == (
        "Dr Asha Patel",
        "Practice Manager",
        "a.patel@nhs.net",
    )


def test_a_bad_phone_number_is_named_beside_its_field(qtbot, editor):
    retype(qtbot, editor.ui.phone_edit, "call the surgery")
    assert editor.ui.phone_error.isVisible()
    assert not editor.ui.save_button.isEnabled()
