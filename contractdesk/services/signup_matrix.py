"""The sign-up matrix of a year (practices × services) and each practice's whole-contract
compliance, read in a few set-wide queries so that 7,000 practices × 20 services stay quick."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import date

from sqlalchemy import String, cast, select

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
        service = Service.__table__
        ids = dict(
            connection.execute(
                select(service.c.code, _key(service.c.id)).where(
                    service.c.financial_year == str(year)
                )
            ).all()
        )
        signups = _signups(connection, year)
        covered, pending = _subcontracted(connection, year, as_of)
        practices = _practices(connection, areas, {practice for practice, _ in signups})
    used = {service_id for _, service_id in signups}
    services = [s for s in services if not s.retired or ids[s.code] in used]
    column = {ids[service.code]: index for index, service in enumerate(services)}
    codes = [service.code for service in services]
    required = [service.code for service in services if service.required and not service.retired]
    # Per practice, one slot per column: a signup status, and whether a sub-contract covers it.
    by_practice: dict[str, list] = {}
    blank = [None] * len(services)
    for (practice_id, service_id), status in signups.items():
        if service_id in column:
            slots = by_practice.get(practice_id)
            if slots is None:
                slots = by_practice[practice_id] = blank.copy()
            slots[column[service_id]] = status
    rows = []
    for practice_id, code, name, area_code, locality_code, locality_name in practices:
        statuses = by_practice.get(practice_id, blank)
        states = tuple(
            cell_state(
                statuses[index],
                subcontracted=(practice_id, service_id) in covered,
                subcontract_pending=(practice_id, service_id) in pending,
            )
            for service_id, index in column.items()
        )
        declined = [codes[index] for index, status in enumerate(statuses) if status is _DECLINED]
        compliance = assess_compliance(required, dict(zip(codes, states, strict=True)), declined)
        rows.append(
            MatrixRow(code, name, area_code, locality_code, locality_name, states, compliance)
        )
    return SignupMatrix(year=year, as_of=as_of, services=tuple(services), rows=tuple(rows))


_DECLINED = SignupStatus.DECLINED


def _key(column):  # type: ignore[no-untyped-def]
    """An id as the database's own text: turning 140,000 of them into UUID objects would cost
    more than the rest of the matrix put together."""
    return cast(column, String)


def _signups(connection, year: FinancialYear) -> dict[tuple[str, str], SignupStatus]:  # type: ignore[no-untyped-def]
    offer, service = ServiceOffer.__table__, Service.__table__
    statuses = {status.value: status for status in SignupStatus}
    query = (
        select(_key(offer.c.practice_id), _key(offer.c.service_id), offer.c.status)
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
            _key(arrangement.c.contractor_id),
            _key(covered_service.c.service_id),
            arrangement.c.decision,
            arrangement.c.end_date,
            arrangement.c.ended_on,
        )
        .join(covered_service, covered_service.c.subcontract_id == arrangement.c.id)
        .where(arrangement.c.financial_year == str(year))
    )
    covered: set[tuple[str, str]] = set()
    pending: set[tuple[str, str]] = set()
    for contractor_id, service_id, decision_text, end, ended_on in connection.execute(query):
        decision = Decision(decision_text)
        if covers_as_of(decision, end, ended_on, as_of):
            covered.add((contractor_id, service_id))
        elif decision is Decision.PENDING and is_live(decision, end, ended_on, as_of):
            pending.add((contractor_id, service_id))
    return covered, pending


def _practices(connection, areas: Collection[str], with_offers: set[str]):  # type: ignore[no-untyped-def]
    practice, area, locality = Practice.__table__, CommissionerArea.__table__, Locality.__table__
    query = (
        select(
            _key(practice.c.id),
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
