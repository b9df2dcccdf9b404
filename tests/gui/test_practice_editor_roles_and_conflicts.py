"""The practice editor when someone else saved first, and for a viewer who may not edit."""

import pytest
from PySide6.QtWidgets import QApplication

from contractdesk.domain.roles import Role
from contractdesk.gui.practice_editor import PracticeEditor
from contractdesk.services.practices import get_practice, update_practice
from contractdesk.services.users import set_role
from tests.gui.editor_helpers import retype

CODE = "C87003"


@pytest.fixture
def bob(demo_workspace, sign_in_as):
    set_role(demo_workspace, "bob", Role.OFFICER)
    return sign_in_as("bob")


@pytest.fixture
def editor(qtbot, demo_workspace) -> PracticeEditor:
    dialog = PracticeEditor(demo_workspace, CODE)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def bob_saves_first(bob, editor_version: int) -> None:
    update_practice(bob, CODE, editor_version, {"name": "BOB'S NAME", "phone": "0114 000000"})


def save_into_a_conflict(qtbot, editor, bob):
    bob_saves_first(bob, get_practice(bob, CODE).version)
    retype(qtbot, editor.ui.name_edit, "My Name")
    editor.ui.save_button.click()
    dialog = editor.conflict_dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is dialog)
    return dialog


def test_conflict_lists_each_differing_field_with_both_values(qtbot, editor, bob):
    dialog = save_into_a_conflict(qtbot, editor, bob)
    assert set(dialog.choices) == {"name", "phone"}
    name_mine, name_theirs = dialog.choices["name"]
    phone_mine, phone_theirs = dialog.choices["phone"]
    assert (name_mine.text(), name_theirs.text()) == ("My Name", "BOB'S NAME")
    assert (phone_mine.text(), phone_theirs.text()) == ("01709 560005", "0114 000000")
    # What the officer changed is kept; what only bob changed is taken from bob.
    assert name_mine.isChecked() and phone_theirs.isChecked()
    assert "bob saved changes" in dialog.intro_label.text()


def test_default_choices_merge_both_edits(qtbot, editor, bob, demo_workspace):
    dialog = save_into_a_conflict(qtbot, editor, bob)
    with qtbot.waitSignal(editor.practice_saved):
        dialog.save_button.click()
    stored = get_practice(demo_workspace, CODE)
    assert (stored.name, stored.phone) == ("My Name", "0114 000000")
    assert not editor.has_unsaved_changes()
    assert editor.ui.phone_edit.text() == "0114 000000"


def test_take_theirs_keeps_the_other_users_values(qtbot, editor, bob, demo_workspace):
    dialog = save_into_a_conflict(qtbot, editor, bob)
    dialog.take_theirs_button.click()
    dialog.save_button.click()
    stored = get_practice(demo_workspace, CODE)
    assert (stored.name, stored.phone) == ("BOB'S NAME", "0114 000000")
    assert editor.ui.name_edit.text() == "BOB'S NAME"
    assert not editor.has_unsaved_changes()


def test_keep_mine_overwrites_the_other_users_values(qtbot, editor, bob, demo_workspace):
    dialog = save_into_a_conflict(qtbot, editor, bob)
    dialog.keep_mine_button.click()
    dialog.save_button.click()
    stored = get_practice(demo_workspace, CODE)
    assert (stored.name, stored.phone) == ("My Name", "01709 560005")
    assert stored.version == get_practice(bob, CODE).version


def test_cancelling_the_conflict_keeps_the_officers_edit_unsaved(qtbot, editor, bob):
    dialog = save_into_a_conflict(qtbot, editor, bob)
    dialog.reject()
    assert editor.ui.name_edit.text() == "My Name"
    assert editor.has_unsaved_changes()
    assert get_practice(bob, CODE).name == "BOB'S NAME"


def test_a_viewer_sees_everything_read_only(qtbot, sign_in_as):
    viewer = sign_in_as("newcomer")
    assert viewer.user.role == Role.VIEWER
    editor = PracticeEditor(viewer, CODE)
    qtbot.addWidget(editor)
    editor.show()
    assert editor.ui.name_edit.text() == "WOODSTOCK BOWER GROUP PRACTICE"
    for edit in (editor.ui.name_edit, editor.ui.postcode_edit, editor.ui.ods_code_edit):
        assert edit.isReadOnly()
    for widget in (
        editor.ui.status_combo,
        editor.ui.contract_type_combo,
        editor.ui.open_date_check,
        editor.ui.open_date_edit,
        editor.ui.dispensing_check,
    ):
        assert not widget.isEnabled()
    assert not editor.ui.save_button.isVisible()
    assert not editor.ui.record_list_size_button.isVisible()
    assert editor.ui.state_label.text().startswith("Read only")
    assert editor.history.history_model.rowCount() > 0
    assert not editor.has_unsaved_changes()
    editor.close()
    assert editor.unsaved_prompt is None
