"""Concerns, notices, sanctions and recovery plans through the services: roles, the timing
rules with their settings, the further-breach flag, the timeline and the dashboard."""

from datetime import date

import pytest

from contractdesk.domain.notices import ConcernSource, NoticeKind, NoticeStatus, ShortPeriodReason
from contractdesk.domain.roles import Role
from contractdesk.domain.sanctions import ObligationKind, SanctionKind, SanctionStatus
from contractdesk.errors import BadInput, PermissionDenied
from contractdesk.services.audit_log import recent_entries
from contractdesk.services.dashboard import dashboard
from contractdesk.services.escalation_timeline import practice_timeline
from contractdesk.services.notices import (
    close_concern,
    draft_notice,
    get_notice,
    issue_notice,
    list_concerns,
    list_notices,
    raise_concern,
    record_outcome,
    withdraw_notice,
)
from contractdesk.services.recovery_plans import add_action, complete_action, create_plan
from contractdesk.services.sanctions import record_dispute, record_sanction, termination_open
from contractdesk.services.team_settings import change_setting

GIVEN = date(2026, 11, 2)


def remedial(workspace, practice="C87007", **changes):
    values = dict(
        kind=NoticeKind.REMEDIAL,
        breach="No same-day slots for under-12s",
        steps_required="Offer same-day assessment",
        drafted_on=date(2026, 10, 28),
    )
    return draft_notice(workspace, practice, **(values | changes))


@pytest.fixture
def officer(rotherham, sign_in_as):
    return sign_in_as("olive", Role.OFFICER)


def test_officers_draft_and_only_approvers_issue(rotherham, officer):
    concern = raise_concern(
        officer, "C87007", source=ConcernSource.VISIT, description="Access", raised_on=GIVEN
    )
    notice = remedial(officer, concern_reference=concern.reference)
    assert notice.reference == "RN-C87007-1" and notice.status is NoticeStatus.DRAFT
    assert list_concerns(officer)[0].status.value == "escalated"
    with pytest.raises(PermissionDenied, match="approver"):
        issue_notice(officer, notice.reference, given_on=GIVEN, deadline=date(2026, 11, 30))
    issued = issue_notice(rotherham, notice.reference, given_on=GIVEN, deadline=date(2026, 11, 30))
    assert issued.status is NoticeStatus.ISSUED and issued.issued_by == rotherham.user.login
    with pytest.raises(PermissionDenied):
        withdraw_notice(officer, notice.reference, on=GIVEN, reason="x")
    actions = [e.action for e in recent_entries(rotherham, entity_type="notice")]
    assert actions == ["issue", "draft"]


def test_the_deadline_rule_day_27_and_28_and_a_recorded_shorter_period(rotherham):
    notice = remedial(rotherham)
    with pytest.raises(BadInput, match="at least 28 days"):
        issue_notice(rotherham, notice.reference, given_on=GIVEN, deadline=date(2026, 11, 29))
    with pytest.raises(BadInput, match="Record why"):
        issue_notice(
            rotherham,
            notice.reference,
            given_on=GIVEN,
            deadline=date(2026, 11, 9),
            short_reason=ShortPeriodReason.PATIENT_SAFETY,
        )
    assert get_notice(rotherham, notice.reference).status is NoticeStatus.DRAFT
    issued = issue_notice(
        rotherham,
        notice.reference,
        given_on=GIVEN,
        deadline=date(2026, 11, 9),
        short_reason=ShortPeriodReason.PATIENT_SAFETY,
        short_reason_detail="children at risk of missed sepsis",
    )
    assert issued.short_reason is ShortPeriodReason.PATIENT_SAFETY


def test_a_longer_notice_period_setting_applies(rotherham):
    change_setting(rotherham, "notice_period_days", "35")
    notice = remedial(rotherham)
    with pytest.raises(BadInput, match="at least 35 days"):
        issue_notice(rotherham, notice.reference, given_on=GIVEN, deadline=date(2026, 11, 30))
    with pytest.raises(BadInput, match="whole number"):
        change_setting(rotherham, "notice_period_days", "four weeks")


def test_outcomes_overdue_list_and_the_further_breach_flag(rotherham):
    first = remedial(rotherham)
    issue_notice(rotherham, first.reference, given_on=GIVEN, deadline=date(2026, 11, 30))
    with pytest.raises(BadInput, match="after its deadline"):
        record_outcome(
            rotherham, first.reference, remedied=False, on=date(2026, 11, 30), note="no slots"
        )
    overdue = list_notices(rotherham, overdue=True, today=date(2026, 12, 1))
    assert [n.reference for n in overdue] == [first.reference] and overdue[0].days_to_deadline == -1
    assert list_notices(rotherham, overdue=True, today=date(2026, 11, 30)) == []
    assert not termination_open(rotherham, "C87007")
    second = draft_notice(
        rotherham, "C87007", kind=NoticeKind.BREACH, breach="Falsified claims", drafted_on=GIVEN
    )
    issued = issue_notice(rotherham, second.reference, given_on=date(2026, 11, 20))
    assert issued.further_breach is not None
    assert [n.reference for n in issued.further_breach.earlier] == [first.reference]
    assert termination_open(rotherham, "C87007")


