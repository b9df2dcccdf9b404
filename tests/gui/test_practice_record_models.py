"""The list-size and history table models, without widgets, on the demo practice C87003."""

from datetime import datetime

from contractdesk.gui.list_size_table_model import (
    AS_OF_COLUMN,
    REGISTERED_COLUMN,
    SORT_ROLE,
    WEIGHTED_COLUMN,
    ListSizeTableModel,
)
from contractdesk.gui.practice_history_view import (
    ChangeTableModel,
    PracticeHistoryModel,
    change_rows,
)
from contractdesk.services.audit import AuditRecord
from contractdesk.services.practice_history import practice_history
from contractdesk.services.practices import get_practice

CODE = "C87003"


def record(**fields) -> AuditRecord:
    defaults = dict(
        occurred_at=datetime(2025, 1, 2, 3, 4),
        user_login="tester",
        action="update",
        entity_type="practice",
        entity_key=CODE,
        summary=None,
        before=None,
        after=None,
        details=None,
    )
    return AuditRecord(**(defaults | fields))


def test_list_size_model_passes_the_model_tester(qtmodeltester, demo_workspace):
    model = ListSizeTableModel()
    model.set_rows(get_practice(demo_workspace, CODE).list_sizes)
    qtmodeltester.check(model)
    assert model.index(0, AS_OF_COLUMN).data() == "31 Mar 2023"
    assert model.index(0, REGISTERED_COLUMN).data() == "11,116.50"
    assert model.index(0, WEIGHTED_COLUMN).data(SORT_ROLE) == 12103.97
    assert model.index(1, WEIGHTED_COLUMN).data() == ""


def test_history_models_pass_the_model_tester(qtmodeltester, demo_workspace):
    history = PracticeHistoryModel()
    history.set_records(practice_history(demo_workspace, CODE))
    qtmodeltester.check(history)
    assert history.rowCount() == 11  # with a list size from each of nine payment years
    changes = ChangeTableModel()
    changes.set_text_rows([("Name", "Old", "New")])
    qtmodeltester.check(changes)


def test_change_rows_of_an_edit_show_before_and_after():
    edit = record(before={"open_date": "1974-04-01"}, after={"open_date": None})
    assert change_rows(edit, CODE) == [("Opened", "01 Apr 1974", "—")]


def test_change_rows_of_an_import_show_only_this_practice():
    imported = record(
        action="import",
        details={"updated": {CODE: {"name": ["A", "B"]}, "C87005": {"phone": ["1", "2"]}}},
    )
    assert change_rows(imported, CODE) == [("Name", "A", "B")]
    added = record(action="import", details={"added": [CODE]})
    assert change_rows(added, CODE) == [("Record", "—", "practice added by the import")]
    sizes = record(
        action="import",
        entity_type="list_size",
        details={"list_sizes": {CODE: "11038.00"}, "as_of": "2022-05-01"},
    )
    assert change_rows(sizes, CODE) == [("Registered patients at 01 May 2022", "—", "11038.00")]
