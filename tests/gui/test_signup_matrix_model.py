"""The sign-up matrix model on the demo database and on a synthetic 7,000 × 20 matrix."""

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush

from contractdesk.domain.whole_contract import CellState
from contractdesk.gui.row_table_model import SORT_ROLE
from contractdesk.gui.signup_filter_proxy import SignupFilterProxy
from contractdesk.gui.signup_matrix_model import (
    CELL_COLOUR,
    COMPLIANCE_COLUMN,
    FIRST_SERVICE_COLUMN,
    STATE_ROLE,
    TEXT_COLOUR,
    SignupMatrixModel,
)
from contractdesk.services.service_catalogue import create_service
from contractdesk.services.signup_matrix import load_signup_matrix
from tests.gui.quality_helpers import FIRST_YEAR, synthetic_matrix

DISPLAY = Qt.ItemDataRole.DisplayRole
BACKGROUND = Qt.ItemDataRole.BackgroundRole
FOREGROUND = Qt.ItemDataRole.ForegroundRole
TOOLTIP = Qt.ItemDataRole.ToolTipRole


def demo_model(workspace) -> SignupMatrixModel:
    model = SignupMatrixModel()
    model.set_matrix(load_signup_matrix(workspace, FIRST_YEAR))
    return model


def find_cell(model: SignupMatrixModel, state: CellState):
    for row in range(model.rowCount()):
        for column in range(FIRST_SERVICE_COLUMN, model.columnCount()):
            index = model.index(row, column)
            if model.state_at(row, column) is state:
                return index
    raise AssertionError(f"no {state} cell")


def colour_of(index) -> str | None:
    brush = index.data(BACKGROUND)
    return brush.color().name() if isinstance(brush, QBrush) else None


def test_columns_are_the_fixed_ones_then_each_service_with_required_marked(demo_workspace):
    model = demo_model(demo_workspace)
    titles = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert titles[:4] == ["ODS code", "Name", "Locality/PCN", "Whole contract"]
    assert len(titles) == 4 + 15
    assert "MINOR-SURG *" in titles  # every demo service is required
    column = titles.index("MINOR-SURG *")
    tooltip = model.headerData(column, Qt.Orientation.Horizontal, TOOLTIP)
    assert "Minor surgery" in tooltip and "required" in tooltip
    assert model.rowCount() == 29  # the open practices


def test_accepted_declined_and_subcontracted_cells_have_text_and_colour(demo_workspace):
    model = demo_model(demo_workspace)
    for state, text in (
        (CellState.ACCEPTED, "accepted"),
        (CellState.DECLINED, "declined"),
        (CellState.SUBCONTRACTED, "sub-contract"),
    ):
        index = find_cell(model, state)
        assert index.data(DISPLAY) == text
        assert colour_of(index) == CELL_COLOUR[state]
        assert index.data(FOREGROUND).color().name() == TEXT_COLOUR
        service = model.service_at(index.column())
        tooltip = index.data(TOOLTIP)
        assert service.name in tooltip and state.value in tooltip


def test_a_subcontracted_cell_is_the_demo_practice_that_declined_minor_surgery(demo_workspace):
    model = demo_model(demo_workspace)
    index = find_cell(model, CellState.SUBCONTRACTED)
    assert model.service_at(index.column()).code == "MINOR-SURG"
    row = model.row_at(index.row())
    # Covered by the approved sub-contract, yet flagged for having declined it.
    assert row.compliance.gaps == ()
    assert row.compliance.declined_required == ("MINOR-SURG",)
    assert model.index(index.row(), COMPLIANCE_COLUMN).data() == "⚑ compliant"


def test_a_service_nobody_was_offered_shows_not_offered_without_colour(demo_workspace):
    create_service(
        demo_workspace,
        FIRST_YEAR,
        "PILOT",
        {"name": "Pilot", "kind": "LES", "funding_basis": "per_item", "price_pence": 100},
    )
    model = demo_model(demo_workspace)
    column = model.column_of("PILOT")
    index = model.index(0, column)
    assert index.data(STATE_ROLE) == CellState.NOT_OFFERED.value
    assert model.state_at(0, column) is CellState.NOT_OFFERED
    assert index.data(DISPLAY) == "–"
    assert "not offered" in index.data(TOOLTIP)
    assert colour_of(index) is None
    assert model.headerData(column, Qt.Orientation.Horizontal) == "PILOT"  # optional: no mark


def test_compliance_column_counts_gaps_and_lists_them(demo_workspace):
    model = demo_model(demo_workspace)
    texts = {model.index(row, COMPLIANCE_COLUMN).data() for row in range(model.rowCount())}
    assert "compliant" in texts and "⚑ 1 gap" in texts
    row = next(
        row
        for row in range(model.rowCount())
        if model.index(row, COMPLIANCE_COLUMN).data() == "⚑ 1 gap"
    )
    index = model.index(row, COMPLIANCE_COLUMN)
    gap = model.row_at(row).compliance.gaps[0]
    assert gap in index.data(TOOLTIP) and "Declined required" in index.data(TOOLTIP)
    assert colour_of(index) is not None


def test_sorting_a_service_column_puts_declines_first(demo_workspace):
    model = demo_model(demo_workspace)
    column = model.column_of("MINOR-SURG")
    model.sort(column, Qt.SortOrder.AscendingOrder)
    assert model.state_at(0, column) is CellState.DECLINED
    model.sort(0, Qt.SortOrder.AscendingOrder)
    codes = [model.row_at(row).ods_code for row in range(model.rowCount())]
    assert codes == sorted(codes)


def test_a_reload_with_only_new_states_updates_rows_without_a_reset(qtbot, demo_workspace):
    model = demo_model(demo_workspace)
    matrix = load_signup_matrix(demo_workspace, FIRST_YEAR)
    changed = matrix.rows[0].__class__(**{**matrix.rows[0].__dict__, "name": "Renamed"})
    updated = matrix.__class__(
        year=matrix.year,
        as_of=matrix.as_of,
        services=matrix.services,
        rows=(changed, *matrix.rows[1:]),
    )
    with qtbot.assertNotEmitted(model.modelReset), qtbot.waitSignal(model.dataChanged) as signal:
        model.set_matrix(updated)
    assert signal.args[0].row() == 0 and model.index(0, 1).data() == "Renamed"


def test_demo_model_passes_qtmodeltester(qtmodeltester, demo_workspace):
    qtmodeltester.check(demo_model(demo_workspace))


def test_seven_thousand_practices_by_twenty_services():
    matrix = synthetic_matrix(7000, 20)
    model = SignupMatrixModel()
    model.set_matrix(matrix)
    assert model.rowCount() == 7000
    assert model.columnCount() == 4 + 20
    last = model.index(6999, model.columnCount() - 1)
    assert last.data(DISPLAY) and CellState(last.data(STATE_ROLE)) in CellState
    assert model.index(6999, 0).data(SORT_ROLE) == "X06999"
    proxy = SignupFilterProxy()
    proxy.setSourceModel(model)
    proxy.set_locality("L07")
    assert proxy.rowCount() == 175
    proxy.set_search_text("practice 6999")
    assert proxy.rowCount() == 0  # 6999 is in locality L39
    proxy.set_locality(None)
    assert proxy.rowCount() == 1
    model.sort(COMPLIANCE_COLUMN, Qt.SortOrder.DescendingOrder)
    assert model.rowCount() == 7000


def test_synthetic_model_passes_qtmodeltester(qtmodeltester):
    model = SignupMatrixModel()
    model.set_matrix(synthetic_matrix(60, 8))
    qtmodeltester.check(model)
