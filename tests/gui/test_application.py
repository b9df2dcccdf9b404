"""run_desktop: a database it cannot open is a plain message and exit status 2."""

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from contractdesk.gui import application
from contractdesk.services.workspace import Workspace, open_workspace


def test_unusable_database_shows_the_message_and_returns_2(qapp, tmp_path, monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "critical", lambda *arguments: shown.append(arguments))
    missing = tmp_path / "no such folder" / "contracts.sqlite"

    assert application.run_desktop(str(missing), "tester") == 2
    assert len(shown) == 1
    assert "folder for the database does not exist" in shown[0][2]


def test_runs_the_window_and_closes_the_workspace_at_exit(qapp, demo_workspace, monkeypatch):
    opened = []

    def open_and_remember(database, login):
        workspace = open_workspace(database, login)
        opened.append(workspace)
        return workspace

    monkeypatch.setattr(application, "open_workspace", open_and_remember)
    closed = []
    close = Workspace.close
    monkeypatch.setattr(Workspace, "close", lambda self: (closed.append(self), close(self)))
    QTimer.singleShot(0, _close_main_window)

    assert application.run_desktop(str(demo_workspace.url.database), "tester") == 0
    assert closed == opened
    assert QApplication.organizationName() == "ContractDesk"
    assert QApplication.applicationName() == "ContractDesk"


def _close_main_window() -> None:
    for widget in QApplication.topLevelWidgets():
        if widget.isVisible():
            widget.close()
            widget.deleteLater()
    # Closing the last window quits; a second, explicit quit would stay queued and end
    # every later event loop of the test session at once.
