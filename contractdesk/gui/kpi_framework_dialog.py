"""The KPI framework of a year, opened from the KPIs section: its standards and KPIs with
their targets; officers add standards and KPIs, change targets, copy a year forward."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QSortFilterProxyModel, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
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
from contractdesk.gui.background import show_message
from contractdesk.gui.kpi_framework_forms import (
    DIRECTION_WORDS,
    KpiDialog,
    StandardDialog,
    TargetDialog,
)
from contractdesk.gui.list_table import fit_columns, select_source_row, set_up_list_table
from contractdesk.gui.notice_action_rules import needs_role
from contractdesk.gui.row_table_model import SORT_ROLE, RowTableModel
from contractdesk.services.kpi_framework import (
    Framework,
    KpiEntry,
    copy_framework_forward,
    framework_years,
    load_framework,
)
from contractdesk.services.workspace import Workspace

COLUMN_TITLES = ("Code", "KPI", "Standard", "Unit", "Direction", "Target", "Amber band")
NAME_COLUMN, STANDARD_COLUMN = 1, 2
NUMBER_COLUMNS = frozenset({5, 6})


class FrameworkTableModel(RowTableModel[KpiEntry]):
    key_field = "code"

    def __init__(self, parent: Any = None) -> None:
        super().__init__(COLUMN_TITLES, NUMBER_COLUMNS, parent)

    def cell(self, kpi: KpiEntry, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return _text(kpi, column)
        if role == SORT_ROLE:
            if column in NUMBER_COLUMNS:
                return kpi.target if column == 5 else kpi.amber_band
            return _text(kpi, column).casefold()
        if role == Qt.ItemDataRole.ToolTipRole and column == NAME_COLUMN:
            return kpi.description or kpi.name
        return None


def _text(kpi: KpiEntry, column: int) -> str:
    return (
        kpi.code,
        kpi.name,
        f"{kpi.standard_name} ({kpi.standard_kind.value})",
        kpi.unit.label,
        DIRECTION_WORDS[kpi.direction],
        f"{kpi.target.normalize():f}",
        f"{kpi.amber_band.normalize():f}",
    )[column]


class KpiFrameworkDialog(QDialog):
    framework_changed = Signal()

    def __init__(
        self,
        workspace: Workspace,
        year: FinancialYear | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("KPI framework")
        self._workspace = workspace
        self.framework: Framework | None = None
        self.form: QDialog | None = None
        self.message_box: QMessageBox | None = None
        self.year_box = QComboBox()
        self.model = FrameworkTableModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.table = QTableView()
        set_up_list_table(self.table, self.proxy)
        self.summary_label = QLabel()
        self.standard_button = QPushButton("Add &standard…")
        self.kpi_button = QPushButton("Add &KPI…")
        self.target_button = QPushButton("Change &target…")
        self.copy_button = QPushButton("Co&py to next year…")
        self.state_label = QLabel()
        self.state_label.setWordWrap(True)
        for label in (self.summary_label, self.state_label):
            label.setTextFormat(Qt.TextFormat.PlainText)  # codes and names are data, not markup
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        top = QHBoxLayout()
        year_label = QLabel("&Year:")
        year_label.setBuddy(self.year_box)
        top.addWidget(year_label)
        top.addWidget(self.year_box)
        top.addWidget(self.summary_label, 1)
        actions = QHBoxLayout()
        for button in (self.standard_button, self.kpi_button, self.target_button, self.copy_button):
            actions.addWidget(button)
        actions.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(actions)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.state_label)
        layout.addWidget(buttons)
        self.resize(1180, 520)
        self._fill_years(year)
        self.year_box.currentIndexChanged.connect(self.reload)
        self.standard_button.clicked.connect(self.add_standard)
        self.kpi_button.clicked.connect(self.add_kpi)
        self.target_button.clicked.connect(self.change_target)
        self.copy_button.clicked.connect(self.copy_forward)
        self.table.doubleClicked.connect(self.change_target)
        self.table.selectionModel().currentRowChanged.connect(self._update_buttons)
        self.reload()

    # --- public ---------------------------------------------------------------------------

    def year(self) -> FinancialYear:
        return self.year_box.currentData()

    def reload(self, *_arguments: Any) -> None:
        selected = self.selected_kpi()
        self.framework = load_framework(self._workspace, self.year())
        self.model.set_rows(self.framework.kpis)
        # Names and standards elided before the targets are pushed out of sight.
        limits = {NAME_COLUMN: 280, STANDARD_COLUMN: 230}
        fit_columns(self.table, range(len(COLUMN_TITLES) - 1), 16, limits)
        self.summary_label.setText(
            f"{len(self.framework.standards)} standard(s), {len(self.framework.kpis)} KPI(s)"
        )
        if not (selected and select_source_row(self.table, self.model.row_of(selected.code))):
            select_source_row(self.table, 0 if self.model.rowCount() else None)
        self._update_buttons()

    def selected_kpi(self) -> KpiEntry | None:
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        return self.model.row_at(self.proxy.mapToSource(index).row())

    def add_standard(self) -> QDialog | None:
        if not self._can_edit():
            return None
        return self._open(StandardDialog(self._workspace, self.year(), self))

    def add_kpi(self) -> QDialog | None:
        if not self._can_edit() or not self.framework or not self.framework.standards:
            return None
        return self._open(KpiDialog(self._workspace, self.year(), self.framework.standards, self))

    def change_target(self, *_arguments: Any) -> QDialog | None:
        kpi = self.selected_kpi()
        if not self._can_edit() or kpi is None:
            return None
        return self._open(TargetDialog(self._workspace, kpi, self))

    def copy_forward(self) -> QMessageBox | None:
        if not self._can_edit() or not self.model.rowCount():
            return None
        year = self.year()
        box = QMessageBox(
            QMessageBox.Icon.Question,
            "Copy the framework",
            f"Copy the {year} standards and KPIs, with their targets, into {year.next()}? "
            f"What {year.next()} already has is left as it is.",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            self,
        )
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.accepted.connect(self._copy_confirmed)
        self.message_box = box
        box.open()
        return box

    # --- helpers --------------------------------------------------------------------------

    def _copy_confirmed(self) -> None:
        try:
            result = copy_framework_forward(self._workspace, self.year())
        except KnownError as error:
            self.message_box = show_message(self, str(error), self.windowTitle())
            return
        kept = result.already_there
        self.state_label.setText(
            f"Copied into {result.to_year}: {len(result.standards_copied)} standard(s), "
            f"{len(result.kpis_copied)} KPI(s)"
            + (f"; already there: {', '.join(kept)}" if kept else "")
            + "."
        )
        self._fill_years(result.to_year)
        self.reload()
        self.framework_changed.emit()

    def _fill_years(self, chosen: FinancialYear | None) -> None:
        years = framework_years(self._workspace)
        current = FinancialYear.containing(date.today())
        chosen = chosen or (max(years) if years else current)
        # This year and the one after the latest are offered too, to start or copy into.
        for extra in (current, (max(years) if years else current).next()):
            if extra not in years:
                years.append(extra)
        years.sort()
        self.year_box.blockSignals(True)
        self.year_box.clear()
        for year in years:
            self.year_box.addItem(str(year), year)
        self.year_box.setCurrentIndex(years.index(chosen) if chosen in years else 0)
        self.year_box.blockSignals(False)

    def _can_edit(self) -> bool:
        return self._workspace.user.role.can_act_as(Role.OFFICER)

    def _open(self, form: Any) -> Any:
        self.form = form.start(self._on_saved)
        return form

    def _on_saved(self, entry: Any) -> None:
        self.reload()
        if isinstance(entry, KpiEntry):
            select_source_row(self.table, self.model.row_of(entry.code))
        self.state_label.setText(f"Saved {entry.code} ({self.year()}).")
        self.framework_changed.emit()

    def _update_buttons(self, *_arguments: Any) -> None:
        editable = self._can_edit()
        has_standards = bool(self.framework and self.framework.standards)
        states = (
            (self.standard_button, None),
            (self.kpi_button, None if has_standards else "Add a standard first."),
            (self.target_button, None if self.selected_kpi() else "Choose a KPI."),
            (self.copy_button, None if self.model.rowCount() else "This year has no KPIs."),
        )
        for button, reason in states:
            button.setEnabled(editable and reason is None)
            button.setToolTip(needs_role(Role.OFFICER) if not editable else (reason or ""))
        if not editable:
            self.state_label.setText("Read only: changing the framework needs the officer role.")
