"""The KPI framework dialog from the KPIs section: the year's KPIs and targets; officers change
a target (a refusal keeps the form), add a standard and a KPI, copy a year forward."""

from decimal import Decimal

import pytest

from contractdesk.domain.financial_year import FinancialYear
from contractdesk.domain.roles import Role
from contractdesk.gui.kpi_framework_dialog import KpiFrameworkDialog
from contractdesk.gui.kpi_page import KpiPage
from contractdesk.services.kpi_framework import load_framework
from tests.gui.quality_helpers import signed_in_with_role

YEAR = FinancialYear(2025)


@pytest.fixture
def dialog(qtbot, demo_workspace) -> KpiFrameworkDialog:
    widget = KpiFrameworkDialog(demo_workspace, YEAR)
    qtbot.addWidget(widget)
    return widget


def choose(dialog: KpiFrameworkDialog, year: FinancialYear) -> None:
    index = dialog.year_box.findText(str(year))
    assert index >= 0, f"{year} is not offered"
    dialog.year_box.setCurrentIndex(index)


def test_lists_the_years_kpis_with_their_targets(dialog):
    assert dialog.year() == YEAR
    row = dialog.model.row_of("CR-2WW-CONV")
    assert dialog.model.index(row, 5).data() == "7"
    assert dialog.model.index(row, 4).data() == "higher is better"
    assert dialog.summary_label.text().endswith(f"{dialog.model.rowCount()} KPI(s)")


def test_a_bad_target_keeps_the_form_then_a_good_one_is_saved(qtbot, dialog, demo_workspace):
    dialog.table.selectRow(
        dialog.proxy.mapFromSource(dialog.model.index(dialog.model.row_of("CR-2WW-CONV"), 0)).row()
    )
    form = dialog.change_target()
    assert form.target_edit.text() == "7"
    form.target_edit.setText("seven")
    form.accept()
    assert form.isVisible() and "target" in form.message_box.text().lower()
    form.message_box.done(0)
    form.target_edit.setText("8.5")
    with qtbot.waitSignal(dialog.framework_changed):
        form.accept()
    row = dialog.model.row_of("CR-2WW-CONV")
    assert dialog.model.index(row, 5).data() == "8.5"
    (kpi,) = [k for k in load_framework(demo_workspace, YEAR).kpis if k.code == "CR-2WW-CONV"]
    assert kpi.target == Decimal("8.5")


def test_a_new_year_gets_a_standard_then_a_kpi(dialog, demo_workspace):
    choose(dialog, YEAR.next())
    assert dialog.model.rowCount() == 0
    assert not dialog.kpi_button.isEnabled() and dialog.add_kpi() is None
    form = dialog.add_standard()
    form.code_edit.setText("access")
    form.name_edit.setText("Access & <continuity>")
    form.accept()
    assert dialog.kpi_button.isEnabled()
    form = dialog.add_kpi()
    form.code_edit.setText("ACC-01")
    form.name_edit.setText("Same-day appointments")
    form.target_edit.setText("80")
    form.accept()
    assert dialog.model.row_of("ACC-01") is not None
    framework = load_framework(demo_workspace, YEAR.next())
    assert [s.name for s in framework.standards] == ["Access & <continuity>"]
    assert framework.kpis[0].standard_code == "ACCESS"


def test_copying_forward_asks_then_fills_the_next_year(dialog, demo_workspace):
    count = dialog.model.rowCount()
    box = dialog.copy_forward()
    assert str(YEAR.next()) in box.text()
    box.accept()
    assert dialog.year() == YEAR.next()
    assert dialog.model.rowCount() == count
    assert f"{count} KPI(s)" in dialog.state_label.text()
    assert len(load_framework(demo_workspace, YEAR.next()).kpis) == count


def test_a_viewer_reads_the_framework_only(qtbot, demo_workspace, sign_in_as):
    viewer = signed_in_with_role(demo_workspace, sign_in_as, "a.viewer", Role.VIEWER)
    widget = KpiFrameworkDialog(viewer, YEAR)
    qtbot.addWidget(widget)
    assert widget.model.rowCount() > 0
    for button in (widget.standard_button, widget.kpi_button, widget.target_button):
        assert not button.isEnabled()
        assert button.toolTip() == "Needs the officer role."
    assert widget.change_target() is None and widget.copy_forward() is None


def test_the_kpis_section_opens_it_and_reloads_after_a_change(qtbot, demo_workspace):
    page = KpiPage(demo_workspace)
    qtbot.addWidget(page)
    dialog = page.open_framework()
    assert dialog.year() == page.year_box.currentData()
    box = dialog.copy_forward()
    box.accept()
    assert page.year_box.findText(str(dialog.year())) >= 0
