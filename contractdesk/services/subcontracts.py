"""Sub-contracting arrangements between practices: notification, the commissioner's decision,
ending, and the list with deadlines."""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from contractdesk.domain.financial_year import FinancialYear
from contractdesk.domain.roles import Role
from contractdesk.domain.service_catalogue import SignupStatus
from contractdesk.domain.subcontracting import (
    Decision,
    ObjectionGround,
    SubcontractorCover,
    SubcontractStatus,
    approval_problem,
    arrangement_problems,
    days_left_to_object,
    is_live,
    objection_deadline,
    objection_problem,
    subcontract_status,
)
from contractdesk.errors import BadInput, NotFound
from contractdesk.services.audit import record_change, record_update
from contractdesk.services.practices import find_practice
from contractdesk.services.service_catalogue import find_service
from contractdesk.services.workspace import Workspace
from contractdesk.store.models import (
    Practice,
    Service,
    ServiceOffer,
    Subcontract,
    SubcontractService,
)
from contractdesk.store.unit_of_work import unit_of_work

REFERENCE_LENGTH = 8


@dataclass(frozen=True)
class SubcontractEntry:
    reference: str  # the first characters of the id: what officers quote
    financial_year: FinancialYear
    contractor_code: str
    contractor_name: str
    contractor_contract_type: str
    subcontractor_code: str
    subcontractor_name: str
    service_codes: tuple[str, ...]
    premises_address: str
    start_date: date
    end_date: date
    notified_on: date
    objection_deadline: date
    days_left_to_object: int | None  # only while a decision is awaited
    decision: Decision
    decided_on: date | None
    decided_by: str | None
    objection_ground: ObjectionGround | None
    objection_detail: str | None
    ended_on: date | None
    end_reason: str | None
    status: SubcontractStatus
    version: int

    @property
    def duration_days(self) -> int:
        return (self.end_date - self.start_date).days + 1


def notify_subcontract(
    workspace: Workspace,
    *,
    year: FinancialYear,
    contractor: str,
    subcontractor: str,
    service_codes: Sequence[str],
    premises_address: str,
    start: date,
    end: date,
    notified_on: date,
    today: date | None = None,
) -> SubcontractEntry:
    """Record the contractor's notification of a sub-contract; it awaits the commissioner."""
    workspace.require(Role.OFFICER, "record sub-contracts")
    today = today or date.today()
    premises_address = premises_address.strip()
    if not premises_address:
        raise BadInput("Give the address of the premises the services will be delivered from.")
    with unit_of_work(workspace.engine, write=True) as session:
        contracting = find_practice(session, contractor)
        delivering = find_practice(session, subcontractor)
        services = [find_service(session, year, code) for code in dict.fromkeys(service_codes)]
        retired = [service.code for service in services if service.retired]
        if retired:
            raise BadInput(f"Retired services cannot be sub-contracted: {', '.join(retired)}.")
        problems = arrangement_problems(
            contractor=contracting.ods_code,
            subcontractor=delivering.ods_code,
            year=year,
            start=start,
            end=end,
            notified_on=notified_on,
            covers=_covers(session, contracting, delivering, services, today),
        )
        problems += _duplicates(session, contracting, services, today)
        if problems:
            raise BadInput("The sub-contract cannot be recorded: " + "; ".join(problems) + ".")
        arrangement = Subcontract(
            financial_year=year,
            contractor_id=contracting.id,
            subcontractor_id=delivering.id,
            premises_address=premises_address,
            start_date=start,
            end_date=end,
            notified_on=notified_on,
            decision=Decision.PENDING.value,
        )
        session.add(arrangement)
        session.flush()
        for service in services:
            session.add(SubcontractService(subcontract_id=arrangement.id, service_id=service.id))
        session.flush()
        entry = _load(session, [arrangement.id], today)[0]
        record_change(
            session,
            workspace.user.login,
            action="notify",
            entity=arrangement,
            entity_key=entry.reference,
            after=_audit_values(entry),
            summary=(
                f"{entry.contractor_code} sub-contracts {', '.join(entry.service_codes)} to "
                f"{entry.subcontractor_code}; objection deadline {entry.objection_deadline}"
            ),
        )
        return entry


