"""The main window started from a register snapshot: painted first, the database opened after."""

import json
import subprocess
import sys

import pytest
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QFileDialog

from contractdesk.domain.roles import Role
from contractdesk.errors import DatabaseUnavailable
from contractdesk.gui.main_window import MainWindow
from contractdesk.gui.practice_table_model import NAME_COLUMN
from contractdesk.services.practices import list_practices
from contractdesk.services.register_snapshot import RegisterSnapshot, read_register_snapshot
from contractdesk.services.users import set_role
from tests.gui.conftest import DEMO_LOGIN
from tests.gui.editor_helpers import retype

DEMO_PRACTICES = 37
HEAVY_MODULES = ("sqlalchemy", "alembic", "pandas", "reportlab", "openpyxl")


@pytest.fixture
def demo_path(demo_workspace) -> str:
    return str(demo_workspace.url.database)


@pytest.fixture
def start(qtbot, demo_path):
    """Make main windows as start-up does on a ready SQLite file: from a snapshot."""
    windows: list[MainWindow] = []

    def make(login: str = DEMO_LOGIN) -> MainWindow:
        snapshot = read_register_snapshot(demo_path, login)
        assert snapshot is not None
        window = MainWindow(snapshot, section="practices")
        qtbot.addWidget(window)
        windows.append(window)
        return window

    yield make
    for window in windows:
        window.close_workspace()


def test_the_register_and_status_bar_show_before_the_database_opens(start, demo_workspace):
    window = start()
    assert not window.is_database_open
    assert window.windowTitle() == f"ContractDesk — {demo_workspace.description}"
    assert window.database_label.text() == demo_workspace.description
    assert window.user_label.text() == "Signed in as tester (admin)"
    register = window.practice_register
    assert register.proxy.rowCount() == DEMO_PRACTICES
    assert register.ui.count_label.text() == "Showing 37 of 37 practices"
    assert register.ui.new_practice_button.isVisibleTo(window)


def test_the_database_opens_after_the_first_paint_then_a_practice_can_be_edited(qtbot, start):
    window = start()
    window.show()
    assert not window.is_database_open  # not in show(): after the register has been painted
    with qtbot.waitSignal(window.database_opened):
        pass
    assert window.user_label.text() == "Signed in as tester (admin)"
    register = window.practice_register
    register.select_practice("C87005")
    editor = register.open_practice("C87005")
    retype(qtbot, editor.ui.name_edit, "AAA Renamed Practice")
    with qtbot.waitSignal(register.practice_saved):
        editor.ui.save_button.click()
    row = register.ui.practice_table.currentIndex().row()
    assert register.proxy.index(row, NAME_COLUMN).data() == "AAA Renamed Practice"
    names = {row.ods_code: row.name for row in list_practices(window.workspace)}
    assert names["C87005"] == "AAA Renamed Practice"
    assert window.import_actions.practices_action.isEnabled()
    assert window.database_actions.backup_action.isEnabled()


def test_opening_a_practice_before_the_database_has_opened_opens_it_first(start):
    window = start()
    window.show()  # not painted yet: Enter typed ahead would come now
    editor = window.practice_register.open_practice("C87005")
    assert window.is_database_open
    assert editor is not None and editor.ods_code == "C87005"
    editor.close()


def test_an_import_chosen_before_the_database_has_opened_opens_it_first(start, monkeypatch):
    window = start()
    asked = []
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", lambda *arguments, **_: asked.append(1) or ("", "")
    )
    window.import_actions.practices_action.trigger()
    assert window.is_database_open
    assert asked == [1]


def test_typing_in_the_search_box_needs_no_database(start):
    window = start()
    window.show()
    search = window.practice_register.ui.search_edit
    QTest.keyClicks(search, "rother")
    assert not window.is_database_open
    assert window.practice_register.proxy.rowCount() < DEMO_PRACTICES


def test_asking_for_the_workspace_opens_it(start):
    window = start()
    workspace = window.workspace
    assert window.is_database_open
    assert window.workspace is workspace


