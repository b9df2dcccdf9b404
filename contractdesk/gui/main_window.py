"""The main window: section navigation on the left, the chosen page on the right."""

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
from contractdesk.gui.icons import app_icon, section_icon
from contractdesk.gui.practice_register import PracticeRegisterPage
from contractdesk.services.workspace import Workspace

# Per-user window state (QSettings), declared once here with what they hold.
GEOMETRY_SETTING = "main_window/geometry"  # QByteArray from saveGeometry()
SPLITTER_SETTING = "main_window/splitter_state"  # QByteArray from QSplitter.saveState()

DEFAULT_SIZE = (1280, 800)
NAVIGATION_WIDTH = 170


class MainWindow(QMainWindow):
    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self.setWindowTitle(f"ContractDesk — {workspace.description}")
        self.setWindowIcon(app_icon())
        self.navigation = QListWidget()
        self.pages = QStackedWidget()
        self.practice_register = PracticeRegisterPage(workspace)
        self._add_section("Practices", "practices", self.practice_register)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self._set_up_central_area()
        self.quit_action = QAction("&Quit", self)
        self.about_action = QAction("&About ContractDesk", self)
        self._set_up_menus()
        self.database_label = QLabel(workspace.description)
        self.user_label = QLabel(
            f"Signed in as {workspace.user.login} ({workspace.user.role.value})"
        )
        self._set_up_status_bar()
        self._connect_signals()
        self.navigation.setCurrentRow(0)
        self._restore_window_state()

    def _add_section(self, title: str, icon_name: str, page: QWidget) -> None:
        QListWidgetItem(section_icon(icon_name), title, self.navigation)
        self.pages.addWidget(page)

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
        file_menu.addAction(self.quit_action)
        help_menu = self.menuBar().addMenu("&Help")
        help_menu.addAction(self.about_action)

    def _set_up_status_bar(self) -> None:
        self.statusBar().addWidget(self.database_label, 1)
        self.statusBar().addPermanentWidget(self.user_label)

    def _connect_signals(self) -> None:
        self.navigation.currentRowChanged.connect(self._on_section_changed)
        self.quit_action.triggered.connect(self._on_quit_triggered)
        self.about_action.triggered.connect(self._on_about_triggered)

    def _on_section_changed(self, row: int) -> None:
        if row >= 0:
            self.pages.setCurrentIndex(row)

    def _on_quit_triggered(self) -> None:
        self.close()

    def _on_about_triggered(self) -> None:
        self.about_dialog().exec()

    def about_dialog(self) -> AboutDialog:
        return AboutDialog(self._workspace.description, self)

    def _restore_window_state(self) -> None:
        settings = QSettings()
        geometry = settings.value(GEOMETRY_SETTING)
        if not (isinstance(geometry, QByteArray) and self.restoreGeometry(geometry)):
            self._resize_to_default()
        splitter_state = settings.value(SPLITTER_SETTING)
        if isinstance(splitter_state, QByteArray):
            self.splitter.restoreState(splitter_state)

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
        settings = QSettings()
        settings.setValue(GEOMETRY_SETTING, self.saveGeometry())
        settings.setValue(SPLITTER_SETTING, self.splitter.saveState())
        super().closeEvent(event)
