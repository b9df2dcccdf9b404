"""The Services section: a year's catalogue, add and edit, retire, delete, copy forward."""

import pytest
from PySide6.QtWidgets import QMessageBox

from contractdesk.gui.service_table_model import (
    PRICE_COLUMN,
    REQUIRED_COLUMN,
    RETIRED_COLUMN,
    ServiceTableModel,
)
from contractdesk.gui.services_page import ServicesPage
from contractdesk.services.service_catalogue import get_service, list_services
from tests.gui.quality_helpers import FIRST_YEAR, NEXT_YEAR


@pytest.fixture
def page(qtbot, demo_workspace) -> ServicesPage:
    widget = ServicesPage(demo_workspace)
    qtbot.addWidget(widget)
    widget.set_year(NEXT_YEAR)
    return widget


def answer(box: QMessageBox, button: QMessageBox.StandardButton) -> None:
    box.button(button).click()


def select(page: ServicesPage, code: str) -> None:
    page.select_service(code)
    assert page.selected_service().code == code


def test_lists_the_years_services_with_price_in_pounds(page):
    assert page.proxy.rowCount() == 15
    row = page.model.row_of("ANTICOAG")
    assert page.model.index(row, PRICE_COLUMN).data() == "95.00"
    assert page.model.index(row, REQUIRED_COLUMN).data() == "required"
    assert page.count_label.text() == "15 service(s) in 2026/27, 15 required"
    years = [page.year_combo.itemText(i) for i in range(page.year_combo.count())]
    assert years == ["2027/28", "2026/27", "2025/26"]  # the next one, to start its catalogue


def test_model_passes_qtmodeltester(qtmodeltester, demo_workspace):
    model = ServiceTableModel()
    model.set_rows(list_services(demo_workspace, FIRST_YEAR))
    qtmodeltester.check(model)


def test_add_a_service_and_a_refusal_keeps_the_form(qtbot, page, demo_workspace):
    dialog = page.new_service()
    dialog.code_edit.setText("PILOT")
    dialog.price_spin.setValue(12.5)
    dialog.ok_button.click()  # no name
    assert dialog.isVisible() and "name" in dialog.message_box.text()
    dialog.message_box.close()
    dialog.name_edit.setText("A pilot")
    with qtbot.waitSignal(page.services_changed):
        dialog.ok_button.click()
    assert not dialog.isVisible()
    assert page.selected_service().code == "PILOT"
    assert get_service(demo_workspace, NEXT_YEAR, "PILOT").price_pence == 1250


def test_edit_saves_only_what_changed(page, demo_workspace):
    select(page, "PSA")
    dialog = page.edit_service()
    assert not dialog.code_edit.isEnabled() or dialog.code_edit.isReadOnly()
    dialog.price_spin.setValue(13)
    dialog.ok_button.click()
    assert get_service(demo_workspace, NEXT_YEAR, "PSA").price_pence == 1300
    row = page.model.row_of("PSA")
    assert page.model.index(row, PRICE_COLUMN).data() == "13.00"


def test_retire_and_reinstate(page):
    select(page, "AURAL")
    page.toggle_retired()
    assert page.model.index(page.model.row_of("AURAL"), RETIRED_COLUMN).data() == "retired"
    assert page.retire_button.text() == "&Reinstate"
    page.toggle_retired()
    assert page.model.index(page.model.row_of("AURAL"), RETIRED_COLUMN).data() == ""


def test_deleting_a_used_service_shows_the_services_refusal(page):
    select(page, "PSA")
    box = page.delete_selected()
    answer(box, QMessageBox.StandardButton.Yes)
    assert "retire it instead" in page.message_box.text()
    assert page.model.row_of("PSA") is not None


def test_delete_an_unused_service_after_confirming(page):
    dialog = page.new_service()
    dialog.code_edit.setText("GONE")
    dialog.name_edit.setText("Soon gone")
    dialog.ok_button.click()
    select(page, "GONE")
    answer(page.delete_selected(), QMessageBox.StandardButton.Cancel)
    assert page.model.row_of("GONE") is not None
    answer(page.delete_selected(), QMessageBox.StandardButton.Yes)
    assert page.model.row_of("GONE") is None


def test_copy_to_next_year_reports_what_was_copied(page, demo_workspace):
    answer(page.copy_forward(), QMessageBox.StandardButton.Yes)
    assert "Copied to 2027/28" in page.message_box.text()
    assert len(list_services(demo_workspace, NEXT_YEAR.next())) == 15
    page.message_box.close()
    answer(page.copy_forward(), QMessageBox.StandardButton.Yes)
    assert "Copied to 2027/28: none. Already there:" in page.message_box.text()


def test_a_viewer_sees_no_buttons(qtbot, sign_in_as):
    page = ServicesPage(sign_in_as("newcomer"))
    qtbot.addWidget(page)
    assert not page.new_button.isVisibleTo(page)
    assert not page.delete_button.isVisibleTo(page)
    assert page.edit_service() is None
    assert page.copy_forward() is None
    assert "Read only" in page.state_label.text()
