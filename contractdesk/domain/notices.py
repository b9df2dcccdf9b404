"""Concerns, remedial and breach notices: their vocabulary, life cycle and timing rules
(GMS Contracts Regulations 2015 Sch 3 Part 8; DOMAIN.md "Notices, sanctions, termination").

The timings come from `NoticeRules`, whose defaults are the regulations' figures; the points
DOMAIN.md marks unverified are settings the team can change (see contractdesk.domain.settings).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum


class ConcernSource(StrEnum):
    VISIT = "visit"
    KPI = "kpi"
    COMPLAINT = "complaint"
    DATA = "data"
    OTHER = "other"


class ConcernStatus(StrEnum):
    OPEN = "open"
    CLOSED = "closed"
    ESCALATED = "escalated"  # a notice was raised from it


class NoticeKind(StrEnum):
    REMEDIAL = "remedial"  # breach capable of remedy
    BREACH = "breach"  # breach not capable of remedy

    @property
    def label(self) -> str:
        return f"{self.value} notice"


class NoticeStatus(StrEnum):
    DRAFT = "draft"
    ISSUED = "issued"
    REMEDIED = "remedied"
    NOT_REMEDIED = "not_remedied"
    ESCALATED = "escalated"
    WITHDRAWN = "withdrawn"

    @property
    def label(self) -> str:
        return self.value.replace("_", " ")


class ShortPeriodReason(StrEnum):
    """The only grounds for less than the full notice period."""

    PATIENT_SAFETY = "patient_safety"
    FINANCIAL_LOSS = "financial_loss"

    @property
    def label(self) -> str:
        return {
            ShortPeriodReason.PATIENT_SAFETY: "necessary to protect patient safety",
            ShortPeriodReason.FINANCIAL_LOSS: "necessary to prevent material financial loss",
        }[self]


# Which status may follow which, for each kind of notice. Withdrawal is open until the
# outcome is recorded; a breach notice has no remedy to record.
_NEXT = {
    NoticeKind.REMEDIAL: {
        NoticeStatus.DRAFT: {NoticeStatus.ISSUED, NoticeStatus.WITHDRAWN},
        NoticeStatus.ISSUED: {
            NoticeStatus.REMEDIED,
            NoticeStatus.NOT_REMEDIED,
            NoticeStatus.WITHDRAWN,
        },
        NoticeStatus.NOT_REMEDIED: {NoticeStatus.ESCALATED},
    },
    NoticeKind.BREACH: {
        NoticeStatus.DRAFT: {NoticeStatus.ISSUED, NoticeStatus.WITHDRAWN},
        NoticeStatus.ISSUED: {NoticeStatus.WITHDRAWN, NoticeStatus.ESCALATED},
    },
}

# Notices that count as given: the basis of the further-breach flag.
GIVEN = frozenset(
    {NoticeStatus.ISSUED, NoticeStatus.REMEDIED, NoticeStatus.NOT_REMEDIED, NoticeStatus.ESCALATED}
)


def transition_problem(kind: NoticeKind, current: NoticeStatus, wanted: NoticeStatus) -> str | None:
    if wanted in _NEXT[kind].get(current, set()):
        return None
    allowed = sorted(status.label for status in _NEXT[kind].get(current, set()))
    then = f"it can only become {' or '.join(allowed)}" if allowed else "its outcome is final"
    subject = f"{_article(current.label)} {current.label} {kind.label}"
    return f"{subject} cannot become {wanted.label}: {then}"


def _article(word: str) -> str:
    return "an" if word[:1] in "aeiou" else "a"


@dataclass(frozen=True)
class NoticeRules:
    """The timings, in days; defaults are the regulations' figures."""

    notice_period_days: int = 28
    sanction_notice_days: int = 28
    suspension_max_months: int = 6
    # Unverified in DOMAIN.md: whether a dispute-resolution referral made within the notice
    # period holds a sanction. On by default.
    dispute_referral_holds_sanction: bool = True


REGULATIONS = NoticeRules()  # the defaults: the regulations' own figures


def remedial_deadline_problem(
    given_on: date,
    deadline: date,
    short_reason: ShortPeriodReason | None,
    rules: NoticeRules = REGULATIONS,
) -> str | None:
    """A remedial notice gives at least the notice period from the date it is given, unless a
    shorter period is necessary for patient safety or to prevent material financial loss."""
    if deadline <= given_on:
        return "the deadline must be after the date the notice is given"
    earliest = given_on + timedelta(days=rules.notice_period_days)
    if deadline < earliest and short_reason is None:
        return (
            f"the deadline must be at least {rules.notice_period_days} days after the notice is "
            f"given (on or after {earliest:%d %b %Y}), unless a shorter period is necessary to "
            "protect patient safety or prevent material financial loss (record which)"
        )
    return None


@dataclass(frozen=True)
class NoticeFact:
    """What the further-breach rule needs to know of a practice's notice."""

    reference: str
    kind: NoticeKind
    status: NoticeStatus
    given_on: date | None
    breach: str


@dataclass(frozen=True)
class FurtherBreach:
    """The app's flag: termination *may* be open to the commissioner; people decide."""

    earlier: tuple[NoticeFact, ...]
    reason: str


def further_breach(notices: Iterable[NoticeFact]) -> FurtherBreach | None:
    """Flag a practice that has been given a notice and then another (a repeat of the breach
    or another breach leading to a notice), or that did not remedy a remedial notice in time.

    The regulations weigh the cumulative effect of the breaches (wording unverified): this
    flags; it does not decide.
    """
    given = sorted(
        (notice for notice in notices if notice.status in GIVEN and notice.given_on),
        key=lambda notice: (notice.given_on, notice.reference),
    )
    unremedied = [
        notice
        for notice in given
        if notice.kind is NoticeKind.REMEDIAL
        and notice.status in (NoticeStatus.NOT_REMEDIED, NoticeStatus.ESCALATED)
    ]
    if unremedied:
        return FurtherBreach(
            earlier=tuple(given),
            reason=f"remedial notice {unremedied[0].reference} was not remedied in time",
        )
    if len(given) >= 2:
        return FurtherBreach(
            earlier=tuple(given[:-1]),
            reason=(
                f"notice {given[-1].reference} follows earlier notice(s) "
                + ", ".join(notice.reference for notice in given[:-1])
            ),
        )
    return None
