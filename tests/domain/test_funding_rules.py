"""The PMS premium review's pure rules: premium, allocation, glide path, cap, fairness."""

from decimal import Decimal
from fractions import Fraction

import pytest

from contractdesk.domain.allocation import allocate_pence
from contractdesk.domain.fairness import locality_fairness, spread
from contractdesk.domain.financial_year import FinancialYear
from contractdesk.domain.funding import (
    PremiumBasis,
    gms_equivalent_pence,
    per_patient,
    pms_premium_pence,
)
from contractdesk.domain.glide_path import (
    PlanPractice,
    PlanSettings,
    build_plan,
    cumulative_shares,
    reduction_path,
)
from contractdesk.errors import BadInput

START = FinancialYear(2024)


def test_gms_equivalent_and_premium_of_a_pms_practice():
    # C87003 in 2022/23: 12,103.97 weighted patients, Balance of PMS Expenditure £1,199,418.05.
    assert gms_equivalent_pence(7853, Decimal("12103.97")) == 95052476  # 95,052,476.41 pence
    premium = pms_premium_pence("PMS", Decimal("12103.97"), 0, 0, 119941805, 7853)
    assert premium == 119941805 - 95052476
    assert pms_premium_pence("GMS", Decimal("100"), 1, 0, 0, 7853) is None
    literal = pms_premium_pence("PMS", Decimal("1"), 0, 0, 500, 7853, PremiumBasis.PMS_BALANCE)
    assert literal == 500
    assert per_patient(95052476, Decimal("12103.97")) == Decimal("78.53")


def test_allocation_is_exact_and_deterministic():
    assert allocate_pence(100, [Decimal(1)] * 3) == [34, 33, 33]
    shares = allocate_pence(1_000_001, [Decimal("12103.97"), Decimal("4947.06"), Decimal("0.01")])
    assert sum(shares) == 1_000_001
    assert allocate_pence(0, [Decimal(0)]) == [0]


def test_glide_path_shares():
    assert cumulative_shares(4) == [Fraction(1, 4), Fraction(1, 2), Fraction(3, 4), 1]
    assert cumulative_shares(5, Decimal("0.1"))[0] == Fraction(1, 10)
    assert cumulative_shares(5, Decimal("0.1"))[-1] == 1
    with pytest.raises(BadInput, match="at least 4 years"):
        cumulative_shares(3)


def test_the_cap_limits_each_year_and_leaves_the_rest_stated():
    assert reduction_path(1000, cumulative_shares(4), 10_000) == [250, 500, 750, 1000]
    assert reduction_path(1000, cumulative_shares(4), 200) == [200, 400, 600, 800]


def _practice(code, area="03L", premium=100_000, total=10_000_000, **extra):
    return PlanPractice(
        code, code, area, extra.pop("locality", "A"), Decimal("1000.00"), premium, total, **extra
    )


def test_plan_balances_exempts_and_caps():
    practices = [
        _practice("C87001", premium=1_000_001),
        _practice("C87002", premium=500_000, special_population_reason="homeless service"),
        _practice("C87003", premium=None, locality="B"),
        _practice("C87004", premium=3_000_000, total=20_000_000),  # cap 3% = 600,000 a year
    ]
    plan = build_plan(PlanSettings("03L", START, held_back_share=Decimal("0.1")), practices)
    assert plan.balances
    for year in plan.years:
        losses = {row.ods_code: row.loss_pence for row in year.practices}
        assert losses["C87002"] == 0
        assert year.freed_pence == year.reinvested_pence + year.held_back_pence
    steps = [year.practices[3].loss_pence for year in plan.years]
    assert steps == [600_000, 1_200_000, 1_800_000, 2_400_000]
    assert plan.still_to_free == {"C87004": 600_000}
    assert plan.years[-1].practices[0].loss_pence == 1_000_001
    assert plan.exemptions == {"C87002": "homeless service"}


def test_money_stays_in_the_area_unless_every_area_agrees():
    practices = [_practice("C87001"), _practice("B82001", area="02X")]
    moving = PlanSettings("03L", START, reinvestment_areas=("02X",), agreed_areas=("03L",))
    with pytest.raises(BadInput, match="02X has not agreed"):
        build_plan(moving, practices)
    agreed = PlanSettings("03L", START, reinvestment_areas=("02X",), agreed_areas=("03L", "02X"))
    plan = build_plan(agreed, practices)
    assert plan.balances
    assert plan.years[0].practices[1].gain_pence == plan.years[0].reinvested_pence > 0


def test_fairness_spread():
    fairness = locality_fairness(
        [
            ("A", Decimal("100"), 10_000, 9_000),
            ("B", Decimal("100"), 5_000, 6_000),
            (None, None, 0, 0),
        ]
    )
    [none, a, b] = fairness.localities
    assert (a.before_per_weighted_patient, b.after_per_weighted_patient) == (
        Decimal("1.00"),
        Decimal("0.60"),
    )
    assert none.before_per_weighted_patient is None
    assert fairness.before.ratio == Decimal("2.0000")
    assert fairness.after.ratio == Decimal("1.5000")
    assert fairness.after.coefficient_of_variation < fairness.before.coefficient_of_variation
    assert spread([Decimal(2), Decimal(2)]).coefficient_of_variation == 0
