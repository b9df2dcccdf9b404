"""The practice editor's Sub-contracts tab: both directions of a practice's arrangements."""

from contractdesk.gui.practice_editor import SUBCONTRACTS_TAB, PracticeEditor
from contractdesk.gui.subcontract_table_model import CONTRACTOR_COLUMN, SUBCONTRACTOR_COLUMN
from contractdesk.services.subcontracts import list_subcontracts


def open_editor(qtbot, workspace, ods_code):
    editor = PracticeEditor(workspace, ods_code)
    qtbot.addWidget(editor)
    return editor


def test_tab_lists_arrangements_as_contractor_and_as_subcontractor(qtbot, demo_workspace):
    entry = list_subcontracts(demo_workspace)[0]
    contractor = open_editor(qtbot, demo_workspace, entry.contractor_code)
    assert contractor.ui.tabs.tabText(SUBCONTRACTS_TAB) == "Sub-&contracts"
    assert contractor.ui.tabs.isTabEnabled(SUBCONTRACTS_TAB)
    view = contractor.subcontracts
    given = [
        view.as_contractor_model.row_at(r).reference
        for r in range(view.as_contractor_model.rowCount())
    ]
    assert entry.reference in given
    assert view.as_contractor_table.isColumnHidden(CONTRACTOR_COLUMN)
    assert "As contractor" in view.as_contractor_label.text()

    delivering = open_editor(qtbot, demo_workspace, entry.subcontractor_code)
    view = delivering.subcontracts
    taken = [
        view.as_subcontractor_model.row_at(r).reference
        for r in range(view.as_subcontractor_model.rowCount())
    ]
    assert entry.reference in taken
    assert view.as_subcontractor_table.isColumnHidden(SUBCONTRACTOR_COLUMN)


def test_a_practice_without_arrangements_shows_empty_lists(qtbot, demo_workspace):
    involved = {
        code
        for entry in list_subcontracts(demo_workspace)
        for code in (entry.contractor_code, entry.subcontractor_code)
    }
    code = next(c for c in ("C87003", "C87004", "C87008", "C87009") if c not in involved)
    editor = open_editor(qtbot, demo_workspace, code)
    view = editor.subcontracts
    assert view.as_contractor_model.rowCount() == view.as_subcontractor_model.rowCount() == 0
    assert "(0)" in view.as_contractor_label.text()


def test_a_new_practice_has_the_tab_disabled(qtbot, demo_workspace):
    editor = open_editor(qtbot, demo_workspace, None)
    assert not editor.ui.tabs.isTabEnabled(SUBCONTRACTS_TAB)
