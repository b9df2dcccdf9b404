"""The Sign-ups section: the year's sign-up matrix with its filters, cell actions and export."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QModelIndex, QPoint, Qt, Signal
from PySide6.QtGui import QAction, QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from contractdesk.domain.financial_year import FinancialYear
from contractdesk.domain.roles import Role
from contractdesk.domain.subcontracting import Decision, SubcontractStatus
from contractdesk.domain.whole_contract import CellState
from contractdesk.errors import KnownError
from contractdesk.gui.action_dialog import ActionDialog
from contractdesk.gui.background import BackgroundOp, show_message
from contractdesk.gui.compliance_text import FLAG
from contractdesk.gui.frozen_table_view import FrozenTableView
from contractdesk.gui.signup_dialogs import (
    EndSignupDialog,
    OfferDialog,
    ReissueDialog,
    ResponseDialog,
)
from contractdesk.gui.signup_filter_proxy import SignupFilterProxy
from contractdesk.gui.signup_legend import signup_legend
from contractdesk.gui.signup_matrix_model import (
    CELL_TEXT,
    CODE_COLUMN,
    COMPLIANCE_COLUMN,
    FIRST_SERVICE_COLUMN,
    LOCALITY_COLUMN,
    NAME_COLUMN,
    SignupMatrixModel,
)
from contractdesk.gui.year_choice import default_year, fill_year_combo
from contractdesk.services.catalogue_years import catalogue_years
from contractdesk.services.offers import get_offer
from contractdesk.services.service_catalogue import ServiceEntry
from contractdesk.services.signup_matrix import MatrixRow, load_signup_matrix
from contractdesk.services.subcontracts import list_subcontracts
from contractdesk.services.workspace import Workspace

ALL_LOCALITIES = "All localities"
FROZEN_COLUMNS = 2  # code and name
NAME_WIDTH = 220
LOCALITY_WIDTH = 170
# A service column is as wide as its widest cell text; a longer code is elided in the header
# (its tooltip has it in full).
SERVICE_WIDTH = (72, 112)
COLUMN_PADDING = 16
SORT_ARROW_ROOM = 24  # beside a heading's text, so the sort arrow never covers it
LIVE_SUBCONTRACT = frozenset(
    {SubcontractStatus.PENDING, SubcontractStatus.APPROVED, SubcontractStatus.ACTIVE}
)
# What each action announces it changed, for the other sections to refresh.
SIGNUP_CHANGES = frozenset({"signups"})


class SignupsPage(QWidget):
    """Practices × services for a financial year; a viewer sees it without the actions."""

    signups_changed = Signal(object)  # frozenset[str]: what an action changed
    subcontract_opened = Signal(str)  # the reference of the sub-contract a cell opened

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self._can_edit = workspace.user.role.can_act_as(Role.OFFICER)
        # The dialog, menu and export last opened (tests and screenshots reach them here).
        self.dialog: ActionDialog | None = None
        self.cell_menu: QMenu | None = None
        self.export_op: BackgroundOp | None = None
        self.message_box: QMessageBox | None = None
        self.model = SignupMatrixModel(self)
        self.proxy = SignupFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.title_label = QLabel("Sign-ups")
        self.year_combo = QComboBox()
        self.locality_combo = QComboBox()
        self.search_edit = QLineEdit()
        self.gaps_check = QCheckBox("Only &gaps and declines")
        self.export_button = QPushButton("E&xport to Excel…")
        # Code and name stay in view while twenty service columns scroll past.
        self.table = FrozenTableView(FROZEN_COLUMNS)
        self.count_label = QLabel()
        self.status_label = QLabel()
        self._search_shortcut = QShortcut(QKeySequence.StandardKey.Find, self)
        self._menu_shortcuts = [
            QShortcut(QKeySequence(key), self.table)
            for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ]
        self._set_up_widgets()
        fill_year_combo(self.year_combo, years := catalogue_years(workspace), default_year(years))
        self.reload()
        self._connect_signals()

    # --- public ---------------------------------------------------------------------------

    @property
    def year(self) -> FinancialYear:
        return self.year_combo.currentData()

    def set_year(self, year: FinancialYear) -> None:
        fill_year_combo(self.year_combo, catalogue_years(self._workspace), year)
        self.reload()

    def reload(self) -> None:
        """Read the year's matrix again; only changed rows repaint if the year is the same."""
        previous_columns = self.model.columnCount()
        matrix = load_signup_matrix(self._workspace, self.year)
        self.model.set_matrix(matrix)
        self._fill_localities()
        if self.model.columnCount() != previous_columns:
            self._size_columns()
        self._update_count()

    def row_for(self, ods_code: str) -> MatrixRow:
        row = self.model.row_of(ods_code)
        if row is None:
            raise KeyError(ods_code)
        return self.model.row_at(row)

    def cell_index(self, ods_code: str, service_code: str) -> QModelIndex:
        """The view's index of a practice's cell for a service (invalid if filtered out)."""
        row, column = self.model.row_of(ods_code), self.model.column_of(service_code)
        if row is None or column is None:
            return QModelIndex()
        return self.proxy.mapFromSource(self.model.index(row, column))

    def select_cell(self, ods_code: str, service_code: str) -> None:
        index = self.cell_index(ods_code, service_code)
        if index.isValid():
            self.table.setCurrentIndex(index)
            self.table.scrollTo(index)

    def cell_actions(self, index: QModelIndex) -> list[QAction]:
        """What the officer can do from this cell, the default first (parented to a new menu,
        kept as `cell_menu`)."""
        menu = QMenu(self)
        self.cell_menu = menu
        if not index.isValid():
            return []
        source = self.proxy.mapToSource(index)
        row = self.model.row_at(source.row())
        service = self.model.service_at(source.column())
        if service is None:
            return []
        state = self.model.state_at(source.row(), source.column())
        code = row.ods_code

        def add(text: str, handler: Any) -> None:
            menu.addAction(text).triggered.connect(handler)

        def on_offer(kind: type) -> Any:
            return lambda: self._open_offer_dialog(kind, code, service.code)

        if state in (CellState.SUBCONTRACTED, CellState.SUBCONTRACT_PENDING):
            add("Open sub-contract", lambda: self.open_subcontract(code, service.code))
        if self._can_edit:
            if state is CellState.NOT_OFFERED:
                add(
                    f"Offer {service.code} to {code}…",
                    lambda: self.offer_to_practice(code, service.code),
                )
            elif state is CellState.OFFERED:
                add("Record response…", on_offer(ResponseDialog))
                if self._lapsed(code, service.code):
                    add("Reissue offer…", on_offer(ReissueDialog))
            elif state is CellState.DECLINED:
                add("Reissue offer…", on_offer(ReissueDialog))
            elif state is CellState.ACCEPTED:
                add("End sign-up…", on_offer(EndSignupDialog))
            if not service.retired:
                menu.addSeparator()
                add(
                    f"Offer {service.code} to a locality…",
                    lambda: self.offer_to_locality(service.code, row.locality_code),
                )
        return [action for action in menu.actions() if not action.isSeparator()]

    def offer_to_practice(self, ods_code: str, service_code: str) -> OfferDialog:
        row = self.row_for(ods_code)
        dialog = OfferDialog(
            self._workspace,
            self.year,
            self._service(service_code),
            practice=(row.ods_code, row.name),
            parent=self,
        )
        return self._open(dialog, lambda result: result.describe())

    def offer_to_locality(self, service_code: str, locality_code: str | None = None) -> OfferDialog:
        dialog = OfferDialog(
            self._workspace,
            self.year,
            self._service(service_code),
            localities=self.model.localities(),
            locality_code=locality_code or self.locality_combo.currentData(),
            parent=self,
        )
        return self._open(dialog, lambda result: result.describe())

    def open_subcontract(self, ods_code: str, service_code: str) -> None:
        """Announce the arrangement under which this practice has the service delivered: a
        live one if there is one (a past year's has ended by now, yet covered that year)."""
        candidates = [
            entry
            for entry in list_subcontracts(self._workspace, practice_code=ods_code, year=self.year)
            if entry.contractor_code == ods_code
            and service_code in entry.service_codes
            and entry.decision is not Decision.OBJECTED
        ]
        candidates.sort(key=lambda entry: entry.status not in LIVE_SUBCONTRACT)
        if candidates:
            self.subcontract_opened.emit(candidates[0].reference)
            return
        self.message_box = show_message(
            self, f"{ods_code} has no sub-contract for {service_code} in {self.year}."
        )

    def export_to(self, path: Path) -> BackgroundOp:
        """Write the year's matrix to an Excel workbook, off the GUI thread."""
        from contractdesk.services.signup_export import export_signups

        workspace, year = self._workspace, self.year
        op = BackgroundOp(
            self,
            lambda _progress: export_signups(workspace, year, path),
            label=f"Exporting the {year} sign-ups",
        )
        op.success(self._on_exported)
        self.export_op = op
        return op.run_in_background()

    # --- set-up ---------------------------------------------------------------------------

    def _set_up_widgets(self) -> None:
        font = QFont(self.title_label.font())
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.title_label.setFont(font)
        self.search_edit.setPlaceholderText("Search code, name or locality")
        self.search_edit.setClearButtonEnabled(True)
        self.year_combo.setToolTip("Financial year")
        self.locality_combo.setMinimumContentsLength(22)
        self.locality_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        bar = QHBoxLayout()
        bar.addWidget(self.title_label)
        bar.addSpacing(12)
        for text, widget in (("&Year:", self.year_combo), ("&Locality:", self.locality_combo)):
            label = QLabel(text)
            label.setBuddy(widget)
            bar.addWidget(label)
            bar.addWidget(widget)
        bar.addWidget(self.search_edit, 1)
        bar.addWidget(self.gaps_check)
        bar.addWidget(self.export_button)
        self._set_up_table()
        # A long message is cut at the window's edge rather than widening the window.
        self.status_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        footer = QHBoxLayout()
        footer.addWidget(self.count_label)
        footer.addSpacing(12)
        footer.addWidget(self.status_label, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        layout.addLayout(signup_legend())
        layout.addLayout(footer)
        for shortcut in self._menu_shortcuts:
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)

    def _set_up_table(self) -> None:
        table = self.table
        table.setModel(self.proxy)
        table.setSortingEnabled(True)
        table.sortByColumn(CODE_COLUMN, Qt.SortOrder.AscendingOrder)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(False)
        table.setWordWrap(False)
        table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        table.verticalHeader().setVisible(False)
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)
        header = table.horizontalHeader()
        header.setHighlightSections(False)
        header.setResizeContentsPrecision(0)  # fit to the rows on screen, not all 7,000
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)

    def _size_columns(self) -> None:
        """Widths from the font, not from the cells: Qt's fit-to-contents reads every row of
        a view not yet shown (7,000 × 8 roles per column)."""
        table = self.table
        metrics = table.horizontalHeader().fontMetrics()
        cells = table.fontMetrics()
        sample = {CODE_COLUMN: "W99999", COMPLIANCE_COLUMN: f"{FLAG} 99 gaps"}
        shortest, widest = SERVICE_WIDTH
        cell_text = max(cells.horizontalAdvance(text) for text in CELL_TEXT.values())
        for column in range(self.model.columnCount()):
            title = str(self.model.headerData(column, Qt.Orientation.Horizontal))
            heading = metrics.horizontalAdvance(title) + SORT_ARROW_ROOM
            if column == NAME_COLUMN:
                width = NAME_WIDTH
            elif column == LOCALITY_COLUMN:
                width = LOCALITY_WIDTH
            elif column >= FIRST_SERVICE_COLUMN:
                width = max(shortest, min(max(cell_text + COLUMN_PADDING, heading), widest))
            else:
                width = max(cells.horizontalAdvance(sample[column]) + COLUMN_PADDING, heading)
            table.setColumnWidth(column, width)

    def _fill_localities(self) -> None:
        combo = self.locality_combo
        chosen = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(ALL_LOCALITIES, None)
        for code, name in self.model.localities():
            combo.addItem(name, code)
        combo.setCurrentIndex(max(combo.findData(chosen), 0))
        combo.blockSignals(False)
        self.proxy.set_locality(combo.currentData())

    def _connect_signals(self) -> None:
        self.year_combo.currentIndexChanged.connect(self._on_year_changed)
        self.locality_combo.currentIndexChanged.connect(self._on_locality_changed)
        self.search_edit.textChanged.connect(self._on_search_text_changed)
        self.gaps_check.toggled.connect(self._on_gaps_toggled)
        self.export_button.clicked.connect(self._on_export_clicked)
        self.table.doubleClicked.connect(self._on_cell_double_clicked)
        self.table.customContextMenuRequested.connect(self._on_context_menu_requested)
        header = self.table.horizontalHeader()
        header.customContextMenuRequested.connect(self._on_header_menu_requested)
        self._search_shortcut.activated.connect(self._on_search_shortcut_activated)
        for shortcut in self._menu_shortcuts:
            shortcut.activated.connect(self._on_menu_shortcut_activated)
        for signal in (self.proxy.modelReset, self.proxy.layoutChanged):
            signal.connect(self._update_count)

    # --- handlers -------------------------------------------------------------------------

    def _on_year_changed(self, _index: int) -> None:
        self.reload()

    def _on_locality_changed(self, _index: int) -> None:
        self.proxy.set_locality(self.locality_combo.currentData())
        self._update_count()

    def _on_search_text_changed(self, text: str) -> None:
        self.proxy.set_search_text(text)
        self._update_count()

    def _on_gaps_toggled(self, checked: bool) -> None:
        self.proxy.set_gaps_only(checked)
        self._update_count()

    def _on_search_shortcut_activated(self) -> None:
        self.search_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_edit.selectAll()

    def _on_cell_double_clicked(self, index: QModelIndex) -> None:
        actions = self.cell_actions(index)
        if actions:
            actions[0].trigger()

    def _on_context_menu_requested(self, position: QPoint) -> None:
        index = self.table.indexAt(position)
        if self.cell_actions(index) and self.cell_menu is not None:
            self.cell_menu.popup(self.table.viewport().mapToGlobal(position))

    def _on_menu_shortcut_activated(self) -> None:
        index = self.table.currentIndex()
        if self.cell_actions(index) and self.cell_menu is not None:
            corner = self.table.visualRect(index).bottomLeft()
            self.cell_menu.popup(self.table.viewport().mapToGlobal(corner))

    def _on_header_menu_requested(self, position: QPoint) -> None:
        header = self.table.horizontalHeader()
        service = self.model.service_at(header.logicalIndexAt(position))
        if service is None or not self._can_edit or service.retired:
            return
        menu = QMenu(self)
        menu.addAction(f"Offer {service.code} to a locality…").triggered.connect(
            lambda: self.offer_to_locality(service.code)
        )
        self.cell_menu = menu
        menu.popup(header.mapToGlobal(position))

    def _on_export_clicked(self) -> None:
        suggested = str(Path.home() / f"signups-{self.year.slug()}.xlsx")
        path, _filter = QFileDialog.getSaveFileName(
            self, "Export sign-ups to Excel", suggested, "Excel workbook (*.xlsx)"
        )
        if path:
            self.export_to(Path(path))

    def _on_exported(self, path: object) -> None:
        self.status_label.setText(f"Exported to {path}")

    def _on_action_completed(self, message: str) -> None:
        self.reload()
        self.status_label.setText(message)
        self.signups_changed.emit(SIGNUP_CHANGES)

    # --- helpers --------------------------------------------------------------------------

    def _service(self, service_code: str) -> ServiceEntry:
        column = self.model.column_of(service_code)
        service = None if column is None else self.model.service_at(column)
        if service is None:
            raise KeyError(service_code)
        return service

    def _lapsed(self, ods_code: str, service_code: str) -> bool:
        offer = get_offer(self._workspace, self.year, service_code, ods_code)
        return offer.response_deadline < date.today()

    def _open_offer_dialog(
        self, kind: type, ods_code: str, service_code: str
    ) -> ActionDialog | None:
        try:
            offer = get_offer(self._workspace, self.year, service_code, ods_code)
        except KnownError as error:
            self.message_box = show_message(self, str(error))
            return None
        dialog = kind(self._workspace, offer, self.row_for(ods_code).name, self)
        return self._open(
            dialog, lambda entry: f"{entry.practice_code} {entry.service_code}: {entry.status}"
        )

    def _open(self, dialog: ActionDialog, describe: Any) -> Any:
        self.dialog = dialog.start(lambda result: self._on_action_completed(describe(result)))
        return dialog

    def _update_count(self, *_arguments: Any) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        services = self.model.services
        required = sum(service.required for service in services)
        self.count_label.setText(
            f"Showing {shown} of {total} practices · {len(services)} services "
            f"({required} required *)"
        )
