"""The KPI grid model and proxy, the KPIs section, the practice's KPI tab, and that none of
it (nor QtCharts) loads before it is looked at."""

import subprocess
import sys

from PySide6.QtCore import Qt

from contractdesk.domain.kpi_period import Period
from contractdesk.gui.kpi_filter_proxy import KpiFilterProxy
from contractdesk.gui.kpi_grid_model import FIRST_KPI, LOCALITY, OVERALL, KpiGridModel
from contractdesk.gui.row_table_model import SORT_ROLE
from contractdesk.reports.palette import RAG_FILLS
from contractdesk.services.kpi_review import load_kpi_review

Q2 = Period.parse("2025/26 Q2")


def test_grid_model_passes_the_model_tester_and_shows_rag_with_text(qtmodeltester, demo_workspace):
    review = load_kpi_review(demo_workspace, Q2.year, period=Q2)
    model = KpiGridModel()
    model.set_review(review)
    qtmodeltester.check(model)
    assert model.rowCount() == 29 and model.columnCount() == FIRST_KPI + len(review.kpis)
    first = review.rows[0]
    overall = model.index(0, OVERALL)
    assert overall.data() == first.overall.label
    assert (
        overall.data(Qt.ItemDataRole.BackgroundRole).color().name()[1:].upper()
        == (RAG_FILLS[first.overall])
    )
    cell = model.index(0, FIRST_KPI)
    text = cell.data()
    assert first.cells[0].rag.label in text  # never colour alone
    assert "Target" in model.headerData(FIRST_KPI, Qt.Orientation.Horizontal, 3)


def test_proxy_filters_by_locality_and_sorts_worst_first(demo_workspace):
    review = load_kpi_review(demo_workspace, Q2.year, period=Q2)
    model = KpiGridModel()
    model.set_review(review)
    proxy = KpiFilterProxy()
    proxy.setSourceModel(model)
    code = next(row.locality_code for row in review.rows if row.locality_code)
    proxy.set_locality(code)
    shown = {proxy.index(row, LOCALITY).data() for row in range(proxy.rowCount())}
    assert len(shown) == 1 and proxy.rowCount() < model.rowCount()
    proxy.set_locality(None)
    proxy.sort(OVERALL, Qt.SortOrder.AscendingOrder)
    order = [proxy.index(row, OVERALL).data(SORT_ROLE) for row in range(proxy.rowCount())]
    assert order == sorted(order)
    assert proxy.index(0, OVERALL).data() == review.rows[0].overall.label  # worst first


def test_the_kpis_section_and_its_export(qtbot, demo_workspace, tmp_path):
    from openpyxl import load_workbook

    from contractdesk.gui.kpi_page import KpiPage

    page = KpiPage(demo_workspace)
    qtbot.addWidget(page)
    assert page.review.period == Q2  # opens on the latest quarter with data
    assert "29 practices" in page.summary_label.text()
    assert "minimum" in page.rule_label.text()
    page.standard_box.setCurrentIndex(page.standard_box.findData("CANCER"))
    assert [kpi.code for kpi in page.review.kpis] == ["CR-2WW-CONV", "CR-SAFETY-NET"]
    out = tmp_path / "kpis.xlsx"
    op = page.export_to(out)
    qtbot.waitUntil(lambda: not op.is_running, timeout=10_000)
    assert out.exists() and "Exported" in page.summary_label.text()
    sheet = load_workbook(out).worksheets[0]
    assert sheet.max_row == 30


def test_the_practice_kpi_tab_draws_the_trend(qtbot, demo_workspace):
    from contractdesk.gui.practice_kpi_tab import PracticeKpiTab

    tab = PracticeKpiTab(demo_workspace, "C87003")
    qtbot.addWidget(tab)
    assert tab.overall_label.text().startswith("Overall for 2025/26")
    tab.show_trend("DM-OPFU")
    assert len(tab.trend.points) == 10
    assert len(tab.chart.series()) == 3  # the practice, its locality's mean, the target


def test_nothing_of_kpis_or_qtcharts_loads_with_the_main_window_or_practice_form():
    code = (
        "import sys\n"
        "import contractdesk.gui.main_window, contractdesk.gui.practice_editor\n"
        "loaded = [m for m in ('contractdesk.gui.kpi_page', 'contractdesk.gui.practice_kpi_tab',"
        " 'PySide6.QtCharts', 'openpyxl') if m in sys.modules]\n"
        "print(loaded)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.stdout.strip() == "[]", result.stderr
