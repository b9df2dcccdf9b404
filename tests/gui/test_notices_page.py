"""The Notices section: the further-breach flag, the filters, issuing against the notice-period
rule, sanctions only where termination may be open, and what each role may do."""

from datetime import date, timedelta

import pytest
from PySide6.QtCore import QDate, Qt

from contractdesk.domain.notices import NoticeKind, NoticeStatus
from contractdesk.domain.roles import Role
from contractdesk.domain.sanctions import ObligationKind, SanctionKind
from contractdesk.gui.concern_table_model import ConcernTableModel
from contractdesk.gui.notice_table_model import (
    DAYS_LEFT_COLUMN,
    FLAG_COLUMN,
    FLAG_TEXT,
    NoticeTableModel,
)
from contractdesk.gui.notices_page import CONCERNS_TAB, SANCTIONS_TAB, NoticesPage
from contractdesk.gui.sanction_table_model import DISPUTE_COLUMN, OBLIGATION_COLUMN, STATUS_COLUMN
from contractdesk.gui.urgency import OVERDUE_COLOUR, SOON_COLOUR
from contractdesk.services.notices import draft_notice, get_notice, list_concerns, list_notices
from contractdesk.services.sanctions import list_sanctions
from tests.gui.quality_helpers import signed_in_with_role


@pytest.fixture
def page(qtbot, demo_workspace) -> NoticesPage:
    widget = NoticesPage(demo_workspace)
    qtbot.addWidget(widget)
    return widget


def page_as(qtbot, demo_workspace, sign_in_as, role: Role) -> NoticesPage:
    workspace = signed_in_with_role(demo_workspace, sign_in_as, f"a.{role.value}", role)
    widget = NoticesPage(workspace)
    qtbot.addWidget(widget)
    return widget


def draft(workspace, code: str = "C87022") -> str:
    return draft_notice(
        workspace,
        code,
        kind=NoticeKind.REMEDIAL,
        breach="Test: extended hours not offered.",
        steps_required="Offer extended hours.",
    ).reference


def cell(page: NoticesPage, reference: str, column: int, role=Qt.ItemDataRole.DisplayRole):
    return page.model.index(page.model.row_of(reference), column).data(role)


def test_the_further_breach_flag_shows_for_c87013_with_its_reason(page):
    assert cell(page, "RN-C87013-1", FLAG_COLUMN) == FLAG_TEXT
    assert cell(page, "BN-C87013-1", FLAG_COLUMN) == FLAG_TEXT
    assert cell(page, "RN-C87007-1", FLAG_COLUMN) == ""
    tooltip = cell(page, "RN-C87013-1", FLAG_COLUMN, Qt.ItemDataRole.ToolTipRole)
    assert "notice RN-C87013-1 follows earlier notice(s) BN-C87013-1" in tooltip
    assert "BN-C87013-1 (breach notice, given 08 Jul 2025)" in tooltip
    assert page.count_label.text() == (
        "3 notice(s), 1 overdue; 1 practice(s) with the further-breach flag"
    )


def test_days_left_says_overdue_and_soon_in_words_and_colour(page):
    assert cell(page, "RN-C87013-1", DAYS_LEFT_COLUMN) == "20 days overdue"
    overdue = cell(page, "RN-C87013-1", DAYS_LEFT_COLUMN, Qt.ItemDataRole.BackgroundRole)
    assert overdue.color().name() == OVERDUE_COLOUR
    assert cell(page, "RN-C87007-1", DAYS_LEFT_COLUMN) == "8 days"
    assert cell(page, "RN-C87007-1", DAYS_LEFT_COLUMN, Qt.ItemDataRole.BackgroundRole) is None
    days = (get_notice(page._workspace, "RN-C87007-1").deadline - date.today()).days  # noqa: SLF001
    assert days == 8  # the demo's today: one more day and it turns amber
    model = NoticeTableModel()
    model.set_rows(list_notices(page._workspace, today=date.today() + timedelta(days=2)))  # noqa: SLF001
    soon = model.index(model.row_of("RN-C87007-1"), DAYS_LEFT_COLUMN)
    assert soon.data() == "6 days"
    assert soon.data(Qt.ItemDataRole.BackgroundRole).color().name() == SOON_COLOUR


