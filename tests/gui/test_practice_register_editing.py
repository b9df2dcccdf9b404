"""The register opening the practice editor, reloading after a save, locality filter, layout."""

import pytest
from PySide6.QtCore import QSettings, Qt

from contractdesk.gui.practice_register import HEADER_STATE_SETTING, PracticeRegisterPage
from contractdesk.gui.practice_table_model import LOCALITY_COLUMN, NAME_COLUMN, ODS_CODE_COLUMN
from tests.gui.editor_helpers import retype, show_active

DEMO_PRACTICES = 37


@pytest.fixture
def page(qtbot, demo_workspace) -> PracticeRegisterPage:
    widget = PracticeRegisterPage(demo_workspace)
    qtbot.addWidget(widget)
    show_active(qtbot, widget)
    return widget


def select(page: PracticeRegisterPage, ods_code: str) -> None:
    page.select_practice(ods_code)
    page.ui.practice_table.setFocus()


def test_enter_on_the_selected_row_opens_its_editor(qtbot, page):
    select(page, "C87005")
    qtbot.keyClick(page.ui.practice_table, Qt.Key.Key_Return)
    assert page.editor is not None and page.editor.isVisible()
    assert page.editor.ods_code == "C87005"
    assert page.editor.isModal()


def test_double_click_opens_the_editor(qtbot, page):
    select(page, "C87006")
    index = page.ui.practice_table.currentIndex()
    centre = page.ui.practice_table.visualRect(index).center()
    viewport = page.ui.practice_table.viewport()
    # Qt's view opens on a double click only at the row the first press landed on.
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=centre)
    qtbot.mouseDClick(viewport, Qt.MouseButton.LeftButton, pos=centre)
    assert page.editor is not None and page.editor.ods_code == "C87006"


def test_a_save_reloads_the_register_keeps_the_selection_and_is_announced(qtbot, page):
    select(page, "C87005")
    qtbot.keyClick(page.ui.practice_table, Qt.Key.Key_Return)
    editor = page.editor
    retype(qtbot, editor.ui.name_edit, "AAA Renamed Practice")
    with qtbot.waitSignal(page.practice_saved) as saved:
        editor.ui.save_button.click()
    assert saved.args == ["C87005"]
    assert page.selected_code() == "C87005"
    row = page.ui.practice_table.currentIndex().row()
    assert page.proxy.index(row, NAME_COLUMN).data() == "AAA Renamed Practice"


def test_new_practice_button_and_ctrl_n_open_a_blank_editor(qtbot, page):
    assert page.ui.new_practice_button.isVisible()
    qtbot.keyClick(page, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert page.editor is not None and page.editor.is_new
    page.editor.close()
    page.ui.new_practice_button.click()
    editor = page.editor
    assert editor.is_new
    qtbot.keyClicks(editor.ui.ods_code_edit, "C87998")
    qtbot.keyClicks(editor.ui.name_edit, "Brand New Surgery")
    editor.ui.save_button.click()
    assert page.model.rowCount() == DEMO_PRACTICES + 1
    assert page.selected_code() == "C87998"


def test_a_viewer_gets_no_new_practice_action(qtbot, sign_in_as):
    viewer_page = PracticeRegisterPage(sign_in_as("newcomer"))
    qtbot.addWidget(viewer_page)
    show_active(qtbot, viewer_page)
    assert not viewer_page.ui.new_practice_button.isVisible()
    qtbot.keyClick(viewer_page, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert viewer_page.editor is None


def test_locality_filter_offers_the_localities_present_and_reduces_rows(page):
    combo = page.ui.locality_combo
    choices = [combo.itemText(index) for index in range(combo.count())]
    assert choices[0] == "All"
    assert "RAVEN PCN" in choices
    assert choices[1:] == sorted(choices[1:])
    combo.setCurrentIndex(combo.findText("RAVEN PCN"))
    assert page.proxy.rowCount() == 5
    assert {page.proxy.index(row, LOCALITY_COLUMN).data() for row in range(5)} == {"RAVEN PCN"}
    assert page.ui.count_label.text() == f"Showing 5 of {DEMO_PRACTICES} practices"
    page.reload()  # a reload keeps the officer's choice
    assert combo.currentText() == "RAVEN PCN"
    assert page.proxy.rowCount() == 5
    combo.setCurrentIndex(0)
    assert page.proxy.rowCount() == DEMO_PRACTICES


def test_column_widths_are_remembered(qtbot, demo_workspace, page):
    page.ui.practice_table.setColumnWidth(ODS_CODE_COLUMN, 151)
    page.close()
    reopened = PracticeRegisterPage(demo_workspace)
    qtbot.addWidget(reopened)
    assert reopened.ui.practice_table.columnWidth(ODS_CODE_COLUMN) == 151
    assert QSettings().contains(HEADER_STATE_SETTING)


def test_a_header_change_is_saved_once_it_settles_not_at_every_step(qtbot, page):
    QSettings().remove(HEADER_STATE_SETTING)  # (whatever showing the page saved)
    for width in range(100, 160, 10):  # as a drag does
        page.ui.practice_table.setColumnWidth(ODS_CODE_COLUMN, width)
    assert not QSettings().contains(HEADER_STATE_SETTING)
    qtbot.waitUntil(lambda: QSettings().contains(HEADER_STATE_SETTING), timeout=5000)
