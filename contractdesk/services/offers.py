"""Offering services to practices and recording their responses (NHS England's CQRS workflow)."""

from __future__ import annotations

import uuid
from collections.abc import Collection
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from contractdesk.domain.financial_year import FinancialYear
from contractdesk.domain.roles import Role
from contractdesk.domain.service_catalogue import SignupStatus
from contractdesk.errors import BadInput, NotFound
from contractdesk.services.audit import record_change, record_update
from contractdesk.services.practices import find_practice
from contractdesk.services.service_catalogue import find_service
from contractdesk.services.workspace import Workspace
from contractdesk.store.models import Locality, Practice, Service, ServiceOffer
from contractdesk.store.unit_of_work import unit_of_work


@dataclass(frozen=True)
class OfferResult:
    service_code: str
    offered: tuple[str, ...]
    already_offered: tuple[str, ...]  # had an offer of this service already: left as it was
    left_out: tuple[str, ...]  # practices of the same localities not offered it

    def describe(self) -> str:
        text = f"{self.service_code} offered to {len(self.offered)} practice(s)"
        if self.already_offered:
            text += f"; {len(self.already_offered)} had it already"
        if self.left_out:
            text += f"; left out: {', '.join(self.left_out)}"
        return text


@dataclass(frozen=True)
class OfferEntry:
    financial_year: FinancialYear
    service_code: str
    service_name: str
    practice_code: str
    status: SignupStatus
    start_date: date
    end_date: date
    response_deadline: date
    offered_on: date
    offered_by: str
    selection_reason: str | None
    responded_on: date | None
    responded_by: str | None
    response_note: str | None
    ended_on: date | None
    end_reason: str | None
    version: int


def offer_service(
    workspace: Workspace,
    year: FinancialYear,
    service_code: str,
    *,
    start: date,
    end: date,
    response_deadline: date,
    practices: Collection[str] = (),
    localities: Collection[str] = (),
    reason: str | None = None,
    today: date | None = None,
) -> OfferResult:
    """Offer the service to the named practices and every active practice of the named
    localities. Leaving out some practices of a locality needs a recorded reason (equality of
    opportunity); the result names them either way."""
    workspace.require(Role.OFFICER, "offer services")
    today = today or date.today()
    reason = (reason or "").strip() or None
    _check_period(year, start, end, response_deadline)
    with unit_of_work(workspace.engine, write=True) as session:
        service = find_service(session, year, service_code)
        if service.retired:
            raise BadInput(f"{service.code} ({year}) is retired and cannot be offered.")
        targets = _targets(session, practices, localities)
        already = set(
            session.scalars(
                select(ServiceOffer.practice_id).where(ServiceOffer.service_id == service.id)
            )
        )
        left_out = _left_out(session, targets, already)
        if left_out and reason is None:
            raise BadInput(
                f"Offering {service.code} to only some practices of their locality needs a "
                "recorded reason (equality of opportunity). Not offered: " + ", ".join(left_out)
            )
        offered, skipped = [], []
        for practice in sorted(targets.values(), key=lambda item: item.ods_code):
            if practice.id in already:
                skipped.append(practice.ods_code)
                continue
            session.add(
                ServiceOffer(
                    service_id=service.id,
                    practice_id=practice.id,
                    status=SignupStatus.OFFERED.value,
                    start_date=start,
                    end_date=end,
                    response_deadline=response_deadline,
                    offered_on=today,
                    offered_by=workspace.user.login,
                    selection_reason=reason if left_out else None,
                )
            )
            offered.append(practice.ods_code)
        result = OfferResult(service.code, tuple(offered), tuple(skipped), tuple(left_out))
        if offered:
            record_change(
                session,
                workspace.user.login,
                action="offer",
                entity=service,
                entity_key=f"{year} {service.code}",
                details={
                    "practices": offered,
                    "start": start,
                    "end": end,
                    "response_deadline": response_deadline,
                    "left_out": left_out,
                    "reason": reason,
                },
                summary=result.describe(),
            )
        return result


