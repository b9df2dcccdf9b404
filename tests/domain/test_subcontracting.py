"""Sub-contracting rules: the 28-day objection window, status, chains and periods."""

from datetime import date

from contractdesk.domain.financial_year import FinancialYear
from contractdesk.domain.subcontracting import (
    Decision,
    SubcontractorCover,
    SubcontractStatus,
    approval_problem,
    arrangement_problems,
    compliance_day,
    covers_as_of,
    days_left_to_object,
    objection_deadline,
    objection_problem,
    subcontract_status,
)

YEAR = FinancialYear(2025)
NOTIFIED = date(2025, 4, 14)


def test_the_commissioner_may_object_on_day_28_but_not_day_29():
    assert objection_deadline(NOTIFIED) == date(2025, 5, 12)
    assert objection_problem(NOTIFIED, date(2025, 5, 12)) is None
    assert "ended on 12 May 2025" in objection_problem(NOTIFIED, date(2025, 5, 13))
    assert objection_problem(NOTIFIED, date(2025, 4, 13)) is not None  # before notification


def test_days_left_count_down_to_zero_on_the_last_day_then_go_negative():
    assert days_left_to_object(NOTIFIED, NOTIFIED) == 28
    assert days_left_to_object(NOTIFIED, date(2025, 5, 12)) == 0
    assert days_left_to_object(NOTIFIED, date(2025, 5, 13)) == -1


def test_status_follows_decision_and_dates():
    start, end = date(2025, 6, 1), date(2026, 3, 31)
    today = date(2025, 5, 1)
    assert (
        subcontract_status(Decision.PENDING, start, end, None, today) is SubcontractStatus.PENDING
    )
    assert (
        subcontract_status(Decision.APPROVED, start, end, None, today) is SubcontractStatus.APPROVED
    )
    assert (
        subcontract_status(Decision.APPROVED, start, end, None, date(2025, 6, 1))
        is SubcontractStatus.ACTIVE
    )
    assert (
        subcontract_status(Decision.OBJECTED, start, end, None, today) is SubcontractStatus.OBJECTED
    )
    ended = subcontract_status(Decision.APPROVED, start, end, date(2025, 9, 1), date(2025, 9, 1))
    assert ended is SubcontractStatus.ENDED
    assert subcontract_status(Decision.APPROVED, start, end, None, date(2026, 4, 1)) is (
        SubcontractStatus.ENDED
    )


def test_only_an_approved_arrangement_that_is_not_over_covers_the_year():
    end = date(2026, 3, 31)
    day = date(2025, 10, 1)
    assert covers_as_of(Decision.APPROVED, end, None, day)
    assert not covers_as_of(Decision.PENDING, end, None, day)
    assert not covers_as_of(Decision.OBJECTED, end, None, day)
    assert not covers_as_of(Decision.APPROVED, end, date(2025, 10, 1), day)
    assert covers_as_of(Decision.APPROVED, end, date(2025, 10, 2), day)


def test_compliance_is_judged_today_within_the_year():
    assert compliance_day(YEAR, date(2025, 10, 1)) == date(2025, 10, 1)
    assert compliance_day(YEAR, date(2026, 11, 23)) == date(2026, 3, 31)
    assert compliance_day(YEAR, date(2024, 1, 1)) == date(2025, 4, 1)


def test_an_apms_contractor_needs_approval_before_the_start():
    start = date(2025, 6, 1)
    assert approval_problem("APMS", start, date(2025, 6, 1)) is None
    assert "APMS" in approval_problem("APMS", start, date(2025, 6, 2))
    assert approval_problem("GMS", start, date(2025, 6, 2)) is None


def _problems(covers, **changes):
    values = dict(
        contractor="C87005",
        subcontractor="C87017",
        year=YEAR,
        start=date(2025, 6, 2),
        end=date(2026, 3, 31),
        notified_on=NOTIFIED,
        covers=covers,
    )
    return arrangement_problems(**(values | changes))


def _cover(**changes):
    values = dict(
        service_code="MINOR-SURG",
        accepted_period=(date(2025, 4, 1), date(2026, 3, 31)),
        sub_contracted_out=False,
        contractor_delivers_for_others=False,
    )
    return SubcontractorCover(**(values | changes))


def test_a_sound_arrangement_has_no_problems():
    assert _problems([_cover()]) == []


def test_each_rule_is_named_when_broken():
    assert "cannot sub-contract to itself" in _problems([_cover()], subcontractor="C87005")[0]
    assert "has not accepted MINOR-SURG" in _problems([_cover(accepted_period=None)])[0]
    assert "no chains" in _problems([_cover(sub_contracted_out=True)])[0]
    assert "no chains" in _problems([_cover(contractor_delivers_for_others=True)])[0]
    outside = _problems([_cover(accepted_period=(date(2025, 7, 1), date(2026, 3, 31)))])
    assert "inside C87017's MINOR-SURG sign-up" in outside[0]
    assert "notified before" in _problems([_cover()], notified_on=date(2025, 6, 3))[0]
    assert "inside 2025/26" in _problems([_cover()], end=date(2026, 4, 30))[0]
    assert "at least one service" in _problems([])[0]
