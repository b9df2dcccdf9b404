"""Sanction rules at their boundaries: 6 months, 28 days, essential services, the dispute hold."""

from datetime import date, timedelta

from contractdesk.domain.notices import REGULATIONS, NoticeRules, ShortPeriodReason
from contractdesk.domain.sanctions import (
    ObligationKind,
    SanctionKind,
    SanctionStatus,
    SanctionTerms,
    add_months,
    sanction_problems,
    sanction_status,
)

NOTICE = date(2026, 1, 5)
EFFECTIVE = NOTICE + timedelta(days=28)  # 2 Feb 2026


def terms(**changes):
    values = dict(
        kind=SanctionKind.SUSPEND,
        obligation_kind=ObligationKind.ENHANCED,
        obligation="Minor surgery LES",
        amount_pence=None,
        notice_given_on=NOTICE,
        effective_from=EFFECTIVE,
        ends_on=add_months(EFFECTIVE, 6),
        short_reason=None,
    )
    return SanctionTerms(**(values | changes))


def test_add_months_keeps_the_day_or_takes_the_months_last():
    assert add_months(date(2026, 2, 2), 6) == date(2026, 8, 2)
    assert add_months(date(2026, 8, 31), 6) == date(2027, 2, 28)


def test_a_suspension_of_six_months_is_allowed_and_one_day_more_is_not():
    assert sanction_problems(terms(), termination_open=True) == []
    longer = sanction_problems(terms(ends_on=date(2026, 8, 3)), termination_open=True)
    assert longer == ["a suspension lasts at most 6 months (until 02 Aug 2026)"]


def test_it_takes_effect_no_sooner_than_28_days_unless_a_reason_is_recorded():
    early = terms(effective_from=EFFECTIVE - timedelta(days=1))
    assert (
        "cannot take effect before 02 Feb 2026"
        in sanction_problems(early, termination_open=True)[0]
    )
    with_reason = terms(
        effective_from=EFFECTIVE - timedelta(days=1),
        ends_on=date(2026, 8, 1),
        short_reason=ShortPeriodReason.PATIENT_SAFETY,
    )
    assert sanction_problems(with_reason, termination_open=True) == []


def test_never_essential_services_and_only_where_termination_is_open():
    assert (
        "essential services can never"
        in sanction_problems(
            terms(obligation_kind=ObligationKind.ESSENTIAL), termination_open=True
        )[0]
    )
    assert (
        "only open where termination would be"
        in sanction_problems(terms(), termination_open=False)[0]
    )


def test_withholding_money_needs_a_sum():
    money = terms(kind=SanctionKind.WITHHOLD, obligation_kind=None, ends_on=None)
    assert sanction_problems(money, termination_open=True) == ["give the sum to withhold or deduct"]
    assert (
        sanction_problems(
            terms(kind=SanctionKind.WITHHOLD, amount_pence=250_000, ends_on=None),
            termination_open=True,
        )
        == []
    )


def status(today, referred=None, resolved=None, rules=REGULATIONS):
    return sanction_status(
        effective_from=EFFECTIVE,
        ends_on=date(2026, 8, 2),
        withdrawn=False,
        notice_given_on=NOTICE,
        dispute_referred_on=referred,
        dispute_resolved_on=resolved,
        today=today,
        rules=rules,
    )


def test_a_referral_within_the_28_days_holds_the_sanction_until_resolved():
    in_time = NOTICE + timedelta(days=28)
    assert status(date(2026, 3, 1), referred=in_time) is SanctionStatus.ON_HOLD
    assert status(date(2026, 3, 1), referred=in_time + timedelta(days=1)) is (
        SanctionStatus.IN_EFFECT
    )
    assert status(date(2026, 3, 1), referred=in_time, resolved=date(2026, 3, 1)) is (
        SanctionStatus.IN_EFFECT
    )
    off = NoticeRules(dispute_referral_holds_sanction=False)
    assert status(date(2026, 3, 1), referred=in_time, rules=off) is SanctionStatus.IN_EFFECT


def test_status_before_during_and_after():
    assert status(NOTICE) is SanctionStatus.NOTIFIED
    assert status(EFFECTIVE) is SanctionStatus.IN_EFFECT
    assert status(date(2026, 8, 3)) is SanctionStatus.ENDED