def record_response(
    workspace: Workspace,
    year: FinancialYear,
    service_code: str,
    practice_code: str,
    *,
    accepted: bool,
    responded_on: date,
    note: str | None = None,
) -> OfferEntry:
    """The practice's acceptance or refusal of an open offer, with the date it gave it."""
    workspace.require(Role.OFFICER, "record responses to offers")
    with unit_of_work(workspace.engine, write=True) as session:
        offer = _find_offer(session, year, service_code, practice_code)
        if offer.status != SignupStatus.OFFERED:
            raise BadInput(
                f"{practice_code} has already {offer.status} {service_code}; "
                "only an open offer takes a response."
            )
        if responded_on < offer.offered_on:
            raise BadInput(f"The response cannot be dated before the offer ({offer.offered_on}).")
        if responded_on > offer.response_deadline:
            raise BadInput(
                f"The deadline to respond was {offer.response_deadline}; reissue the offer with a "
                "new deadline to take a late response."
            )
        status = SignupStatus.ACCEPTED if accepted else SignupStatus.DECLINED
        return _change(
            session,
            workspace,
            offer,
            action=status.value,
            changes={
                "status": status.value,
                "responded_on": responded_on,
                "responded_by": workspace.user.login,
                "response_note": (note or "").strip() or None,
            },
            summary=f"{practice_code} {status.value} {service_code} ({year})",
        )


def reissue_offer(
    workspace: Workspace,
    year: FinancialYear,
    service_code: str,
    practice_code: str,
    *,
    response_deadline: date,
    today: date | None = None,
) -> OfferEntry:
    """Offer again a service the practice declined, or let lapse, with a new deadline."""
    workspace.require(Role.OFFICER, "reissue offers")
    today = today or date.today()
    with unit_of_work(workspace.engine, write=True) as session:
        offer = _find_offer(session, year, service_code, practice_code)
        lapsed = offer.status == SignupStatus.OFFERED and offer.response_deadline < today
        if offer.status != SignupStatus.DECLINED and not lapsed:
            raise BadInput(
                f"Only a declined or lapsed offer can be reissued; {practice_code}'s "
                f"{service_code} is {offer.status}."
            )
        _check_period(year, offer.start_date, offer.end_date, response_deadline)
        return _change(
            session,
            workspace,
            offer,
            action="reissue",
            changes={
                "status": SignupStatus.OFFERED.value,
                "response_deadline": response_deadline,
                "offered_on": today,
                "offered_by": workspace.user.login,
                "responded_on": None,
                "responded_by": None,
                "response_note": None,
            },
            summary=f"reissued {service_code} ({year}) to {practice_code}",
        )


def end_signup(
    workspace: Workspace,
    year: FinancialYear,
    service_code: str,
    practice_code: str,
    *,
    ended_on: date,
    reason: str,
) -> OfferEntry:
    """End an accepted sign-up early, with the date and the reason."""
    workspace.require(Role.OFFICER, "end sign-ups")
    reason = reason.strip()
    if not reason:
        raise BadInput("Give the reason the sign-up ends.")
    with unit_of_work(workspace.engine, write=True) as session:
        offer = _find_offer(session, year, service_code, practice_code)
        if offer.status != SignupStatus.ACCEPTED:
            raise BadInput(f"Only an accepted sign-up can be ended; this one is {offer.status}.")
        if not offer.start_date <= ended_on <= offer.end_date:
            raise BadInput(
                f"The end date must be within the sign-up ({offer.start_date} to {offer.end_date})."
            )
        return _change(
            session,
            workspace,
            offer,
            action="end",
            changes={
                "status": SignupStatus.ENDED.value,
                "ended_on": ended_on,
                "end_reason": reason,
            },
            summary=f"ended {practice_code}'s {service_code} ({year}) on {ended_on}",
        )


def list_offers(
    workspace: Workspace, year: FinancialYear, *, practice_code: str | None = None
) -> list[OfferEntry]:
    """The year's offers (of one practice, if named), by practice then service."""
    query = (
        select(ServiceOffer, Service, Practice.ods_code)
        .join(Service, ServiceOffer.service_id == Service.id)
        .join(Practice, ServiceOffer.practice_id == Practice.id)
        .where(Service.financial_year == year)
        .order_by(Practice.ods_code, Service.code)
    )
    if practice_code:
        query = query.where(Practice.ods_code == practice_code.upper())
    with unit_of_work(workspace.engine) as session:
        return [_entry(offer, service, code) for offer, service, code in session.execute(query)]


