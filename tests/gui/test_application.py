"""run_desktop: a database it cannot open is a plain message and exit status 2; the workspace
it opens (from a start-up snapshot or before the window) is closed at exit."""

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from contractdesk.errors import DatabaseUnavailable
from contractdesk.gui import application
from contractdesk.gui.main_window import MainWindow
from contractdesk.services import register_snapshot
from contractdesk.services.register_snapshot import RegisterSnapshot
from contractdesk.services.workspace import Workspace, open_workspace


def test_unusable_database_shows_the_message_and_returns_2(qapp, tmp_path, monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "critical", lambda *arguments: shown.append(arguments))
    missing = tmp_path / "no such folder" / "contracts.sqlite"

    assert application.run_desktop(str(missing), "tester") == 2
    assert len(shown) == 1
    assert "folder for the database does not exist" in shown[0][2]


@pytest.mark.parametrize(
    ("login", "from_snapshot"),
    [("tester", True), ("newcomer", False)],  # a newcomer is signed up before the window
)
def test_runs_the_window_and_closes_the_workspace_at_exit(
    qapp, demo_workspace, monkeypatch, login, from_snapshot
):
    opened = []

    def open_and_remember(database, login):
        workspace = open_workspace(database, login)
        opened.append(workspace)
        return workspace

    monkeypatch.setattr(application, "open_workspace", open_and_remember)
    monkeypatch.setattr(register_snapshot, "open_workspace", open_and_remember)
    made = []
    monkeypatch.setattr(
        application,
        "MainWindow",
        lambda source, **options: made.append(source) or MainWindow(source, **options),
    )
    closed = []
    close = Workspace.close
    monkeypatch.setattr(Workspace, "close", lambda self: (closed.append(self), close(self)))
    QTimer.singleShot(0, _close_main_window_once_open)

    assert application.run_desktop(str(demo_workspace.url.database), login) == 0
    assert isinstance(made[0], RegisterSnapshot) is from_snapshot
    assert len(opened) == 1
    assert opened[0].user.login == login
    assert closed == opened
    assert QApplication.organizationName() == "ContractDesk"
    assert QApplication.applicationName() == "ContractDesk"


def test_a_database_failing_to_open_after_the_first_paint_is_the_message_and_2(
    qapp, demo_workspace, monkeypatch
):
    def refuse(_snapshot):
        raise DatabaseUnavailable("Cannot use the database: it is locked")

    monkeypatch.setattr(RegisterSnapshot, "open_workspace", refuse)
    shown = []
    monkeypatch.setattr(QMessageBox, "critical", lambda *arguments: shown.append(arguments))

    assert application.run_desktop(str(demo_workspace.url.database), "tester") == 2
    assert [arguments[2] for arguments in shown] == ["Cannot use the database: it is locked"]
    assert not [widget for widget in QApplication.topLevelWidgets() if widget.isVisible()]
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, MainWindow):
            widget.deleteLater()


def _close_main_window_once_open() -> None:
    windows = [
        widget
        for widget in QApplication.topLevelWidgets()
        if isinstance(widget, MainWindow) and widget.isVisible()
    ]
    if not all(window.is_database_open for window in windows):
        QTimer.singleShot(10, _close_main_window_once_open)
        return
    for window in windows:
        window.close()
        window.deleteLater()
    # Closing the last window quits; a second, explicit quit would stay queued and end
    # every later event loop of the test session at once.
