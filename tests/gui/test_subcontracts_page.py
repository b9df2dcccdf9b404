"""The Sub-contracts section: the list, its status filter, decisions by role, new and end."""

from datetime import date

import pytest

from contractdesk.domain.roles import Role
from contractdesk.domain.subcontracting import Decision, ObjectionGround, SubcontractStatus
from contractdesk.gui.subcontract_table_model import (
    DAYS_LEFT_COLUMN,
    SOON_COLOUR,
    STATUS_COLUMN,
    SubcontractTableModel,
    days_left_text,
)
from contractdesk.gui.subcontracts_page import SubcontractsPage
from contractdesk.services.subcontracts import list_subcontracts
from tests.gui.quality_helpers import FIRST_YEAR, NEXT_YEAR, signed_in_with_role


@pytest.fixture
def page(qtbot, demo_workspace) -> SubcontractsPage:
    widget = SubcontractsPage(demo_workspace)
    qtbot.addWidget(widget)
    return widget


def statuses_shown(page: SubcontractsPage) -> list[str]:
    return [page.proxy.index(row, STATUS_COLUMN).data() for row in range(page.proxy.rowCount())]


def pending_reference(page: SubcontractsPage) -> str:
    return next(
        page.model.row_at(row).reference
        for row in range(page.model.rowCount())
        if page.model.row_at(row).decision is Decision.PENDING
    )


def test_lists_every_arrangement_awaiting_ones_first(page):
    assert page.proxy.rowCount() == 3
    assert page.model.row_at(0).decision is Decision.PENDING
    assert page.count_label.text() == "3 sub-contract(s), 1 awaiting a decision"


def test_status_filter_narrows_the_list(page):
    page.set_status_filter(SubcontractStatus.OBJECTED)
    assert statuses_shown(page) == ["objected"]
    page.set_status_filter(SubcontractStatus.PENDING)
    assert statuses_shown(page) == ["pending"]
    page.set_status_filter(None)
    assert page.proxy.rowCount() == 3


def test_days_left_is_highlighted_within_a_week_and_when_overdue(demo_workspace):
    model = SubcontractTableModel()
    entry = list_subcontracts(demo_workspace, statuses=[SubcontractStatus.PENDING])[0]
    soon = list_subcontracts(
        demo_workspace,
        statuses=[SubcontractStatus.PENDING],
        today=entry.objection_deadline.replace(day=entry.objection_deadline.day - 3),
    )[0]
    model.set_rows([soon])
    index = model.index(0, DAYS_LEFT_COLUMN)
    assert index.data() == "3 days"
    assert index.data(8).color().name() == SOON_COLOUR  # BackgroundRole
    assert days_left_text(0) == "last day" and days_left_text(-2) == "2 days overdue"


def test_model_passes_qtmodeltester(qtmodeltester, demo_workspace):
    model = SubcontractTableModel()
    model.set_rows(list_subcontracts(demo_workspace))
    qtmodeltester.check(model)


def test_an_approver_can_approve_a_pending_one(qtbot, page):
    reference = pending_reference(page)
    page.select_reference(reference)
    assert page.approve_button.isVisibleTo(page) and page.approve_button.isEnabled()
    dialog = page.decide(approve=True)
    dialog.date_edit.setDate(date(2026, 11, 20))
    with qtbot.waitSignal(page.subcontracts_changed):
        dialog.ok_button.click()
    assert page.selected_entry().reference == reference
    assert page.selected_entry().decision is Decision.APPROVED
    assert not page.approve_button.isEnabled()


def test_an_objection_on_other_grounds_needs_the_detail(qtbot, page):
    page.select_reference(pending_reference(page))
    dialog = page.decide(approve=False)
    dialog.date_edit.setDate(date(2026, 11, 20))
    dialog.ground_combo.setCurrentIndex(dialog.ground_combo.findText("other"))
    dialog.ok_button.click()
    assert dialog.isVisible()
    assert "other ground" in dialog.message_box.text()
    dialog.message_box.close()
    assert dialog.ground() is ObjectionGround.OTHER  # input kept
    dialog.detail_edit.setText("the premises lease ends in January")
    dialog.ok_button.click()
    assert not dialog.isVisible()
    assert page.selected_entry().decision is Decision.OBJECTED


def test_a_viewer_sees_the_list_without_any_action(qtbot, sign_in_as):
    page = SubcontractsPage(sign_in_as("newcomer"))
    qtbot.addWidget(page)
    page.show()
    page.select_reference(pending_reference(page))
    for button in (page.new_button, page.approve_button, page.object_button, page.end_button):
        assert not button.isVisible()
    assert page.decide(approve=True) is None
    assert page.end() is None
    assert "Read only" in page.state_label.text()


def test_an_officer_cannot_approve(qtbot, demo_workspace, sign_in_as):
    officer = signed_in_with_role(demo_workspace, sign_in_as, "o.fficer", Role.OFFICER)
    page = SubcontractsPage(officer)
    qtbot.addWidget(page)
    page.show()
    page.select_reference(pending_reference(page))
    assert page.new_button.isVisible() and page.end_button.isVisible()
    assert not page.approve_button.isVisible() and not page.object_button.isVisible()
    assert page.decide(approve=True) is None


def test_a_refused_new_subcontract_keeps_what_was_typed(qtbot, page):
    dialog = page.new_subcontract()
    assert dialog.year == NEXT_YEAR or dialog.year == FIRST_YEAR
    dialog.contractor_combo.setCurrentIndex(dialog.contractor_combo.findData("C87003"))
    dialog.subcontractor_combo.setCurrentIndex(dialog.subcontractor_combo.findData("C87003"))
    dialog.set_services(["PSA"])
    dialog.premises_edit.setText("Woodstock Bower, S61 1AH")
    dialog.ok_button.click()
    assert dialog.isVisible()
    assert "cannot sub-contract to itself" in dialog.message_box.text()
    dialog.message_box.close()
    assert dialog.premises_edit.text() == "Woodstock Bower, S61 1AH"
    assert dialog.chosen_services() == ["PSA"]


def test_services_offered_are_those_of_the_chosen_year(page, demo_workspace):
    from contractdesk.services.service_catalogue import create_service

    create_service(
        demo_workspace,
        FIRST_YEAR,
        "OLD-ONLY",
        {"name": "Old", "kind": "LES", "funding_basis": "per_item", "price_pence": 1},
    )
    dialog = page.new_subcontract()
    dialog.year_combo.setCurrentIndex(dialog.year_combo.findText(str(NEXT_YEAR)))
    codes = [dialog.service_list.item(row).text() for row in range(dialog.service_list.count())]
    assert not any(code.startswith("OLD-ONLY") for code in codes)
    dialog.year_combo.setCurrentIndex(dialog.year_combo.findText(str(FIRST_YEAR)))
    codes = [dialog.service_list.item(row).text() for row in range(dialog.service_list.count())]
    assert any(code.startswith("OLD-ONLY") for code in codes)


def test_ending_a_pending_one(qtbot, page):
    reference = pending_reference(page)
    page.select_reference(reference)
    dialog = page.end()
    dialog.date_edit.setDate(page.selected_entry().start_date)
    dialog.reason_edit.setText("the practice withdrew the notice")
    dialog.ok_button.click()
    assert not dialog.isVisible()
    assert page.selected_entry().ended_on == page.selected_entry().start_date
