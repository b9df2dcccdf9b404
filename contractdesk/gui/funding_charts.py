"""The Funding section's charts (QtCharts): a practice's funding by year, locality fairness."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QStackedBarSeries,
    QValueAxis,
)
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPainter

from contractdesk.domain.fairness import Fairness
from contractdesk.services.funding import PracticeFunding

# NHS identity colours, so the parts read the same in every chart.
PART_COLOURS = ("#005eb8", "#41b6e6", "#009639", "#ffb81c", "#768692")
HISTORY_PARTS = (
    (
        "Core contract (Global Sum, MPIG, PMS)",
        ("global_sum_pence", "mpig_pence", "pms_balance_pence"),
    ),
    ("QOF", ("qof_pence",)),
    ("Enhanced services, national and local", ("enhanced_services_pence", "local_services_pence")),
    ("Premises", ("premises_pence",)),
    ("Everything else", ("other_pence",)),
)


def new_chart_view() -> QChartView:
    view = QChartView(QChart())
    view.setRenderHint(QPainter.RenderHint.Antialiasing)
    view.setMinimumHeight(260)
    return view


def show_history(view: QChartView, rows: Sequence[PracticeFunding], title: str) -> None:
    """Stacked bars of each year's payments by part, in £ thousands."""
    chart = _fresh(view, title)
    series = QStackedBarSeries()
    for (label, fields), colour in zip(HISTORY_PARTS, PART_COLOURS, strict=True):
        bars = QBarSet(label)
        bars.setColor(QColor(colour))
        for row in rows:
            pence = sum(getattr(row, field) or 0 for field in fields)
            bars.append(pence / 100_000)
        series.append(bars)
    chart.addSeries(series)
    categories = [str(row.financial_year) for row in rows]
    top = max(
        (sum(max(getattr(row, f) or 0, 0) for _, fs in HISTORY_PARTS for f in fs) for row in rows),
        default=0,
    )
    _axes(chart, series, categories, "£ thousands", top / 100_000)


def show_fairness(view: QChartView, fairness: Fairness, title: str) -> None:
    """Spend per weighted patient by locality, before and after the plan (bars lie flat, so
    the localities' names have room to be read)."""
    chart = _fresh(view, title)
    series = QHorizontalBarSeries()
    # Flat bars are drawn bottom up: reversed, they read top down in the table's order.
    localities = list(reversed(fairness.localities))
    top = Decimal(0)
    for label, attribute, colour in (
        ("Before", "before_per_weighted_patient", "#768692"),
        ("After the plan", "after_per_weighted_patient", "#005eb8"),
    ):
        bars = QBarSet(label)
        bars.setColor(QColor(colour))
        for locality in localities:
            value = getattr(locality, attribute) or Decimal(0)
            top = max(top, value)
            bars.append(float(value))
        series.append(bars)
    chart.addSeries(series)
    categories = [_short(locality.locality) for locality in localities]
    _axes(chart, series, categories, "£ per weighted patient", float(top), horizontal=True)


def _fresh(view: QChartView, title: str) -> QChart:
    chart = QChart()
    chart.setTitle(title)
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    old = view.chart()
    view.setChart(chart)
    if old is not None:
        old.deleteLater()
    return chart


def _axes(  # type: ignore[no-untyped-def]
    chart: QChart, series, categories: list[str], unit: str, top: float, horizontal=False
) -> None:
    category_axis = QBarCategoryAxis()
    category_axis.append(categories)
    value_axis = QValueAxis()
    value_axis.setTitleText(unit)
    value_axis.setRange(0, top * 1.1 if top > 0 else 1)
    value_axis.setLabelFormat("%.0f")
    value_axis.applyNiceNumbers()
    left, bottom = (category_axis, value_axis) if horizontal else (value_axis, category_axis)
    chart.addAxis(bottom, Qt.AlignmentFlag.AlignBottom)
    chart.addAxis(left, Qt.AlignmentFlag.AlignLeft)
    series.attachAxis(bottom)
    series.attachAxis(left)


def _short(locality: str) -> str:
    """Locality names on an axis: PCN names without the trailing `PCN`."""
    name = locality.removesuffix(" PCN").title()
    return name if len(name) <= 28 else name[:27] + "…"
