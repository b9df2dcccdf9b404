"""The Dashboard section: first in the navigation, read after the first paint, overdue items
first, each item opening its record."""

import subprocess
import sys
from datetime import date

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QMessageBox

from contractdesk.gui.dashboard_page import DashboardPage
from contractdesk.gui.dashboard_table_model import (
    DUE_COLUMN,
    WHEN_COLUMN,
    DashboardTableModel,
)
from contractdesk.gui.main_window import SECTION_SETTING, MainWindow
from contractdesk.gui.practice_editor import ESCALATION_TAB
from contractdesk.gui.urgency import OVERDUE_COLOUR
from contractdesk.services.dashboard import dashboard

TODAY = date(2026, 11, 23)


@pytest.fixture
def window(qtbot, demo_workspace) -> MainWindow:
    main_window = MainWindow(demo_workspace)
    qtbot.addWidget(main_window)
    return main_window


@pytest.fixture
def page(qtbot, demo_workspace) -> DashboardPage:
    widget = DashboardPage(demo_workspace)
    qtbot.addWidget(widget)
    widget.load(TODAY)
    return widget


def item_in_category(page: DashboardPage, category: str, kind: str | None = None):
    page.set_category(category)
    item = next(
        page.model.row_at(page.proxy.mapToSource(page.proxy.index(row, 0)).row())
        for row in range(page.proxy.rowCount())
        if kind is None
        or page.model.row_at(page.proxy.mapToSource(page.proxy.index(row, 0)).row()).target_kind
        == kind
    )
    page.select_item(item.target_kind, item.target_key)
    return item


def test_the_dashboard_is_first_and_what_a_first_run_shows(window):
    assert window.navigation.item(0).text() == "Dashboard"
    assert window.navigation.item(1).text() == "Practices"
    assert isinstance(window.pages.currentWidget(), DashboardPage)
    assert window.navigation.currentRow() == 0


def test_the_last_section_shown_is_still_remembered(qtbot, window, demo_workspace):
    window.show_section("practices")
    window.close()
    assert QSettings().value(SECTION_SETTING) == "practices"
    reopened = MainWindow(demo_workspace)
    qtbot.addWidget(reopened)
    assert reopened.pages.currentWidget() is reopened.practice_register


def test_a_section_can_be_chosen_for_the_start_up_benchmark(qtbot, demo_workspace):
    opened = MainWindow(demo_workspace, section="practices")
    qtbot.addWidget(opened)
    assert opened.pages.currentWidget() is opened.practice_register
    assert "dashboard" not in opened.section_pages


def test_the_dashboard_reads_nothing_until_it_has_painted(qtbot, window):
    page = window.pages.currentWidget()
    assert not page.loaded and page.model.rowCount() == 0
    window.show()
    qtbot.waitUntil(lambda: page.loaded)
    assert page.model.rowCount() > 0