def test_overdue_only_and_the_status_filter(page):
    page.overdue_check.setChecked(True)
    assert [page.model.row_at(r).reference for r in range(page.model.rowCount())] == ["RN-C87013-1"]
    page.overdue_check.setChecked(False)
    page.set_status_filter(NoticeStatus.DRAFT)
    assert page.model.rowCount() == 0
    page.set_status_filter(NoticeStatus.ISSUED)
    assert page.model.rowCount() == 3


def test_selecting_a_hidden_notice_clears_the_filters(page):
    page.overdue_check.setChecked(True)
    assert page.select_reference("RN-C87007-1")
    assert not page.overdue_check.isChecked()
    assert page.selected_reference() == "RN-C87007-1"


def test_issuing_27_days_shows_the_rule_and_saves_nothing_28_days_works(qtbot, page):
    reference = draft(page._workspace)  # noqa: SLF001
    page.reload()
    page.select_reference(reference)
    dialog = page.issue()
    given = dialog.given_edit.date()
    assert dialog.deadline_edit.date() == given.addDays(28)  # the notice period by default
    dialog.deadline_edit.setDate(given.addDays(27))
    assert dialog.reason_combo.isEnabled()
    assert "This deadline gives 27 day(s)" in dialog.rule_label.text()
    dialog.accept()
    assert dialog.isVisible() and dialog.message_box is not None
    message = dialog.message_box.text()
    assert message.startswith(f"Cannot issue {reference}: the deadline must be at least 28 days")
    assert "patient safety" in message
    assert get_notice(page._workspace, reference).status is NoticeStatus.DRAFT  # noqa: SLF001
    assert dialog.deadline_edit.date() == given.addDays(27)  # the input is kept
    dialog.message_box.done(0)
    dialog.deadline_edit.setDate(given.addDays(28))
    assert not dialog.reason_combo.isEnabled()
    dialog.accept()
    assert not dialog.isVisible()
    issued = get_notice(page._workspace, reference)  # noqa: SLF001
    assert issued.status is NoticeStatus.ISSUED
    assert issued.deadline == issued.given_on + timedelta(days=28)
    assert page.selected_reference() == reference


def test_a_shorter_period_needs_a_reason_and_its_detail(page):
    from contractdesk.domain.notices import ShortPeriodReason

    reference = draft(page._workspace)  # noqa: SLF001
    page.reload()
    page.select_reference(reference)
    dialog = page.issue()
    dialog.deadline_edit.setDate(dialog.given_edit.date().addDays(14))
    dialog.set_short_reason(ShortPeriodReason.PATIENT_SAFETY)
    dialog.accept()
    assert dialog.message_box.text() == "Record why the shorter period is necessary."
    dialog.message_box.done(0)
    dialog.reason_detail_edit.setText("Children at risk without same-day assessment")
    dialog.accept()
    issued = get_notice(page._workspace, reference)  # noqa: SLF001
    assert issued.short_reason is ShortPeriodReason.PATIENT_SAFETY


def test_a_viewer_reads_only_every_action_disabled_with_the_role_needed(
    qtbot, demo_workspace, sign_in_as
):
    viewer = page_as(qtbot, demo_workspace, sign_in_as, Role.VIEWER)
    viewer.select_reference("RN-C87013-1")
    for button in (viewer.raise_button, viewer.draft_button, viewer.outcome_button):
        assert not button.isEnabled() and button.toolTip() == "Needs the officer role."
    for button in (viewer.issue_button, viewer.withdraw_button, viewer.sanction_button):
        assert not button.isEnabled() and button.toolTip() == "Needs the approver role."
    assert viewer.issue() is None and viewer.draft_notice() is None
    assert viewer.state_label.text() == "Read only: your role can view notices and concerns."


