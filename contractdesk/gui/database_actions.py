"""File → Open database, New database and Back up: choosing files and switching databases."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from contractdesk.app_paths import backup_dir, data_dir
from contractdesk.gui.background import BackgroundOp, show_message
from contractdesk.services.register_snapshot import RegisterSnapshot
from contractdesk.services.workspace import Workspace, open_workspace

DATABASE_FILTER = "ContractDesk databases (*.sqlite *.db);;All files (*)"
DATABASE_SUFFIX = ".sqlite"
POSTGRESQL_BACKUP_TOOLTIP = (
    "A PostgreSQL database is backed up on its server (pg_dump), not from here."
)


class DatabaseActions(QObject):
    """Opens or creates a database in the background and hands over the new workspace."""

    workspace_opened = Signal(object)  # the new Workspace; the receiver owns it from then on

    def __init__(self, workspace: Workspace | RegisterSnapshot, parent: QWidget) -> None:
        super().__init__(parent)
        self._parent_widget = parent
        self._workspace = workspace
        self.open_action = QAction("&Open database…", self)
        self.open_action.setShortcut(QKeySequence.StandardKey.Open)
        self.new_action = QAction("&New database…", self)
        self.backup_action = QAction("&Back up…", self)
        self.current_op: BackgroundOp | None = None
        self.message_box: QMessageBox | None = None
        self._connect_signals()
        self.set_workspace(workspace)

    def set_workspace(self, workspace: Workspace | RegisterSnapshot) -> None:
        """The database these actions start from (a start-up snapshot of it will do)."""
        self._workspace = workspace
        self.backup_action.setEnabled(workspace.is_sqlite)
        self.backup_action.setToolTip(
            "Save a copy of this database file"
            if workspace.is_sqlite
            else POSTGRESQL_BACKUP_TOOLTIP
        )

    def _connect_signals(self) -> None:
        self.open_action.triggered.connect(self._on_open_triggered)
        self.new_action.triggered.connect(self._on_new_triggered)
        self.backup_action.triggered.connect(self._on_backup_triggered)

    def _on_open_triggered(self) -> None:
        name, _filter = QFileDialog.getOpenFileName(
            self._parent_widget, "Open database", str(self._folder()), DATABASE_FILTER
        )
        if name:
            self._open(Path(name), f"Opening {Path(name).name}")

    def _on_new_triggered(self) -> None:
        name, _filter = QFileDialog.getSaveFileName(
            self._parent_widget,
            "New database",
            str(self._folder() / f"contractdesk{DATABASE_SUFFIX}"),
            DATABASE_FILTER,
            options=QFileDialog.Option.DontConfirmOverwrite,
        )
        if not name:
            return
        path = Path(name)
        if not path.suffix:
            path = path.with_suffix(DATABASE_SUFFIX)
        if path.exists():
            # Never overwrite a file from here: it may be someone's only copy of their data.
            self.message_box = show_message(
                self._parent_widget,
                f"{path} already exists. Choose another name, or use File → Open database "
                "to open it.",
                "New database",
            )
            return
        self._open(path, f"Creating {path.name}")

    def _open(self, path: Path, label: str) -> None:
        login = self._workspace.user.login
        op = BackgroundOp(
            self._parent_widget,
            lambda _progress: open_workspace(str(path), login),
            label=label,
            cancellable=False,
        )
        op.success(self.workspace_opened.emit)
        self.current_op = op.run_in_background()

    def _on_backup_triggered(self) -> None:
        source = Path(self._workspace.description)
        suggested = backup_dir() / f"{source.stem}-{date.today():%Y-%m-%d}{DATABASE_SUFFIX}"
        name, _filter = QFileDialog.getSaveFileName(
            self._parent_widget, "Back up the database", str(suggested), DATABASE_FILTER
        )
        if not name:
            return
        from contractdesk.services.database_admin import backup_database  # not at start-up

        database = str(source)
        op = BackgroundOp(
            self._parent_widget,
            lambda _progress: backup_database(database, Path(name), overwrite=True),
            label=f"Backing up {source.name}",
            cancellable=False,
        )
        op.success(self._on_backup_written)
        self.current_op = op.run_in_background()

    def _on_backup_written(self, destination: Path) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Information,
            "Back up",
            f"The database was backed up to\n{destination}",
            QMessageBox.StandardButton.Ok,
            self._parent_widget,
        )
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.message_box = box
        box.open()

    def _folder(self) -> Path:
        """Where the dialogs start: beside the open database file, or the data folder."""
        if self._workspace.is_sqlite:
            return Path(self._workspace.description).parent
        return data_dir()
