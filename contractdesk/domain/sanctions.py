"""Contract sanctions: allowed only where termination would be, proportionate, never on
essential services, not before the notice period, held by a timely dispute referral."""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from contractdesk.domain.notices import REGULATIONS, NoticeRules, ShortPeriodReason


class SanctionKind(StrEnum):
    SUSPEND = "suspend"  # suspend named obligations for a time
    TERMINATE = "terminate"  # terminate named obligations
    WITHHOLD = "withhold"  # withhold or deduct a sum

    @property
    def label(self) -> str:
        return {
            SanctionKind.SUSPEND: "suspend obligations",
            SanctionKind.TERMINATE: "terminate obligations",
            SanctionKind.WITHHOLD: "withhold or deduct money",
        }[self]


class ObligationKind(StrEnum):
    ESSENTIAL = "essential"  # essential services: never sanctioned
    ADDITIONAL = "additional"
    ENHANCED = "enhanced"
    OTHER = "other"


class SanctionStatus(StrEnum):
    NOTIFIED = "notified"  # given, not yet in effect
    ON_HOLD = "on_hold"  # a dispute referral made in time is open
    IN_EFFECT = "in_effect"
    ENDED = "ended"
    WITHDRAWN = "withdrawn"


def add_months(day: date, months: int) -> date:
    """The same day `months` later, or the month's last day when it has no such day."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


@dataclass(frozen=True)
class SanctionTerms:
    kind: SanctionKind
    obligation_kind: ObligationKind | None
    obligation: str
    amount_pence: int | None
    notice_given_on: date
    effective_from: date
    ends_on: date | None
    short_reason: ShortPeriodReason | None


def sanction_problems(
    terms: SanctionTerms, *, termination_open: bool, rules: NoticeRules = REGULATIONS
) -> list[str]:
    """Every reason the sanction cannot be recorded (empty: it can)."""
    problems = []
    if not termination_open:
        problems.append(
            "a sanction is only open where termination would be: the practice has no "
            "further breach or unremedied remedial notice on record"
        )
    earliest = terms.notice_given_on + timedelta(days=rules.sanction_notice_days)
    if terms.effective_from < earliest and terms.short_reason is None:
        problems.append(
            f"it cannot take effect before {earliest:%d %b %Y} ({rules.sanction_notice_days} "
            "days after notice) unless necessary for patient safety or to prevent material "
            "financial loss (record which)"
        )
    if terms.effective_from < terms.notice_given_on:
        problems.append("it cannot take effect before the notice is given")
    if terms.kind is SanctionKind.WITHHOLD:
        if not terms.amount_pence or terms.amount_pence <= 0:
            problems.append("give the sum to withhold or deduct")
    else:
        if terms.obligation_kind is ObligationKind.ESSENTIAL:
            problems.append("essential services can never be suspended or terminated")
        if terms.obligation_kind is None or not terms.obligation.strip():
            problems.append("name the obligations it applies to")
    if terms.kind is SanctionKind.SUSPEND:
        longest = add_months(terms.effective_from, rules.suspension_max_months)
        if terms.ends_on is None:
            problems.append("a suspension needs an end date")
        elif terms.ends_on > longest:
            problems.append(
                f"a suspension lasts at most {rules.suspension_max_months} months "
                f"(until {longest:%d %b %Y})"
            )
        elif terms.ends_on <= terms.effective_from:
            problems.append("the suspension must end after it starts")
    return problems


def sanction_status(
    *,
    effective_from: date,
    ends_on: date | None,
    withdrawn: bool,
    notice_given_on: date,
    dispute_referred_on: date | None,
    dispute_resolved_on: date | None,
    today: date,
    rules: NoticeRules = REGULATIONS,
) -> SanctionStatus:
    if withdrawn:
        return SanctionStatus.WITHDRAWN
    if rules.dispute_referral_holds_sanction and dispute_referred_on is not None:
        in_time = dispute_referred_on <= notice_given_on + timedelta(
            days=rules.sanction_notice_days
        )
        if in_time and (dispute_resolved_on is None or dispute_resolved_on > today):
            return SanctionStatus.ON_HOLD
    if today < effective_from:
        return SanctionStatus.NOTIFIED
    if ends_on is not None and today > ends_on:
        return SanctionStatus.ENDED
    return SanctionStatus.IN_EFFECT