def test_an_officer_drafts_but_cannot_issue(qtbot, demo_workspace, sign_in_as):
    officer = page_as(qtbot, demo_workspace, sign_in_as, Role.OFFICER)
    assert officer.draft_button.isEnabled()
    dialog = officer.draft_notice()
    dialog.practice_combo.setCurrentIndex(dialog.practice_combo.findData("C87022"))
    dialog.set_kind(NoticeKind.REMEDIAL)
    dialog.breach_edit.setPlainText("Test: leaflet out of date.")
    dialog.accept()
    assert dialog.message_box.text() == (
        "A remedial notice states the steps required to remedy the breach."
    )
    dialog.message_box.done(0)
    dialog.steps_edit.setPlainText("Publish a new leaflet.")
    dialog.accept()
    reference = officer.selected_reference()
    assert reference == "RN-C87022-1"
    assert officer.selected_entry().status is NoticeStatus.DRAFT
    assert not officer.issue_button.isEnabled()
    assert officer.issue_button.toolTip() == "Needs the approver role."
    assert officer.issue() is None


def test_an_approver_can_issue_a_draft_only(qtbot, demo_workspace, sign_in_as):
    approver = page_as(qtbot, demo_workspace, sign_in_as, Role.APPROVER)
    approver.select_reference("RN-C87007-1")
    assert not approver.issue_button.isEnabled()
    assert approver.issue_button.toolTip() == (
        "Only a draft notice can be issued. RN-C87007-1 is issued (remedial notice)."
    )
    assert approver.withdraw_button.isEnabled()


def test_a_breach_notice_has_no_outcome_but_can_be_escalated(page):
    page.select_reference("BN-C87013-1")
    assert not page.outcome_button.isEnabled()
    assert page.escalate_button.isEnabled()
    dialog = page.escalate()
    dialog.note_edit.setPlainText("Test: referred for a sanction.")
    dialog.accept()
    assert get_notice(page._workspace, "BN-C87013-1").status is NoticeStatus.ESCALATED  # noqa: SLF001


def test_recording_the_outcome_with_its_evidence(qtbot, page):
    page.select_reference("RN-C87007-1")
    dialog = page.record_outcome()
    with qtbot.waitSignal(page.notices_changed) as changed:
        dialog.note_edit.setPlainText("Test: same-day slots seen on a visit.")
        dialog.accept()
    assert "notices" in changed.args[0]
    assert get_notice(page._workspace, "RN-C87007-1").status is NoticeStatus.REMEDIED  # noqa: SLF001


def test_withdrawing_needs_a_reason(page):
    reference = draft(page._workspace)  # noqa: SLF001
    page.reload()
    page.select_reference(reference)
    dialog = page.withdraw()
    dialog.accept()
    assert dialog.message_box.text() == "Give the reason for withdrawing the notice."
    dialog.message_box.done(0)
    dialog.reason_edit.setPlainText("Test: drafted against the wrong practice.")
    dialog.accept()
    assert get_notice(page._workspace, reference).status is NoticeStatus.WITHDRAWN  # noqa: SLF001


def test_sanctions_are_offered_only_where_termination_may_be_open(page):
    page.select_reference("RN-C87007-1")
    assert not page.sanction_button.isEnabled()
    assert page.sanction_button.toolTip().startswith("Only where termination may be open")
    assert page.record_sanction() is None
    page.select_reference("RN-C87013-1")
    assert page.sanction_button.isEnabled()


def test_a_sanction_too_soon_is_refused_with_the_input_kept_then_recorded(page):
    page.select_reference("RN-C87013-1")
    dialog = page.record_sanction()
    kinds = [
        dialog.obligation_kind_combo.itemData(i)
        for i in range(dialog.obligation_kind_combo.count())
    ]
    assert ObligationKind.ESSENTIAL not in kinds
    assert "no sooner than 28 days after notice" in dialog.rule_label.text()
    dialog.set_kind(SanctionKind.SUSPEND)
    assert "at most 6 months" in dialog.rule_label.text()
    dialog.obligation_edit.setText("Minor surgery (enhanced service)")
    dialog.effective_edit.setDate(dialog.notice_edit.date().addDays(10))
    dialog.accept()
    assert dialog.isVisible()
    assert "cannot take effect before" in dialog.message_box.text()
    assert dialog.obligation_edit.text() == "Minor surgery (enhanced service)"
    dialog.message_box.done(0)
    dialog.effective_edit.setDate(dialog.notice_edit.date().addDays(28))
    dialog.ends_edit.setDate(dialog.effective_edit.date().addMonths(3))
    dialog.accept()
    assert not dialog.isVisible()
    (sanction,) = list_sanctions(page._workspace, practice_code="C87013")  # noqa: SLF001
    assert sanction.kind is SanctionKind.SUSPEND and sanction.notice_reference == "RN-C87013-1"


