"""The practice filter proxy without widgets: blanks sort last both ways, filters combine."""

from dataclasses import replace
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt

from contractdesk.gui.practice_filter_proxy import PracticeFilterProxy
from contractdesk.gui.practice_table_model import (
    ODS_CODE_COLUMN,
    REGISTERED_COLUMN,
    PracticeTableModel,
)
from tests.gui.sample_rows import EXAMPLE

ROWS = [
    replace(EXAMPLE, ods_code="A1", registered_patients=Decimal("9000")),
    replace(EXAMPLE, ods_code="B2", registered_patients=None, contract_type="GMS"),
    # Beyond 2**31, where Qt's own compare of 32-bit numbers would go wrong.
    replace(EXAMPLE, ods_code="C3", registered_patients=Decimal("3000000000")),
    replace(EXAMPLE, ods_code="D4", registered_patients=Decimal("10000"), status="closed"),
]


@pytest.fixture
def proxy(qapp) -> PracticeFilterProxy:
    filtered = PracticeFilterProxy()
    model = PracticeTableModel(filtered)  # owned by the proxy, so it lives as long
    model.set_rows(ROWS)
    filtered.setSourceModel(model)
    return filtered


def codes(proxy: PracticeFilterProxy) -> list[str]:
    return [proxy.index(row, ODS_CODE_COLUMN).data() for row in range(proxy.rowCount())]


def test_proxy_passes_qt_model_tester(qtmodeltester, proxy):
    proxy.sort(REGISTERED_COLUMN)
    qtmodeltester.check(proxy)


@pytest.mark.parametrize(
    ("order", "expected"),
    [
        (Qt.SortOrder.AscendingOrder, ["A1", "D4", "C3", "B2"]),
        (Qt.SortOrder.DescendingOrder, ["C3", "D4", "A1", "B2"]),
    ],
)
def test_numbers_sort_as_numbers_with_blanks_last(proxy, order, expected):
    proxy.sort(REGISTERED_COLUMN, order)
    assert codes(proxy) == expected


def test_filters_combine(proxy):
    proxy.set_contract_type("PMS")
    assert codes(proxy) == ["A1", "C3", "D4"]
    proxy.set_status("closed")
    assert codes(proxy) == ["D4"]
    proxy.set_search_text("  b2 ")
    assert codes(proxy) == []
    proxy.set_contract_type(None)
    proxy.set_status(None)
    assert codes(proxy) == ["B2"]


def test_a_filter_holds_through_new_rows_and_a_sort(proxy):
    """Which rows pass is worked out once per change: new rows or a new order redo it."""
    proxy.set_contract_type("PMS")
    proxy.sort(REGISTERED_COLUMN, Qt.SortOrder.DescendingOrder)
    assert codes(proxy) == ["C3", "D4", "A1"]
    model = proxy.sourceModel()
    model.set_rows([*ROWS, replace(EXAMPLE, ods_code="E5", registered_patients=Decimal(1))])
    assert codes(proxy) == ["C3", "D4", "A1", "E5"]
    proxy.set_search_text("e5")
    assert codes(proxy) == ["E5"]
    model.set_rows(ROWS[:2])
    assert codes(proxy) == []
    proxy.set_search_text("")
    assert codes(proxy) == ["A1"]