def test_a_viewer_is_read_only_from_the_first_paint(qtbot, start, sign_in_as):
    sign_in_as("viewer.only")  # a newcomer: a viewer
    window = start("viewer.only")
    assert window.user_label.text() == "Signed in as viewer.only (viewer)"
    assert not window.practice_register.ui.new_practice_button.isVisibleTo(window)
    assert not window.import_actions.practices_action.isEnabled()
    window.show()
    with qtbot.waitSignal(window.database_opened):
        pass
    assert not window.practice_register.ui.new_practice_button.isVisibleTo(window)


def test_the_role_is_the_open_databases_if_it_changed_meanwhile(start, demo_workspace, sign_in_as):
    sign_in_as("viewer.only")
    window = start("viewer.only")
    set_role(demo_workspace, "viewer.only", Role.OFFICER)
    window.open_pending_workspace()
    assert window.user_label.text() == "Signed in as viewer.only (officer)"
    assert window.practice_register.ui.new_practice_button.isVisibleTo(window)
    assert window.import_actions.practices_action.isEnabled()


def test_a_window_closed_before_its_first_paint_never_opens_the_database(qtbot, start):
    window = start()
    window.show()
    window.close()
    qtbot.wait(50)
    assert not window.is_database_open


def test_a_database_that_will_not_open_is_said(qtbot, start, monkeypatch):
    def refuse(_snapshot):
        raise DatabaseUnavailable("Cannot use the database: it is locked")

    monkeypatch.setattr(RegisterSnapshot, "open_workspace", refuse)
    window = start()
    with qtbot.waitSignal(window.database_open_failed) as failed:
        window.show()
    assert str(failed.args[0]) == "Cannot use the database: it is locked"
    assert not window.is_database_open
    with pytest.raises(DatabaseUnavailable):
        _ = window.workspace
    assert window.practice_register.open_practice("C87005") is None


START_UP = """
import json, os, sys
from PySide6.QtCore import QEvent, QObject
from contractdesk.gui.application import create_application, start_main_window

HEAVY = {heavy!r}
application = create_application()
window = start_main_window({database!r}, {login!r}, section={section!r})
found = {{}}

class PaintWatch(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and "at_paint" not in found:
            found["at_paint"] = sorted(
                name for name in sys.modules if name.split(".")[0] in HEAVY
            )
            found["open_at_paint"] = window.is_database_open
        return False

watch = PaintWatch()
page = window.pages.currentWidget()
painted = page.ui.practice_table.viewport() if page is window.practice_register else page
painted.installEventFilter(watch)
while not window.is_database_open:
    application.processEvents()
from contractdesk.services.practices import list_practices
found["rows"] = len(list_practices(window.workspace))
found["after_open"] = sorted(name for name in HEAVY if name in sys.modules)
found["section_built"] = window.pages.currentWidget().__class__.__name__
window.close_workspace()
print(json.dumps(found))
sys.stdout.flush()
os._exit(0)
"""


@pytest.mark.parametrize(
    ("section", "page"), [("practices", "PracticeRegisterPage"), (None, "DashboardPage")]
)
def test_start_up_paints_before_importing_sqlalchemy_or_any_heavy_module(demo_path, section, page):
    """On the register (what the benchmark measures) and on a first run's dashboard, whose
    page is built once the database has opened after the first paint."""
    script = START_UP.format(
        heavy=HEAVY_MODULES, database=demo_path, login=DEMO_LOGIN, section=section
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, timeout=60
    )
    found = json.loads(result.stdout.strip().splitlines()[-1])
    assert found["at_paint"] == []
    assert found["open_at_paint"] is False
    assert found["rows"] == DEMO_PRACTICES
    assert found["after_open"] == ["sqlalchemy"]
    assert found["section_built"] == page


def test_a_section_chosen_before_the_database_opens_opens_it_and_is_built_once(start):
    window = start()
    assert not window.is_database_open
    window.navigation.setCurrentRow(window._section_keys.index("notices"))  # noqa: SLF001
    assert window.is_database_open
    page = window.pages.currentWidget()
    assert page is window.section_pages["notices"]
    assert page.model.rowCount() == 3  # the demo's notices, read through the opened database