def test_withholding_money_asks_for_the_amount(page):
    page.select_reference("RN-C87013-1")
    dialog = page.record_sanction()
    dialog.set_kind(SanctionKind.WITHHOLD)
    assert dialog.amount_spin.isEnabled() and not dialog.obligation_kind_combo.isEnabled()
    dialog.obligation_edit.setText("Minor surgery payments")
    dialog.accept()
    assert "give the sum to withhold or deduct" in dialog.message_box.text()
    dialog.message_box.done(0)
    dialog.amount_spin.setValue(1250.5)
    dialog.accept()
    (sanction,) = list_sanctions(page._workspace, practice_code="C87013")  # noqa: SLF001
    assert sanction.amount_pence == 125050


def test_the_concerns_tab_lists_raises_and_closes_concerns(qtbot, page):
    page.tabs.setCurrentIndex(CONCERNS_TAB)
    assert page.concern_model.rowCount() == 1
    assert page.selected_concern().reference == "CN-C87007-1"
    assert not page.concern_close_button.isEnabled()  # escalated into a notice
    dialog = page.raise_concern()
    assert dialog.practice_combo.currentData() == "C87007"  # the selected concern's practice
    dialog.description_edit.setPlainText("Test: complaints about repeat prescriptions.")
    dialog.accept()
    assert page.tabs.currentIndex() == CONCERNS_TAB
    concern = page.selected_concern()
    assert concern.reference == "CN-C87007-2"
    assert page.concern_close_button.isEnabled()
    closing = page.close_concern()
    closing.outcome_edit.setPlainText("Test: resolved at the practice meeting.")
    closing.accept()
    (closed,) = [c for c in list_concerns(page._workspace) if c.reference == "CN-C87007-2"]  # noqa: SLF001
    assert closed.outcome == "Test: resolved at the practice meeting."


def test_a_notice_drafted_from_a_concern_escalates_it(page):
    dialog = page.raise_concern()
    dialog.practice_combo.setCurrentIndex(dialog.practice_combo.findData("C87022"))
    dialog.description_edit.setPlainText("Test: no extended hours.")
    dialog.accept()
    drafting = page.draft_notice(from_concern=True)
    assert drafting.practice_combo.currentData() == "C87022"
    assert drafting.concern_combo.currentData() == "CN-C87022-1"
    drafting.set_kind(NoticeKind.BREACH)
    assert not drafting.steps_edit.isEnabled()
    drafting.breach_edit.setPlainText("Test: extended hours not offered.")
    drafting.accept()
    assert page.selected_entry().concern_reference == "CN-C87022-1"
    (concern,) = [c for c in list_concerns(page._workspace) if c.reference == "CN-C87022-1"]  # noqa: SLF001
    assert concern.status.value == "escalated"


def test_the_recovery_plan_window_adds_and_completes_actions(qtbot, page):
    page.select_reference("RN-C87007-1")
    plans = page.recovery_plan()
    assert plans.plan.reference == "RP-C87007-1"
    assert plans.model.rowCount() == 2
    assert "1 action(s) overdue" in plans.summary_label.text()
    adding = plans.open_form("action")
    adding.description_edit.setText("Test: audit the under-12 slots")
    adding.owner_edit.setText("Contract officer")
    adding.accept()
    assert plans.model.rowCount() == 3
    plans.table.selectRow(0)
    completing = plans.open_form("complete")
    completing.accept()
    assert plans.plan.actions[0].done_on is not None
    assert "overdue" not in plans.summary_label.text()
    noting = plans.open_form("note")
    noting.text_edit.setPlainText("Test: call with the practice manager.")
    noting.accept()
    assert "call with the practice manager" in plans.notes_view.toPlainText()


def test_models_pass_the_model_tester(qtmodeltester, page):
    qtmodeltester.check(page.model)
    qtmodeltester.check(page.proxy)
    model = ConcernTableModel()
    model.set_rows(list_concerns(page._workspace))  # noqa: SLF001
    qtmodeltester.check(model)


