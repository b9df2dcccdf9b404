"""The practice editor's Escalation tab: the timeline in date order, and where each notice and
recovery plan stands; read only when the tab is shown."""

from datetime import date

import pytest
from PySide6.QtCore import Qt

from contractdesk.gui.escalation_table_models import (
    STANDING_STATE_COLUMN,
    ActionTableModel,
    PlanTableModel,
    StandingTableModel,
    TimelineTableModel,
    standing_records,
)
from contractdesk.gui.practice_editor import ESCALATION_TAB, PracticeEditor
from contractdesk.gui.urgency import OVERDUE_COLOUR
from contractdesk.services.escalation_timeline import practice_timeline
from contractdesk.services.notices import list_notices
from contractdesk.services.recovery_plans import list_plans

TODAY = date(2026, 11, 23)


@pytest.fixture
def editor(qtbot, demo_workspace) -> PracticeEditor:
    dialog = PracticeEditor(demo_workspace, "C87007")
    qtbot.addWidget(dialog)
    return dialog


def rows(model, column: int) -> list[str]:
    return [model.index(row, column).data() for row in range(model.rowCount())]


def test_the_tab_reads_nothing_until_shown(editor):
    assert editor.ui.tabs.tabText(ESCALATION_TAB) == "Escalation"
    assert editor.escalation.timeline_model.rowCount() == 0


def test_the_timeline_lists_the_demo_events_in_date_order(qtbot, editor):
    editor.show()
    editor.ui.tabs.setCurrentIndex(ESCALATION_TAB)
    model = editor.escalation.timeline_model
    assert rows(model, 0) == [
        "14 Sep 2026",
        "05 Oct 2026",
        "28 Oct 2026",
        "02 Nov 2026",
        "15 Nov 2026",
        "01 Dec 2026",
        "10 Dec 2026",
    ]
    assert rows(model, 1) == [
        "CN-C87007-1",
        "RP-C87007-1",
        "RN-C87007-1",
        "RN-C87007-1",
        "RP-C87007-1",
        "RN-C87007-1",
        "RP-C87007-1",
    ]
    assert rows(model, 2)[3] == "remedial notice issued by tester"
    assert "7 event(s)" in editor.escalation.summary_label.text()
    assert "Termination may be open" not in editor.escalation.summary_label.text()


def test_the_tab_says_where_each_notice_and_plan_stands(qtbot, editor):
    editor.show()
    editor.ui.tabs.setCurrentIndex(ESCALATION_TAB)
    model = editor.escalation.standing_model
    assert rows(model, 0) == ["RN-C87007-1", "RP-C87007-1"]
    assert rows(model, STANDING_STATE_COLUMN) == [
        "issued, 8 days",
        "open, 0 of 2 action(s) done, 1 overdue",
    ]
    overdue = model.index(1, STANDING_STATE_COLUMN).data(Qt.ItemDataRole.BackgroundRole)
    assert overdue.color().name() == OVERDUE_COLOUR
    plans = editor.escalation.open_plan()
    assert plans.plan.reference == "RP-C87007-1"
    plans.done(0)


def test_a_practice_with_the_further_breach_flag_says_so(qtbot, demo_workspace):
    editor = PracticeEditor(demo_workspace, "C87013")
    qtbot.addWidget(editor)
    editor.show()
    editor.ui.tabs.setCurrentIndex(ESCALATION_TAB)
    summary = editor.escalation.summary_label.text()
    assert "Termination may be open" in summary
    assert "BN-C87013-1" in summary


def test_a_new_practice_has_no_escalation_tab_to_show(qtbot, demo_workspace):
    editor = PracticeEditor(demo_workspace, None)
    qtbot.addWidget(editor)
    assert not editor.ui.tabs.isTabEnabled(ESCALATION_TAB)


def test_escalation_models_pass_the_model_tester(qtmodeltester, demo_workspace):
    timeline = TimelineTableModel()
    timeline.set_rows(practice_timeline(demo_workspace, "C87007", TODAY))
    qtmodeltester.check(timeline)
    plans = list_plans(demo_workspace, today=TODAY)
    plan_model = PlanTableModel()
    plan_model.set_rows(plans)
    qtmodeltester.check(plan_model)
    actions = ActionTableModel()
    actions.set_rows(plans[0].actions)
    qtmodeltester.check(actions)
    standing = StandingTableModel()
    standing.set_rows(standing_records(list_notices(demo_workspace, today=TODAY), plans, TODAY))
    qtmodeltester.check(standing)
