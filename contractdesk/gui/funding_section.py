"""The Funding section: funding per practice for a year, a practice's history as a chart, and
the area's PMS premium review plan with its locality fairness.

Built when the section is first shown: nothing of it (nor QtCharts) loads at start-up.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from contractdesk.domain.financial_year import FinancialYear
from contractdesk.domain.money import format_pence
from contractdesk.errors import KnownError
from contractdesk.gui.funding_charts import new_chart_view, show_history
from contractdesk.gui.funding_table_model import (
    CODE_COLUMN,
    FundingFilterProxy,
    FundingTableModel,
)
from contractdesk.gui.plan_editor import PlanEditor
from contractdesk.gui.row_table_model import SORT_ROLE
from contractdesk.services.funding import funding_history, funding_year, payment_years
from contractdesk.services.funding_plan import load_plan
from contractdesk.services.practices import areas_in_register
from contractdesk.services.workspace import Workspace

ALL_AREAS = "All areas"
ALL_CONTRACTS = "All contracts"
PRACTICES_TAB, HISTORY_TAB, PLAN_TAB = 0, 1, 2


class FundingSection(QWidget):
    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self.tabs = QTabWidget()
        self.year_combo = QComboBox()
        self.area_combo = QComboBox()
        self.contract_combo = QComboBox()
        self.search_edit = QLineEdit()
        self.basis_label = QLabel()
        self.totals_label = QLabel()
        self.model = FundingTableModel(self)
        self.proxy = FundingFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView()
        self.history_combo = QComboBox()
        self.history_chart = new_chart_view()
        self.history_label = QLabel()
        self.plan_area_combo = QComboBox()
        self.plan_editor = PlanEditor(workspace)
        self._set_up()
        self._connect_signals()
        self.reload()

    def reload(self) -> None:
        """Read years, areas and figures again (after an import, or a new core rate)."""
        years = payment_years(self._workspace)
        areas = areas_in_register(self._workspace)
        _refill(self.year_combo, [(str(year), year) for year in years])
        _refill(self.area_combo, [(ALL_AREAS, None)] + [(code, code) for code in areas])
        _refill(self.plan_area_combo, [(code, code) for code in areas])
        if len(areas) == 1:
            self.area_combo.setCurrentIndex(1)
        self._load_year()
        self._load_plan()

    def show_practice_history(self, ods_code: str) -> None:
        index = self.history_combo.findData(ods_code)
        if index >= 0:
            self.history_combo.setCurrentIndex(index)
        self._load_history()

    def _load_year(self) -> None:
        year = self.year_combo.currentData()
        if not isinstance(year, FinancialYear):
            self.model.set_rows([])
            self.basis_label.setText("No payments in this database yet: File → Import → Payments.")
            return
        area = self.area_combo.currentData()
        funding = funding_year(self._workspace, year, [area] if area else [])
        self.model.set_rows(funding.practices)
        self.basis_label.setText(funding.basis_description)
        pms = [row for row in funding.practices if row.premium_pence is not None]
        self.totals_label.setText(
            f"{len(funding.practices)} practices ({len(pms)} PMS): total payments "
            f"{format_pence(funding.total('total_pence'))}, PMS premium "
            f"{format_pence(sum(row.premium_pence for row in pms))}"
        )
        self.table.resizeColumnsToContents()
        current = self.history_combo.currentData()
        _refill(
            self.history_combo,
            [(f"{row.ods_code} {row.name}", row.ods_code) for row in funding.practices],
        )
        self.show_practice_history(current or "")

    def _load_history(self) -> None:
        code = self.history_combo.currentData()
        if not code:
            return
        rows = funding_history(self._workspace, code)
        name = rows[-1].name if rows else code
        show_history(self.history_chart, rows, f"{code} {name}: NHS payments by year")
        if rows:
            first, last = rows[0], rows[-1]
            self.history_label.setText(
                f"Payments per weighted patient: £{first.per_weighted_patient} in "
                f"{first.financial_year}, £{last.per_weighted_patient} in {last.financial_year}. "
                f"Contract "
                f"{last.contract_type}; PMS premium {format_pence(last.premium_pence or 0)} "
                f"in {last.financial_year}."
            )

    def _load_plan(self) -> None:
        area = self.plan_area_combo.currentData()
        if not area:
            return
        try:
            self.plan_editor.load(load_plan(self._workspace, area))
        except KnownError as error:
            self.plan_editor.balance_label.setText(str(error))

    def _set_up(self) -> None:
        self.search_edit.setPlaceholderText("Search code, name or locality")
        self.search_edit.setClearButtonEnabled(True)
        self.contract_combo.addItem(ALL_CONTRACTS, "")
        for contract in ("GMS", "PMS", "APMS"):
            self.contract_combo.addItem(contract, contract)
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(CODE_COLUMN, Qt.SortOrder.AscendingOrder)
        self.table.setAlternatingRowColors(True)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(False)
        for label in (self.basis_label, self.history_label):
            label.setWordWrap(True)
        practices = QWidget()
        bar = QHBoxLayout()
        for text, widget in (
            ("Year", self.year_combo),
            ("Area", self.area_combo),
            ("Contract", self.contract_combo),
        ):
            bar.addWidget(QLabel(text))
            bar.addWidget(widget)
        bar.addWidget(self.search_edit, 1)
        layout = QVBoxLayout(practices)
        layout.addLayout(bar)
        layout.addWidget(self.basis_label)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.totals_label)
        history = QWidget()
        history_layout = QVBoxLayout(history)
        history_bar = QHBoxLayout()
        history_bar.addWidget(QLabel("Practice"))
        history_bar.addWidget(self.history_combo, 1)
        history_layout.addLayout(history_bar)
        history_layout.addWidget(self.history_chart, 1)
        history_layout.addWidget(self.history_label)
        plan = QWidget()
        plan_layout = QVBoxLayout(plan)
        plan_bar = QHBoxLayout()
        plan_bar.addWidget(QLabel("Commissioner area"))
        plan_bar.addWidget(self.plan_area_combo)
        plan_bar.addStretch(1)
        plan_layout.addLayout(plan_bar)
        plan_layout.addWidget(self.plan_editor, 1)
        self.tabs.addTab(practices, "Funding by practice")
        self.tabs.addTab(history, "Practice history")
        self.tabs.addTab(plan, "Premium review plan")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.tabs)

    def _connect_signals(self) -> None:
        self.year_combo.currentIndexChanged.connect(self._on_year_or_area_changed)
        self.area_combo.currentIndexChanged.connect(self._on_year_or_area_changed)
        self.contract_combo.currentIndexChanged.connect(self._on_contract_changed)
        self.search_edit.textChanged.connect(self.proxy.set_search_text)
        self.history_combo.currentIndexChanged.connect(self._on_history_practice_changed)
        self.plan_area_combo.currentIndexChanged.connect(self._on_plan_area_changed)
        self.table.doubleClicked.connect(self._on_practice_double_clicked)

    def _on_year_or_area_changed(self, _: int) -> None:
        self._load_year()

    def _on_contract_changed(self, _: int) -> None:
        self.proxy.set_contract_type(self.contract_combo.currentData())

    def _on_history_practice_changed(self, _: int) -> None:
        self._load_history()

    def _on_plan_area_changed(self, _: int) -> None:
        self._load_plan()

    def _on_practice_double_clicked(self, index: QModelIndex) -> None:
        code = self.proxy.index(index.row(), CODE_COLUMN).data(SORT_ROLE)
        self.show_practice_history(code)
        self.tabs.setCurrentIndex(HISTORY_TAB)


def _refill(combo: QComboBox, items: list[tuple[str, object]]) -> None:
    """New choices, keeping the current one where it is still offered."""
    current = combo.currentData()
    combo.blockSignals(True)
    combo.clear()
    for text, data in items:
        combo.addItem(text, data)
    index = combo.findData(current) if current is not None else -1
    combo.setCurrentIndex(max(index, 0) if items else -1)
    combo.blockSignals(False)
