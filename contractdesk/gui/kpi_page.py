"""The KPIs section: the review grid of a period (practices × KPIs, RAG colour with the value
as text), filtered by locality and standard, worst first, with the rule for the overall RAG on
screen and an export to Excel in the background."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from contractdesk.domain.kpi_period import Period
from contractdesk.domain.kpi_rules import DEFAULT_SLIPPING_PERIODS, OVERALL_RULE
from contractdesk.errors import KnownError
from contractdesk.gui.background import BackgroundOp, show_message
from contractdesk.gui.kpi_filter_proxy import KpiFilterProxy
from contractdesk.gui.kpi_framework_dialog import KpiFrameworkDialog
from contractdesk.gui.kpi_grid_model import CODE, FIRST_KPI, LOCALITY, NAME, OVERALL, KpiGridModel
from contractdesk.services.kpi_export import export_kpi_review
from contractdesk.services.kpi_framework import framework_years, load_framework
from contractdesk.services.kpi_review import (
    QUARTER_RULE,
    YEAR_VALUE_RULE,
    KpiReview,
    latest_quarter_with_data,
    load_kpi_review,
)
from contractdesk.services.workspace import Workspace

WHOLE_YEAR = "Whole year"
ALL = "All"
KPI_COLUMN_WIDTH = 160


class KpiPage(QWidget):
    """Built on first show (see main_window); reloads when its filters change."""

    practice_activated = Signal(str)  # ODS code of a row the user opened

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self.year_box = QComboBox()
        self.period_box = QComboBox()
        self.locality_box = QComboBox()
        self.standard_box = QComboBox()
        self.worst_first_button = QPushButton("Worst first")
        self.export_button = QPushButton("Export to Excel…")
        self.framework_button = QPushButton("&Framework…")
        self.framework_dialog: KpiFrameworkDialog | None = None
        self.summary_label = QLabel()
        self.rule_label = QLabel()
        self.model = KpiGridModel(self)
        self.proxy = KpiFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView()
        self.current_op: BackgroundOp | None = None
        self.message_box = None
        self._set_up_widgets()
        self._fill_years()
        self._connect_signals()
        self.reload()

    def _set_up_widgets(self) -> None:
        filters = QHBoxLayout()
        for label, box in (
            ("Year", self.year_box),
            ("Period", self.period_box),
            ("Standard", self.standard_box),
            ("Locality", self.locality_box),
        ):
            filters.addWidget(QLabel(label))
            filters.addWidget(box)
        self.locality_box.setMinimumContentsLength(24)
        self.locality_box.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        filters.addStretch(1)
        filters.addWidget(self.worst_first_button)
        filters.addWidget(self.export_button)
        filters.addWidget(self.framework_button)
        self.framework_button.setToolTip("The year's standards and KPIs, with their targets")
        self.export_button.setToolTip("The grid as shown, with its colours, as an Excel workbook")
        self.rule_label.setWordWrap(True)
        self.rule_label.setText(
            f"{OVERALL_RULE} {YEAR_VALUE_RULE} {QUARTER_RULE} Slipping: worse in each of the last "
            f"{DEFAULT_SLIPPING_PERIODS} periods, whatever the colour."
        )
        self.rule_label.setObjectName("kpi_rule_label")
        table = self.table
        table.setModel(self.proxy)
        table.setSortingEnabled(True)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.verticalHeader().setVisible(False)
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.summary_label)
        layout.addWidget(table, 1)
        layout.addWidget(self.rule_label)

    def open_framework(self) -> KpiFrameworkDialog:
        dialog = KpiFrameworkDialog(self._workspace, self.year_box.currentData(), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.framework_changed.connect(self._on_framework_changed)
        self.framework_dialog = dialog
        dialog.open()
        return dialog

    def _on_framework_changed(self) -> None:
        year = self.year_box.currentData()
        self.year_box.blockSignals(True)
        self._fill_years()
        if year is not None and (index := self.year_box.findText(str(year))) >= 0:
            self.year_box.setCurrentIndex(index)
        self.year_box.blockSignals(False)
        self._fill_standards()
        self.reload()

    def _fill_years(self) -> None:
        years = framework_years(self._workspace)
        latest = latest_quarter_with_data(self._workspace)
        self.year_box.clear()
        for year in years:
            self.year_box.addItem(str(year), year)
        self.period_box.clear()
        self.period_box.addItem(WHOLE_YEAR, None)
        for quarter in range(1, 5):
            self.period_box.addItem(f"Q{quarter}", quarter)
        if latest is not None and latest.year in years:
            self.year_box.setCurrentIndex(years.index(latest.year))
            self.period_box.setCurrentIndex(latest.quarter or 0)
        self._fill_standards()

    def _fill_standards(self) -> None:
        year = self.year_box.currentData()
        self.standard_box.blockSignals(True)
        self.standard_box.clear()
        self.standard_box.addItem(ALL, None)
        if year is not None:
            for standard in load_framework(self._workspace, year).standards:
                self.standard_box.addItem(f"{standard.name} ({standard.kind.value})", standard.code)
        self.standard_box.blockSignals(False)

    def _connect_signals(self) -> None:
        self.year_box.currentIndexChanged.connect(self._on_year_changed)
        self.framework_button.clicked.connect(self.open_framework)
        self.period_box.currentIndexChanged.connect(self._on_filter_changed)
        self.standard_box.currentIndexChanged.connect(self._on_filter_changed)
        self.locality_box.currentIndexChanged.connect(self._on_locality_changed)
        self.worst_first_button.clicked.connect(self._on_worst_first_clicked)
        self.export_button.clicked.connect(self._on_export_clicked)
        self.table.doubleClicked.connect(self._on_row_activated)

    @property
    def review(self) -> KpiReview | None:
        return self.model.review

    def reload(self) -> None:
        year = self.year_box.currentData()
        if year is None:
            self.summary_label.setText("No KPI framework yet: add standards and KPIs first.")
            self.export_button.setEnabled(False)
            return
        quarter = self.period_box.currentData()
        period = Period(year, quarter) if quarter else None
        review = load_kpi_review(
            self._workspace, year, period=period, standard=self.standard_box.currentData()
        )
        self.model.set_review(review)
        self._fill_localities(review)
        self._fit_columns()
        self._on_worst_first_clicked()
        self.export_button.setEnabled(bool(review.kpis))
        self._show_summary()

    def _fill_localities(self, review: KpiReview) -> None:
        chosen = self.locality_box.currentData()
        localities = sorted(
            {(row.locality_name, row.locality_code) for row in review.rows if row.locality_code}
        )
        self.locality_box.blockSignals(True)
        self.locality_box.clear()
        self.locality_box.addItem(ALL, None)
        for name, code in localities:
            self.locality_box.addItem(name, code)
        index = self.locality_box.findData(chosen)
        self.locality_box.setCurrentIndex(max(index, 0))
        self.locality_box.blockSignals(False)
        self.proxy.set_locality(self.locality_box.currentData())

    def _fit_columns(self) -> None:
        header = self.table.horizontalHeader()
        widths = {CODE: 80, NAME: 260, LOCALITY: 220, OVERALL: 80}
        for column in range(self.model.columnCount()):
            header.resizeSection(column, widths.get(column, KPI_COLUMN_WIDTH))

    def _show_summary(self) -> None:
        review = self.review
        if review is None:
            return
        shown = self.proxy.rowCount()
        counts = {}
        for row in range(shown):
            label = self.proxy.index(row, OVERALL).data()
            counts[label] = counts.get(label, 0) + 1
        overall = ", ".join(
            f"{counts[label]} {label.lower()}"
            for label in ("Red", "Amber", "Green", "No data")
            if label in counts
        )
        self.summary_label.setText(
            f"{review.title}: {shown} practices, {len(review.kpis)} KPIs. Overall: {overall}. "
            "Hover over a KPI's heading for its target and the area's mean and median."
        )

    def _on_year_changed(self) -> None:
        self._fill_standards()
        self.reload()

    def _on_filter_changed(self) -> None:
        self.reload()

    def _on_locality_changed(self) -> None:
        self.proxy.set_locality(self.locality_box.currentData())
        self._show_summary()

    def _on_worst_first_clicked(self) -> None:
        self.table.sortByColumn(OVERALL, Qt.SortOrder.AscendingOrder)

    def _on_row_activated(self, index) -> None:  # type: ignore[no-untyped-def]
        code = self.proxy.index(index.row(), CODE).data()
        if code:
            self.practice_activated.emit(code)

    def _on_export_clicked(self) -> None:
        review = self.review
        if review is None:
            return
        name = f"{review.title.replace('/', '-').replace(' ', '_')}.xlsx"
        path, _ = QFileDialog.getSaveFileName(
            self, "Export KPIs to Excel", str(Path.home() / name), "Excel workbook (*.xlsx)"
        )
        if path:
            self.export_to(Path(path))

    def export_to(self, path: Path) -> BackgroundOp:
        """Write the grid as loaded (all localities) to `path` off the GUI thread."""
        review = self.review
        workspace = self._workspace

        def work(progress):  # type: ignore[no-untyped-def]
            progress(0, 1, f"Writing {path.name}")
            return export_kpi_review(workspace, review.year, path, review=review)

        op = BackgroundOp(self, work, label="Exporting KPIs")
        op.success(lambda written: self._on_exported(written))
        op.failure(lambda error: self._on_export_failed(error))
        self.current_op = op.run_in_background()
        return op

    def _on_exported(self, path: Path) -> None:
        self.summary_label.setText(f"Exported the KPIs to {path}.")

    def _on_export_failed(self, error: KnownError) -> None:
        self.message_box = show_message(self, str(error), "Export failed")

    def first_kpi_column(self) -> int:
        return FIRST_KPI
