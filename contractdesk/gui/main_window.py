"""The main window: section navigation on the left, the chosen page on the right, File menu."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings, Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QSplitter,
    QStackedWidget,
    QWidget,
)

from contractdesk.gui.about_dialog import AboutDialog
from contractdesk.gui.database_actions import DatabaseActions
from contractdesk.gui.icons import app_icon, section_icon
from contractdesk.gui.import_actions import ImportActions
from contractdesk.gui.kpi_sections import KPI_SECTION_KEY, KPI_SECTION_TITLE, kpi_section
from contractdesk.gui.practice_register import PracticeRegisterPage
from contractdesk.services.workspace import Workspace

# Per-user window state (QSettings), declared once here with what they hold.
GEOMETRY_SETTING = "main_window/geometry"  # QByteArray from saveGeometry()
SPLITTER_SETTING = "main_window/splitter_state"  # QByteArray from QSplitter.saveState()
SECTION_SETTING = "main_window/section"  # str: the key of the section last shown

DEFAULT_SIZE = (1280, 800)
NAVIGATION_WIDTH = 170
# What an operation may announce it changed, that the practice register shows.
REGISTER_DATA = frozenset({"practices", "list_sizes", "payments"})
# How long closing the window waits for a cancelled background operation to roll back.
CLOSE_WAIT_SECONDS = 30


class MainWindow(QMainWindow):
    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self.setWindowIcon(app_icon())
        self.navigation = QListWidget()
        self.pages = QStackedWidget()
        self._section_keys: list[str] = []
        self.practice_register = PracticeRegisterPage(workspace)
        self._add_section("Practices", "practices", self.practice_register)
        self.kpi_page = kpi_section(workspace)
        self._add_section(KPI_SECTION_TITLE, KPI_SECTION_KEY, self.kpi_page)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self._set_up_central_area()
        self.database_actions = DatabaseActions(workspace, self)
        self.import_actions = ImportActions(workspace, self)
        self.quit_action = QAction("&Quit", self)
        self.about_action = QAction("&About ContractDesk", self)
        self._set_up_menus()
        self.database_label = QLabel()
        self.user_label = QLabel()
        self._set_up_status_bar()
        self._show_workspace()
        self._connect_signals()
        self._restore_window_state()

    @property
    def workspace(self) -> Workspace:
        """The open database; the window owns it and closes it when it switches to another."""
        return self._workspace

    def _add_section(self, title: str, key: str, page: QWidget) -> None:
        QListWidgetItem(section_icon(key), title, self.navigation)
        self.pages.addWidget(page)
        self._section_keys.append(key)

    def _show_workspace(self) -> None:
        workspace = self._workspace
        self.setWindowTitle(f"ContractDesk — {workspace.description}")
        self.database_label.setText(workspace.description)
        self.user_label.setText(
            f"Signed in as {workspace.user.login} ({workspace.user.role.value})"
        )

    def _set_up_central_area(self) -> None:
        self.navigation.setObjectName("navigation")
        self.navigation.setMinimumWidth(120)
        self.splitter.addWidget(self.navigation)
        self.splitter.addWidget(self.pages)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setSizes([NAVIGATION_WIDTH, DEFAULT_SIZE[0] - NAVIGATION_WIDTH])
        self.setCentralWidget(self.splitter)

    def _set_up_menus(self) -> None:
        self.quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        # Not every platform has a standard Quit key (Windows has none); Ctrl+Q everywhere.
        if self.quit_action.shortcut().isEmpty():
            self.quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        file_menu = self.menuBar().addMenu("&File")
        file_menu.setObjectName("file_menu")
        file_menu.addAction(self.database_actions.open_action)
        file_menu.addAction(self.database_actions.new_action)
        file_menu.addSeparator()
        file_menu.addAction(self.database_actions.backup_action)
        import_menu = file_menu.addMenu("&Import")
        import_menu.addActions(self.import_actions.actions)
        # Show why an action is disabled (a viewer's imports, a server database's backup).
        file_menu.setToolTipsVisible(True)
        import_menu.setToolTipsVisible(True)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        self.file_menu, self.import_menu = file_menu, import_menu
        help_menu = self.menuBar().addMenu("&Help")
        help_menu.addAction(self.about_action)

    def _set_up_status_bar(self) -> None:
        self.statusBar().addWidget(self.database_label, 1)
        self.statusBar().addPermanentWidget(self.user_label)

    def _connect_signals(self) -> None:
        self.navigation.currentRowChanged.connect(self._on_section_changed)
        self.quit_action.triggered.connect(self._on_quit_triggered)
        self.about_action.triggered.connect(self._on_about_triggered)
        self.database_actions.workspace_opened.connect(self._on_workspace_opened)
        self.import_actions.data_changed.connect(self._on_data_changed)

    def _on_section_changed(self, row: int) -> None:
        if row >= 0:
            self.pages.setCurrentIndex(row)

    def _on_workspace_opened(self, workspace: Workspace) -> None:
        """Switch to another database: new pages on it, then close the old one."""
        previous, self._workspace = self._workspace, workspace
        section = self._current_section_key()
        self.navigation.clear()
        self._section_keys.clear()
        while self.pages.count():
            page = self.pages.widget(0)
            self.pages.removeWidget(page)
            page.deleteLater()
        self.practice_register = PracticeRegisterPage(workspace)
        self._add_section("Practices", "practices", self.practice_register)
        self.kpi_page = kpi_section(workspace)
        self._add_section(KPI_SECTION_TITLE, KPI_SECTION_KEY, self.kpi_page)
        self._show_section(section)
        self.database_actions.set_workspace(workspace)
        self.import_actions.set_workspace(workspace)
        self._show_workspace()
        previous.close()

    def _on_data_changed(self, changes: frozenset[str]) -> None:
        if changes & REGISTER_DATA:
            self.practice_register.reload()

    def _on_quit_triggered(self) -> None:
        self.close()

    def _on_about_triggered(self) -> None:
        self.about_dialog().exec()

    def about_dialog(self) -> AboutDialog:
        return AboutDialog(self._workspace.description, self)

    def _restore_window_state(self) -> None:
        settings = QSettings()
        section = settings.value(SECTION_SETTING)
        self._show_section(section if isinstance(section, str) else "")
        geometry = settings.value(GEOMETRY_SETTING)
        if not (isinstance(geometry, QByteArray) and self.restoreGeometry(geometry)):
            self._resize_to_default()
        splitter_state = settings.value(SPLITTER_SETTING)
        if isinstance(splitter_state, QByteArray):
            self.splitter.restoreState(splitter_state)

    def _current_section_key(self) -> str:
        row = self.navigation.currentRow()
        return self._section_keys[row] if 0 <= row < len(self._section_keys) else ""

    def _show_section(self, key: str) -> None:
        """Show the section `key`, or the first one if there is no such section (any more)."""
        row = self._section_keys.index(key) if key in self._section_keys else 0
        self.navigation.setCurrentRow(row)
        self.pages.setCurrentIndex(row)

    def _resize_to_default(self) -> None:
        """The default size, or nine-tenths of a screen too small for it (a laptop)."""
        width, height = DEFAULT_SIZE
        screen = self.screen()
        if screen is not None:
            available = screen.availableGeometry()
            width = min(width, available.width() * 9 // 10)
            height = min(height, available.height() * 9 // 10)
        self.resize(width, height)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        # An import still running is cancelled and rolled back before the database closes.
        for op in (self.import_actions.current_op, self.database_actions.current_op):
            if op is not None and op.is_running:
                op.cancel()
                op.wait(CLOSE_WAIT_SECONDS)
        settings = QSettings()
        settings.setValue(GEOMETRY_SETTING, self.saveGeometry())
        settings.setValue(SPLITTER_SETTING, self.splitter.saveState())
        settings.setValue(SECTION_SETTING, self._current_section_key())
        super().closeEvent(event)
