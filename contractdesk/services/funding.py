"""Funding per practice per year from NHS Payments to General Practice, and the core funding
rate per weighted patient each year (a setting the team shares, kept in the database)."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from contractdesk.domain.financial_year import FinancialYear
from contractdesk.domain.funding import (
    DEFAULT_CORE_PENCE_PER_WEIGHTED_PATIENT,
    PremiumBasis,
    gms_equivalent_pence,
    other_payments_pence,
    per_patient,
    pms_premium_pence,
)
from contractdesk.domain.money import format_pence
from contractdesk.domain.roles import Role
from contractdesk.errors import BadInput, NotFound
from contractdesk.services.audit import record_change
from contractdesk.services.practices import find_practice
from contractdesk.services.reference_data import require_known_areas
from contractdesk.services.workspace import Workspace
from contractdesk.store.models import (
    CommissionerArea,
    CoreFundingRate,
    Locality,
    Practice,
    PracticePaymentYear,
)
from contractdesk.store.unit_of_work import unit_of_work


@dataclass(frozen=True)
class CoreRate:
    financial_year: FinancialYear
    pence_per_weighted_patient: int
    # Where the figure comes from: this year's setting, an earlier year's, or the default.
    source: str

    @property
    def description(self) -> str:
        return (
            f"core funding {format_pence(self.pence_per_weighted_patient)} per weighted "
            f"patient ({self.source})"
        )


@dataclass(frozen=True)
class PracticeFunding:
    """One practice's year: the file's figures and what the premium review derives."""

    ods_code: str
    name: str
    area_code: str | None
    locality: str | None
    financial_year: FinancialYear
    contract_type: str
    registered_patients: Decimal | None
    weighted_patients: Decimal | None
    global_sum_pence: int | None
    mpig_pence: int | None
    pms_balance_pence: int | None
    qof_pence: int | None
    enhanced_services_pence: int | None
    local_services_pence: int | None
    premises_pence: int | None
    other_pence: int | None
    total_pence: int | None
    gms_equivalent_pence: int | None
    premium_pence: int | None

    @property
    def per_registered_patient(self) -> Decimal | None:
        return per_patient(self.total_pence, self.registered_patients)

    @property
    def per_weighted_patient(self) -> Decimal | None:
        return per_patient(self.total_pence, self.weighted_patients)

    @property
    def premium_per_weighted_patient(self) -> Decimal | None:
        return per_patient(self.premium_pence, self.weighted_patients)


@dataclass(frozen=True)
class FundingYear:
    financial_year: FinancialYear
    areas: tuple[str, ...]
    rate: CoreRate
    basis: PremiumBasis
    practices: tuple[PracticeFunding, ...]

    @property
    def basis_description(self) -> str:
        return f"{self.basis.description}; {self.rate.description}"

    def total(self, field: str) -> int:
        return sum(getattr(row, field) or 0 for row in self.practices)


def payment_years(workspace: Workspace) -> list[FinancialYear]:
    """The years the database holds payments for, newest first."""
    table = PracticePaymentYear.__table__
    query = select(table.c.financial_year).distinct().order_by(table.c.financial_year.desc())
    with unit_of_work(workspace.engine) as session:
        return list(session.scalars(query))


def core_rate(workspace: Workspace, year: FinancialYear) -> CoreRate:
    with unit_of_work(workspace.engine) as session:
        return find_core_rate(session, year)


def find_core_rate(session: Session, year: FinancialYear) -> CoreRate:
    """This year's rate, else the latest earlier year's, else Rotherham's £78.53 default."""
    table = CoreFundingRate.__table__
    row = session.execute(
        select(table.c.financial_year, table.c.pence_per_weighted_patient)
        .where(table.c.financial_year <= year)
        .order_by(table.c.financial_year.desc())
        .limit(1)
    ).first()
    if row is None:
        return CoreRate(year, DEFAULT_CORE_PENCE_PER_WEIGHTED_PATIENT, "default")
    source = f"set for {row[0]}" if row[0] == year else f"{row[0]}'s, none set for {year}"
    return CoreRate(year, row[1], source)


def set_core_rate(
    workspace: Workspace, year: FinancialYear, pence_per_weighted_patient: int, note: str = ""
) -> CoreRate:
    """Set a year's core funding per weighted patient (approvers: it moves every premium)."""
    workspace.require(Role.APPROVER, "set the core funding rate")
    if not 0 < pence_per_weighted_patient < 100_000:
        raise BadInput("the core funding per weighted patient must be between £0.01 and £999.99")
    with unit_of_work(workspace.engine, write=True) as session:
        rate = session.scalar(select(CoreFundingRate).where(CoreFundingRate.financial_year == year))
        before = None if rate is None else {"pence": rate.pence_per_weighted_patient}
        if rate is None:
            rate = CoreFundingRate(financial_year=year, version=1)
            session.add(rate)
        elif rate.pence_per_weighted_patient == pence_per_weighted_patient:
            return find_core_rate(session, year)
        rate.pence_per_weighted_patient = pence_per_weighted_patient
        rate.note = note.strip() or None
        session.flush()
        record_change(
            session,
            workspace.user.login,
            action="update" if before else "create",
            entity=rate,
            entity_key=str(year),
            before=before,
            after={"pence": pence_per_weighted_patient, "note": rate.note},
            summary=f"core funding for {year} set to {format_pence(pence_per_weighted_patient)} "
            "per weighted patient",
        )
        return find_core_rate(session, year)