def decide_subcontract(
    workspace: Workspace,
    reference: str,
    *,
    approve: bool,
    decided_on: date,
    ground: ObjectionGround | None = None,
    detail: str | None = None,
    today: date | None = None,
) -> SubcontractEntry:
    """The commissioner's approval, or objection on a ground (within 28 days of notification).
    An objection stops the arrangement, or ends it on that day if it has started."""
    workspace.require(Role.APPROVER, "decide on sub-contracts")
    today = today or date.today()
    detail = (detail or "").strip() or None
    with unit_of_work(workspace.engine, write=True) as session:
        arrangement = _find(session, reference)
        if arrangement.decision != Decision.PENDING:
            raise BadInput(f"Sub-contract {reference} has already been {arrangement.decision}.")
        changes: dict[str, object] = {"decided_on": decided_on, "decided_by": workspace.user.login}
        if approve:
            contract_type = session.get(Practice, arrangement.contractor_id).contract_type
            problem = approval_problem(contract_type, arrangement.start_date, decided_on)
            if decided_on < arrangement.notified_on:
                problem = "an approval cannot be dated before the notification"
            changes["decision"] = Decision.APPROVED.value
        else:
            problem = objection_problem(arrangement.notified_on, decided_on)
            if ground is None:
                problem = problem or "an objection needs its ground"
            elif ground is ObjectionGround.OTHER and not detail:
                problem = problem or "say what the other ground is"
            changes |= {
                "decision": Decision.OBJECTED.value,
                "objection_ground": ground.value if ground else None,
                "objection_detail": detail,
            }
            if decided_on >= arrangement.start_date:
                changes |= {"ended_on": decided_on, "end_reason": "the commissioner objected"}
        if problem:
            raise BadInput(f"Cannot record the decision on {reference}: {problem}.")
        key = arrangement.id.hex[:REFERENCE_LENGTH]
        contractor = session.get(Practice, arrangement.contractor_id)
        delivering = session.get(Practice, arrangement.subcontractor_id)
        record_update(
            session,
            workspace.user.login,
            arrangement,
            changes,
            action="approve" if approve else "object",
            entity_key=key,
            summary=(
                f"{'approved' if approve else 'objected to'} sub-contract {key} "
                f"({contractor.ods_code} → {delivering.ods_code})"
            ),
        )
        return _load(session, [arrangement.id], today)[0]


def end_subcontract(
    workspace: Workspace,
    reference: str,
    *,
    ended_on: date,
    reason: str,
    today: date | None = None,
) -> SubcontractEntry:
    workspace.require(Role.OFFICER, "end sub-contracts")
    today = today or date.today()
    reason = reason.strip()
    if not reason:
        raise BadInput("Give the reason the sub-contract ends.")
    with unit_of_work(workspace.engine, write=True) as session:
        arrangement = _find(session, reference)
        if arrangement.decision == Decision.OBJECTED or arrangement.ended_on is not None:
            raise BadInput(f"Sub-contract {reference} has already ended or been objected to.")
        if not arrangement.start_date <= ended_on <= arrangement.end_date:
            raise BadInput(
                f"The end date must be within the arrangement ({arrangement.start_date} to "
                f"{arrangement.end_date})."
            )
        arrangement.ended_on, arrangement.end_reason = ended_on, reason
        session.flush()
        entry = _load(session, [arrangement.id], today)[0]
        record_change(
            session,
            workspace.user.login,
            action="end",
            entity=arrangement,
            entity_key=entry.reference,
            after={"ended_on": ended_on, "end_reason": reason},
            summary=f"ended sub-contract {entry.reference} on {ended_on}",
        )
        return entry


def list_subcontracts(
    workspace: Workspace,
    *,
    statuses: Collection[SubcontractStatus] = (),
    practice_code: str | None = None,
    year: FinancialYear | None = None,
    today: date | None = None,
) -> list[SubcontractEntry]:
    """Arrangements, those awaiting a decision first (soonest deadline first), then by start.
    With `practice_code`, those where it is either the contractor or the sub-contractor."""
    today = today or date.today()
    with unit_of_work(workspace.engine) as session:
        query = select(Subcontract.id)
        if year is not None:
            query = query.where(Subcontract.financial_year == year)
        if practice_code:
            practice = find_practice(session, practice_code)
            query = query.where(
                (Subcontract.contractor_id == practice.id)
                | (Subcontract.subcontractor_id == practice.id)
            )
        entries = _load(session, list(session.scalars(query)), today)
    if statuses:
        entries = [entry for entry in entries if entry.status in statuses]
    return sorted(entries, key=_urgency)


def get_subcontract(
    workspace: Workspace, reference: str, today: date | None = None
) -> SubcontractEntry:
    with unit_of_work(workspace.engine) as session:
        return _load(session, [_find(session, reference).id], today or date.today())[0]


def _urgency(entry: SubcontractEntry) -> tuple[int, date, str]:
    waiting = entry.status is SubcontractStatus.PENDING
    return (
        0 if waiting else 1,
        entry.objection_deadline if waiting else entry.start_date,
        entry.reference,
    )


def _covers(
    session: Session,
    contracting: Practice,
    delivering: Practice,
    services: Sequence[Service],
    today: date,
) -> list[SubcontractorCover]:
    ids = [service.id for service in services]
    accepted = {
        service_id: (start, end)
        for service_id, start, end in session.execute(
            select(ServiceOffer.service_id, ServiceOffer.start_date, ServiceOffer.end_date).where(
                ServiceOffer.practice_id == delivering.id,
                ServiceOffer.service_id.in_(ids),
                ServiceOffer.status == SignupStatus.ACCEPTED.value,
            )
        )
    }
    # Chains: the sub-contractor has the service delivered by someone else, or the
    # contractor is itself delivering it for another practice.
    out_of_delivering = _live_services(
        session, Subcontract.contractor_id, delivering.id, ids, today
    )
    for_others = _live_services(session, Subcontract.subcontractor_id, contracting.id, ids, today)
    return [
        SubcontractorCover(
            service_code=service.code,
            accepted_period=accepted.get(service.id),
            sub_contracted_out=service.id in out_of_delivering,
            contractor_delivers_for_others=service.id in for_others,
        )
        for service in services
    ]


