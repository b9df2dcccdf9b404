"""The practice register page with the demo database: search, filters, count and sorting."""

import pytest
from PySide6.QtCore import Qt

from contractdesk.gui.practice_register import PracticeRegisterPage
from contractdesk.gui.practice_table_model import (
    CONTRACT_TYPE_COLUMN,
    LOCALITY_COLUMN,
    ODS_CODE_COLUMN,
    REGISTERED_COLUMN,
)

DEMO_PRACTICES = 37


@pytest.fixture
def page(qtbot, demo_workspace) -> PracticeRegisterPage:
    widget = PracticeRegisterPage(demo_workspace)
    qtbot.addWidget(widget)
    return widget


def shown_codes(page: PracticeRegisterPage) -> list[str]:
    proxy = page.proxy
    return [proxy.index(row, ODS_CODE_COLUMN).data() for row in range(proxy.rowCount())]


def choose(combo, text: str) -> None:
    combo.setCurrentIndex(combo.findText(text))


def test_page_lists_every_demo_practice(page):
    assert page.proxy.rowCount() == DEMO_PRACTICES
    assert page.ui.count_label.text() == f"Showing {DEMO_PRACTICES} of {DEMO_PRACTICES} practices"
    assert page.ui.search_edit.placeholderText() == "Search code, name, postcode or locality"


def test_typing_an_ods_code_leaves_that_practice(qtbot, page):
    qtbot.keyClicks(page.ui.search_edit, "C87003")
    assert shown_codes(page) == ["C87003"]
    assert page.ui.count_label.text() == f"Showing 1 of {DEMO_PRACTICES} practices"


def test_search_matches_locality_case_insensitively(qtbot, page):
    qtbot.keyClicks(page.ui.search_edit, "raven")
    localities = {page.proxy.index(row, LOCALITY_COLUMN).data() for row in range(5)}
    assert page.proxy.rowCount() == 5
    assert localities == {"RAVEN PCN"}


def test_search_matches_postcode_and_name(qtbot, page):
    qtbot.keyClicks(page.ui.search_edit, "S65 1DA")
    assert shown_codes(page) == ["C87005", "C87017", "C87622"]
    page.ui.search_edit.clear()
    qtbot.keyClicks(page.ui.search_edit, "magna")
    assert shown_codes(page) == ["C87006"]


def test_clearing_the_search_shows_everything_again(qtbot, page):
    qtbot.keyClicks(page.ui.search_edit, "no such practice")
    assert page.proxy.rowCount() == 0
    assert page.ui.count_label.text() == f"Showing 0 of {DEMO_PRACTICES} practices"
    page.ui.search_edit.clear()
    assert page.proxy.rowCount() == DEMO_PRACTICES


def test_contract_and_status_filters_combine_with_search(qtbot, page):
    choose(page.ui.contract_type_combo, "PMS")
    pms = page.proxy.rowCount()
    assert 0 < pms < DEMO_PRACTICES
    contracts = {page.proxy.index(row, CONTRACT_TYPE_COLUMN).data() for row in range(pms)}
    assert contracts == {"PMS"}
    choose(page.ui.status_combo, "closed")
    # Closed PMS practices: their contract comes from the last year they were paid.
    assert shown_codes(page) == ["C87023", "C87606"]
    choose(page.ui.contract_type_combo, "All")
    assert len(shown_codes(page)) == 8  # every closed practice
    qtbot.keyClicks(page.ui.search_edit, "RCHS")
    assert shown_codes(page) == ["C87609", "C87610"]


def test_contract_filter_offers_every_contract_type_and_status(page):
    contracts = [page.ui.contract_type_combo.itemText(i) for i in range(5)]
    statuses = [page.ui.status_combo.itemText(i) for i in range(5)]
    assert contracts == ["All", "GMS", "PMS", "APMS", "UNKNOWN"]
    assert statuses == ["All", "active", "closed", "dormant", "proposed"]


@pytest.mark.parametrize("order", [Qt.SortOrder.DescendingOrder, Qt.SortOrder.AscendingOrder])
def test_sorting_by_registered_is_numeric_with_blanks_last(page, order):
    page.ui.practice_table.sortByColumn(REGISTERED_COLUMN, order)
    proxy = page.proxy
    shown = [proxy.index(row, REGISTERED_COLUMN).data() for row in range(proxy.rowCount())]
    assert shown[-1:] == [""]  # the one practice without a list size, in either order
    if order == Qt.SortOrder.DescendingOrder:
        # As text "9,375" would beat "20,666"; as numbers the two biggest lists come first.
        assert shown[:2] == ["20,666", "18,106"]
    else:
        # Five closed practices were last paid for no patients; then 22.5 (shown as 23).
        assert shown[:7] == ["0"] * 5 + ["23", "1,703"]


def test_ctrl_f_focuses_the_search_box(qtbot, page):
    page.show()
    with qtbot.waitActive(page):
        page.activateWindow()
    page.ui.practice_table.setFocus()
    assert not page.ui.search_edit.hasFocus()
    qtbot.keyClick(page.ui.practice_table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert page.ui.search_edit.hasFocus()
