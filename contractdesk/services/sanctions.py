"""Sanctions on a practice: offered only where the further-breach flag stands; recorded,
withdrawn and put on hold by approvers."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from contractdesk.domain.notices import NoticeRules, ShortPeriodReason
from contractdesk.domain.roles import Role
from contractdesk.domain.sanctions import (
    ObligationKind,
    SanctionKind,
    SanctionStatus,
    SanctionTerms,
    sanction_problems,
    sanction_status,
)
from contractdesk.errors import BadInput
from contractdesk.services.audit import record_change, record_update
from contractdesk.services.notices import practice_further_breach
from contractdesk.services.practices import find_practice
from contractdesk.services.references import find_by_reference, next_reference
from contractdesk.services.team_settings import current_notice_rules
from contractdesk.services.workspace import Workspace
from contractdesk.store.models import Notice, Practice, Sanction
from contractdesk.store.unit_of_work import unit_of_work


@dataclass(frozen=True)
class SanctionEntry:
    reference: str
    practice_code: str
    practice_name: str
    notice_reference: str | None
    kind: SanctionKind
    obligation_kind: ObligationKind | None
    obligation: str
    amount_pence: int | None
    notice_given_on: date
    effective_from: date
    ends_on: date | None
    short_reason: ShortPeriodReason | None
    recorded_by: str
    dispute_referred_on: date | None
    dispute_resolved_on: date | None
    withdrawn_on: date | None
    status: SanctionStatus


def termination_open(workspace: Workspace, practice_code: str) -> bool:
    """Whether the app may offer sanctions for the practice (the further-breach flag)."""
    with unit_of_work(workspace.engine) as session:
        practice = find_practice(session, practice_code)
        return practice_further_breach(session, practice.id) is not None


def record_sanction(
    workspace: Workspace,
    practice_code: str,
    *,
    kind: SanctionKind,
    obligation: str,
    notice_given_on: date,
    effective_from: date,
    obligation_kind: ObligationKind | None = None,
    amount_pence: int | None = None,
    ends_on: date | None = None,
    short_reason: ShortPeriodReason | None = None,
    notice_reference: str | None = None,
    today: date | None = None,
) -> SanctionEntry:
    workspace.require(Role.APPROVER, "record sanctions")
    terms = SanctionTerms(
        kind=SanctionKind(kind),
        obligation_kind=ObligationKind(obligation_kind) if obligation_kind else None,
        obligation=obligation,
        amount_pence=amount_pence,
        notice_given_on=notice_given_on,
        effective_from=effective_from,
        ends_on=ends_on,
        short_reason=short_reason,
    )
    with unit_of_work(workspace.engine, write=True) as session:
        practice = find_practice(session, practice_code)
        flag = practice_further_breach(session, practice.id)
        problems = sanction_problems(
            terms, termination_open=flag is not None, rules=current_notice_rules(session)
        )
        if problems:
            raise BadInput("The sanction cannot be recorded: " + "; ".join(problems) + ".")
        notice = find_by_reference(session, Notice, notice_reference) if notice_reference else None
        if notice is not None and notice.practice_id != practice.id:
            raise BadInput(f"Notice {notice_reference} is about another practice.")
        sanction = Sanction(
            reference=next_reference(session, Sanction, "SN", practice),
            practice_id=practice.id,
            notice_id=notice.id if notice else None,
            kind=terms.kind.value,
            obligation_kind=terms.obligation_kind.value if terms.obligation_kind else None,
            obligation=obligation.strip(),
            amount_pence=amount_pence,
            notice_given_on=notice_given_on,
            effective_from=effective_from,
            ends_on=ends_on,
            short_reason=short_reason.value if short_reason else None,
            recorded_by=workspace.user.login,
        )
        session.add(sanction)
        session.flush()
        entry = _entry(session, sanction, practice, today or date.today())
        record_change(
            session,
            workspace.user.login,
            action="sanction",
            entity=sanction,
            entity_key=sanction.reference,
            after={
                "kind": terms.kind,
                "obligation": obligation,
                "amount_pence": amount_pence,
                "effective_from": effective_from,
                "ends_on": ends_on,
                "further_breach": flag.reason if flag else None,
            },
            summary=f"recorded sanction {sanction.reference}: {terms.kind.label}",
        )
        return entry


def record_dispute(
    workspace: Workspace,
    reference: str,
    *,
    referred_on: date | None = None,
    resolved_on: date | None = None,
    clear_resolution: bool = False,
    today: date | None = None,
) -> SanctionEntry:
    """The practice's NHS dispute-resolution referral, and its resolution (`clear_resolution`
    takes back one recorded in error: the dispute is open again)."""
    workspace.require(Role.APPROVER, "record dispute referrals")
    if clear_resolution and resolved_on is not None:
        raise BadInput("Give a resolution date or clear it, not both.")
    with unit_of_work(workspace.engine, write=True) as session:
        sanction = find_by_reference(session, Sanction, reference)
        changes: dict[str, date | None] = {}
        if referred_on is not None:
            changes["dispute_referred_on"] = referred_on
        if resolved_on is not None:
            if (referred_on or sanction.dispute_referred_on) is None:
                raise BadInput("Record the referral before its resolution.")
            changes["dispute_resolved_on"] = resolved_on
        if clear_resolution:
            changes["dispute_resolved_on"] = None
        return _change(session, workspace, sanction, "dispute", changes, today)


def withdraw_sanction(
    workspace: Workspace, reference: str, *, on: date, today: date | None = None
) -> SanctionEntry:
    workspace.require(Role.APPROVER, "withdraw sanctions")
    with unit_of_work(workspace.engine, write=True) as session:
        sanction = find_by_reference(session, Sanction, reference)
        if sanction.withdrawn_on is not None:
            raise BadInput(f"Sanction {reference} was already withdrawn.")
        return _change(session, workspace, sanction, "withdraw", {"withdrawn_on": on}, today)


def list_sanctions(
    workspace: Workspace, *, practice_code: str | None = None, today: date | None = None
) -> list[SanctionEntry]:
    today = today or date.today()
    with unit_of_work(workspace.engine) as session:
        query = select(Sanction, Practice).join(Practice, Sanction.practice_id == Practice.id)
        if practice_code:
            query = query.where(Sanction.practice_id == find_practice(session, practice_code).id)
        query = query.order_by(Sanction.effective_from, Sanction.reference)
        rules = current_notice_rules(session)  # once for the list, not once a sanction
        return [
            _entry(session, s, practice, today, rules) for s, practice in session.execute(query)
        ]


def _change(session: Session, workspace: Workspace, sanction: Sanction, action, changes, today):  # type: ignore[no-untyped-def]
    record_update(
        session,
        workspace.user.login,
        sanction,
        changes,
        action=action,
        entity_key=sanction.reference,
        summary=f"{action} sanction {sanction.reference}",
    )
    return _entry(
        session, sanction, session.get(Practice, sanction.practice_id), today or date.today()
    )


def _entry(
    session: Session,
    sanction: Sanction,
    practice: Practice,
    today: date,
    rules: NoticeRules | None = None,
) -> SanctionEntry:
    notice = session.get(Notice, sanction.notice_id) if sanction.notice_id else None
    return SanctionEntry(
        reference=sanction.reference,
        practice_code=practice.ods_code,
        practice_name=practice.name,
        notice_reference=notice.reference if notice else None,
        kind=SanctionKind(sanction.kind),
        obligation_kind=ObligationKind(sanction.obligation_kind)
        if sanction.obligation_kind
        else None,
        obligation=sanction.obligation,
        amount_pence=sanction.amount_pence,
        notice_given_on=sanction.notice_given_on,
        effective_from=sanction.effective_from,
        ends_on=sanction.ends_on,
        short_reason=ShortPeriodReason(sanction.short_reason) if sanction.short_reason else None,
        recorded_by=sanction.recorded_by,
        dispute_referred_on=sanction.dispute_referred_on,
        dispute_resolved_on=sanction.dispute_resolved_on,
        withdrawn_on=sanction.withdrawn_on,
        status=sanction_status(
            effective_from=sanction.effective_from,
            ends_on=sanction.ends_on,
            withdrawn=sanction.withdrawn_on is not None,
            notice_given_on=sanction.notice_given_on,
            dispute_referred_on=sanction.dispute_referred_on,
            dispute_resolved_on=sanction.dispute_resolved_on,
            today=today,
            rules=rules or current_notice_rules(session),
        ),
    )
