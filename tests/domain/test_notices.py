"""Notice timing and the further-breach flag, at their boundaries."""

from datetime import date

import pytest

from contractdesk.domain.notices import (
    NoticeFact,
    NoticeKind,
    NoticeRules,
    NoticeStatus,
    ShortPeriodReason,
    further_breach,
    remedial_deadline_problem,
    transition_problem,
)

GIVEN = date(2026, 11, 2)


def test_a_remedial_deadline_28_days_after_giving_is_allowed_27_is_not():
    assert remedial_deadline_problem(GIVEN, date(2026, 11, 30), None) is None  # day 28
    problem = remedial_deadline_problem(GIVEN, date(2026, 11, 29), None)  # day 27
    assert "at least 28 days" in problem and "30 Nov 2026" in problem


def test_a_shorter_period_needs_patient_safety_or_financial_loss():
    for reason in ShortPeriodReason:
        assert remedial_deadline_problem(GIVEN, date(2026, 11, 9), reason) is None
    assert remedial_deadline_problem(GIVEN, GIVEN, ShortPeriodReason.PATIENT_SAFETY) is not None


def test_the_notice_period_is_a_setting():
    rules = NoticeRules(notice_period_days=30)
    assert remedial_deadline_problem(GIVEN, date(2026, 11, 30), None, rules) is not None
    assert remedial_deadline_problem(GIVEN, date(2026, 12, 2), None, rules) is None


@pytest.mark.parametrize(
    ("kind", "current", "wanted", "allowed"),
    [
        (NoticeKind.REMEDIAL, NoticeStatus.DRAFT, NoticeStatus.ISSUED, True),
        (NoticeKind.REMEDIAL, NoticeStatus.DRAFT, NoticeStatus.REMEDIED, False),
        (NoticeKind.REMEDIAL, NoticeStatus.ISSUED, NoticeStatus.NOT_REMEDIED, True),
        (NoticeKind.REMEDIAL, NoticeStatus.NOT_REMEDIED, NoticeStatus.ESCALATED, True),
        (NoticeKind.REMEDIAL, NoticeStatus.REMEDIED, NoticeStatus.WITHDRAWN, False),
        (NoticeKind.BREACH, NoticeStatus.ISSUED, NoticeStatus.REMEDIED, False),
        (NoticeKind.BREACH, NoticeStatus.ISSUED, NoticeStatus.ESCALATED, True),
        (NoticeKind.BREACH, NoticeStatus.WITHDRAWN, NoticeStatus.ISSUED, False),
    ],
)
def test_the_life_cycle(kind, current, wanted, allowed):
    assert (transition_problem(kind, current, wanted) is None) is allowed


def fact(reference, kind, status, given_on):
    return NoticeFact(reference, kind, status, given_on, "breach")


def test_one_notice_is_no_further_breach_a_second_is():
    first = fact("BN-1", NoticeKind.BREACH, NoticeStatus.ISSUED, date(2025, 7, 8))
    assert further_breach([first]) is None
    draft = fact("RN-2", NoticeKind.REMEDIAL, NoticeStatus.DRAFT, None)
    withdrawn = fact("RN-3", NoticeKind.REMEDIAL, NoticeStatus.WITHDRAWN, date(2026, 1, 1))
    assert further_breach([first, draft, withdrawn]) is None  # neither was given
    second = fact("RN-4", NoticeKind.REMEDIAL, NoticeStatus.ISSUED, date(2026, 10, 6))
    flag = further_breach([second, first])
    assert flag is not None and [notice.reference for notice in flag.earlier] == ["BN-1"]
    assert "follows earlier notice(s) BN-1" in flag.reason


def test_an_unremedied_remedial_notice_raises_the_flag_on_its_own():
    notice = fact("RN-1", NoticeKind.REMEDIAL, NoticeStatus.NOT_REMEDIED, date(2026, 1, 5))
    flag = further_breach([notice])
    assert flag is not None and "not remedied" in flag.reason