def test_sanctions_only_where_the_flag_stands_and_within_the_rules(rotherham):
    sanction = dict(
        kind=SanctionKind.SUSPEND,
        obligation_kind=ObligationKind.ENHANCED,
        obligation="Minor surgery LES",
        notice_given_on=date(2026, 12, 1),
        effective_from=date(2026, 12, 29),
        ends_on=date(2027, 6, 29),
    )
    with pytest.raises(BadInput, match="only open where termination would be"):
        record_sanction(rotherham, "C87007", **sanction)
    notice = remedial(rotherham)
    issue_notice(rotherham, notice.reference, given_on=GIVEN, deadline=date(2026, 11, 30))
    record_outcome(
        rotherham, notice.reference, remedied=False, on=date(2026, 12, 1), note="still no slots"
    )
    with pytest.raises(BadInput, match="at most 6 months"):
        record_sanction(rotherham, "C87007", **(sanction | {"ends_on": date(2027, 6, 30)}))
    with pytest.raises(BadInput, match="essential services"):
        record_sanction(
            rotherham, "C87007", **(sanction | {"obligation_kind": ObligationKind.ESSENTIAL})
        )
    recorded = record_sanction(
        rotherham, "C87007", notice_reference=notice.reference, today=date(2026, 12, 2), **sanction
    )
    assert recorded.reference == "SN-C87007-1" and recorded.status is SanctionStatus.NOTIFIED
    held = record_dispute(
        rotherham, recorded.reference, referred_on=date(2026, 12, 20), today=date(2027, 1, 5)
    )
    assert held.status is SanctionStatus.ON_HOLD


def test_a_viewer_can_read_but_not_raise(rotherham, sign_in_as):
    viewer = sign_in_as("vera", Role.VIEWER)
    with pytest.raises(PermissionDenied):
        raise_concern(viewer, "C87007", source=ConcernSource.DATA, description="x")
    assert list_notices(viewer) == []


def test_concerns_close_with_an_outcome(rotherham):
    concern = raise_concern(rotherham, "C87005", source=ConcernSource.COMPLAINT, description="x")
    with pytest.raises(BadInput, match="why"):
        close_concern(rotherham, concern.reference, outcome=" ")
    closed = close_concern(rotherham, concern.reference, outcome="resolved at visit")
    assert closed.status.value == "closed"
    with pytest.raises(BadInput, match="closed"):
        remedial(rotherham, "C87005", concern_reference=concern.reference)


def test_recovery_plan_actions_become_overdue_and_the_timeline_orders_everything(rotherham):
    concern = raise_concern(
        rotherham, "C87007", source=ConcernSource.KPI, description="Slipping", raised_on=GIVEN
    )
    plan = create_plan(
        rotherham,
        "C87007",
        title="Access recovery",
        agreed_on=date(2026, 11, 5),
        concern_reference=concern.reference,
    )
    add_action(
        rotherham, plan.reference, description="Slots", owner="PM", due_on=date(2026, 11, 15)
    )
    plan = add_action(
        rotherham, plan.reference, description="Report", owner="PM", due_on=date(2026, 12, 10)
    )
    assert plan.concern_reference == concern.reference
    timeline = practice_timeline(rotherham, "C87007", today=date(2026, 11, 23))
    assert [event.day for event in timeline] == sorted(event.day for event in timeline)
    assert [event.reference for event in timeline][:2] == [concern.reference, plan.reference]
    assert "overdue" in timeline[2].what
    complete_action(rotherham, plan.reference, 1, done_on=date(2026, 11, 20))
    timeline = practice_timeline(rotherham, "C87007", today=date(2026, 11, 23))
    assert "done 2026-11-20" in timeline[2].what


def test_the_dashboard_puts_overdue_first_then_soonest(rotherham):
    late = remedial(rotherham)
    issue_notice(rotherham, late.reference, given_on=date(2026, 10, 1), deadline=date(2026, 10, 29))
    soon = remedial(rotherham, "C87005")
    issue_notice(rotherham, soon.reference, given_on=GIVEN, deadline=date(2026, 12, 1))
    far = remedial(rotherham, "C87017")
    issue_notice(rotherham, far.reference, given_on=GIVEN, deadline=date(2027, 3, 1))
    plan = create_plan(rotherham, "C87005", title="Plan", agreed_on=date(2026, 11, 1))
    add_action(rotherham, plan.reference, description="Do", owner="PM", due_on=date(2026, 11, 10))
    items = dashboard(rotherham, date(2026, 11, 23))
    assert [(item.category, item.target_key) for item in items[:3]] == [
        ("Remedial notice", late.reference),
        ("Recovery plan", plan.reference),
        ("Performance cycle", "Review the KPI framework"),
    ]
    assert items[0].overdue and "passed 25 day(s) ago" in items[0].title
    keys = [item.target_key for item in items]
    assert soon.reference in keys and far.reference not in keys  # beyond the 30-day horizon
    dates = [item.due for item in items if not item.overdue]
    assert dates == sorted(dates)
