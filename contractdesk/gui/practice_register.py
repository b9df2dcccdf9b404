"""The practice register page: a searchable, filterable, sortable table of practices."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import QComboBox, QHeaderView, QWidget

from contractdesk.domain.practice import ContractType, PracticeStatus
from contractdesk.gui.forms.practice_register_ui import Ui_PracticeRegisterForm
from contractdesk.gui.practice_filter_proxy import PracticeFilterProxy
from contractdesk.gui.practice_table_model import (
    NAME_COLUMN,
    ODS_CODE_COLUMN,
    PracticeTableModel,
)
from contractdesk.services.practices import list_practices
from contractdesk.services.workspace import Workspace

ALL_CHOICE = "All"
# Room beyond the widest text of a column, so a sort arrow never clips its title.
COLUMN_PADDING = 24


class PracticeRegisterPage(QWidget):
    """Lists every practice in the database; the officer narrows it by search and filters."""

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self.ui = Ui_PracticeRegisterForm()
        self.ui.setupUi(self)
        self.model = PracticeTableModel(self)
        self.proxy = PracticeFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self._search_shortcut = QShortcut(QKeySequence.StandardKey.Find, self)
        self._set_up_title()
        _fill_choices(self.ui.contract_type_combo, [kind.value for kind in ContractType])
        _fill_choices(self.ui.status_combo, [status.value for status in PracticeStatus])
        self._set_up_table()
        self._connect_signals()
        self.reload()

    def reload(self) -> None:
        """Read the register again from the database."""
        self.model.set_rows(list_practices(self._workspace))
        self._size_columns()
        self._update_count()

    def _set_up_title(self) -> None:
        font = QFont(self.ui.title_label.font())
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.ui.title_label.setFont(font)

    def _set_up_table(self) -> None:
        table = self.ui.practice_table
        table.setModel(self.proxy)
        table.sortByColumn(ODS_CODE_COLUMN, Qt.SortOrder.AscendingOrder)
        # One line of text per row, not Qt's roomier default that shows a third fewer rows.
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)
        header = table.horizontalHeader()
        header.setHighlightSections(False)
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        # The name takes whatever width the other, fixed-size columns leave.
        header.setSectionResizeMode(NAME_COLUMN, QHeaderView.ResizeMode.Stretch)

    def _size_columns(self) -> None:
        table = self.ui.practice_table
        for column in range(self.model.columnCount()):
            if column != NAME_COLUMN:
                table.resizeColumnToContents(column)
                table.setColumnWidth(column, table.columnWidth(column) + COLUMN_PADDING)

    def _connect_signals(self) -> None:
        self.ui.search_edit.textChanged.connect(self._on_search_text_changed)
        self.ui.contract_type_combo.currentIndexChanged.connect(self._on_contract_type_changed)
        self.ui.status_combo.currentIndexChanged.connect(self._on_status_changed)
        self._search_shortcut.activated.connect(self._on_search_shortcut_activated)
        self.proxy.rowsInserted.connect(self._update_count)
        self.proxy.rowsRemoved.connect(self._update_count)
        self.proxy.modelReset.connect(self._update_count)
        self.proxy.layoutChanged.connect(self._update_count)

    def _on_search_text_changed(self, text: str) -> None:
        self.proxy.set_search_text(text)

    def _on_contract_type_changed(self, _index: int) -> None:
        self.proxy.set_contract_type(self.ui.contract_type_combo.currentData())

    def _on_status_changed(self, _index: int) -> None:
        self.proxy.set_status(self.ui.status_combo.currentData())

    def _on_search_shortcut_activated(self) -> None:
        self.ui.search_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.ui.search_edit.selectAll()

    def _update_count(self, *_signal_arguments: Any) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        self.ui.count_label.setText(f"Showing {shown} of {total} practices")


def _fill_choices(combo: QComboBox, values: list[str]) -> None:
    """ "All" (no filter, data None) followed by each value, which is also its data."""
    combo.addItem(ALL_CHOICE, None)
    for value in values:
        combo.addItem(value, value)