def suspend(workspace, given_on: date) -> str:
    from contractdesk.services.sanctions import record_sanction

    return record_sanction(
        workspace,
        "C87013",
        kind=SanctionKind.SUSPEND,
        obligation_kind=ObligationKind.ENHANCED,
        obligation="Minor surgery & <joint injections>",
        notice_given_on=given_on,
        effective_from=given_on + timedelta(days=28),
        ends_on=given_on + timedelta(days=90),
        notice_reference="RN-C87013-1",
    ).reference


def test_the_sanctions_tab_records_a_dispute_that_holds_the_sanction_then_a_withdrawal(qtbot, page):
    reference = suspend(page._workspace, date.today())  # noqa: SLF001
    page.reload()
    assert page.select_reference(reference)
    assert page.tabs.currentIndex() == SANCTIONS_TAB
    tab = page.sanctions_tab
    row = tab.model.row_of(reference)
    assert tab.model.index(row, STATUS_COLUMN).data() == "notified"
    assert tab.model.index(row, OBLIGATION_COLUMN).data() == "Minor surgery & <joint injections>"

    dialog = tab.record_dispute()
    dialog.referred_edit.setDate(QDate.currentDate().addDays(5))
    with qtbot.waitSignal(page.notices_changed) as changed:
        dialog.accept()
    assert changed.args == [frozenset({"sanctions"})]
    row = tab.model.row_of(reference)
    assert tab.model.index(row, STATUS_COLUMN).data() == "on hold (dispute)"
    assert tab.model.index(row, DISPUTE_COLUMN).data().startswith("referred")
    assert f"Sanction {reference} saved." == page.state_label.text()

    dialog = tab.withdraw()
    dialog.accept()
    row = tab.model.row_of(reference)
    assert tab.model.index(row, STATUS_COLUMN).data() == "withdrawn"
    assert not tab.withdraw_button.isEnabled() and tab.withdraw() is None
    assert "has withdrawn" in tab.dispute_button.toolTip()


def test_a_resolved_dispute_releases_the_sanction(page):
    reference = suspend(page._workspace, date.today() - timedelta(days=40))  # noqa: SLF001
    page.reload()
    page.select_reference(reference)
    dialog = page.sanctions_tab.record_dispute()
    assert not dialog.resolved_edit.isEnabled()  # a resolution date only once ticked
    dialog.referred_edit.setDate(QDate.currentDate().addDays(-30))
    dialog.accept()
    tab = page.sanctions_tab
    assert tab.model.index(tab.model.row_of(reference), STATUS_COLUMN).data() == "on hold (dispute)"
    dialog = tab.record_dispute()
    assert dialog.referred_edit.date() == QDate.currentDate().addDays(-30)
    dialog.resolved_check.setChecked(True)
    dialog.resolved_edit.setDate(QDate.currentDate().addDays(-1))
    dialog.accept()
    row = tab.model.row_of(reference)
    assert tab.model.index(row, STATUS_COLUMN).data() == "in effect"
    assert "resolved" in tab.model.index(row, DISPUTE_COLUMN).data()
    # A resolution recorded in error is taken back by unticking it: on hold again.
    dialog = tab.record_dispute()
    assert dialog.resolved_check.isChecked()
    dialog.resolved_check.setChecked(False)
    dialog.accept()
    row = tab.model.row_of(reference)
    assert tab.model.index(row, STATUS_COLUMN).data() == "on hold (dispute)"
    assert "resolved" not in tab.model.index(row, DISPUTE_COLUMN).data()


def test_a_viewer_sees_sanctions_but_cannot_act_on_them(qtbot, demo_workspace, sign_in_as):
    reference = suspend(demo_workspace, date.today())
    viewer = page_as(qtbot, demo_workspace, sign_in_as, Role.VIEWER)
    assert viewer.select_reference(reference)
    tab = viewer.sanctions_tab
    assert not tab.dispute_button.isEnabled()
    assert tab.dispute_button.toolTip() == "Needs the approver role."
    assert tab.record_dispute() is None and tab.withdraw() is None
