"""The KPI review on a small framework with known values: RAG, slipping across a year end,
worst first, benchmarks, the year's value rule, and a practice's trend."""

from decimal import Decimal

import pytest

from contractdesk.domain.financial_year import FinancialYear
from contractdesk.domain.kpi_rules import Rag
from contractdesk.errors import BadInput, NotFound
from contractdesk.services.kpi_framework import (
    copy_framework_forward,
    create_kpi,
    create_standard,
)
from contractdesk.services.kpi_import import import_measurements
from contractdesk.services.kpi_review import load_kpi_review, load_practice_trend

YEAR = FinancialYear(2025)


@pytest.fixture
def framework(rotherham):
    year = FinancialYear(2024)
    create_standard(rotherham, year, "ACCESS", "Access", "minimum")
    create_standard(rotherham, year, "HEALTH", "Health improvement", "developmental")
    for code, standard, direction, target, band in (
        ("SEEN", "ACCESS", "higher", "95", "5"),
        ("FOLLOWUP", "ACCESS", "lower", "45", "5"),
        ("SMOKING", "HEALTH", "higher", "50", "10"),
    ):
        create_kpi(
            rotherham,
            year,
            code,
            standard_code=standard,
            name=code.title(),
            unit="percent",
            direction=direction,
            target=target,
            amber_band=band,
        )
    copy_framework_forward(rotherham, year)
    return rotherham


def _load(workspace, tmp_path, lines):
    path = tmp_path / "values.csv"
    path.write_text("practice_code,kpi_code,period,value\n" + "\n".join(lines) + "\n")
    return import_measurements(workspace, path)


def test_quarter_review_rag_slipping_and_worst_first(framework, tmp_path):
    _load(
        framework,
        tmp_path,
        [
            # C87003 is green on SEEN but has fallen three quarters running, across the year end
            "C87003,SEEN,2024/25 Q3,99",
            "C87003,SEEN,2024/25 Q4,98",
            "C87003,SEEN,2025/26 Q1,97",
            "C87003,SEEN,2025/26 Q2,96",
            "C87003,FOLLOWUP,2025/26 Q2,45",
            "C87003,SMOKING,2025/26 Q2,40",
            # C87004: red on a minimum standard
            "C87004,SEEN,2025/26 Q2,89.999999",
            "C87004,FOLLOWUP,2025/26 Q2,50",
            "C87004,SMOKING,2025/26 Q2,39.9",
        ],
    )
    review = load_kpi_review(framework, YEAR, period=_q(2), areas=["03L"])
    assert [kpi.code for kpi in review.kpis] == ["FOLLOWUP", "SEEN", "SMOKING"]
    seen = [kpi.code for kpi in review.kpis].index("SEEN")
    first = review.rows[0]
    assert first.ods_code == "C87004" and first.overall is Rag.RED
    assert [cell.rag for cell in first.cells] == [Rag.AMBER, Rag.RED, Rag.RED]
    slipping = review.row("C87003")
    assert slipping.cells[seen].rag is Rag.GREEN and slipping.cells[seen].slipping
    assert slipping.overall is Rag.AMBER  # SMOKING (developmental) is amber
    assert (
        not load_kpi_review(framework, YEAR, period=_q(2), slipping_periods=4)
        .row("C87003")
        .cells[seen]
        .slipping
    )
    nothing = review.row("C87005")
    assert nothing.overall is Rag.NO_DATA and all(c.rag is Rag.NO_DATA for c in nothing.cells)
    assert review.rows[-1].overall is not Rag.RED
    assert review.area_benchmarks[seen].count == 2
    # (96 + 89.999999) / 2, kept to six places like every stored value
    assert review.area_benchmarks[seen].median == Decimal("93.000000")
    assert len(review.rows) == 29  # the open Rotherham practices
    # a quarter's review leaves out the KPIs nobody has a value for in it
    assert [kpi.code for kpi in load_kpi_review(framework, YEAR, period=_q(1)).kpis] == ["SEEN"]


def test_year_review_takes_the_annual_figure_else_the_latest_quarter(framework, tmp_path):
    _load(
        framework,
        tmp_path,
        [
            "C87003,SEEN,2025/26 Q1,80",
            "C87003,SEEN,2025/26 Q3,96",
            "C87003,SMOKING,2025/26,55",
            "C87003,SMOKING,2025/26 Q4,10",
        ],
    )
    review = load_kpi_review(framework, YEAR, practice_code="C87003")
    row = review.row("C87003")
    values = dict(zip([kpi.code for kpi in review.kpis], row.cells, strict=True))
    assert values["SEEN"].value == Decimal("96") and values["SEEN"].rag is Rag.GREEN
    assert values["SMOKING"].value == Decimal("55")
    assert values["FOLLOWUP"].rag is Rag.NO_DATA
    assert row.overall is Rag.AMBER  # no data is never green
    assert [str(p) if p else None for p in review.periods] == [None, "2025/26 Q3", "2025/26"]


def test_standard_filter_and_bad_arguments(framework):
    review = load_kpi_review(framework, YEAR, standard="health")
    assert [kpi.code for kpi in review.kpis] == ["SMOKING"]
    with pytest.raises(NotFound):
        load_kpi_review(framework, YEAR, standard="NOPE")
    with pytest.raises(BadInput):
        load_kpi_review(framework, YEAR, period=_q(1, FinancialYear(2024)))
    with pytest.raises(NotFound):
        load_kpi_review(framework, YEAR, areas=["99X"])


def test_practice_trend_with_locality_mean_and_targets(framework, tmp_path):
    _load(
        framework,
        tmp_path,
        [
            "C87003,SEEN,2024/25 Q4,98",
            "C87003,SEEN,2025/26 Q1,97",
            "C87003,SEEN,2025/26 Q2,96",
            "C87003,SEEN,2025/26 Q3,95",
        ],
    )
    trend = load_practice_trend(framework, "c87003", "seen")
    assert [str(point.period) for point in trend.points] == [
        "2024/25 Q4",
        "2025/26 Q1",
        "2025/26 Q2",
        "2025/26 Q3",
    ]
    assert trend.points[-1].locality_mean == Decimal("95")
    assert trend.points[-1].rag is Rag.GREEN and trend.slipping
    assert all(point.target == Decimal("95") for point in trend.points)
    empty = load_practice_trend(framework, "C87004", "SEEN")
    assert empty.points == () and not empty.slipping
    with pytest.raises(NotFound):
        load_practice_trend(framework, "C87003", "NOPE")


def _q(quarter, year=YEAR):
    from contractdesk.domain.kpi_period import Period

    return Period(year, quarter)
