"""The Dashboard section: what needs an officer's action, overdue first, each item opening its
record. It reads its items only after its first paint, so the start-up is not slowed."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import (
    QEvent,
    QObject,
    QRegularExpression,
    QSortFilterProxyModel,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QFont, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from contractdesk.gui.dashboard_table_model import (
    CATEGORY_COLUMN,
    TITLE_COLUMN,
    DashboardTableModel,
)
from contractdesk.gui.list_table import fit_columns, select_source_row, set_up_list_table
from contractdesk.gui.row_table_model import SORT_ROLE
from contractdesk.services.workspace import Workspace

if TYPE_CHECKING:
    from contractdesk.services.dashboard import DashboardItem

ALL_CATEGORIES = "All categories"
COLUMN_PADDING = 20
LOADING_TEXT = "Reading what needs action…"


class DashboardPage(QWidget):
    """Lists `dashboard()` items; Enter or a double-click announces the item to open."""

    item_opened = Signal(object)  # the DashboardItem chosen

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._workspace = workspace
        # Read after the first paint, and again when shown after a change elsewhere.
        self._stale = True
        self._waiting_for_paint = False
        self._load_timer = QTimer(self)  # a child: a page closed before it fires never reads
        self._load_timer.setSingleShot(True)
        self._load_timer.setInterval(0)
        self.model = DashboardTableModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.proxy.setFilterKeyColumn(CATEGORY_COLUMN)
        self.title_label = QLabel("Dashboard")
        self.intro_label = QLabel(
            "What needs action: everything overdue first, then what falls due in the next "
            "30 days. Double-click an item (or press Enter) to open it."
        )
        self.category_combo = QComboBox()
        self.refresh_button = QPushButton("&Refresh")
        self.open_button = QPushButton("&Open")
        self.table = QTableView()
        self.count_label = QLabel(LOADING_TEXT)
        self._open_shortcuts = [
            QShortcut(QKeySequence(key), self.table)
            for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ]
        self._refresh_shortcut = QShortcut(QKeySequence.StandardKey.Refresh, self)
        self._set_up_widgets()
        self._connect_signals()
        self._update_buttons()

    # --- public ---------------------------------------------------------------------------

    def reload(self) -> None:
        """Read the items again now if the page is on screen, else when it is next shown."""
        self._stale = True
        if self.isVisible() and not self._waiting_for_paint:
            self.load()

    def load(self, today: date | None = None) -> None:
        """Read the dashboard from the database (the service, imported here, not at start-up)."""
        from contractdesk.services.dashboard import dashboard

        self._load_timer.stop()
        today = today or date.today()
        selected = self.selected_item()
        self.model.set_items(dashboard(self._workspace, today), today)
        self._stale = False
        self._fill_categories()
        self._size_columns()
        kept = selected is not None and self.select_item(selected.target_kind, selected.target_key)
        if not kept and self.proxy.rowCount():
            self.table.selectRow(0)
        self._update_count()
        self._update_buttons()

    @property
    def loaded(self) -> bool:
        return not self._stale

    def set_category(self, category: str | None) -> None:
        index = self.category_combo.findData(category) if category else 0
        self.category_combo.setCurrentIndex(max(index, 0))

    def selected_item(self) -> DashboardItem | None:
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        return self.model.row_at(self.proxy.mapToSource(index).row())

    def select_item(self, target_kind: str, target_key: str) -> bool:
        return select_source_row(self.table, self.model.row_of(target_kind, target_key))

    def open_selected(self) -> DashboardItem | None:
        item = self.selected_item()
        if item is not None:
            self.item_opened.emit(item)
        return item

    # --- set-up ---------------------------------------------------------------------------

    def _set_up_widgets(self) -> None:
        font = QFont(self.title_label.font())
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.title_label.setFont(font)
        self.intro_label.setWordWrap(True)
        self.category_combo.addItem(ALL_CATEGORIES, None)
        self.category_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.refresh_button.setToolTip("Read the dashboard again (F5)")
        self.open_button.setToolTip("Open the selected item's record (Enter)")
        for shortcut in self._open_shortcuts:
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
        bar = QHBoxLayout()
        bar.addWidget(self.title_label)
        bar.addSpacing(12)
        label = QLabel("&Category:")
        label.setBuddy(self.category_combo)
        bar.addWidget(label)
        bar.addWidget(self.category_combo)
        bar.addStretch(1)
        bar.addWidget(self.open_button)
        bar.addWidget(self.refresh_button)
        table = self.table
        set_up_list_table(table, self.proxy)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.intro_label)
        layout.addWidget(table, 1)
        layout.addWidget(self.count_label)

    def _connect_signals(self) -> None:
        self.category_combo.currentIndexChanged.connect(self._on_category_changed)
        self.refresh_button.clicked.connect(self._on_refresh_clicked)
        self.open_button.clicked.connect(self._on_open_requested)
        self.table.doubleClicked.connect(self._on_open_requested)
        for shortcut in self._open_shortcuts:
            shortcut.activated.connect(self._on_open_requested)
        self._refresh_shortcut.activated.connect(self._on_refresh_clicked)
        self._load_timer.timeout.connect(self._on_load_timer_fired)
        self.table.selectionModel().currentRowChanged.connect(self._update_buttons)
        self.proxy.modelReset.connect(self._update_buttons)

    # --- loading after the first paint ----------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        if self._stale and not self._waiting_for_paint:
            # Read once the table has painted: the window's start-up is measured to its paint.
            self._waiting_for_paint = True
            self.table.viewport().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Paint and watched is self.table.viewport():
            watched.removeEventFilter(self)
            self._waiting_for_paint = False
            self._load_timer.start()  # queued: this paint reaches the screen first
        return False

    # --- handlers -------------------------------------------------------------------------

    def _on_load_timer_fired(self) -> None:
        # Not once the window has closed (or the officer has moved on): read when next shown.
        # Nor while the window is being torn down around the page (its model already gone).
        if self._stale and self.isVisible() and shiboken6.isValid(self.model):
            self.load()

    def _on_refresh_clicked(self) -> None:
        self.load()

    def _on_open_requested(self, *_arguments: Any) -> None:
        self.open_selected()

    def _on_category_changed(self, _index: int) -> None:
        category = self.category_combo.currentData()
        if category is None:
            self.proxy.setFilterRegularExpression(QRegularExpression())
        else:
            pattern = f"^{QRegularExpression.escape(category)}$"
            self.proxy.setFilterRegularExpression(QRegularExpression(pattern))
        if not self.table.currentIndex().isValid() and self.proxy.rowCount():
            self.table.selectRow(0)
        self._update_count()
        self._update_buttons()

    # --- helpers --------------------------------------------------------------------------

    def _fill_categories(self) -> None:
        chosen = self.category_combo.currentData()
        combo = self.category_combo
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(ALL_CATEGORIES, None)
        for category in self.model.categories():
            combo.addItem(category, category)
        combo.setCurrentIndex(max(combo.findData(chosen), 0) if chosen else 0)
        combo.blockSignals(False)
        self._on_category_changed(combo.currentIndex())

    def _size_columns(self) -> None:
        fit_columns(self.table, range(TITLE_COLUMN), COLUMN_PADDING)

    def _update_count(self) -> None:
        rows = [self.model.row_at(row) for row in range(self.model.rowCount())]
        overdue = sum(item.overdue for item in rows)
        shown = self.proxy.rowCount()
        of_all = f" of {len(rows)}" if shown != len(rows) else ""
        self.count_label.setText(f"{shown}{of_all} item(s) shown; {overdue} overdue in all")

    def _update_buttons(self, *_arguments: Any) -> None:
        self.open_button.setEnabled(self.selected_item() is not None)