def get_offer(
    workspace: Workspace, year: FinancialYear, service_code: str, practice_code: str
) -> OfferEntry:
    with unit_of_work(workspace.engine) as session:
        offer = _find_offer(session, year, service_code, practice_code)
        return _entry(offer, session.get(Service, offer.service_id), practice_code.upper())


def _check_period(year: FinancialYear, start: date, end: date, response_deadline: date) -> None:
    if end < start:
        raise BadInput("The end date is before the start date.")
    if start not in year or end not in year:
        raise BadInput(f"The dates must fall inside {year} ({year.first_day} to {year.last_day}).")
    if response_deadline > end:
        raise BadInput("The response deadline must not be after the end date.")


def _targets(
    session: Session, practices: Collection[str], localities: Collection[str]
) -> dict[uuid.UUID, Practice]:
    if not practices and not localities:
        raise BadInput("Choose the practices or localities to offer the service to.")
    codes = {code.strip().upper() for code in practices}
    found = session.scalars(select(Practice).where(Practice.ods_code.in_(codes))).all()
    missing = codes - {practice.ods_code for practice in found}
    if missing:
        raise NotFound(f"No practice with the ODS code {', '.join(sorted(missing))}.")
    closed = sorted(practice.ods_code for practice in found if practice.status == "closed")
    if closed:
        raise BadInput(f"Closed practices cannot be offered services: {', '.join(closed)}.")
    targets = {practice.id: practice for practice in found}
    if localities:
        wanted = {code.strip().upper() for code in localities}
        known = dict(
            session.execute(
                select(Locality.code, Locality.id).where(Locality.code.in_(wanted))
            ).all()
        )
        if wanted - set(known):
            raise NotFound(f"No locality with the code {', '.join(sorted(wanted - set(known)))}.")
        for practice in session.scalars(
            select(Practice).where(
                Practice.locality_id.in_(list(known.values())), Practice.status == "active"
            )
        ):
            targets[practice.id] = practice
    return targets


def _left_out(
    session: Session, targets: dict[uuid.UUID, Practice], already: Collection[uuid.UUID]
) -> list[str]:
    """Active practices of the targets' localities that would have no offer of the service."""
    locality_ids = {practice.locality_id for practice in targets.values() if practice.locality_id}
    if not locality_ids:
        return []
    peers = session.execute(
        select(Practice.id, Practice.ods_code).where(
            Practice.locality_id.in_(list(locality_ids)), Practice.status == "active"
        )
    )
    return sorted(code for pid, code in peers if pid not in targets and pid not in already)


def _find_offer(
    session: Session, year: FinancialYear, service_code: str, practice_code: str
) -> ServiceOffer:
    service = find_service(session, year, service_code)
    practice = find_practice(session, practice_code)
    offer = session.scalar(
        select(ServiceOffer).where(
            ServiceOffer.service_id == service.id, ServiceOffer.practice_id == practice.id
        )
    )
    if offer is None:
        raise NotFound(f"{practice.ods_code} has not been offered {service.code} in {year}.")
    return offer


def _change(
    session: Session,
    workspace: Workspace,
    offer: ServiceOffer,
    *,
    action: str,
    changes: dict[str, object],
    summary: str,
) -> OfferEntry:
    service = session.get(Service, offer.service_id)
    practice = session.get(Practice, offer.practice_id)
    record_update(
        session,
        workspace.user.login,
        offer,
        changes,
        action=action,
        entity_key=f"{practice.ods_code} {service.code} {service.financial_year}",
        summary=summary,
    )
    return _entry(offer, service, practice.ods_code)


def _entry(offer: ServiceOffer, service: Service, practice_code: str) -> OfferEntry:
    return OfferEntry(
        financial_year=service.financial_year,
        service_code=service.code,
        service_name=service.name,
        practice_code=practice_code,
        status=SignupStatus(offer.status),
        start_date=offer.start_date,
        end_date=offer.end_date,
        response_deadline=offer.response_deadline,
        offered_on=offer.offered_on,
        offered_by=offer.offered_by,
        selection_reason=offer.selection_reason,
        responded_on=offer.responded_on,
        responded_by=offer.responded_by,
        response_note=offer.response_note,
        ended_on=offer.ended_on,
        end_reason=offer.end_reason,
        version=offer.version,
    )
