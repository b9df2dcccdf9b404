"""The practice register page: a searchable, filterable, sortable table of practices."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QByteArray, QEvent, QModelIndex, QObject, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QHideEvent, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import QComboBox, QHeaderView, QWidget

from contractdesk.domain.financial_year import FinancialYear
from contractdesk.domain.practice import ContractType, PracticeStatus
from contractdesk.domain.roles import Role
from contractdesk.gui.forms.practice_register_ui import Ui_PracticeRegisterForm
from contractdesk.gui.practice_filter_proxy import PracticeFilterProxy
from contractdesk.gui.practice_table_model import (
    NAME_COLUMN,
    ODS_CODE_COLUMN,
    WHOLE_CONTRACT_COLUMN,
    PracticeTableModel,
)
from contractdesk.services.practice_summary import PracticeSummary
from contractdesk.services.register_snapshot import RegisterSnapshot
from contractdesk.services.workspace import Workspace

if TYPE_CHECKING:  # the editor module loads on first use, not at start-up
    from contractdesk.gui.practice_editor import PracticeEditor

ALL_CHOICE = "All"
# Room beyond the widest text of a column, so a sort arrow never clips its title.
COLUMN_PADDING = 24
# How many rows fitting a column to its contents measures.
RESIZE_SAMPLE_ROWS = 60
# No column but the name grows past this: a long PCN name is elided, leaving room for the name.
MAX_COLUMN_WIDTH = 200
LONGEST_COMPLIANCE_TEXT = "⚑ 99 gaps"
COMPLIANCE_DELAY_MS = 100
# Per-user: the register's column widths, order and sort (QByteArray from saveState()).
# v2: the Whole contract column was added; a layout saved for the old columns is not restored.
HEADER_STATE_SETTING = "practice_register/header_state_v2"
# A header change is saved once the header has kept still this long (a drag resizes a column
# many times a second, and the first layout of the page resizes the stretched one), or when
# the page is hidden (the window closes, or another database replaces the page).
HEADER_SAVE_DELAY_MS = 1000


class PracticeRegisterPage(QWidget):
    """Lists every practice in the database; the officer narrows it by search and filters.

    At start-up it may be given a `RegisterSnapshot` instead of a workspace: it shows the
    snapshot's rows, and its window hands it the workspace (`set_workspace`) once the database
    is open, or at once when the page asks for it (`workspace_requested`) to open a practice.
    """

    practice_saved = Signal(str)
    # A practice is to be opened while there is only a snapshot: the window opens the database.
    workspace_requested = Signal()

    def __init__(
        self, workspace: Workspace | RegisterSnapshot, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self._can_edit = workspace.user.role.can_act_as(Role.OFFICER)
        # The editor last opened (tests and screenshots reach it here); None until then.
        self.editor: PracticeEditor | None = None
        # Compliance is read once the register is on screen and the database open, never
        # before the first paint; after that, whenever the register is read again.
        self._compliance_loaded = False
        self._compliance_wanted = False
        # A child timer: it dies with the page, so a page closed before it fires never reads.
        self._compliance_timer = QTimer(self)
        self._compliance_timer.setSingleShot(True)
        # A moment after the first paint, so that paint reaches the screen before the read.
        self._compliance_timer.setInterval(COMPLIANCE_DELAY_MS)
        self.ui = Ui_PracticeRegisterForm()
        self.ui.setupUi(self)
        self.model = PracticeTableModel(self)
        self.proxy = PracticeFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self._header_save_timer = QTimer(self)
        self._header_save_timer.setSingleShot(True)
        self._header_save_timer.setInterval(HEADER_SAVE_DELAY_MS)
        self._search_shortcut = QShortcut(QKeySequence.StandardKey.Find, self)
        self._new_shortcut = QShortcut(QKeySequence.StandardKey.New, self)
        self._new_shortcut.setEnabled(self._can_edit)
        # Enter opens the selected practice, but only while the table has the focus.
        self._open_shortcuts = [
            QShortcut(QKeySequence(key), self.ui.practice_table)
            for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ]
        for shortcut in self._open_shortcuts:
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
        self.ui.new_practice_button.setVisible(self._can_edit)
        self._set_up_title()
        _fill_choices(self.ui.contract_type_combo, [kind.value for kind in ContractType])
        _fill_choices(self.ui.status_combo, [status.value for status in PracticeStatus])
        self._set_up_table()
        if isinstance(workspace, RegisterSnapshot):
            self._show_rows(workspace.rows)
        else:
            self.reload()
        if not self._restore_header():
            self._size_columns()
        self._connect_signals()

    def set_workspace(self, workspace: Workspace) -> None:
        """The open database, for a page shown from a start-up snapshot of it. The rows stay:
        they are the database's as of a moment ago; the role is the workspace's own."""
        self._workspace = workspace
        self._can_edit = workspace.user.role.can_act_as(Role.OFFICER)
        self._new_shortcut.setEnabled(self._can_edit)
        self.ui.new_practice_button.setVisible(self._can_edit)
        if self._compliance_wanted:
            self.load_compliance()

    def reload(self) -> None:
        """Read the register again from the database, keeping the selected practice."""
        from contractdesk.services.practices import list_practices  # SQLAlchemy: not at start-up

        self._show_rows(list_practices(self._workspace))

    def _show_rows(self, rows: list[PracticeSummary]) -> None:
        selected = self.selected_code()
        self.model.set_rows(rows)
        self._fill_localities()
        self._update_count()
        if self._compliance_loaded:
            self.load_compliance()
        if selected is not None:
            self.select_practice(selected)

    def load_compliance(self, today: date | None = None) -> None:
        """Fill the Whole contract column for the current financial year (one matrix read;
        none at all for a year without required services). Waits for the database when the
        page shows a start-up snapshot."""
        if not isinstance(self._workspace, Workspace):
            self._compliance_wanted = True
            return
        # Imported here, after the first paint: the start-up does not pay for them.
        from contractdesk.services.service_catalogue import list_services
        from contractdesk.services.signup_matrix import load_signup_matrix

        self._compliance_wanted = False
        self._compliance_loaded = True
        year = FinancialYear.containing(today or date.today())
        if not any(service.required for service in list_services(self._workspace, year)):
            self.model.set_compliance(year, {}, has_required=False)
            return
        matrix = load_signup_matrix(self._workspace, year, today=today)
        self.model.set_compliance(
            year, {row.ods_code: row.compliance for row in matrix.rows}, has_required=True
        )

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        if not self._compliance_loaded:
            # Read once the table has painted: start-up time is measured to that paint.
            self.ui.practice_table.viewport().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Paint and watched is self.ui.practice_table.viewport():
            watched.removeEventFilter(self)
            self._compliance_timer.start()
        return False

    def selected_code(self) -> str | None:
        index = self.ui.practice_table.currentIndex()
        if not index.isValid():
            return None
        return self.model.practice_at(self.proxy.mapToSource(index).row()).ods_code

    def select_practice(self, ods_code: str) -> None:
        row = self.model.row_of(ods_code)
        if row is None:
            return
        index = self.proxy.mapFromSource(self.model.index(row, ODS_CODE_COLUMN))
        if index.isValid():
            self.ui.practice_table.setCurrentIndex(index)
            self.ui.practice_table.scrollTo(index)

    def open_practice(self, ods_code: str | None) -> PracticeEditor | None:
        """Open the editor on this practice, or on a new one for None; it is window-modal.

        None if the database will not open (the window has said why)."""
        if isinstance(self._workspace, RegisterSnapshot):
            self.workspace_requested.emit()  # the window calls set_workspace, or cannot
        if not isinstance(self._workspace, Workspace):
            return None
        from contractdesk.gui.practice_editor import PracticeEditor

        editor = PracticeEditor(self._workspace, ods_code, self)
        editor.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        editor.practice_saved.connect(self._on_practice_saved)
        editor.destroyed.connect(self._on_editor_destroyed)
        self.editor = editor
        editor.open()
        return editor

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
        # Fitting a column to its contents looks at a screenful of rows, not all 8,000. (Not 0,
        # "the rows on screen": before the table is first shown Qt reads that as every row,
        # which cost a second at each start-up without a saved layout.)
        header.setResizeContentsPrecision(RESIZE_SAMPLE_ROWS)
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        # The name takes whatever width the other, fixed-size columns leave.
        header.setSectionResizeMode(NAME_COLUMN, QHeaderView.ResizeMode.Stretch)

    def _size_columns(self) -> None:
        table = self.ui.practice_table
        for column in range(self.model.columnCount()):
            if column == WHOLE_CONTRACT_COLUMN:
                # Empty until after the first paint: fitted to its heading and longest text
                # from the font, not by reading rows.
                heading = (
                    table.horizontalHeader()
                    .fontMetrics()
                    .horizontalAdvance(
                        str(self.model.headerData(column, Qt.Orientation.Horizontal))
                    )
                )
                longest = table.fontMetrics().horizontalAdvance(LONGEST_COMPLIANCE_TEXT)
                table.setColumnWidth(column, max(heading, longest) + COLUMN_PADDING)
            elif column != NAME_COLUMN:
                table.resizeColumnToContents(column)
                width = table.columnWidth(column) + COLUMN_PADDING
                table.setColumnWidth(column, min(width, MAX_COLUMN_WIDTH))

    def _restore_header(self) -> bool:
        state = QSettings().value(HEADER_STATE_SETTING)
        header = self.ui.practice_table.horizontalHeader()
        return isinstance(state, QByteArray) and header.restoreState(state)

    def _fill_localities(self) -> None:
        """All, then each locality present in the rows; the officer's choice survives a reload."""
        combo = self.ui.locality_combo
        chosen = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        _fill_choices(combo, self.model.localities())
        index = combo.findData(chosen)
        combo.setCurrentIndex(max(index, 0))
        combo.blockSignals(False)
        self.proxy.set_locality(combo.currentData())

    def _connect_signals(self) -> None:
        self._compliance_timer.timeout.connect(self._on_compliance_due)
        self.ui.search_edit.textChanged.connect(self._on_search_text_changed)
        self.ui.contract_type_combo.currentIndexChanged.connect(self._on_contract_type_changed)
        self.ui.status_combo.currentIndexChanged.connect(self._on_status_changed)
        self.ui.locality_combo.currentIndexChanged.connect(self._on_locality_changed)
        self.ui.new_practice_button.clicked.connect(self._on_new_practice_requested)
        self.ui.practice_table.doubleClicked.connect(self._on_row_opened)
        self._search_shortcut.activated.connect(self._on_search_shortcut_activated)
        self._new_shortcut.activated.connect(self._on_new_practice_requested)
        for shortcut in self._open_shortcuts:
            shortcut.activated.connect(self._on_open_shortcut_activated)
        header = self.ui.practice_table.horizontalHeader()
        header.sectionResized.connect(self._on_header_changed)
        header.sectionMoved.connect(self._on_header_changed)
        header.sortIndicatorChanged.connect(self._on_header_changed)
        self._header_save_timer.timeout.connect(self._on_header_settled)
        self.proxy.rowsInserted.connect(self._update_count)
        self.proxy.rowsRemoved.connect(self._update_count)
        self.proxy.modelReset.connect(self._update_count)
        self.proxy.layoutChanged.connect(self._update_count)

    def _on_compliance_due(self) -> None:
        # A page closed before the timer fired reads it when it is shown again, if ever.
        if self.isVisible() and not self._compliance_loaded:
            self.load_compliance()

    def _on_search_text_changed(self, text: str) -> None:
        self.proxy.set_search_text(text)

    def _on_contract_type_changed(self, _index: int) -> None:
        self.proxy.set_contract_type(self.ui.contract_type_combo.currentData())

    def _on_status_changed(self, _index: int) -> None:
        self.proxy.set_status(self.ui.status_combo.currentData())

    def _on_locality_changed(self, _index: int) -> None:
        self.proxy.set_locality(self.ui.locality_combo.currentData())

    def _on_search_shortcut_activated(self) -> None:
        self.ui.search_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.ui.search_edit.selectAll()

    def _on_new_practice_requested(self) -> None:
        if self._can_edit:
            self.open_practice(None)

    def _on_row_opened(self, index: QModelIndex) -> None:
        if index.isValid():
            self.open_practice(self.model.practice_at(self.proxy.mapToSource(index).row()).ods_code)

    def _on_open_shortcut_activated(self) -> None:
        code = self.selected_code()
        if code is not None:
            self.open_practice(code)

    def _on_practice_saved(self, ods_code: str) -> None:
        self.reload()
        self.select_practice(ods_code)
        self.practice_saved.emit(ods_code)

    def _on_editor_destroyed(self, *_arguments: Any) -> None:
        self.editor = None

    def _on_header_changed(self, *_signal_arguments: Any) -> None:
        self._header_save_timer.start()

    def _on_header_settled(self) -> None:
        header = self.ui.practice_table.horizontalHeader()
        QSettings().setValue(HEADER_STATE_SETTING, header.saveState())

    def hideEvent(self, event: QHideEvent) -> None:  # noqa: N802
        if self._header_save_timer.isActive():
            self._header_save_timer.stop()
            self._on_header_settled()
        super().hideEvent(event)

    def _update_count(self, *_signal_arguments: Any) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        self.ui.count_label.setText(f"Showing {shown} of {total} practices")


def _fill_choices(combo: QComboBox, values: list[str]) -> None:
    """ "All" (no filter, data None) followed by each value, which is also its data."""
    combo.addItem(ALL_CHOICE, None)
    for value in values:
        combo.addItem(value, value)
