"""The Funding section on the Rotherham demo: its models, filters, history and plan editor."""

import subprocess
import sys

import pytest
from PySide6.QtCore import Qt

from contractdesk.gui.funding_section import HISTORY_TAB, FundingSection
from contractdesk.gui.funding_table_model import (
    FairnessTableModel,
    FundingTableModel,
    PlanYearTableModel,
    PracticePlanTableModel,
)
from contractdesk.gui.main_window import MainWindow
from contractdesk.services.funding import funding_year, payment_years
from contractdesk.services.funding_plan import compute_plan, load_plan
from contractdesk.store.models import AuditEntry
from contractdesk.store.unit_of_work import unit_of_work


@pytest.fixture
def section(qtbot, demo_workspace) -> FundingSection:
    page = FundingSection(demo_workspace)
    qtbot.addWidget(page)
    return page


def test_models_pass_the_model_tester(qtmodeltester, demo_workspace):
    [latest, *_] = payment_years(demo_workspace)
    funding = FundingTableModel()
    funding.set_rows(funding_year(demo_workspace, latest, ["03L"]).practices)
    qtmodeltester.check(funding)
    report = compute_plan(demo_workspace, load_plan(demo_workspace, "03L"))
    years = PlanYearTableModel()
    years.set_rows(report.plan.years)
    qtmodeltester.check(years)
    practices = PracticePlanTableModel()
    practices.set_plan(report.plan)
    qtmodeltester.check(practices)
    fairness = FairnessTableModel()
    fairness.set_rows(report.fairness.localities)
    qtmodeltester.check(fairness)


def test_the_year_table_sorts_and_filters(section):
    assert section.year_combo.currentText() == "2022/23"
    assert section.proxy.rowCount() == 29
    section.search_edit.setText("woodstock")
    assert section.proxy.rowCount() == 1
    section.search_edit.clear()
    section.contract_combo.setCurrentIndex(section.contract_combo.findData("GMS"))
    assert 0 < section.proxy.rowCount() < 29
    section.contract_combo.setCurrentIndex(0)
    total_column = 6
    section.table.sortByColumn(total_column, Qt.SortOrder.DescendingOrder)
    first = section.proxy.index(0, 0).data()
    totals = [section.model.row_at(r).total_pence for r in range(29)]
    top = next(section.model.row_at(r) for r in range(29) if totals[r] == max(totals))
    assert first == top.ods_code
    assert "Balance of PMS Expenditure" in section.basis_label.text()


def test_a_practice_history_covers_every_year(section):
    section.show_practice_history("C87003")
    assert section.history_chart.chart().series()[0].count() == 5  # parts of the payments
    assert "2014/15" in section.history_label.text()
    section.table.doubleClicked.emit(section.proxy.index(0, 0))
    assert section.tabs.currentIndex() == HISTORY_TAB


def test_the_plan_editor_recalculates_saves_and_balances(section, demo_workspace):
    editor = section.plan_editor
    assert editor.report.plan.balances
    assert editor.year_model.rowCount() == 4
    editor.years_spin.setValue(5)
    assert editor.year_model.rowCount() == 5
    editor.exemptions_edit.setPlainText("C87003: serves asylum seekers")
    assert editor.report.plan.exemptions == {"C87003": "serves asylum seekers"}
    assert "balances to the penny" in editor.balance_label.text()
    editor.years_spin.setValue(4)
    editor.years_spin.setValue(5)
    editor.save_button.click()
    saved = load_plan(demo_workspace, "03L")
    assert saved.years == 5 and saved.exemptions == {"C87003": "serves asylum seekers"}
    with unit_of_work(demo_workspace.engine) as session:
        assert session.query(AuditEntry).filter_by(entity_type="funding_plan").count() == 1


def test_a_viewer_cannot_save_the_plan(qtbot, sign_in_as):
    page = FundingSection(sign_in_as("visitor"))
    qtbot.addWidget(page)
    assert not page.plan_editor.save_button.isEnabled()


def test_the_main_window_builds_funding_only_when_opened(qtbot, demo_workspace):
    window = MainWindow(demo_workspace, section="practices")
    qtbot.addWidget(window)
    assert "funding" not in window.section_pages
    window.show_section("funding")
    assert isinstance(window.section_pages["funding"], FundingSection)


def test_nothing_of_funding_loads_at_start_up():
    probe = (
        "import sys;"
        "from contractdesk.gui import main_window;"
        "print(sorted(m for m in sys.modules if 'funding' in m or 'QtCharts' in m"
        " or m.startswith('openpyxl')))"
    )
    output = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    ).stdout
    assert output.strip() == "[]"


def test_the_plan_and_fairness_export_to_excel(section, monkeypatch, tmp_path):
    from openpyxl import load_workbook
    from PySide6.QtWidgets import QFileDialog

    for button, name, sheets in (
        (section.plan_editor.export_button, "plan.xlsx", ["Plan", "Practices", "Fairness"]),
        (section.plan_editor.export_fairness_button, "fairness.xlsx", ["Fairness"]),
    ):
        target = tmp_path / name
        monkeypatch.setattr(
            QFileDialog, "getSaveFileName", lambda *args, t=target: (str(t), "Excel (*.xlsx)")
        )
        button.click()
        assert load_workbook(target).sheetnames == sheets


def test_an_empty_database_says_to_import_payments(qtbot, tmp_path):
    from contractdesk.services.workspace import open_workspace

    workspace = open_workspace(str(tmp_path / "empty.sqlite"), "someone")
    try:
        page = FundingSection(workspace)
        qtbot.addWidget(page)
        assert page.model.rowCount() == 0
        assert "Import" in page.basis_label.text()
    finally:
        workspace.close()


def test_the_plan_editor_refuses_to_move_money_without_agreement(section):
    editor = section.plan_editor
    editor.reinvest_in_edit.setText("03L, 02X")
    editor.reinvest_in_edit.editingFinished.emit()
    assert "has not agreed" in editor.balance_label.text()
    editor.agreed_edit.setText("03L, 02X")
    editor.agreed_edit.editingFinished.emit()
    # Agreed, so the plan goes on to look for 02X's practices (the demo holds only 03L).
    assert "No commissioner area 02X" in editor.balance_label.text()
