"""A practice's escalation timeline: concerns, notices, recovery plans and sanctions, in date
order, each event naming the record it belongs to."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from contractdesk.services.notices import list_concerns, list_notices
from contractdesk.services.recovery_plans import list_plans
from contractdesk.services.sanctions import list_sanctions
from contractdesk.services.workspace import Workspace


@dataclass(frozen=True, order=True)
class TimelineEvent:
    day: date
    reference: str
    what: str


def practice_timeline(
    workspace: Workspace, practice_code: str, today: date | None = None
) -> list[TimelineEvent]:
    today = today or date.today()
    events: list[TimelineEvent] = []

    def add(day: date | None, reference: str, what: str) -> None:
        if day is not None:
            events.append(TimelineEvent(day, reference, what))

    for concern in list_concerns(workspace, practice_code=practice_code):
        add(
            concern.raised_on,
            concern.reference,
            f"concern raised ({concern.source}): {concern.description}",
        )
        add(concern.closed_on, concern.reference, f"concern closed: {concern.outcome}")
    for notice in list_notices(workspace, practice_code=practice_code, today=today):
        label = notice.kind.label
        add(notice.drafted_on, notice.reference, f"{label} drafted: {notice.breach}")
        add(notice.given_on, notice.reference, f"{label} issued by {notice.issued_by}")
        if notice.deadline is not None:
            add(notice.deadline, notice.reference, f"{label} deadline to remedy")
        if notice.outcome_on is not None:
            add(
                notice.outcome_on,
                notice.reference,
                f"{label} {notice.status.label}: {notice.outcome_note or ''}".rstrip(": "),
            )
    for plan in list_plans(workspace, practice_code=practice_code, today=today):
        add(plan.agreed_on, plan.reference, f"recovery plan agreed: {plan.title}")
        for action in plan.actions:
            state = (
                f"done {action.done_on}"
                if action.done_on
                else ("overdue" if action.overdue else "due")
            )
            add(
                action.due_on,
                plan.reference,
                f"action {action.number} ({action.owner}) {state}: {action.description}",
            )
        add(plan.closed_on, plan.reference, "recovery plan closed")
    for sanction in list_sanctions(workspace, practice_code=practice_code, today=today):
        add(
            sanction.notice_given_on,
            sanction.reference,
            f"sanction notified: {sanction.kind.label} — {sanction.obligation}",
        )
        add(sanction.effective_from, sanction.reference, "sanction takes effect")
        add(sanction.ends_on, sanction.reference, "sanction ends")
        add(sanction.dispute_referred_on, sanction.reference, "referred to dispute resolution")
        add(sanction.dispute_resolved_on, sanction.reference, "dispute resolved")
        add(sanction.withdrawn_on, sanction.reference, "sanction withdrawn")
    return sorted(events)
