"""The PMS premium review plan of a commissioner area: its stored settings, and the plan and
locality fairness computed from the base year's payments."""

from __future__ import annotations

import dataclasses
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cached_property

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from contractdesk.domain.fairness import Fairness, locality_fairness
from contractdesk.domain.financial_year import FinancialYear
from contractdesk.domain.funding import PremiumBasis
from contractdesk.domain.glide_path import (
    DEFAULT_OFFER_NAME,
    DEFAULT_YEARLY_LOSS_CAP,
    MINIMUM_YEARS,
    Plan,
    PlanPractice,
    PlanSettings,
    build_plan,
    check_reinvestment_areas,
    cumulative_shares,
)
from contractdesk.domain.roles import Role
from contractdesk.errors import BadInput, ConflictError, NotFound
from contractdesk.services.audit import record_change
from contractdesk.services.funding import CoreRate, PracticeFunding, find_core_rate, funding_rows
from contractdesk.services.reference_data import require_known_areas
from contractdesk.services.workspace import Workspace
from contractdesk.store.models import (
    CommissionerArea,
    FundingPlan,
    FundingPlanPractice,
    Practice,
    PracticePaymentYear,
)
from contractdesk.store.unit_of_work import unit_of_work


@dataclass(frozen=True)
class PlanDraft:
    """What an officer sets for an area's plan (stored in funding_plan and its practices)."""

    area_code: str
    base_year: FinancialYear
    start_year: FinancialYear
    years: int = MINIMUM_YEARS
    first_year_share: Decimal | None = None
    yearly_loss_cap: Decimal = DEFAULT_YEARLY_LOSS_CAP
    held_back_share: Decimal = Decimal(0)
    premium_basis: PremiumBasis = PremiumBasis.BASELINE_LESS_CORE
    offer_name: str = DEFAULT_OFFER_NAME
    reinvestment_areas: tuple[str, ...] = ()
    agreed_areas: tuple[str, ...] = ()
    # ODS code -> why the practice serves a special population and keeps its premium.
    exemptions: Mapping[str, str] = field(default_factory=dict)
    # Practices that do not sign the offer (every other practice of the area does).
    not_signing: frozenset[str] = frozenset()
    version: int | None = None  # None: not stored yet

    def settings(self) -> PlanSettings:
        return PlanSettings(
            area_code=self.area_code,
            start_year=self.start_year,
            years=self.years,
            first_year_share=self.first_year_share,
            yearly_loss_cap=self.yearly_loss_cap,
            held_back_share=self.held_back_share,
            offer_name=self.offer_name,
            reinvestment_areas=self.reinvestment_areas,
            agreed_areas=self.agreed_areas,
        )


@dataclass(frozen=True)
class PlanReport:
    draft: PlanDraft
    rate: CoreRate
    plan: Plan
    fairness: Fairness
    funding: tuple[PracticeFunding, ...]  # the base year's rows of every practice in the plan

    @property
    def basis_description(self) -> str:
        return (
            f"{self.draft.premium_basis.description}; {self.rate.description}; "
            f"base year {self.draft.base_year}"
        )

    def practice(self, ods_code: str) -> PracticeFunding:
        return self._by_code[ods_code]

    @cached_property
    def _by_code(self) -> dict[str, PracticeFunding]:
        return {row.ods_code: row for row in self.funding}


def load_plan(workspace: Workspace, area_code: str) -> PlanDraft:
    """The area's stored plan, or a new one: equal steps over four years from the year after
    the latest payments held."""
    with unit_of_work(workspace.engine) as session:
        require_known_areas(session, [area_code])
        return _load(session, area_code)