def _duplicates(
    session: Session, contracting: Practice, services: Sequence[Service], today: date
) -> list[str]:
    ids = [service.id for service in services]
    taken = _live_services(session, Subcontract.contractor_id, contracting.id, ids, today)
    return [
        f"{contracting.ods_code} already has {service.code} under another sub-contract"
        for service in services
        if service.id in taken
    ]


def _live_services(
    session: Session, side, practice_id: uuid.UUID, service_ids: list[uuid.UUID], today: date
) -> set[uuid.UUID]:  # type: ignore[no-untyped-def]
    rows = session.execute(
        select(
            SubcontractService.service_id,
            Subcontract.decision,
            Subcontract.end_date,
            Subcontract.ended_on,
        )
        .join(Subcontract, SubcontractService.subcontract_id == Subcontract.id)
        .where(side == practice_id, SubcontractService.service_id.in_(service_ids))
    )
    return {
        service_id
        for service_id, decision, end, ended_on in rows
        if is_live(Decision(decision), end, ended_on, today)
    }


def _find(session: Session, reference: str) -> Subcontract:
    digits = reference.strip().lower().replace("-", "")
    if len(digits) < 4:
        raise BadInput("Give at least the first 4 characters of the sub-contract reference.")
    if len(digits) > 32 or any(character not in _HEX for character in digits):
        raise NotFound(f"No sub-contract with the reference {reference}.")
    # The ids starting with these digits lie between the prefix padded with 0s and with fs:
    # an index range on either database, not a scan of every arrangement.
    lowest, highest = uuid.UUID(digits.ljust(32, "0")), uuid.UUID(digits.ljust(32, "f"))
    matches = session.scalars(
        select(Subcontract).where(Subcontract.id.between(lowest, highest)).limit(2)
    ).all()
    if not matches:
        raise NotFound(f"No sub-contract with the reference {reference}.")
    if len(matches) > 1:
        raise BadInput(f"The reference {reference} matches several sub-contracts; give more of it.")
    return matches[0]


_HEX = frozenset("0123456789abcdef")


def _load(session: Session, ids: list[uuid.UUID], today: date) -> list[SubcontractEntry]:
    if not ids:
        return []
    contractor, delivering = aliased(Practice), aliased(Practice)
    rows = session.execute(
        select(Subcontract, contractor, delivering)
        .join(contractor, Subcontract.contractor_id == contractor.id)
        .join(delivering, Subcontract.subcontractor_id == delivering.id)
        .where(Subcontract.id.in_(ids))
    ).all()
    codes: dict[uuid.UUID, list[str]] = defaultdict(list)
    for subcontract_id, code in session.execute(
        select(SubcontractService.subcontract_id, Service.code)
        .join(Service, SubcontractService.service_id == Service.id)
        .where(SubcontractService.subcontract_id.in_(ids))
        .order_by(Service.code)
    ):
        codes[subcontract_id].append(code)
    return [_entry(row[0], row[1], row[2], codes[row[0].id], today) for row in rows]


def _entry(
    arrangement: Subcontract,
    contractor: Practice,
    delivering: Practice,
    service_codes: list[str],
    today: date,
) -> SubcontractEntry:
    decision = Decision(arrangement.decision)
    status = subcontract_status(
        decision, arrangement.start_date, arrangement.end_date, arrangement.ended_on, today
    )
    return SubcontractEntry(
        reference=arrangement.id.hex[:REFERENCE_LENGTH],
        financial_year=arrangement.financial_year,
        contractor_code=contractor.ods_code,
        contractor_name=contractor.name,
        contractor_contract_type=contractor.contract_type,
        subcontractor_code=delivering.ods_code,
        subcontractor_name=delivering.name,
        service_codes=tuple(service_codes),
        premises_address=arrangement.premises_address,
        start_date=arrangement.start_date,
        end_date=arrangement.end_date,
        notified_on=arrangement.notified_on,
        objection_deadline=objection_deadline(arrangement.notified_on),
        days_left_to_object=(
            days_left_to_object(arrangement.notified_on, today)
            if decision is Decision.PENDING
            else None
        ),
        decision=decision,
        decided_on=arrangement.decided_on,
        decided_by=arrangement.decided_by,
        objection_ground=(
            ObjectionGround(arrangement.objection_ground) if arrangement.objection_ground else None
        ),
        objection_detail=arrangement.objection_detail,
        ended_on=arrangement.ended_on,
        end_reason=arrangement.end_reason,
        status=status,
        version=arrangement.version,
    )


def _audit_values(entry: SubcontractEntry) -> dict[str, object]:
    return {
        "year": str(entry.financial_year),
        "contractor": entry.contractor_code,
        "subcontractor": entry.subcontractor_code,
        "services": list(entry.service_codes),
        "premises_address": entry.premises_address,
        "start": entry.start_date,
        "end": entry.end_date,
        "notified_on": entry.notified_on,
    }
