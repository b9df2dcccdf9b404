"""GUI fixtures: the Rotherham demo database, opened fresh for each test, and strict Qt logs."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import shutil  # noqa: E402
from collections.abc import Callable, Iterator  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402
from PySide6.QtCore import QSettings  # noqa: E402
from pytestqt.qtbot import QtBot  # noqa: E402

from contractdesk.services.demo import build_demo_database  # noqa: E402
from contractdesk.services.workspace import Workspace, open_workspace  # noqa: E402

GUI_TESTS = Path(__file__).parent
DEMO_LOGIN = "tester"
# The offscreen platform says this whenever a window is shown; it is not our bug.
OFFSCREEN_NOISE = r"This plugin does not support propagateSizeHints\(\)"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """A Qt warning or error logged during a GUI test fails it (pytest-qt's log capture)."""
    for item in items:
        if GUI_TESTS in item.path.parents:
            item.add_marker(pytest.mark.qt_log_level_fail("WARNING"))
            item.add_marker(pytest.mark.qt_log_ignore(OFFSCREEN_NOISE))


@pytest.fixture(autouse=True)
def _widgets_kept_until_closed(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """pytest-qt holds the widgets a test adds only weakly, and runs pending events before it
    closes them: a window made in a test body is cyclic garbage by then, and the collector,
    run inside one of its own slots (a page's read after its first paint), would delete it
    mid-slot. Keep each one alive until pytest-qt has closed it."""
    kept: list[object] = []
    add_widget = QtBot.addWidget

    def add_and_keep(self: QtBot, widget, *, before_close_func=None):  # type: ignore[no-untyped-def]
        kept.append(widget)
        return add_widget(self, widget, before_close_func=before_close_func)

    monkeypatch.setattr(QtBot, "addWidget", add_and_keep)
    yield
    kept.clear()


@pytest.fixture(scope="session")
def _demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Built once: 37 Rotherham practices, 36 of them with list sizes (nine payment years)."""
    return build_demo_database(tmp_path_factory.mktemp("demo") / "demo.sqlite", DEMO_LOGIN)


@pytest.fixture
def demo_workspace(_demo_template: Path, tmp_path: Path) -> Iterator[Workspace]:
    """A private copy of the demo database, signed in as its admin, closed after the test."""
    path = shutil.copyfile(_demo_template, tmp_path / "demo.sqlite")
    workspace = open_workspace(str(path), DEMO_LOGIN)
    yield workspace
    workspace.close()


@pytest.fixture(autouse=True)
def _fresh_settings(qapp) -> Iterator[None]:
    """Name the app as run_desktop does; each test starts with no saved window layout.

    The root conftest points XDG_CONFIG_HOME at a temporary folder, so this never touches
    the real user's settings.
    """
    qapp.setOrganizationName("ContractDesk")
    qapp.setApplicationName("ContractDesk")
    QSettings().clear()
    yield
    QSettings().clear()


@pytest.fixture
def sign_in_as(demo_workspace: Workspace) -> Iterator[Callable[[str], Workspace]]:
    """Open the test's demo copy again as another user (a newcomer is a viewer)."""
    opened: list[Workspace] = []

    def sign_in(login: str) -> Workspace:
        workspace = open_workspace(str(demo_workspace.url.database), login)
        opened.append(workspace)
        return workspace

    yield sign_in
    for workspace in opened:
        workspace.close()
