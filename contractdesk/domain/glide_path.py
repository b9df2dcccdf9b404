"""The PMS premium review plan: the premium freed over a glide path, reinvested in practices.

Rules (DOMAIN.md, "PMS premium review"): the premium is withdrawn over at least four years at
a pace that does not destabilise a practice, and every penny freed is reinvested in general
practice in the same area unless every area involved agrees. All sums are integer pence and
every year balances exactly: freed = reinvested + held back.

What "yearly loss" means here: the extra reduction a practice takes in a year compared with
the year before, as a share of its total income in the base year. A cap that stops a practice
reaching its full reduction by the last year leaves the rest to free after the plan, stated.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction

from contractdesk.domain.allocation import allocate_pence
from contractdesk.domain.financial_year import FinancialYear
from contractdesk.domain.funding import round_pence
from contractdesk.errors import BadInput

MINIMUM_YEARS = 4
DEFAULT_YEARLY_LOSS_CAP = Decimal("0.03")  # 3% of total income a year (configurable)
DEFAULT_OFFER_NAME = "Quality contract"


@dataclass(frozen=True)
class PlanSettings:
    area_code: str
    start_year: FinancialYear
    years: int = MINIMUM_YEARS
    # None: equal steps; otherwise the share of each premium freed in year one (0 < s ≤ 1).
    first_year_share: Decimal | None = None
    yearly_loss_cap: Decimal = DEFAULT_YEARLY_LOSS_CAP
    # The share of each year's freed money held back from the offer (a contingency), 0 ≤ s < 1.
    held_back_share: Decimal = Decimal(0)
    offer_name: str = DEFAULT_OFFER_NAME
    # Areas whose practices receive the money; empty means the plan's own area only.
    reinvestment_areas: tuple[str, ...] = ()
    # Areas whose agreement to moving money between them is on record.
    agreed_areas: tuple[str, ...] = ()

    @property
    def receiving_areas(self) -> tuple[str, ...]:
        return self.reinvestment_areas or (self.area_code,)

    @property
    def plan_years(self) -> list[FinancialYear]:
        years = [self.start_year]
        while len(years) < self.years:
            years.append(years[-1].next())
        return years


@dataclass(frozen=True)
class PlanPractice:
    """A practice as the plan sees it, from its base-year payments."""

    ods_code: str
    name: str
    area_code: str
    locality: str
    weighted_patients: Decimal
    premium_pence: int | None  # None: not a PMS practice
    total_income_pence: int
    special_population_reason: str | None = None
    signs_offer: bool = True

    @property
    def reducible_premium_pence(self) -> int:
        """What the review takes from this practice over the plan (nothing if exempt)."""
        if self.special_population_reason or not self.premium_pence:
            return 0
        return max(self.premium_pence, 0)


@dataclass(frozen=True)
class PracticeYear:
    ods_code: str
    loss_pence: int  # the reduction from the base year, in this year
    gain_pence: int  # the offer's payment this year

    @property
    def net_pence(self) -> int:
        return self.gain_pence - self.loss_pence


@dataclass(frozen=True)
class PlanYear:
    year: FinancialYear
    cumulative_share: Fraction
    practices: tuple[PracticeYear, ...]
    freed_pence: int
    reinvested_pence: int
    held_back_pence: int
    offer_pence_per_weighted_patient: Decimal | None

    @property
    def balances(self) -> bool:
        return (
            self.freed_pence == self.reinvested_pence + self.held_back_pence
            and self.freed_pence == sum(row.loss_pence for row in self.practices)
            and self.reinvested_pence == sum(row.gain_pence for row in self.practices)
        )


@dataclass(frozen=True)
class Plan:
    settings: PlanSettings
    practices: tuple[PlanPractice, ...]
    years: tuple[PlanYear, ...]
    # Premium the cap left to free after the plan's last year, by practice.
    still_to_free: dict[str, int] = field(default_factory=dict)

    @property
    def balances(self) -> bool:
        return all(year.balances for year in self.years)

    @property
    def exemptions(self) -> dict[str, str]:
        return {
            practice.ods_code: practice.special_population_reason
            for practice in self.practices
            if practice.special_population_reason
        }


def cumulative_shares(years: int, first_year_share: Decimal | None = None) -> list[Fraction]:
    """The share of a premium freed by the end of each year; the last is always 1.

    Equal steps by default; with a first-year share, the rest in equal steps after it.
    """
    if years < MINIMUM_YEARS:
        raise BadInput(f"a glide path needs at least {MINIMUM_YEARS} years (given {years})")
    if first_year_share is None:
        return [Fraction(year, years) for year in range(1, years + 1)]
    first = Fraction(str(first_year_share))
    if not 0 < first <= 1:
        raise BadInput(f"the first year's share must be above 0 and at most 1 (given {first})")
    step = (1 - first) / (years - 1)
    return [first + step * year for year in range(years)]


def reduction_path(premium_pence: int, shares: Sequence[Fraction], cap_pence: int) -> list[int]:
    """The practice's reduction from its base in each year: the glide path's share of its
    premium, rounded to the penny, rising by at most `cap_pence` a year."""
    path = []
    reduced = 0
    for share in shares:
        target = round_pence(Decimal(share.numerator) * premium_pence / share.denominator)
        reduced = min(target, reduced + cap_pence)
        path.append(reduced)
    return path


def check_reinvestment_areas(settings: PlanSettings) -> None:
    """Money freed in one area stays there unless every area involved has agreed."""
    involved = {settings.area_code, *settings.receiving_areas}
    if involved == {settings.area_code}:
        return
    missing = sorted(involved - set(settings.agreed_areas))
    if missing:
        others = ", ".join(sorted(involved - {settings.area_code}))
        raise BadInput(
            f"the premium freed in {settings.area_code} is reinvested in general practice in "
            f"{settings.area_code}; moving it to {others} needs every area's agreement on "
            f"record, and {', '.join(missing)} has not agreed"
        )


def build_plan(settings: PlanSettings, practices: Sequence[PlanPractice]) -> Plan:
    """Each practice's loss and gain in each year of the plan, balancing to the penny."""
    check_reinvestment_areas(settings)
    _check_shares(settings)
    shares = cumulative_shares(settings.years, settings.first_year_share)
    losers = [p for p in practices if p.area_code == settings.area_code]
    paths = {
        practice.ods_code: reduction_path(
            practice.reducible_premium_pence,
            shares,
            _cap_pence(practice.total_income_pence, settings.yearly_loss_cap),
        )
        for practice in losers
    }
    receiving = set(settings.receiving_areas)
    signers = [p for p in practices if p.signs_offer and p.area_code in receiving]
    signer_weights = [p.weighted_patients for p in signers]
    signers_weighted = sum(signer_weights, Decimal(0))
    plan_years = []
    for index, (year, share) in enumerate(zip(settings.plan_years, shares, strict=True)):
        losses = {code: path[index] for code, path in paths.items()}
        freed = sum(losses.values())
        held_back = round_pence(freed * settings.held_back_share)
        if not signers or not signers_weighted:
            held_back = freed
        reinvested = freed - held_back
        gains = dict.fromkeys((p.ods_code for p in practices), 0)
        if reinvested:
            for practice, gain in zip(
                signers, allocate_pence(reinvested, signer_weights), strict=True
            ):
                gains[practice.ods_code] = gain
        rows = tuple(
            PracticeYear(p.ods_code, losses.get(p.ods_code, 0), gains[p.ods_code])
            for p in practices
        )
        rate = (
            (Decimal(reinvested) / 100 / signers_weighted).quantize(Decimal("0.0001"))
            if signers_weighted
            else None
        )
        plan_years.append(PlanYear(year, share, rows, freed, reinvested, held_back, rate))
    still = {
        p.ods_code: p.reducible_premium_pence - paths[p.ods_code][-1]
        for p in losers
        if p.reducible_premium_pence > paths[p.ods_code][-1]
    }
    return Plan(settings, tuple(practices), tuple(plan_years), still)


def _cap_pence(total_income_pence: int, cap: Decimal) -> int:
    return int(max(total_income_pence, 0) * cap)  # rounded down: the cap is never exceeded


def _check_shares(settings: PlanSettings) -> None:
    if not 0 < settings.yearly_loss_cap <= 1:
        raise BadInput("the cap on a practice's yearly loss must be above 0% and at most 100%")
    if not 0 <= settings.held_back_share < 1:
        raise BadInput("the share held back must be at least 0% and below 100%")
