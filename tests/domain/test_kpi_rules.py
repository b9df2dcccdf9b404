"""The KPI review rules at their exact boundaries, in both directions."""

from decimal import Decimal as D

import pytest

from contractdesk.domain.financial_year import FinancialYear
from contractdesk.domain.kpi_period import Period
from contractdesk.domain.kpi_rules import (
    OVERALL_RULE,
    Direction,
    Rag,
    StandardKind,
    Unit,
    benchmark,
    from_millionths,
    is_slipping,
    overall_rag,
    parse_decimal,
    rag,
    rate,
    to_millionths,
)

HIGHER, LOWER = Direction.HIGHER_IS_BETTER, Direction.LOWER_IS_BETTER
MINIMUM, DEVELOPMENTAL = StandardKind.MINIMUM, StandardKind.DEVELOPMENTAL


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("95", Rag.GREEN),  # exactly on target
        ("95.000001", Rag.GREEN),
        ("94.999999", Rag.AMBER),  # a millionth short
        ("90", Rag.AMBER),  # exactly on the band's edge
        ("89.999999", Rag.RED),
        ("0", Rag.RED),
    ],
)
def test_higher_is_better_boundaries(value, expected):
    assert rag(D(value), D("95"), D("5"), HIGHER) is expected
    # the stored integer millionths give the same answer
    assert rag(to_millionths(D(value)), 95_000_000, 5_000_000, HIGHER) is expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("45", Rag.GREEN),
        ("44.999999", Rag.GREEN),
        ("45.000001", Rag.AMBER),
        ("50", Rag.AMBER),
        ("50.000001", Rag.RED),
    ],
)
def test_lower_is_better_boundaries(value, expected):
    assert rag(D(value), D("45"), D("5"), LOWER) is expected
    assert rag(to_millionths(D(value)), 45_000_000, 5_000_000, LOWER) is expected


def test_a_zero_band_has_no_amber():
    assert rag(D("95"), D("95"), D("0"), HIGHER) is Rag.GREEN
    assert rag(D("94.99"), D("95"), D("0"), HIGHER) is Rag.RED


def test_no_data_is_its_own_state_and_never_green():
    assert rag(None, D("95"), D("5"), HIGHER) is Rag.NO_DATA
    assert rag(None, D("0"), D("100"), LOWER) is Rag.NO_DATA
    assert overall_rag([(Rag.GREEN, MINIMUM), (Rag.NO_DATA, DEVELOPMENTAL)]) is Rag.AMBER
    assert overall_rag([(Rag.NO_DATA, MINIMUM)]) is Rag.NO_DATA
    assert overall_rag([]) is Rag.NO_DATA


def test_overall_rule():
    assert overall_rag([(Rag.GREEN, MINIMUM), (Rag.GREEN, DEVELOPMENTAL)]) is Rag.GREEN
    assert overall_rag([(Rag.RED, MINIMUM), (Rag.GREEN, DEVELOPMENTAL)]) is Rag.RED
    # a red developmental KPI is a concern, not a breach of a minimum standard
    assert overall_rag([(Rag.GREEN, MINIMUM), (Rag.RED, DEVELOPMENTAL)]) is Rag.AMBER
    assert overall_rag([(Rag.AMBER, MINIMUM), (Rag.GREEN, DEVELOPMENTAL)]) is Rag.AMBER
    assert "minimum" in OVERALL_RULE and "never green" in OVERALL_RULE


def test_slipping_needs_n_consecutive_falls_even_when_green():
    falling = [D("99"), D("98"), D("97"), D("96")]  # all green against 90
    assert is_slipping(falling, HIGHER, 3)
    assert not is_slipping(falling, HIGHER, 4)  # not enough periods
    assert is_slipping(falling, HIGHER, 2)
    assert not is_slipping([D("99"), D("98"), D("98"), D("97")], HIGHER, 3)  # held steady
    assert not is_slipping([D("99"), None, D("97"), D("96")], HIGHER, 3)  # a gap
    assert not is_slipping([*falling[:-1], None], HIGHER, 3)  # no current value
    assert is_slipping([D("40"), D("41"), D("42"), D("43")], LOWER, 3)
    assert not is_slipping([D("40"), D("41"), D("42"), D("43")], HIGHER, 3)
    # only the last N+1 periods count: an earlier rise does not matter
    assert is_slipping([D("50"), D("99"), D("98"), D("97"), D("96")], HIGHER, 3)
    with pytest.raises(ValueError):
        is_slipping(falling, HIGHER, 0)


def test_benchmark_mean_and_median_exact():
    stats = benchmark([D("1"), D("2"), D("4"), None])
    assert (stats.count, stats.mean, stats.median) == (3, D("2.333333"), D("2"))
    even = benchmark([to_millionths(D("1.5")), to_millionths(D("2.5"))])
    assert (even.mean, even.median) == (D("2"), D("2"))
    assert benchmark([None]).mean is None


def test_values_and_rates_are_exact():
    assert parse_decimal(" 1,234.5 ") == D("1234.5")
    assert parse_decimal("95%") == D("95")
    for bad in ("", "NaN", "inf", "12a"):
        with pytest.raises(ValueError):
            parse_decimal(bad)
    assert to_millionths(D("81.1724137931034")) == 81_172_414
    assert from_millionths(81_172_414) == D("81.172414")
    assert rate(D("30"), D("32"), Unit.PERCENT) == D("93.75")
    assert rate(D("3"), D("1500"), Unit.PER_1000) == D("2")
    with pytest.raises(ValueError, match="denominator is 0"):
        rate(D("1"), D("0"), Unit.PERCENT)


def test_period_has_one_parser_built_on_the_financial_year():
    q1 = Period.parse("2025/26 Q1")
    assert q1 == Period(FinancialYear(2025), 1) == Period.parse("Q1 2025-26")
    assert Period.parse("2025/26") == Period(FinancialYear(2025))
    assert str(q1) == "2025/26 Q1" and q1.key == 20251
    assert Period.from_key(20250) == Period(FinancialYear(2025))
    assert q1.previous() == Period.parse("2024/25 Q4")
    assert Period.parse("2025/26").previous() == Period.parse("2024/25")
    assert [str(p) for p in q1.previous_periods(2)] == ["2024/25 Q3", "2024/25 Q4", "2025/26 Q1"]
    assert Period.parse("2025/26 Q4").first_day.isoformat() == "2026-01-01"
    for bad in ("2025/27 Q1", "2025/26 Q5", "Q1", "", "2025"):
        with pytest.raises(ValueError):
            Period.parse(bad)


@pytest.mark.parametrize(
    "text", ["93.1234", "0", "-12.5", "100", "81.1724137931034", " 7 ", "1,234.5", "95%", "1e3"]
)
def test_the_fast_parse_matches_the_decimal_one(text):
    from contractdesk.domain.kpi_rules import parse_millionths

    assert parse_millionths(text) == to_millionths(parse_decimal(text))


def test_the_fast_parse_refuses_what_the_decimal_one_refuses():
    from contractdesk.domain.kpi_rules import parse_millionths

    for bad in ("1_000", "", "NaN", "12a", "²"):
        with pytest.raises(ValueError):
            parse_millionths(bad)
