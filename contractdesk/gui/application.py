"""Start the desktop app: open the database, show the main window, run until it closes."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication, QMessageBox

from contractdesk import __version__
from contractdesk.errors import KnownError
from contractdesk.gui.crash_report import install_exception_hook
from contractdesk.gui.icons import app_icon
from contractdesk.gui.main_window import MainWindow
from contractdesk.services.workspace import open_workspace

APPLICATION_NAME = "ContractDesk"
ORGANISATION_NAME = "ContractDesk"


def run_desktop(database: str | None, login: str | None) -> int:
    """Run the app on `database` (path or URL; None for the default) as `login`.

    Returns the exit status: 0 after a normal close, 2 when the database cannot be used.
    """
    application = create_application()
    install_exception_hook()
    try:
        workspace = open_workspace(database, login)
    except KnownError as error:
        QMessageBox.critical(None, f"{APPLICATION_NAME}: cannot open the database", str(error))
        return 2
    try:
        window = MainWindow(workspace)
    except BaseException:
        workspace.close()
        raise
    try:
        window.show()
        return application.exec()
    finally:
        # The window may have switched to another database (File → Open): close that one.
        window.workspace.close()


def create_application() -> QApplication:
    """The one QApplication, named so that QSettings finds this app's per-user settings."""
    existing = QApplication.instance()
    application = existing if isinstance(existing, QApplication) else QApplication(sys.argv)
    application.setOrganizationName(ORGANISATION_NAME)
    application.setApplicationName(APPLICATION_NAME)
    application.setApplicationVersion(__version__)
    application.setWindowIcon(app_icon())
    return application