def funding_year(
    workspace: Workspace,
    year: FinancialYear,
    areas: Collection[str] = (),
    basis: PremiumBasis = PremiumBasis.BASELINE_LESS_CORE,
) -> FundingYear:
    """Every practice's funding in `year` (of `areas`, or all), in code order."""
    with unit_of_work(workspace.engine) as session:
        require_known_areas(session, areas)
        rate = find_core_rate(session, year)
        rows = funding_rows(session, rate, basis, years=[year], areas=areas)
        if not rows and not _has_year(session, year):
            raise NotFound(f"No payments for {year} in this database (import them first).")
    return FundingYear(year, tuple(sorted(areas)), rate, basis, tuple(rows))


def funding_history(
    workspace: Workspace, ods_code: str, basis: PremiumBasis = PremiumBasis.BASELINE_LESS_CORE
) -> list[PracticeFunding]:
    """One practice's funding in every year held, oldest first (each year at its own rate)."""
    with unit_of_work(workspace.engine) as session:
        practice = find_practice(session, ods_code)
        return funding_rows(session, None, basis, practice_id=practice.id)


def _has_year(session: Session, year: FinancialYear) -> bool:
    table = PracticePaymentYear.__table__
    return bool(session.scalar(select(func.count()).where(table.c.financial_year == year).limit(1)))


_PAYMENT = PracticePaymentYear.__table__
_PRACTICE = Practice.__table__
_AREA = CommissionerArea.__table__
_LOCALITY = Locality.__table__


def funding_rows(  # type: ignore[no-untyped-def]
    session: Session,
    rate: CoreRate | None,
    basis: PremiumBasis,
    years=None,
    areas: Collection[str] = (),
    practice_id=None,
) -> list[PracticeFunding]:
    """Funding rows from one query (Core, not ORM: all England is 6,700 rows a year)."""
    payment = _PAYMENT
    query = (
        select(
            _PRACTICE.c.ods_code,
            _PRACTICE.c.name,
            _AREA.c.code,
            func.coalesce(_LOCALITY.c.name, _LOCALITY.c.code),
            payment.c.financial_year,
            payment.c.contract_type,
            payment.c.registered_patients,
            payment.c.weighted_patients,
            payment.c.global_sum_pence,
            payment.c.mpig_pence,
            payment.c.pms_balance_pence,
            payment.c.qof_pence,
            payment.c.enhanced_services_pence,
            payment.c.local_services_pence,
            payment.c.premises_pence,
            payment.c.total_payments_pence,
        )
        .select_from(
            payment.join(_PRACTICE, payment.c.practice_id == _PRACTICE.c.id)
            .outerjoin(_AREA, _PRACTICE.c.area_id == _AREA.c.id)
            .outerjoin(_LOCALITY, _PRACTICE.c.locality_id == _LOCALITY.c.id)
        )
        .order_by(payment.c.financial_year, _PRACTICE.c.ods_code)
    )
    if years is not None:
        query = query.where(payment.c.financial_year.in_(list(years)))
    if areas:
        query = query.where(_AREA.c.code.in_(list(areas)))
    if practice_id is not None:
        query = query.where(payment.c.practice_id == practice_id)
    rates: dict[FinancialYear, int] = {}
    rows = []
    for (
        code,
        name,
        area,
        locality,
        year,
        contract,
        registered,
        weighted,
        global_sum,
        mpig,
        balance,
        qof,
        enhanced,
        local,
        premises,
        total,
    ) in session.execute(query):
        core = rates.get(year)
        if core is None:
            core = rates[year] = (rate or find_core_rate(session, year)).pence_per_weighted_patient
        gms = gms_equivalent_pence(core, weighted) if weighted is not None else None
        rows.append(
            PracticeFunding(
                code,
                name,
                area,
                locality,
                year,
                contract,
                registered,
                weighted,
                global_sum,
                mpig,
                balance,
                qof,
                enhanced,
                local,
                premises,
                other_payments_pence(
                    total, global_sum, mpig, balance, qof, enhanced, local, premises
                ),
                total,
                gms,
                pms_premium_pence(contract, weighted, global_sum, mpig, balance, core, basis),
            )
        )
    return rows
