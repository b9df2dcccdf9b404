"""The Services section: a financial year's service catalogue, to add to, edit and copy on."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from contractdesk.domain.financial_year import FinancialYear
from contractdesk.domain.roles import Role
from contractdesk.errors import KnownError
from contractdesk.gui.action_dialog import ActionDialog
from contractdesk.gui.background import show_message
from contractdesk.gui.list_table import select_source_row
from contractdesk.gui.row_table_model import SORT_ROLE
from contractdesk.gui.service_dialog import ServiceDialog
from contractdesk.gui.service_table_model import NAME_COLUMN, ServiceTableModel
from contractdesk.gui.year_choice import default_year, fill_year_combo
from contractdesk.services.catalogue_years import catalogue_years
from contractdesk.services.service_catalogue import (
    ServiceEntry,
    copy_catalogue_forward,
    delete_service,
    list_services,
    retire_service,
)
from contractdesk.services.workspace import Workspace

COLUMN_PADDING = 24
SERVICE_CHANGES = frozenset({"services"})


class ServicesPage(QWidget):
    """One year's catalogue at a time; a viewer sees it without the buttons."""

    services_changed = Signal(object)  # frozenset[str]: what an action changed

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self._can_edit = workspace.user.role.can_act_as(Role.OFFICER)
        self.dialog: ActionDialog | None = None
        self.confirm_box: QMessageBox | None = None
        self.message_box: QMessageBox | None = None
        self.model = ServiceTableModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.title_label = QLabel("Services")
        self.year_combo = QComboBox()
        self.new_button = QPushButton("&New service…")
        self.edit_button = QPushButton("&Edit…")
        self.retire_button = QPushButton("&Retire")
        self.delete_button = QPushButton("&Delete…")
        self.copy_button = QPushButton("&Copy to next year…")
        self.table = QTableView()
        self.count_label = QLabel()
        self.state_label = QLabel()
        self._new_shortcut = QShortcut(QKeySequence.StandardKey.New, self)
        self._open_shortcuts = [
            QShortcut(QKeySequence(key), self.table)
            for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ]
        self._set_up_widgets()
        self._fill_years(None)
        self.reload()
        self._connect_signals()

    @property
    def year(self) -> FinancialYear:
        return self.year_combo.currentData()

    def set_year(self, year: FinancialYear) -> None:
        self._fill_years(year)
        self.reload()

    def reload(self) -> None:
        selected = self.selected_service()
        self.model.set_rows(list_services(self._workspace, self.year))
        for column in range(self.model.columnCount()):
            if column != NAME_COLUMN:
                self.table.resizeColumnToContents(column)
                self.table.setColumnWidth(column, self.table.columnWidth(column) + COLUMN_PADDING)
        if selected is not None:
            self.select_service(selected.code)
        services = [self.model.row_at(row) for row in range(self.model.rowCount())]
        required = sum(service.required and not service.retired for service in services)
        self.count_label.setText(
            f"{len(services)} service(s) in {self.year}, {required} required"
            if services
            else f"No services in the {self.year} catalogue yet."
        )
        self._update_buttons()

    def selected_service(self) -> ServiceEntry | None:
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        return self.model.row_at(self.proxy.mapToSource(index).row())

    def select_service(self, code: str) -> None:
        select_source_row(self.table, self.model.row_of(code))

    def new_service(self) -> ServiceDialog:
        return self._open(ServiceDialog(self._workspace, self.year, None, self), "added")

    def edit_service(self) -> ServiceDialog | None:
        service = self.selected_service()
        if service is None or not self._can_edit:
            return None
        return self._open(ServiceDialog(self._workspace, self.year, service, self), "saved")

    def toggle_retired(self) -> None:
        service = self.selected_service()
        if service is None or not self._can_edit:
            return
        self._run(
            lambda: retire_service(
                self._workspace, self.year, service.code, retired=not service.retired
            ),
            f"{service.code} {'reinstated' if service.retired else 'retired'}.",
        )

    def delete_selected(self) -> QMessageBox | None:
        service = self.selected_service()
        if service is None or not self._can_edit:
            return None
        return self._confirm(
            "Delete service",
            f"Delete {service.code} ({service.name}) from the {self.year} catalogue?",
            lambda: self._run(
                lambda: delete_service(self._workspace, self.year, service.code),
                f"{service.code} deleted.",
            ),
        )

    def copy_forward(self) -> QMessageBox | None:
        if not self._can_edit:
            return None
        year = self.year
        return self._confirm(
            "Copy to next year",
            f"Copy the {year} services that are not retired into {year.next()}, prices included? "
            f"Services {year.next()} already has are left as they are.",
            lambda: self._run(lambda: copy_catalogue_forward(self._workspace, year), None),
        )

    # --- set-up ---------------------------------------------------------------------------

    def _fill_years(self, chosen: FinancialYear | None) -> None:
        years = catalogue_years(self._workspace)
        # The year after the latest is offered too: where next year's catalogue starts.
        offered = set(years) | ({max(years).next()} if years else set())
        fill_year_combo(self.year_combo, sorted(offered), chosen or default_year(years))

    def _set_up_widgets(self) -> None:
        font = QFont(self.title_label.font())
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.title_label.setFont(font)
        buttons = (
            self.new_button,
            self.edit_button,
            self.retire_button,
            self.delete_button,
            self.copy_button,
        )
        for button in buttons:
            button.setVisible(self._can_edit)
        self._new_shortcut.setEnabled(self._can_edit)
        bar = QHBoxLayout()
        bar.addWidget(self.title_label)
        bar.addSpacing(12)
        label = QLabel("&Year:")
        label.setBuddy(self.year_combo)
        bar.addWidget(label)
        bar.addWidget(self.year_combo)
        bar.addStretch(1)
        for button in buttons:
            bar.addWidget(button)
        table = self.table
        table.setModel(self.proxy)
        table.setSortingEnabled(True)
        table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.verticalHeader().setVisible(False)
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)
        header = table.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(NAME_COLUMN, QHeaderView.ResizeMode.Stretch)
        for shortcut in self._open_shortcuts:
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
        footer = QHBoxLayout()
        footer.addWidget(self.count_label)
        footer.addWidget(self.state_label, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(table, 1)
        layout.addLayout(footer)
        if not self._can_edit:
            self.state_label.setText("Read only: your role can view the catalogue.")

    def _connect_signals(self) -> None:
        self.year_combo.currentIndexChanged.connect(self._on_year_changed)
        self.new_button.clicked.connect(self._on_new_clicked)
        self.edit_button.clicked.connect(self._on_edit_clicked)
        self.retire_button.clicked.connect(self._on_retire_clicked)
        self.delete_button.clicked.connect(self._on_delete_clicked)
        self.copy_button.clicked.connect(self._on_copy_clicked)
        self.table.doubleClicked.connect(self._on_edit_clicked)
        self.table.selectionModel().currentRowChanged.connect(self._update_buttons)
        self._new_shortcut.activated.connect(self._on_new_clicked)
        for shortcut in self._open_shortcuts:
            shortcut.activated.connect(self._on_edit_clicked)

    # --- handlers -------------------------------------------------------------------------

    def _on_year_changed(self, _index: int) -> None:
        self.reload()

    def _on_new_clicked(self) -> None:
        if self._can_edit:
            self.new_service()

    def _on_edit_clicked(self, *_arguments: Any) -> None:
        self.edit_service()

    def _on_retire_clicked(self) -> None:
        self.toggle_retired()

    def _on_delete_clicked(self) -> None:
        self.delete_selected()

    def _on_copy_clicked(self) -> None:
        self.copy_forward()

    def _on_dialog_completed(self, service: ServiceEntry, verb: str) -> None:
        self._fill_years(self.year)
        self.reload()
        self.select_service(service.code)
        self.state_label.setText(f"{service.code} {verb}.")
        self.services_changed.emit(SERVICE_CHANGES)

    # --- helpers --------------------------------------------------------------------------

    def _open(self, dialog: ServiceDialog, verb: str) -> ServiceDialog:
        self.dialog = dialog.start(lambda service: self._on_dialog_completed(service, verb))
        return dialog

    def _confirm(self, title: str, text: str, then: Callable[[], None]) -> QMessageBox:
        box = QMessageBox(
            QMessageBox.Icon.Question,
            title,
            text,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            self,
        )
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def answered(_result: int) -> None:
            if box.standardButton(box.clickedButton()) == QMessageBox.StandardButton.Yes:
                then()

        box.finished.connect(answered)
        self.confirm_box = box
        box.open()
        return box

    def _run(self, action: Callable[[], Any], done: str | None) -> None:
        """Call a service; show its refusal, or reload and say what happened."""
        try:
            result = action()
        except KnownError as error:
            self.message_box = show_message(self, str(error))
            return
        if done is None:  # copy forward: say what was copied and what was there already
            copied = ", ".join(result.copied) or "none"
            done = f"Copied to {result.to_year}: {copied}."
            if result.already_there:
                done += f" Already there: {', '.join(result.already_there)}."
            self.message_box = _information(self, "Copy to next year", done)
        self._fill_years(self.year)
        self.reload()
        self.state_label.setText(done)
        self.services_changed.emit(SERVICE_CHANGES)

    def _update_buttons(self, *_arguments: Any) -> None:
        service = self.selected_service()
        for button in (self.edit_button, self.retire_button, self.delete_button):
            button.setEnabled(self._can_edit and service is not None)
        self.retire_button.setText("&Reinstate" if service and service.retired else "&Retire")
        self.copy_button.setEnabled(self._can_edit and self.model.rowCount() > 0)


def _information(parent: QWidget, title: str, text: str) -> QMessageBox:
    box = QMessageBox(
        QMessageBox.Icon.Information, title, text, QMessageBox.StandardButton.Ok, parent
    )
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box
