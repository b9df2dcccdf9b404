"""The register's Whole contract column: filled after the first paint, text and tooltip."""

from datetime import date

import pytest
from PySide6.QtCore import Qt

from contractdesk.gui.practice_register import PracticeRegisterPage
from contractdesk.gui.practice_table_model import WHOLE_CONTRACT_COLUMN

TODAY = date(2026, 11, 23)  # in 2026/27, which the demo has a catalogue for


@pytest.fixture
def page(qtbot, demo_workspace) -> PracticeRegisterPage:
    widget = PracticeRegisterPage(demo_workspace)
    qtbot.addWidget(widget)
    return widget


def compliance_by_code(page: PracticeRegisterPage) -> dict[str, str]:
    model = page.model
    return {
        model.practice_at(row).ods_code: model.index(row, WHOLE_CONTRACT_COLUMN).data()
        for row in range(model.rowCount())
    }


def test_column_is_empty_until_shown_then_filled(qtbot, page):
    title = page.model.headerData(WHOLE_CONTRACT_COLUMN, Qt.Orientation.Horizontal)
    assert title == "Whole contract"
    assert set(compliance_by_code(page).values()) == {""}  # not on the start-up path
    page.show()
    qtbot.waitUntil(lambda: compliance_by_code(page)["C87003"] != "")


def test_shows_compliant_gaps_flags_and_closed_practices(page):
    page.load_compliance(TODAY)
    shown = compliance_by_code(page)
    assert shown["C87003"] == "compliant"
    assert shown["C87023"] == "—"  # closed: not in the year's sign-ups
    flagged = [code for code, text in shown.items() if text.startswith("⚑")]
    assert flagged
    row = page.model.row_of(flagged[0])
    tooltip = page.model.index(row, WHOLE_CONTRACT_COLUMN).data(Qt.ItemDataRole.ToolTipRole)
    assert tooltip.startswith("2026/27: ") and "Declined required" in tooltip
    # The three practices that had not answered 2026/27's offers.
    assert sum(text == "15 gaps" for text in shown.values()) == 3


def test_a_year_without_required_services_shows_a_dash(page):
    page.load_compliance(date(2030, 6, 1))
    assert set(compliance_by_code(page).values()) == {"—"}


def test_sorting_by_compliance_puts_the_most_gaps_last(page):
    page.load_compliance(TODAY)
    page.ui.practice_table.sortByColumn(WHOLE_CONTRACT_COLUMN, Qt.SortOrder.AscendingOrder)
    last = page.proxy.index(page.proxy.rowCount() - 1, WHOLE_CONTRACT_COLUMN).data()
    assert last == "15 gaps"


def test_register_model_with_compliance_passes_qtmodeltester(qtmodeltester, page):
    page.load_compliance(TODAY)
    qtmodeltester.check(page.model)
