"""File → Import: choose NHS files, import them in the background, show the import report."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSettings, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from contractdesk.domain.roles import Role
from contractdesk.errors import KnownError
from contractdesk.gui.background import BackgroundOp, show_message
from contractdesk.importers.progress import Progress
from contractdesk.importers.report import ImportRejected, ImportReport
from contractdesk.services.register_snapshot import RegisterSnapshot
from contractdesk.services.workspace import Workspace

if TYPE_CHECKING:  # loaded when an import is chosen, not at start-up
    from contractdesk.gui.import_report_dialog import ImportReportDialog

# Per-user setting: the folder the last imported file came from (str).
LAST_FOLDER_SETTING = "import/last_folder"
CSV_FILTER = "CSV files (*.csv);;All files (*)"
VIEWER_TOOLTIP = "Viewers cannot import. An admin can give you the officer role."


class ImportActions(QObject):
    """The three import actions of the File menu, enabled for officers and admins.

    The import services load when an import is chosen, not at start-up. Until the window's
    workspace is open (start-up paints from a `RegisterSnapshot` first) only the user's role
    is read here; an import chosen before then asks for it (`workspace_requested`).
    """

    data_changed = Signal(object)  # frozenset[str] of what an import changed
    # Chosen while there is only a snapshot: the window opens the database (set_workspace).
    workspace_requested = Signal()

    def __init__(self, workspace: Workspace | RegisterSnapshot, parent: QWidget) -> None:
        super().__init__(parent)
        self._parent_widget = parent
        self._workspace = workspace
        self.practices_action = QAction("&Practices (epraccur)…", self)
        self.list_sizes_action = QAction("&List sizes…", self)
        self.payments_action = QAction("P&ayments…", self)
        self.current_op: BackgroundOp | None = None
        self.report_dialog: ImportReportDialog | None = None
        self.message_box: QMessageBox | None = None
        self._connect_signals()
        self.set_workspace(workspace)

    @property
    def actions(self) -> list[QAction]:
        return [self.practices_action, self.list_sizes_action, self.payments_action]

    def set_workspace(self, workspace: Workspace | RegisterSnapshot) -> None:
        self._workspace = workspace
        allowed = workspace.user.role.can_act_as(Role.OFFICER)
        for action in self.actions:
            action.setEnabled(allowed)
            action.setToolTip("" if allowed else VIEWER_TOOLTIP)

    def _connect_signals(self) -> None:
        self.practices_action.triggered.connect(self._on_practices_triggered)
        self.list_sizes_action.triggered.connect(self._on_list_sizes_triggered)
        self.payments_action.triggered.connect(self._on_payments_triggered)

    def _open_workspace(self) -> Workspace | None:
        """The open database (asked for if there is only a snapshot); None if it will not open
        (the window has said why)."""
        if isinstance(self._workspace, RegisterSnapshot):
            self.workspace_requested.emit()
        return self._workspace if isinstance(self._workspace, Workspace) else None

    def _scope(self, areas: list[str]) -> str:
        return f" — only {', '.join(areas)}" if areas else " — all areas"

    def _on_practices_triggered(self) -> None:
        workspace = self._open_workspace()
        if workspace is None:
            return
        areas = _areas(workspace)
        path = self._choose_file("Import practices: the ODS epraccur file" + self._scope(areas))
        if path is not None:
            from contractdesk.services.practice_import import import_practices

            self._run(
                "practices",
                lambda progress: [import_practices(workspace, path, areas, progress=progress)],
                frozenset({"practices"}),
            )

    def _on_list_sizes_triggered(self) -> None:
        workspace = self._open_workspace()
        if workspace is None:
            return
        areas = _areas(workspace)
        path = self._choose_file(
            "Import list sizes: patients registered at a GP practice" + self._scope(areas)
        )
        if path is not None:
            from contractdesk.services.list_size_import import import_list_sizes

            self._run(
                "list sizes",
                lambda progress: [import_list_sizes(workspace, path, areas, progress=progress)],
                frozenset({"list_sizes"}),
            )

    def _on_payments_triggered(self) -> None:
        workspace = self._open_workspace()
        if workspace is None:
            return
        areas = _areas(workspace)
        names, _filter = QFileDialog.getOpenFileNames(
            self._parent_widget,
            "Import payments: NHS Payments to General Practice (one file per year)"
            + self._scope(areas),
            _last_folder(),
            CSV_FILTER,
        )
        if names:
            from contractdesk.services.payment_import import import_payments

            paths = [Path(name) for name in names]
            _remember_folder(paths[0])
            self._run(
                "payments",
                lambda progress: import_payments(workspace, paths, areas, progress=progress),
                # Payments also set practices' contract type and PCN, and year-end list sizes.
                frozenset({"payments", "practices", "list_sizes"}),
            )

    def _choose_file(self, caption: str) -> Path | None:
        name, _filter = QFileDialog.getOpenFileName(
            self._parent_widget, caption, _last_folder(), CSV_FILTER
        )
        if not name:
            return None
        path = Path(name)
        _remember_folder(path)
        return path

    def _run(
        self,
        what: str,
        work: Callable[[Progress], list[ImportReport]],
        changes: frozenset[str],
    ) -> None:
        op = BackgroundOp(self._parent_widget, work, label=f"Importing {what}", changes=changes)
        op.success(lambda reports: self._show_report(what, reports))
        op.failure(lambda error: self._on_import_failed(what, error))
        op.changed.connect(self.data_changed)
        self.current_op = op.run_in_background()

    def _show_report(self, what: str, reports: list[ImportReport], rejected: bool = False) -> None:
        from contractdesk.gui.import_report_dialog import ImportReportDialog

        dialog = ImportReportDialog(what, reports, rejected=rejected, parent=self._parent_widget)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.report_dialog = dialog
        dialog.open()

    def _on_import_failed(self, what: str, error: KnownError) -> None:
        if isinstance(error, ImportRejected):
            self._show_report(what, error.reports, rejected=True)
        else:
            self.message_box = show_message(self._parent_widget, str(error), f"Import {what}")


def _areas(workspace: Workspace) -> list[str]:
    """Imports keep to the areas already in the register; an empty one takes them all."""
    from contractdesk.services.practices import areas_in_register

    return areas_in_register(workspace)


def _last_folder() -> str:
    value = QSettings().value(LAST_FOLDER_SETTING, "")
    return value if isinstance(value, str) else ""


def _remember_folder(path: Path) -> None:
    QSettings().setValue(LAST_FOLDER_SETTING, str(path.parent))
