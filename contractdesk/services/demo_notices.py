"""The demo's escalation records: a concern escalated into a remedial notice with its
deadline coming up, an earlier breach notice making a further-breach flag, and a recovery plan
with an overdue action. All made up for the demo; the descriptions say so."""

from __future__ import annotations

from datetime import date

from contractdesk.domain.notices import ConcernSource, NoticeKind
from contractdesk.services.notices import draft_notice, issue_notice, raise_concern
from contractdesk.services.recovery_plans import add_action, add_note, create_plan
from contractdesk.services.workspace import Workspace


def add_demo_notices(workspace: Workspace) -> None:
    concern = raise_concern(
        workspace,
        "C87007",
        source=ConcernSource.VISIT,
        standard="Access",
        description="Demo data: telephone access complaints rose after the practice "
        "changed its appointment system; few same-day slots for children under 12.",
        raised_on=date(2026, 9, 14),
    )
    remedial = draft_notice(
        workspace,
        "C87007",
        kind=NoticeKind.REMEDIAL,
        breach="Demo data: same-day assessment for children under 12 not offered (Access "
        "standard, minimum).",
        steps_required="Offer same-day assessment to every child under 12 whose parent contacts "
        "the practice before 6pm; report weekly figures to the commissioner.",
        clause="Quality contract schedule 2, Access",
        concern_reference=concern.reference,
        drafted_on=date(2026, 10, 28),
    )
    issue_notice(
        workspace, remedial.reference, given_on=date(2026, 11, 2), deadline=date(2026, 12, 1)
    )
    plan = create_plan(
        workspace,
        "C87007",
        title="Restore same-day access for children",
        agreed_on=date(2026, 10, 5),
        concern_reference=concern.reference,
    )
    add_action(
        workspace,
        plan.reference,
        description="Ring-fence 6 same-day slots a day for under-12s",
        owner="Practice manager",
        due_on=date(2026, 11, 15),
        milestone="Slots visible in the clinical system",
    )
    add_action(
        workspace,
        plan.reference,
        description="Weekly access figures to the contract officer",
        owner="Practice manager",
        due_on=date(2026, 12, 10),
    )
    add_note(
        workspace,
        plan.reference,
        text="Demo data: visit on 5 Oct agreed the plan; partners supportive.",
        written_on=date(2026, 10, 5),
    )
    # C87013: a breach notice last year and a new remedial notice now: the further-breach flag.
    earlier = draft_notice(
        workspace,
        "C87013",
        kind=NoticeKind.BREACH,
        breach="Demo data: minor surgery claims made for procedures not carried out.",
        drafted_on=date(2025, 7, 1),
    )
    issue_notice(workspace, earlier.reference, given_on=date(2025, 7, 8))
    repeat = draft_notice(
        workspace,
        "C87013",
        kind=NoticeKind.REMEDIAL,
        breach="Demo data: practice leaflet and website do not list the quality-contract services.",
        steps_required="Publish the services in the practice leaflet and on the website.",
        drafted_on=date(2026, 10, 1),
    )
    issue_notice(
        workspace, repeat.reference, given_on=date(2026, 10, 6), deadline=date(2026, 11, 3)
    )
