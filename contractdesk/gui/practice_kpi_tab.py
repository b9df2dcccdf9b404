"""The KPI tab of the practice form: the practice's overall RAG for a year with the rule for
combining KPIs, its KPIs with RAG and slipping flag, and a trend chart (QtCharts) of one KPI
with the locality's mean and the target line. Loaded only when the tab is first opened."""

from __future__ import annotations

from PySide6.QtCharts import QCategoryAxis, QChart, QChartView, QLineSeries, QValueAxis
from PySide6.QtCore import QMargins, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from contractdesk.domain.kpi_rules import OVERALL_RULE
from contractdesk.reports.kpi_workbook import cell_text
from contractdesk.reports.palette import RAG_FILLS
from contractdesk.services.kpi_framework import framework_years
from contractdesk.services.kpi_review import (
    YEAR_VALUE_RULE,
    PracticeTrend,
    latest_quarter_with_data,
    load_kpi_review,
    load_practice_trend,
)
from contractdesk.services.workspace import Workspace

PRACTICE_COLOUR, LOCALITY_COLOUR, TARGET_COLOUR = "#1F4E79", "#7F7F7F", "#C00000"


class PracticeKpiTab(QWidget):
    def __init__(self, workspace: Workspace, ods_code: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self._ods_code = ods_code
        self.year_box = QComboBox()
        self.overall_label = QLabel()
        self.rule_label = QLabel(f"{OVERALL_RULE} {YEAR_VALUE_RULE}")
        self.kpi_list = QListWidget()
        self.chart = QChart()
        self.chart_view = QChartView(self.chart)
        self.trend: PracticeTrend | None = None
        self._set_up_widgets()
        years = framework_years(workspace)
        latest = latest_quarter_with_data(workspace)
        for year in years:
            self.year_box.addItem(str(year), year)
        if latest is not None and latest.year in years:
            self.year_box.setCurrentIndex(years.index(latest.year))
        self._connect_signals()
        self._show_year()

    def _set_up_widgets(self) -> None:
        self.rule_label.setWordWrap(True)
        self.overall_label.setTextFormat(Qt.TextFormat.PlainText)
        font = self.overall_label.font()
        font.setBold(True)
        self.overall_label.setFont(font)
        self.chart_view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.chart_view.setMinimumSize(420, 260)
        self.kpi_list.setMinimumWidth(300)
        top = QHBoxLayout()
        top.addWidget(QLabel("Year"))
        top.addWidget(self.year_box)
        top.addWidget(self.overall_label, 1)
        body = QHBoxLayout()
        body.addWidget(self.kpi_list, 2)
        body.addWidget(self.chart_view, 3)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(body, 1)
        layout.addWidget(self.rule_label)

    def _connect_signals(self) -> None:
        self.year_box.currentIndexChanged.connect(self._show_year)
        self.kpi_list.currentRowChanged.connect(self._on_kpi_chosen)

    def _show_year(self) -> None:
        self.kpi_list.clear()
        year = self.year_box.currentData()
        if year is None:
            self.overall_label.setText("No KPI framework yet.")
            return
        review = load_kpi_review(self._workspace, year, practice_code=self._ods_code)
        row = review.row(self._ods_code)
        self.overall_label.setText(f"Overall for {year}: {row.overall.label}")
        self.overall_label.setStyleSheet(
            f"background: #{RAG_FILLS[row.overall]}; color: black; padding: 4px"
        )
        for kpi, cell in zip(review.kpis, row.cells, strict=True):
            item = QListWidgetItem(f"{kpi.code}: {cell_text(kpi.unit, cell)}")
            item.setToolTip(
                f"{kpi.name}\n{kpi.standard_name} ({kpi.standard_kind.value}); target "
                f"{kpi.unit.format(kpi.target)}, {kpi.direction.value} is better"
            )
            item.setData(Qt.ItemDataRole.UserRole, kpi.code)
            item.setBackground(QColor(f"#{RAG_FILLS[cell.rag]}"))
            item.setForeground(QColor("black"))
            self.kpi_list.addItem(item)
        if self.kpi_list.count():
            self.kpi_list.setCurrentRow(0)

    def _on_kpi_chosen(self, row: int) -> None:
        item = self.kpi_list.item(row)
        if item is None:
            return
        self.show_trend(item.data(Qt.ItemDataRole.UserRole))

    def show_trend(self, kpi_code: str) -> None:
        trend = load_practice_trend(self._workspace, self._ods_code, kpi_code)
        self.trend = trend
        # A fresh chart per KPI: reusing one kept the old axes' labels on screen.
        previous, chart = self.chart, QChart()
        chart.setMargins(QMargins(4, 4, 4, 4))
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        slipping = " — slipping" if trend.slipping else ""
        chart.setTitle(f"{trend.kpi.code}: {trend.kpi.name}{slipping}")
        practice = _series(f"{self._ods_code}", PRACTICE_COLOUR, 3)
        locality = _series(f"{trend.locality_name or 'Locality'} mean", LOCALITY_COLOUR, 2)
        target = _series("Target", TARGET_COLOUR, 2, Qt.PenStyle.DashLine)
        periods = QCategoryAxis()
        periods.setLabelsPosition(QCategoryAxis.AxisLabelsPosition.AxisLabelsPositionOnValue)
        values = []
        for index, point in enumerate(trend.points):
            # Floats only to draw; the values themselves stay exact.
            practice.append(index, float(point.value))
            target.append(index, float(point.target))
            values.extend((float(point.value), float(point.target)))
            if point.locality_mean is not None:
                locality.append(index, float(point.locality_mean))
                values.append(float(point.locality_mean))
            if point.period.quarter in (None, 1) or index == 0:
                # One label per year (at its first quarter), so they never overlap.
                periods.append(str(point.period), index)
        for series in (practice, locality, target):
            chart.addSeries(series)
        vertical = QValueAxis()
        vertical.setTitleText(trend.kpi.unit.label)
        vertical.setLabelFormat("%.1f")
        if values:
            low, high = min(values), max(values)
            room = (high - low) * 0.1 or 1
            vertical.setRange(low - room, high + room)
            periods.setRange(0, max(len(trend.points) - 1, 1))
        else:
            chart.setTitle(f"{trend.kpi.code}: no measurements for this practice yet")
        chart.addAxis(periods, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(vertical, Qt.AlignmentFlag.AlignLeft)
        for series in (practice, locality, target):
            series.attachAxis(periods)
            series.attachAxis(vertical)
        self.chart = chart
        self.chart_view.setChart(chart)
        previous.deleteLater()


def _series(name: str, colour: str, width: int, style=Qt.PenStyle.SolidLine) -> QLineSeries:  # type: ignore[no-untyped-def]
    series = QLineSeries()
    series.setName(name)
    pen = QPen(QColor(colour))
    pen.setWidth(width)
    pen.setStyle(style)
    series.setPen(pen)
    return series
