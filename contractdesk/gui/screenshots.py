"""Save screenshots of the main window and About dialog on the demo database (for review)."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

SCREENSHOT_FOLDER = Path("build") / "screenshots"
WINDOW_SIZE = (1280, 800)


def main() -> int:
    # Render without a display (CI, review machines) unless the caller chose a platform.
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from contractdesk.gui.application import create_application
    from contractdesk.gui.main_window import MainWindow
    from contractdesk.services.demo import build_demo_database
    from contractdesk.services.workspace import open_workspace

    SCREENSHOT_FOLDER.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="contractdesk-screenshots-") as folder:
        # Keep the user's own saved window layout out of the pictures, and the pictures' out of it.
        QSettings.setDefaultFormat(QSettings.Format.IniFormat)
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, folder)
        create_application()
        database = build_demo_database(Path(folder) / "demo.sqlite", "demo.officer")
        workspace = open_workspace(str(database), "demo.officer")
        try:
            window = MainWindow(workspace)
            window.resize(*WINDOW_SIZE)
            window.show()
            QApplication.processEvents()
            _save(window.grab(), "main_window.png")
            about = window.about_dialog()
            about.show()
            QApplication.processEvents()
            _save(about.grab(), "about.png")
            about.close()
            window.close()
        finally:
            workspace.close()
    return 0


def _save(pixmap, name: str) -> None:  # type: ignore[no-untyped-def]
    path = SCREENSHOT_FOLDER / name
    if not pixmap.save(str(path)):
        raise OSError(f"could not save {path}")
    print(f"saved {path}")


if __name__ == "__main__":
    sys.exit(main())
