"""The main window: section navigation on the left, the chosen page on the right, File menu."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QEvent, QObject, QSettings, Qt, QTimer, Signal
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

from contractdesk.errors import DatabaseUnavailable, KnownError
from contractdesk.gui.database_actions import DatabaseActions
from contractdesk.gui.icons import app_icon, section_icon
from contractdesk.gui.import_actions import ImportActions
from contractdesk.gui.practice_register import PracticeRegisterPage
from contractdesk.services.register_snapshot import RegisterSnapshot
from contractdesk.services.workspace import Workspace

if TYPE_CHECKING:  # loaded when asked for, not at start-up
    from contractdesk.gui.about_dialog import AboutDialog

# Per-user window state (QSettings), declared once here with what they hold.
GEOMETRY_SETTING = "main_window/geometry"  # QByteArray from saveGeometry()
SPLITTER_SETTING = "main_window/splitter_state"  # QByteArray from QSplitter.saveState()
SECTION_SETTING = "main_window/section"  # str: the key of the section last shown

DEFAULT_SIZE = (1280, 800)
NAVIGATION_WIDTH = 140
# What an operation may announce it changed, that the practice register shows.
REGISTER_DATA = frozenset({"practices", "list_sizes", "payments"})
# What the quality-contract sections (and the register's Whole contract column) show.
QUALITY_DATA = frozenset({"services", "signups", "subcontracts"})
# The sections after the register: (title, key, module, page class). Each module is imported
# when its section is first shown, so that none of them slows the start-up.
LAZY_SECTIONS = (
    ("Sign-ups", "signups", "contractdesk.gui.signup_page", "SignupsPage"),
    ("Sub-contracts", "subcontracts", "contractdesk.gui.subcontracts_page", "SubcontractsPage"),
    ("Services", "services", "contractdesk.gui.services_page", "ServicesPage"),
    ("KPIs", "kpis", "contractdesk.gui.kpi_page", "KpiPage"),
    ("Notices", "notices", "contractdesk.gui.notices_page", "NoticesPage"),
    ("Letters", "letters", "contractdesk.gui.letters_page", "LettersPage"),
    ("Funding", "funding", "contractdesk.gui.funding_section", "FundingSection"),
    ("Dashboard", "dashboard", "contractdesk.gui.dashboard_page", "DashboardPage"),
)
# Lazy sections listed before the register: the dashboard is what a first run opens on (its
# page reads nothing until after the window's first paint).
LEADING_SECTIONS = ("dashboard",)
# What the escalation sections (notices, concerns, plans, sanctions) and the dashboard show.
ESCALATION_DATA = frozenset({"notices", "concerns", "plans", "sanctions"})
# The signal each lazy page announces its changes with (the dashboard changes nothing).
CHANGE_SIGNALS = {
    "signups": "signups_changed",
    "subcontracts": "subcontracts_changed",
    "services": "services_changed",
    "notices": "notices_changed",
    "letters": "letters_changed",
}
# How long closing the window waits for a cancelled background operation to roll back.
CLOSE_WAIT_SECONDS = 30


class MainWindow(QMainWindow):
    """The main window on an open workspace, or at start-up on a `RegisterSnapshot`.

    From a snapshot the window paints the register at once and opens the workspace itself
    right after that first paint (or sooner, when a practice or an import is opened before
    then), then says `database_opened`; if the database cannot be opened it says
    `database_open_failed`.
    """

    database_opened = Signal()
    database_open_failed = Signal(object)  # the KnownError

    def __init__(
        self,
        workspace: Workspace | RegisterSnapshot,
        parent: QWidget | None = None,
        *,
        section: str | None = None,
    ) -> None:
        """`section`: the section to open on instead of the one last shown (the start-up
        benchmark opens on the register it measures)."""
        super().__init__(parent)
        self._first_section = section
        self._workspace: Workspace | None = None
        self._snapshot: RegisterSnapshot | None = None
        if isinstance(workspace, RegisterSnapshot):
            self._snapshot = workspace
        else:
            self._workspace = workspace
        self._startup_watch: _StartupWatch | None = None
        self._window_ready = False  # True once built: a section shown later may open the database
        self._description = ""
        self.setWindowIcon(app_icon())
        self.navigation = QListWidget()
        self.pages = QStackedWidget()
        self._section_keys: list[str] = []
        # The lazy sections built so far, by key.
        self.section_pages: dict[str, QWidget] = {}
        self.practice_register = PracticeRegisterPage(workspace)
        self._add_sections()
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
        if self._snapshot is not None:
            self._startup_watch = _StartupWatch(self, self._first_painted_widget())

    @property
    def workspace(self) -> Workspace:
        """The open database; the window owns it and closes it when it switches to another.

        A window started from a snapshot opens it here if it has not yet."""
        if self._workspace is None and not self.open_pending_workspace():
            raise DatabaseUnavailable("The database could not be opened.")
        assert self._workspace is not None
        return self._workspace

    @property
    def is_database_open(self) -> bool:
        return self._workspace is not None

    def open_pending_workspace(self) -> bool:
        """Open the database a start-up snapshot came from, once; False if it cannot be."""
        if self._workspace is not None:
            return True
        snapshot, self._snapshot = self._snapshot, None
        self._stop_startup_watch()
        if snapshot is None:  # it failed already, or the window closed first
            return False
        try:
            workspace = snapshot.open_workspace()
        except KnownError as error:
            self.database_open_failed.emit(error)
            return False
        self._workspace = workspace
        self.practice_register.set_workspace(workspace)
        self.database_actions.set_workspace(workspace)
        self.import_actions.set_workspace(workspace)
        self._show_workspace()
        self._show_section(self._current_section_key())  # a section waiting for it is built
        self.database_opened.emit()
        return True

    def close_workspace(self) -> None:
        """Close the open database (and give up opening one still pending)."""
        self._snapshot = None
        self._stop_startup_watch()
        if self._workspace is not None:
            self._workspace.close()

    def _first_painted_widget(self) -> QWidget:
        """What the first frame paints last: the register's rows, or a section's placeholder."""
        if self.pages.currentWidget() is self.practice_register:
            return self.practice_register.ui.practice_table.viewport()
        return self.pages.currentWidget()

    def _stop_startup_watch(self) -> None:
        if self._startup_watch is not None:
            self._startup_watch.stop()
            self._startup_watch = None

    def section_page(self, key: str) -> QWidget:
        """The page of section `key`, built (and its module imported) on first use."""
        if key == "practices":
            return self.practice_register
        if key not in self.section_pages:
            if self._workspace is None and not self._window_ready:
                # Started from a snapshot: the page is built once the database is open.
                return self.pages.widget(self._section_keys.index(key))
            self._build_section(key)
        return self.section_pages[key]

    def show_section(self, key: str) -> QWidget:
        self._show_section(key)
        return self.pages.currentWidget()

    def _add_sections(self) -> None:
        leading = [s for key in LEADING_SECTIONS for s in LAZY_SECTIONS if s[1] == key]
        for title, key, _module, _page_class in leading:
            self._add_section(title, key, _placeholder())
        self._add_section("Practices", "practices", self.practice_register)
        self.practice_register.practice_saved.connect(self._on_practice_saved)
        for title, key, _module, _page_class in LAZY_SECTIONS:
            if key not in LEADING_SECTIONS:
                self._add_section(title, key, _placeholder())

    def _add_section(self, title: str, key: str, page: QWidget) -> None:
        QListWidgetItem(section_icon(key), title, self.navigation)
        self.pages.addWidget(page)
        self._section_keys.append(key)

    def _build_section(self, key: str) -> None:
        # A section chosen before the start-up's database has opened opens it first (which
        # shows, and so builds, the section chosen).
        workspace = self.workspace
        if key in self.section_pages:
            return
        _title, _key, module_name, class_name = next(s for s in LAZY_SECTIONS if s[1] == key)
        page_class = getattr(importlib.import_module(module_name), class_name)
        page = page_class(workspace)
        row = self._section_keys.index(key)
        placeholder = self.pages.widget(row)
        self.pages.insertWidget(row, page)
        self.pages.removeWidget(placeholder)
        placeholder.deleteLater()
        self.section_pages[key] = page
        if key in CHANGE_SIGNALS:
            getattr(page, CHANGE_SIGNALS[key]).connect(self._on_data_changed)
        if key == "signups":
            page.subcontract_opened.connect(self._on_subcontract_opened)
        if key == "dashboard":
            page.item_opened.connect(self._on_dashboard_item_opened)

    def _show_workspace(self) -> None:
        workspace = self._workspace or self._snapshot
        assert workspace is not None
        self._description = workspace.description
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
        self._connect_register_signals()
        self.import_actions.workspace_requested.connect(self.open_pending_workspace)
        self.quit_action.triggered.connect(self._on_quit_triggered)
        self.about_action.triggered.connect(self._on_about_triggered)
        self.database_actions.workspace_opened.connect(self._on_workspace_opened)
        self.import_actions.data_changed.connect(self._on_data_changed)

    def _connect_register_signals(self) -> None:
        self.practice_register.workspace_requested.connect(self.open_pending_workspace)

    def _on_section_changed(self, row: int) -> None:
        if row >= 0:
            self.section_page(self._section_keys[row])
            self.pages.setCurrentIndex(row)

    def _on_workspace_opened(self, workspace: Workspace) -> None:
        """Switch to another database: new pages on it, then close the old one."""
        previous, self._workspace = self._workspace, workspace
        self._snapshot = None  # (only ever set before the first database is open)
        self._stop_startup_watch()
        section = self._current_section_key()
        self.navigation.clear()
        self._section_keys.clear()
        while self.pages.count():
            page = self.pages.widget(0)
            self.pages.removeWidget(page)
            page.deleteLater()
        self.section_pages.clear()
        self.practice_register = PracticeRegisterPage(workspace)
        self._add_sections()
        self._connect_register_signals()
        self._show_section(section)
        self.database_actions.set_workspace(workspace)
        self.import_actions.set_workspace(workspace)
        self._show_workspace()
        if previous is not None:
            previous.close()

    def _on_data_changed(self, changes: frozenset[str]) -> None:
        """Each view that shows what changed reads it again (the page that made the change
        has already)."""
        announcer = self.sender()
        if changes & REGISTER_DATA:
            self.practice_register.reload()
        elif changes & QUALITY_DATA:
            self.practice_register.load_compliance()
        if changes & (REGISTER_DATA | QUALITY_DATA):
            for page in self.section_pages.values():
                if page is not announcer:
                    page.reload()  # type: ignore[attr-defined]
        elif changes & ESCALATION_DATA:
            for key in ("dashboard", "notices"):
                page = self.section_pages.get(key)
                if page is not None and page is not announcer:
                    page.reload()  # type: ignore[attr-defined]

    def _on_practice_saved(self, _ods_code: str) -> None:
        # A renamed or closed practice shows in the sign-ups and sub-contracts too.
        for page in self.section_pages.values():
            page.reload()  # type: ignore[attr-defined]

    def _on_subcontract_opened(self, reference: str) -> None:
        page = self.show_section("subcontracts")
        page.select_reference(reference)  # type: ignore[attr-defined]

    def _on_dashboard_item_opened(self, item: object) -> None:
        from contractdesk.gui.dashboard_navigation import open_dashboard_item

        open_dashboard_item(self, item)  # type: ignore[arg-type]

    def _on_quit_triggered(self) -> None:
        self.close()

    def _on_about_triggered(self) -> None:
        self.about_dialog().exec()

    def about_dialog(self) -> AboutDialog:
        from contractdesk.gui.about_dialog import AboutDialog

        return AboutDialog(self._description, self)

    def _restore_window_state(self) -> None:
        settings = QSettings()
        section = self._first_section or settings.value(SECTION_SETTING)
        self._show_section(section if isinstance(section, str) else "")
        self._window_ready = True
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
        self.section_page(self._section_keys[row])
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
        # Closed before the database opened: it need not open now.
        self._snapshot = None
        self._stop_startup_watch()
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


def _placeholder() -> QWidget:
    """Stands in for a section until it is first shown (and the database is open)."""
    label = QLabel("Opening the database…")
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    return label


class _StartupWatch(QObject):
    """For a window started from a snapshot: opens its workspace just after the register's
    first paint (not inside it: the first frame reaches the screen before the open)."""

    def __init__(self, window: MainWindow, painted: QWidget) -> None:
        super().__init__(window)
        self._viewport = painted
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(window.open_pending_workspace)
        self._viewport.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Paint and not self._timer.isActive():
            self._timer.start()
        return False

    def stop(self) -> None:
        self._timer.stop()
        self._viewport.removeEventFilter(self)
