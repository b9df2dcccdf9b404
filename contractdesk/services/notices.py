"""Concerns and notices: officers raise concerns and draft notices; approvers issue, escalate
and withdraw them. Every step is audited."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from contractdesk.domain.notices import (
    ConcernSource,
    ConcernStatus,
    FurtherBreach,
    NoticeFact,
    NoticeKind,
    NoticeStatus,
    ShortPeriodReason,
    further_breach,
    remedial_deadline_problem,
    transition_problem,
)
from contractdesk.domain.roles import Role
from contractdesk.errors import BadInput
from contractdesk.services.audit import record_change, record_update
from contractdesk.services.practices import find_practice
from contractdesk.services.references import find_by_reference, next_reference
from contractdesk.services.team_settings import current_notice_rules
from contractdesk.services.workspace import Workspace
from contractdesk.store.models import Concern, Notice, Practice
from contractdesk.store.unit_of_work import unit_of_work

PREFIXES = {NoticeKind.REMEDIAL: "RN", NoticeKind.BREACH: "BN"}


@dataclass(frozen=True)
class ConcernEntry:
    reference: str
    practice_code: str
    practice_name: str
    raised_on: date
    raised_by: str
    source: ConcernSource
    standard: str | None
    description: str
    status: ConcernStatus
    closed_on: date | None
    outcome: str | None


@dataclass(frozen=True)
class NoticeEntry:
    reference: str
    practice_code: str
    practice_name: str
    kind: NoticeKind
    status: NoticeStatus
    breach: str
    clause: str | None
    steps_required: str | None
    concern_reference: str | None
    drafted_on: date
    drafted_by: str
    given_on: date | None
    issued_by: str | None
    deadline: date | None
    short_reason: ShortPeriodReason | None
    short_reason_detail: str | None
    outcome_on: date | None
    outcome_by: str | None
    outcome_note: str | None
    days_to_deadline: int | None  # an issued remedial notice's days left (negative: passed)
    further_breach: FurtherBreach | None  # the practice's flag, as it stands today
    version: int

    @property
    def overdue(self) -> bool:
        return self.days_to_deadline is not None and self.days_to_deadline < 0


def raise_concern(
    workspace: Workspace,
    practice_code: str,
    *,
    source: ConcernSource,
    description: str,
    standard: str | None = None,
    raised_on: date | None = None,
) -> ConcernEntry:
    workspace.require(Role.OFFICER, "raise concerns")
    description = description.strip()
    if not description:
        raise BadInput("Describe the concern.")
    with unit_of_work(workspace.engine, write=True) as session:
        practice = find_practice(session, practice_code)
        concern = Concern(
            reference=next_reference(session, Concern, "CN", practice),
            practice_id=practice.id,
            raised_on=raised_on or date.today(),
            raised_by=workspace.user.login,
            source=ConcernSource(source).value,
            standard=(standard or "").strip() or None,
            description=description,
            status=ConcernStatus.OPEN.value,
        )
        session.add(concern)
        session.flush()
        _audit(session, workspace, concern, "raise", f"raised concern {concern.reference}")
        return _concern_entry(concern, practice)


def close_concern(
    workspace: Workspace, reference: str, *, outcome: str, closed_on: date | None = None
) -> ConcernEntry:
    workspace.require(Role.OFFICER, "close concerns")
    if not outcome.strip():
        raise BadInput("Say why the concern is closed.")
    with unit_of_work(workspace.engine, write=True) as session:
        concern = find_by_reference(session, Concern, reference)
        if concern.status != ConcernStatus.OPEN:
            raise BadInput(f"Concern {reference} is already {concern.status}.")
        concern.status, concern.closed_on = ConcernStatus.CLOSED.value, closed_on or date.today()
        concern.outcome = outcome.strip()
        session.flush()
        _audit(session, workspace, concern, "close", f"closed concern {reference}")
        return _concern_entry(concern, session.get(Practice, concern.practice_id))


def list_concerns(
    workspace: Workspace, *, practice_code: str | None = None, status: ConcernStatus | None = None
) -> list[ConcernEntry]:
    with unit_of_work(workspace.engine) as session:
        query = select(Concern, Practice).join(Practice, Concern.practice_id == Practice.id)
        if practice_code:
            query = query.where(Concern.practice_id == find_practice(session, practice_code).id)
        if status:
            query = query.where(Concern.status == status.value)
        query = query.order_by(Concern.raised_on.desc(), Concern.reference)
        return [_concern_entry(concern, practice) for concern, practice in session.execute(query)]


def draft_notice(
    workspace: Workspace,
    practice_code: str,
    *,
    kind: NoticeKind,
    breach: str,
    steps_required: str | None = None,
    clause: str | None = None,
    concern_reference: str | None = None,
    drafted_on: date | None = None,
) -> NoticeEntry:
    """Officers draft; the notice says nothing to the practice until an approver issues it."""
    workspace.require(Role.OFFICER, "draft notices")
    kind = NoticeKind(kind)
    breach, steps = breach.strip(), (steps_required or "").strip() or None
    if not breach:
        raise BadInput("State the breach.")
    if kind is NoticeKind.REMEDIAL and not steps:
        raise BadInput("A remedial notice states the steps required to remedy the breach.")
    with unit_of_work(workspace.engine, write=True) as session:
        practice = find_practice(session, practice_code)
        concern = None
        if concern_reference:
            concern = find_by_reference(session, Concern, concern_reference)
            if concern.practice_id != practice.id:
                raise BadInput(f"Concern {concern_reference} is about another practice.")
            if concern.status == ConcernStatus.CLOSED:
                raise BadInput(f"Concern {concern_reference} is closed.")
            concern.status = ConcernStatus.ESCALATED.value
        notice = Notice(
            reference=next_reference(session, Notice, PREFIXES[kind], practice),
            practice_id=practice.id,
            concern_id=concern.id if concern else None,
            kind=kind.value,
            status=NoticeStatus.DRAFT.value,
            breach=breach,
            clause=(clause or "").strip() or None,
            steps_required=steps,
            drafted_on=drafted_on or date.today(),
            drafted_by=workspace.user.login,
        )
        session.add(notice)
        session.flush()
        _audit(session, workspace, notice, "draft", f"drafted {kind.label} {notice.reference}")
        return _notice_entry(session, notice, practice, date.today())


def issue_notice(
    workspace: Workspace,
    reference: str,
    *,
    given_on: date,
    deadline: date | None = None,
    short_reason: ShortPeriodReason | None = None,
    short_reason_detail: str | None = None,
    today: date | None = None,
) -> NoticeEntry:
    workspace.require(Role.APPROVER, "issue notices")
    with unit_of_work(workspace.engine, write=True) as session:
        notice = find_by_reference(session, Notice, reference)
        kind = NoticeKind(notice.kind)
        _check_transition(notice, NoticeStatus.ISSUED)
        if kind is NoticeKind.REMEDIAL:
            if deadline is None:
                raise BadInput("A remedial notice needs its deadline.")
            problem = remedial_deadline_problem(
                given_on, deadline, short_reason, current_notice_rules(session)
            )
            if problem:
                raise BadInput(f"Cannot issue {reference}: {problem}.")
            if short_reason and not (short_reason_detail or "").strip():
                raise BadInput("Record why the shorter period is necessary.")
        elif deadline is not None:
            raise BadInput("A breach notice has no remedy deadline.")
        changes = {
            "status": NoticeStatus.ISSUED.value,
            "given_on": given_on,
            "issued_by": workspace.user.login,
            "deadline": deadline,
            "short_reason": ShortPeriodReason(short_reason).value if short_reason else None,
            "short_reason_detail": (short_reason_detail or "").strip() or None,
        }
        return _change(session, workspace, notice, "issue", changes, today)


def record_outcome(
    workspace: Workspace,
    reference: str,
    *,
    remedied: bool,
    on: date,
    note: str,
    today: date | None = None,
) -> NoticeEntry:
    """Remedied (with the evidence) or not remedied by the deadline."""
    workspace.require(Role.OFFICER, "record whether a notice was remedied")
    note = note.strip()
    if not note:
        raise BadInput("Record the evidence (or what was not done).")
    with unit_of_work(workspace.engine, write=True) as session:
        notice = find_by_reference(session, Notice, reference)
        wanted = NoticeStatus.REMEDIED if remedied else NoticeStatus.NOT_REMEDIED
        _check_transition(notice, wanted)
        if notice.given_on and on < notice.given_on:
            raise BadInput("The outcome cannot be dated before the notice was given.")
        if not remedied and notice.deadline and on <= notice.deadline:
            raise BadInput(
                f"{reference} can only be recorded as not remedied after its deadline "
                f"({notice.deadline})."
            )
        changes = {
            "status": wanted.value,
            "outcome_on": on,
            "outcome_by": workspace.user.login,
            "outcome_note": note,
        }
        return _change(session, workspace, notice, wanted.value, changes, today)


def escalate_notice(
    workspace: Workspace, reference: str, *, on: date, note: str, today: date | None = None
) -> NoticeEntry:
    workspace.require(Role.APPROVER, "escalate notices")
    with unit_of_work(workspace.engine, write=True) as session:
        notice = find_by_reference(session, Notice, reference)
        _check_transition(notice, NoticeStatus.ESCALATED)
        changes = {
            "status": NoticeStatus.ESCALATED.value,
            "outcome_on": on,
            "outcome_by": workspace.user.login,
            "outcome_note": (note or "").strip() or notice.outcome_note,
        }
        return _change(session, workspace, notice, "escalate", changes, today)


def withdraw_notice(
    workspace: Workspace, reference: str, *, on: date, reason: str, today: date | None = None
) -> NoticeEntry:
    workspace.require(Role.APPROVER, "withdraw notices")
    if not reason.strip():
        raise BadInput("Give the reason for withdrawing the notice.")
    with unit_of_work(workspace.engine, write=True) as session:
        notice = find_by_reference(session, Notice, reference)
        _check_transition(notice, NoticeStatus.WITHDRAWN)
        changes = {
            "status": NoticeStatus.WITHDRAWN.value,
            "outcome_on": on,
            "outcome_by": workspace.user.login,
            "outcome_note": reason.strip(),
        }
        return _change(session, workspace, notice, "withdraw", changes, today)


def list_notices(
    workspace: Workspace,
    *,
    statuses: tuple[NoticeStatus, ...] = (),
    overdue: bool = False,
    practice_code: str | None = None,
    today: date | None = None,
) -> list[NoticeEntry]:
    """Notices, soonest deadline first, then newest; `overdue`: issued remedial notices whose
    deadline has passed with no outcome recorded."""
    today = today or date.today()
    with unit_of_work(workspace.engine) as session:
        query = select(Notice, Practice).join(Practice, Notice.practice_id == Practice.id)
        if practice_code:
            query = query.where(Notice.practice_id == find_practice(session, practice_code).id)
        if statuses:
            query = query.where(Notice.status.in_([status.value for status in statuses]))
        # The further-breach flag is the practice's: read once per practice, not per notice.
        flags: dict = {}
        entries = [
            _notice_entry(session, notice, practice, today, flags)
            for notice, practice in session.execute(query)
        ]
    if overdue:
        entries = [entry for entry in entries if entry.overdue]
    return sorted(
        entries,
        key=lambda entry: (
            entry.deadline is None or entry.status is not NoticeStatus.ISSUED,
            entry.deadline or date.max,
            -(entry.given_on or entry.drafted_on).toordinal(),
            entry.reference,
        ),
    )


def get_notice(workspace: Workspace, reference: str, today: date | None = None) -> NoticeEntry:
    with unit_of_work(workspace.engine) as session:
        notice = find_by_reference(session, Notice, reference)
        practice = session.get(Practice, notice.practice_id)
        return _notice_entry(session, notice, practice, today or date.today())


def practice_further_breach(session: Session, practice_id) -> FurtherBreach | None:  # type: ignore[no-untyped-def]
    """The further-breach flag for a practice (for services sharing a unit of work)."""
    notices = session.scalars(select(Notice).where(Notice.practice_id == practice_id))
    return further_breach(
        NoticeFact(
            reference=notice.reference,
            kind=NoticeKind(notice.kind),
            status=NoticeStatus(notice.status),
            given_on=notice.given_on,
            breach=notice.breach,
        )
        for notice in notices
    )


def _flag(session: Session, practice_id, flags: dict | None) -> FurtherBreach | None:  # type: ignore[no-untyped-def]
    if flags is None:
        return practice_further_breach(session, practice_id)
    if practice_id not in flags:
        flags[practice_id] = practice_further_breach(session, practice_id)
    return flags[practice_id]


def _check_transition(notice: Notice, wanted: NoticeStatus) -> None:
    problem = transition_problem(NoticeKind(notice.kind), NoticeStatus(notice.status), wanted)
    if problem:
        raise BadInput(f"{notice.reference}: {problem}.")


def _change(
    session: Session,
    workspace: Workspace,
    notice: Notice,
    action: str,
    changes: dict[str, object],
    today: date | None,
) -> NoticeEntry:
    record_update(
        session,
        workspace.user.login,
        notice,
        changes,
        action=action,
        entity_key=notice.reference,
        summary=f"{action} {NoticeKind(notice.kind).label} {notice.reference}",
    )
    practice = session.get(Practice, notice.practice_id)
    return _notice_entry(session, notice, practice, today or date.today())


def _audit(session: Session, workspace: Workspace, record, action: str, summary: str) -> None:  # type: ignore[no-untyped-def]
    values = {
        column.name: getattr(record, column.name)
        for column in record.__table__.columns
        if column.name not in ("id", "created_at", "updated_at", "version", "practice_id")
        and not column.name.endswith("_id")
    }
    record_change(
        session,
        workspace.user.login,
        action=action,
        entity=record,
        entity_key=record.reference,
        after=values,
        summary=summary,
    )


def _concern_entry(concern: Concern, practice: Practice) -> ConcernEntry:
    return ConcernEntry(
        reference=concern.reference,
        practice_code=practice.ods_code,
        practice_name=practice.name,
        raised_on=concern.raised_on,
        raised_by=concern.raised_by,
        source=ConcernSource(concern.source),
        standard=concern.standard,
        description=concern.description,
        status=ConcernStatus(concern.status),
        closed_on=concern.closed_on,
        outcome=concern.outcome,
    )


def _notice_entry(
    session: Session, notice: Notice, practice: Practice, today: date, flags: dict | None = None
) -> NoticeEntry:
    status = NoticeStatus(notice.status)
    days = (
        (notice.deadline - today).days
        if notice.deadline is not None and status is NoticeStatus.ISSUED
        else None
    )
    concern = session.get(Concern, notice.concern_id) if notice.concern_id else None
    return NoticeEntry(
        reference=notice.reference,
        practice_code=practice.ods_code,
        practice_name=practice.name,
        kind=NoticeKind(notice.kind),
        status=status,
        breach=notice.breach,
        clause=notice.clause,
        steps_required=notice.steps_required,
        concern_reference=concern.reference if concern else None,
        drafted_on=notice.drafted_on,
        drafted_by=notice.drafted_by,
        given_on=notice.given_on,
        issued_by=notice.issued_by,
        deadline=notice.deadline,
        short_reason=ShortPeriodReason(notice.short_reason) if notice.short_reason else None,
        short_reason_detail=notice.short_reason_detail,
        outcome_on=notice.outcome_on,
        outcome_by=notice.outcome_by,
        outcome_note=notice.outcome_note,
        days_to_deadline=days,
        further_breach=_flag(session, practice.id, flags),
        version=notice.version,
    )