def test_start_up_imports_neither_the_dashboard_service_nor_the_notices_section(demo_workspace):
    """Start-up is measured: the window opening on the dashboard leaves them unloaded."""
    code = (
        "import sys\n"
        "from contractdesk.gui.application import create_application\n"
        "from contractdesk.gui.main_window import MainWindow\n"
        "from contractdesk.services.workspace import open_workspace\n"
        "app = create_application()\n"
        f"window = MainWindow(open_workspace({str(demo_workspace.url.database)!r}, 'tester'))\n"
        "print(type(window.pages.currentWidget()).__name__)\n"
        "lazy = ('contractdesk.services.dashboard', 'contractdesk.gui.notices_page')\n"
        "print([m for m in lazy if m in sys.modules])\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert result.stdout.strip().splitlines()[-2:] == ["DashboardPage", "[]"]


def test_overdue_items_come_first_marked_in_words_and_colour(page):
    items = [page.model.row_at(row) for row in range(page.model.rowCount())]
    overdue = [item.overdue for item in items]
    assert overdue == sorted(overdue, reverse=True)  # every overdue item before the rest
    row = page.model.row_of("notice", "RN-C87013-1")
    assert items[row].overdue
    assert page.model.index(row, WHEN_COLUMN).data() == "20 days overdue"
    background = page.model.index(row, DUE_COLUMN).data(Qt.ItemDataRole.BackgroundRole)
    assert background.color().name() == OVERDUE_COLOUR
    assert page.count_label.text() == f"{len(items)} item(s) shown; {sum(overdue)} overdue in all"


def test_the_demos_overdue_notice_leads_the_remedial_notices(page):
    page.set_category("Remedial notice")
    shown = [page.proxy.index(row, 4).data() for row in range(page.proxy.rowCount())]
    assert shown[0].startswith("RN-C87013-1") and "passed 20 day(s) ago" in shown[0]
    assert shown[1].startswith("RN-C87007-1")
    assert page.count_label.text().startswith("2 of ")
    page.set_category(None)
    assert page.proxy.rowCount() == page.model.rowCount()


def test_the_category_filter_lists_each_category_once(page):
    categories = [page.category_combo.itemText(i) for i in range(page.category_combo.count())]
    assert categories[0] == "All categories"
    assert len(categories) == len(set(categories))
    assert {"Remedial notice", "Recovery plan", "Sub-contract", "Offer"} <= set(categories)


def test_refresh_keeps_the_category_and_selection(page, demo_workspace):
    item_in_category(page, "Recovery plan")
    selected = page.selected_item()
    page.load(TODAY)
    assert page.category_combo.currentText() == "Recovery plan"
    assert page.selected_item() == selected


def test_opening_a_notice_shows_it_selected_in_the_notices_section(qtbot, window):
    page = window.pages.currentWidget()
    page.load(TODAY)
    item_in_category(page, "Remedial notice")
    with qtbot.waitSignal(page.item_opened):
        page.open_selected()
    notices = window.pages.currentWidget()
    assert notices is window.section_pages["notices"]
    assert notices.selected_reference() == "RN-C87013-1"


def test_enter_in_the_table_opens_the_selected_item(qtbot, window):
    page = window.pages.currentWidget()
    window.show()
    qtbot.waitUntil(lambda: page.loaded)
    item_in_category(page, "Sub-contract")
    page.table.setFocus()
    with qtbot.waitSignal(page.item_opened) as opened:
        qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert opened.args[0].target_kind == "subcontract"
    subcontracts = window.pages.currentWidget()
    assert subcontracts is window.section_pages["subcontracts"]
    assert subcontracts.selected_reference() == opened.args[0].target_key


def test_opening_late_offers_shows_the_sign_ups_of_that_year(window):
    page = window.pages.currentWidget()
    page.load(TODAY)
    item = item_in_category(page, "Offer")
    page.open_selected()
    signups = window.pages.currentWidget()
    assert signups is window.section_pages["signups"]
    assert str(signups.year) == item.target_key


def test_opening_a_plan_action_shows_the_practices_escalation_tab(window):
    page = window.pages.currentWidget()
    page.load(TODAY)
    item_in_category(page, "Recovery plan")
    page.open_selected()
    editor = window.practice_register.editor
    assert editor.ods_code == "C87007"
    assert editor.ui.tabs.currentIndex() == ESCALATION_TAB
    assert editor.escalation.selected_reference() == "RP-C87007-1"
    editor.done(0)


def test_opening_a_practice_item_opens_the_practice(window):
    page = window.pages.currentWidget()
    page.load(TODAY)
    item = item_in_category(page, "Whole contract")
    page.open_selected()
    editor = window.practice_register.editor
    assert editor.ods_code == item.practice_code
    editor.done(0)


def test_a_performance_cycle_date_only_says_what_it_is(window):
    page = window.pages.currentWidget()
    page.load(TODAY)
    item = item_in_category(page, "Performance cycle")
    page.open_selected()
    assert window.pages.currentWidget() is page
    boxes = [box for box in window.findChildren(QMessageBox) if box.isVisible()]
    assert len(boxes) == 1 and item.title in boxes[0].text()
    boxes[0].done(0)


def test_items_due_now_without_a_deadline_carry_no_colour(page):
    row = next(
        row
        for row in range(page.model.rowCount())
        if page.model.row_at(row).target_kind == "practice"
    )
    assert page.model.index(row, WHEN_COLUMN).data() == "now"
    assert page.model.index(row, DUE_COLUMN).data(Qt.ItemDataRole.BackgroundRole) is None


def test_dashboard_model_passes_the_model_tester(qtmodeltester, demo_workspace):
    model = DashboardTableModel()
    model.set_items(dashboard(demo_workspace, TODAY), TODAY)
    qtmodeltester.check(model)
