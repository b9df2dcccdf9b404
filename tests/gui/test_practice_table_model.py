"""The practice table model, without widgets: Qt's model checks, display and sort values."""

from dataclasses import replace

import pytest
from PySide6.QtCore import Qt

from contractdesk.gui.practice_table_model import (
    LOCALITY_COLUMN,
    NAME_COLUMN,
    REGISTERED_COLUMN,
    SORT_ROLE,
    WEIGHTED_COLUMN,
    PracticeTableModel,
)
from contractdesk.services.practices import list_practices
from tests.gui.sample_rows import EXAMPLE


@pytest.fixture
def model(qapp) -> PracticeTableModel:
    return PracticeTableModel()


def test_model_passes_qt_model_tester_with_the_demo_register(qtmodeltester, demo_workspace):
    model = PracticeTableModel()
    model.set_rows(list_practices(demo_workspace))
    qtmodeltester.check(model)
    assert model.rowCount() == 37
    with_list_sizes = [
        row for row in range(37) if model.index(row, REGISTERED_COLUMN).data(SORT_ROLE) is not None
    ]
    assert len(with_list_sizes) == 36  # the demo's nine payment years reach closed practices


def test_model_passes_qt_model_tester_when_empty(qtmodeltester, model):
    qtmodeltester.check(model)


def test_list_sizes_show_as_whole_numbers_with_thousands_separators(model):
    model.set_rows([EXAMPLE])
    registered = model.index(0, REGISTERED_COLUMN)
    assert registered.data() == "11,117"  # half up, not Python's half-to-even 11,116
    assert model.index(0, WEIGHTED_COLUMN).data() == "1,234,567"
    assert registered.data(Qt.ItemDataRole.TextAlignmentRole) == (
        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
    )
    assert "31 Mar 2023" in registered.data(Qt.ItemDataRole.ToolTipRole)


def test_sort_role_gives_raw_numbers_and_none_for_blanks(model):
    blank = replace(EXAMPLE, locality_name=None, registered_patients=None)
    model.set_rows([EXAMPLE, blank])
    assert model.index(0, REGISTERED_COLUMN).data(SORT_ROLE) == pytest.approx(11116.5)
    assert model.index(1, REGISTERED_COLUMN).data(SORT_ROLE) is None
    assert model.index(1, REGISTERED_COLUMN).data() == ""
    assert model.index(1, LOCALITY_COLUMN).data(SORT_ROLE) is None
    assert model.index(0, NAME_COLUMN).data(SORT_ROLE) == "WOODSTOCK BOWER GROUP PRACTICE"


def test_set_rows_resets_the_model(qtbot, model):
    model.set_rows([EXAMPLE])
    with qtbot.waitSignals([model.modelAboutToBeReset, model.modelReset]):
        model.set_rows([EXAMPLE, replace(EXAMPLE, ods_code="C87002")])
    assert model.rowCount() == 2


def test_headers_name_the_columns(model):
    titles = [model.headerData(column, Qt.Orientation.Horizontal) for column in range(7)]
    assert titles == [
        "ODS code",
        "Name",
        "Locality/PCN",
        "Contract",
        "Registered",
        "Weighted",
        "Status",
    ]
