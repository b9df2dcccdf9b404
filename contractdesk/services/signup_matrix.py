"""The sign-up matrix of a year (practices × services) and each practice's whole-contract
compliance, read in a few set-wide queries so that 7,000 practices × 20 services stay quick."""

from __future__ import annotations

import uuid
from collections.abc import Collection
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from contractdesk.domain.financial_year import FinancialYear
from contractdesk.domain.service_catalogue import SignupStatus
from contractdesk.domain.subcontracting import Decision, compliance_day, covers_as_of, is_live
from contractdesk.domain.whole_contract import CellState, Compliance, assess_compliance, cell_state
from contractdesk.services.reference_data import require_known_areas
from contractdesk.services.service_catalogue import ServiceEntry, list_services
from contractdesk.services.workspace import Workspace
from contractdesk.store.models import (
    CommissionerArea,
    Locality,
    Practice,
    Service,
    ServiceOffer,
    Subcontract,
    SubcontractService,
)
from contractdesk.store.unit_of_work import unit_of_work


@dataclass(frozen=True)
class MatrixRow:
    ods_code: str
    name: str
    area_code: str | None
    locality_code: str | None
    locality_name: str | None
    states: tuple[CellState, ...]  # one per service column
    compliance: Compliance


@dataclass(frozen=True)
class SignupMatrix:
    year: FinancialYear
    as_of: date  # the day sub-contracts were judged on
    services: tuple[ServiceEntry, ...]
    rows: tuple[MatrixRow, ...]

    @property
    def required_codes(self) -> tuple[str, ...]:
        return tuple(service.code for service in self.services if service.required)

    def row(self, ods_code: str) -> MatrixRow:
        for row in self.rows:
            if row.ods_code == ods_code:
                return row
        raise KeyError(ods_code)


def load_signup_matrix(
    workspace: Workspace,
    year: FinancialYear,
    *,
    areas: Collection[str] = (),
    today: date | None = None,
) -> SignupMatrix:
    """Every open practice (of `areas`, if given) against the year's services.

    Columns are the services not retired, and retired ones that still have offers.
    """
    as_of = compliance_day(year, today or date.today())
    services = list_services(workspace, year)
    with unit_of_work(workspace.engine) as session:
        require_known_areas(session, areas)
        connection = session.connection()
        ids = dict(
            connection.execute(
                select(Service.__table__.c.code, Service.__table__.c.id).where(
                    Service.__table__.c.financial_year == str(year)
                )
            ).all()
        )
        signups = _signups(connection, year)
        covered, pending = _subcontracted(connection, year, as_of)
        practices = _practices(connection, areas, {practice for practice, _ in signups})
    used = {service_id for _, service_id in signups}
    services = [s for s in services if not s.retired or ids[s.code] in used]
    column_ids = [ids[service.code] for service in services]
    required = [service.code for service in services if service.required and not service.retired]
    rows = []
    for practice_id, code, name, area_code, locality_code, locality_name in practices:
        states = tuple(
            cell_state(
                signups.get((practice_id, service_id)),
                subcontracted=(practice_id, service_id) in covered,
                subcontract_pending=(practice_id, service_id) in pending,
            )
            for service_id in column_ids
        )
        declined = {
            service.code
            for service, service_id in zip(services, column_ids, strict=True)
            if signups.get((practice_id, service_id)) is SignupStatus.DECLINED
        }
        by_code = {service.code: state for service, state in zip(services, states, strict=True)}
        compliance = assess_compliance(required, by_code, declined)
        rows.append(
            MatrixRow(code, name, area_code, locality_code, locality_name, states, compliance)
        )
    return SignupMatrix(year=year, as_of=as_of, services=tuple(services), rows=tuple(rows))


def _signups(connection, year: FinancialYear) -> dict[tuple[uuid.UUID, uuid.UUID], SignupStatus]:  # type: ignore[no-untyped-def]
    offer, service = ServiceOffer.__table__, Service.__table__
    statuses = {status.value: status for status in SignupStatus}
    query = (
        select(offer.c.practice_id, offer.c.service_id, offer.c.status)
        .join(service, offer.c.service_id == service.c.id)
        .where(service.c.financial_year == str(year))
    )
    return {
        (practice_id, service_id): statuses[status]
        for practice_id, service_id, status in connection.execute(query)
    }


def _subcontracted(connection, year: FinancialYear, as_of: date):  # type: ignore[no-untyped-def]
    """(contractor, service) pairs an approved arrangement covers, and those still pending."""
    arrangement, covered_service = Subcontract.__table__, SubcontractService.__table__
    query = (
        select(
            arrangement.c.contractor_id,
            covered_service.c.service_id,
            arrangement.c.decision,
            arrangement.c.end_date,
            arrangement.c.ended_on,
        )
        .join(covered_service, covered_service.c.subcontract_id == arrangement.c.id)
        .where(arrangement.c.financial_year == str(year))
    )
    covered: set[tuple[uuid.UUID, uuid.UUID]] = set()
    pending: set[tuple[uuid.UUID, uuid.UUID]] = set()
    for contractor_id, service_id, decision_text, end, ended_on in connection.execute(query):
        decision = Decision(decision_text)
        if covers_as_of(decision, end, ended_on, as_of):
            covered.add((contractor_id, service_id))
        elif decision is Decision.PENDING and is_live(decision, end, ended_on, as_of):
            pending.add((contractor_id, service_id))
    return covered, pending


def _practices(connection, areas: Collection[str], with_offers: set[uuid.UUID]):  # type: ignore[no-untyped-def]
    practice, area, locality = Practice.__table__, CommissionerArea.__table__, Locality.__table__
    query = (
        select(
            practice.c.id,
            practice.c.ods_code,
            practice.c.name,
            area.c.code,
            locality.c.code,
            locality.c.name,
            practice.c.status,
        )
        .select_from(
            practice.outerjoin(area, practice.c.area_id == area.c.id).outerjoin(
                locality, practice.c.locality_id == locality.c.id
            )
        )
        .order_by(practice.c.ods_code)
    )
    if areas:
        query = query.where(area.c.code.in_(list(areas)))
    rows = []
    for (
        practice_id,
        code,
        name,
        area_code,
        locality_code,
        locality_name,
        status,
    ) in connection.execute(query):
        # Closed practices drop out unless they were offered something this year.
        if status == "closed" and practice_id not in with_offers:
            continue
        rows.append((practice_id, code, name, area_code, locality_code, locality_name))
    return rows
