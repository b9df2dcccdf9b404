"""Sub-contracting rules (GMS Contracts Regulations 2015, Sch 3 para 44; DOMAIN.md).

The contractor notifies the commissioner before the arrangement starts; the commissioner has
28 days from notification to object. Quality-contract services also need its agreement, so only
an approved arrangement covers a service for the whole-contract rule.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from contractdesk.domain.financial_year import FinancialYear

OBJECTION_WINDOW_DAYS = 28


class Decision(StrEnum):
    PENDING = "pending"
    APPROVED = "approved"
    OBJECTED = "objected"


class ObjectionGround(StrEnum):
    PATIENT_SAFETY = "patient_safety"
    FINANCIAL_LOSS = "financial_loss"
    OTHER = "other"

    @property
    def label(self) -> str:
        return _GROUND_LABELS[self]


_GROUND_LABELS = {
    ObjectionGround.PATIENT_SAFETY: "serious risk to patient safety",
    ObjectionGround.FINANCIAL_LOSS: "material financial loss",
    ObjectionGround.OTHER: "other",
}


class SubcontractStatus(StrEnum):
    """Where an arrangement stands on a given day (what the list filters on)."""

    PENDING = "pending"  # notified, no decision recorded
    APPROVED = "approved"  # approved, not started yet
    ACTIVE = "active"  # approved and running
    OBJECTED = "objected"  # the commissioner objected: must not start, or ends
    ENDED = "ended"  # ended early, or past its end date


def objection_deadline(notified_on: date) -> date:
    """The last day on which the commissioner may object: day 28 after notification."""
    return notified_on + timedelta(days=OBJECTION_WINDOW_DAYS)


def days_left_to_object(notified_on: date, today: date) -> int:
    """0 on the last day; negative once the window has closed."""
    return (objection_deadline(notified_on) - today).days


def subcontract_status(
    decision: Decision, start: date, end: date, ended_on: date | None, today: date
) -> SubcontractStatus:
    if decision is Decision.OBJECTED:
        return SubcontractStatus.OBJECTED
    if (ended_on is not None and ended_on <= today) or end < today:
        return SubcontractStatus.ENDED
    if decision is Decision.PENDING:
        return SubcontractStatus.PENDING
    return SubcontractStatus.ACTIVE if start <= today else SubcontractStatus.APPROVED


def covers_as_of(decision: Decision, end: date, ended_on: date | None, day: date) -> bool:
    """Whether an arrangement counts for the whole-contract rule on `day`: approved, and not
    over (one approved to start later in the year already covers the year's gap)."""
    if decision is not Decision.APPROVED or end < day:
        return False
    return ended_on is None or day < ended_on


def is_live(decision: Decision, end: date, ended_on: date | None, day: date) -> bool:
    """Pending or approved, and not over: what blocks a duplicate or a chain."""
    if decision is Decision.OBJECTED or end < day:
        return False
    return ended_on is None or day < ended_on


def compliance_day(year: FinancialYear, today: date) -> date:
    """The day a year's compliance is judged on: today, within the year's bounds."""
    return min(max(today, year.first_day), year.last_day)


def objection_problem(notified_on: date, objected_on: date) -> str | None:
    """Why an objection recorded on `objected_on` is out of time, or None if it is in time."""
    if objected_on < notified_on:
        return f"an objection cannot be dated before the notification ({notified_on:%d %b %Y})"
    deadline = objection_deadline(notified_on)
    if objected_on > deadline:
        return (
            f"the {OBJECTION_WINDOW_DAYS} days to object ended on {deadline:%d %b %Y} "
            f"(notified {notified_on:%d %b %Y})"
        )
    return None


def approval_problem(contract_type: str, start: date, approved_on: date) -> str | None:
    """An APMS contractor needs approval before its sub-contract starts."""
    if contract_type == "APMS" and approved_on > start:
        return (
            f"an APMS contractor's sub-contract needs approval before it starts "
            f"({start:%d %b %Y}); change the start date first"
        )
    return None


@dataclass(frozen=True)
class SubcontractorCover:
    """What the register says about the sub-contractor and one service it would deliver."""

    service_code: str
    accepted_period: tuple[date, date] | None  # its own accepted sign-up, if any
    sub_contracted_out: bool  # it has this service delivered by someone else
    contractor_delivers_for_others: bool  # the contractor is itself a sub-contractor for it


def arrangement_problems(
    *,
    contractor: str,
    subcontractor: str,
    year: FinancialYear,
    start: date,
    end: date,
    notified_on: date,
    covers: Sequence[SubcontractorCover],
) -> list[str]:
    """Every reason the arrangement cannot be recorded, in plain words (empty: it can)."""
    problems: list[str] = []
    if contractor == subcontractor:
        problems.append(f"{contractor} cannot sub-contract to itself")
    if end < start:
        problems.append("the end date is before the start date")
    if start not in year or end not in year:
        problems.append(f"the dates must fall inside {year} ({year.first_day} to {year.last_day})")
    if notified_on > start:
        problems.append("the commissioner must be notified before the sub-contract starts")
    if not covers:
        problems.append("choose at least one service the sub-contract covers")
    for cover in covers:
        code = cover.service_code
        if cover.accepted_period is None:
            problems.append(
                f"{subcontractor} has not accepted {code} in {year}: it cannot deliver it"
            )
        else:
            first, last = cover.accepted_period
            if start < first or end > last:
                problems.append(
                    f"the dates must be inside {subcontractor}'s {code} sign-up ({first} to {last})"
                )
        if cover.sub_contracted_out:
            problems.append(
                f"{subcontractor} has {code} itself delivered under a sub-contract: no chains"
            )
        if cover.contractor_delivers_for_others:
            problems.append(
                f"{contractor} delivers {code} for another practice under a sub-contract: "
                "a sub-contracted service cannot be passed on (no chains)"
            )
    return problems
