"""Start the desktop app: open the database, show the main window, run until it closes."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from contractdesk import __version__
from contractdesk.errors import KnownError
from contractdesk.gui.crash_report import install_exception_hook
from contractdesk.gui.icons import app_icon
from contractdesk.gui.main_window import MainWindow
from contractdesk.services.register_snapshot import read_register_snapshot
from contractdesk.services.workspace import open_workspace

APPLICATION_NAME = "ContractDesk"
ORGANISATION_NAME = "ContractDesk"


def run_desktop(database: str | None, login: str | None) -> int:
    """Run the app on `database` (path or URL; None for the default) as `login`.

    Returns the exit status: 0 after a normal close, 2 when the database cannot be used.
    """
    application = create_application()
    install_exception_hook()
    window = start_main_window(database, login)
    if window is None:
        return 2

    def on_database_open_failed(error: KnownError) -> None:  # opened after the first paint
        _refuse_database(error, window)
        window.hide()  # (closing the last window would quit with status 0)
        application.exit(2)

    window.database_open_failed.connect(on_database_open_failed)
    try:
        return application.exec()
    finally:
        # The window may have switched to another database (File → Open): close that one.
        window.close_workspace()


def start_main_window(
    database: str | None, login: str | None, *, section: str | None = None
) -> MainWindow | None:
    """Show the main window on the database, or say why it cannot be opened (and give None).
    `section`: open on it rather than the one last shown.

    A SQLite file that needs nothing done to it first is shown from a snapshot of its register,
    read without SQLAlchemy, and the window opens it after that first paint. Anything else
    (a server, a new file, an upgrade, a first sign-in) is opened before the window is made.
    """
    snapshot = read_register_snapshot(database, login)
    if snapshot is not None:
        window = MainWindow(snapshot, section=section)
        window.show()
        return window
    try:
        workspace = open_workspace(database, login)
    except KnownError as error:
        _refuse_database(error)
        return None
    try:
        window = MainWindow(workspace, section=section)
    except BaseException:
        workspace.close()
        raise
    window.show()
    return window


def _refuse_database(error: KnownError, parent: QWidget | None = None) -> None:
    QMessageBox.critical(parent, f"{APPLICATION_NAME}: cannot open the database", str(error))


def create_application() -> QApplication:
    """The one QApplication, named so that QSettings finds this app's per-user settings."""
    existing = QApplication.instance()
    application = existing if isinstance(existing, QApplication) else QApplication(sys.argv)
    application.setOrganizationName(ORGANISATION_NAME)
    application.setApplicationName(APPLICATION_NAME)
    application.setApplicationVersion(__version__)
    application.setWindowIcon(app_icon())
    return application