def save_plan(workspace: Workspace, draft: PlanDraft) -> PlanDraft:
    """Store the area's plan settings, refusing a save based on a stale version."""
    workspace.require(Role.OFFICER, "edit the PMS premium review plan")
    check_reinvestment_areas(draft.settings())
    cumulative_shares(draft.years, draft.first_year_share)  # refuses a bad glide path
    build_plan(draft.settings(), [])  # and bad shares
    with unit_of_work(workspace.engine, write=True) as session:
        require_known_areas(session, [draft.area_code, *draft.reinvestment_areas])
        area_id = session.scalar(
            select(CommissionerArea.id).where(CommissionerArea.code == draft.area_code)
        )
        plan = session.scalar(select(FundingPlan).where(FundingPlan.area_id == area_id))
        before = None if plan is None else _as_audit(_load(session, draft.area_code))
        if plan is None:
            plan = FundingPlan(area_id=area_id, version=1)
            session.add(plan)
        elif plan.version != draft.version:
            raise ConflictError(
                f"The plan for {draft.area_code} was changed by someone else since you opened it.",
                current=_load(session, draft.area_code),
            )
        plan.base_year = draft.base_year
        plan.start_year = draft.start_year
        plan.years = draft.years
        plan.first_year_share = draft.first_year_share
        plan.yearly_loss_cap = draft.yearly_loss_cap
        plan.held_back_share = draft.held_back_share
        plan.premium_basis = draft.premium_basis.value
        plan.offer_name = draft.offer_name.strip() or DEFAULT_OFFER_NAME
        plan.reinvestment_areas = sorted(draft.reinvestment_areas)
        plan.agreed_areas = sorted(draft.agreed_areas)
        session.flush()
        _store_practices(session, plan, draft)
        session.flush()
        saved = _load(session, draft.area_code)
        record_change(
            session,
            workspace.user.login,
            action="update" if before else "create",
            entity=plan,
            entity_key=draft.area_code,
            before=before,
            after=_as_audit(saved),
            summary=f"PMS premium review plan for {draft.area_code}: {draft.years} years from "
            f"{draft.start_year}, {len(draft.exemptions)} practice(s) exempt",
        )
        return saved


def compute_plan(workspace: Workspace, draft: PlanDraft) -> PlanReport:
    [report] = compute_plans(workspace, [draft])
    return report


def compute_plans(workspace: Workspace, drafts: Collection[PlanDraft]) -> list[PlanReport]:
    """Plans for several areas from one read of their base years (all England in one go)."""
    drafts = list(drafts)
    for draft in drafts:
        check_reinvestment_areas(draft.settings())
    with unit_of_work(workspace.engine) as session:
        areas = {code for draft in drafts for code in (draft.area_code, *draft.reinvestment_areas)}
        require_known_areas(session, areas)
        # (base year, basis) -> area code -> that area's rows: one query per year and basis.
        rows_by_key: dict[tuple, dict[str | None, list[PracticeFunding]]] = {}
        rates = {}
        for key in {(d.base_year, d.premium_basis) for d in drafts}:
            year, basis = key
            rates[year] = find_core_rate(session, year)
            by_area: dict[str | None, list[PracticeFunding]] = {}
            for row in funding_rows(session, rates[year], basis, years=[year]):
                by_area.setdefault(row.area_code, []).append(row)
            rows_by_key[key] = by_area
        reports = []
        for draft in drafts:
            by_area = rows_by_key[(draft.base_year, draft.premium_basis)]
            rows = [
                row
                for code in sorted({draft.area_code, *draft.reinvestment_areas})
                for row in by_area.get(code, ())
            ]
            if not by_area.get(draft.area_code):
                raise NotFound(
                    f"No payments for {draft.area_code} in {draft.base_year}: the plan needs the "
                    "base year's payments (import them first)."
                )
            reports.append(_report(draft, rates[draft.base_year], rows))
    return reports


def default_drafts(
    workspace: Workspace, start_year: FinancialYear | None = None
) -> list[PlanDraft]:
    """A new plan for every area with payments in the latest year (for all England at once)."""
    with unit_of_work(workspace.engine) as session:
        base = _latest_payment_year(session)
        codes = session.scalars(
            select(CommissionerArea.code)
            .join(Practice, Practice.area_id == CommissionerArea.id)
            .join(PracticePaymentYear, PracticePaymentYear.practice_id == Practice.id)
            .where(PracticePaymentYear.financial_year == base)
            .distinct()
            .order_by(CommissionerArea.code)
        )
        return [PlanDraft(code, base, start_year or base.next().next()) for code in codes]


def _report(draft: PlanDraft, rate: CoreRate, rows: list[PracticeFunding]) -> PlanReport:
    practices = [
        PlanPractice(
            ods_code=row.ods_code,
            name=row.name,
            area_code=row.area_code or "",
            locality=row.locality or "",
            weighted_patients=row.weighted_patients or Decimal(0),
            premium_pence=row.premium_pence,
            total_income_pence=row.total_pence or 0,
            special_population_reason=draft.exemptions.get(row.ods_code),
            signs_offer=row.ods_code not in draft.not_signing,
        )
        for row in rows
    ]
    plan = build_plan(draft.settings(), practices)
    final = {entry.ods_code: entry for entry in plan.years[-1].practices}
    fairness = locality_fairness(
        (
            row.locality,
            row.weighted_patients,
            row.total_pence or 0,
            (row.total_pence or 0) + final[row.ods_code].net_pence,
        )
        for row in rows
        if row.area_code == draft.area_code
    )
    return PlanReport(draft, rate, plan, fairness, tuple(rows))


def _latest_payment_year(session: Session) -> FinancialYear:
    table = PracticePaymentYear.__table__
    year = session.scalar(select(table.c.financial_year).order_by(table.c.financial_year.desc()))
    if year is None:
        raise NotFound(
            "No payments in this database yet (import NHS Payments to General Practice)."
        )
    return year


def _load(session: Session, area_code: str) -> PlanDraft:
    plan = session.scalar(
        select(FundingPlan)
        .join(CommissionerArea, FundingPlan.area_id == CommissionerArea.id)
        .where(CommissionerArea.code == area_code)
    )
    if plan is None:
        base = _latest_payment_year(session)
        return PlanDraft(area_code, base, base.next().next())
    entries = session.execute(
        select(
            Practice.ods_code,
            FundingPlanPractice.special_population_reason,
            FundingPlanPractice.signs_offer,
        )
        .join(Practice, FundingPlanPractice.practice_id == Practice.id)
        .where(FundingPlanPractice.plan_id == plan.id)
    ).all()
    return PlanDraft(
        area_code=area_code,
        base_year=plan.base_year,
        start_year=plan.start_year,
        years=plan.years,
        first_year_share=plan.first_year_share,
        yearly_loss_cap=plan.yearly_loss_cap,
        held_back_share=plan.held_back_share,
        premium_basis=PremiumBasis(plan.premium_basis),
        offer_name=plan.offer_name,
        reinvestment_areas=tuple(plan.reinvestment_areas),
        agreed_areas=tuple(plan.agreed_areas),
        exemptions={code: reason for code, reason, _ in entries if reason},
        not_signing=frozenset(code for code, _, signs in entries if not signs),
        version=plan.version,
    )


def _store_practices(session: Session, plan: FundingPlan, draft: PlanDraft) -> None:
    codes = set(draft.exemptions) | set(draft.not_signing)
    ids = {
        code: practice_id
        for code, practice_id in session.execute(
            select(Practice.ods_code, Practice.id).where(Practice.ods_code.in_(codes))
        )
    }
    unknown = sorted(codes - set(ids))
    if unknown:
        raise NotFound(f"No practice with the ODS code {', '.join(unknown)}.")
    for code, reason in draft.exemptions.items():
        if not reason.strip():
            raise BadInput(f"{code}: say why the practice is kept out of the reduction")
    session.execute(delete(FundingPlanPractice).where(FundingPlanPractice.plan_id == plan.id))
    for code in sorted(codes):
        session.add(
            FundingPlanPractice(
                plan_id=plan.id,
                practice_id=ids[code],
                special_population_reason=(draft.exemptions.get(code) or "").strip() or None,
                signs_offer=code not in draft.not_signing,
            )
        )


def _as_audit(draft: PlanDraft) -> dict:
    values = dataclasses.asdict(draft)
    values["exemptions"] = dict(draft.exemptions)
    values["not_signing"] = sorted(draft.not_signing)
    values.pop("version")
    return values
