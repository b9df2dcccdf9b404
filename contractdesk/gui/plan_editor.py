"""The PMS premium review plan editor: settings, exemptions, the year-by-year table, saving
and exporting to Excel, and the locality fairness chart the plan produces."""

from __future__ import annotations

import dataclasses
from decimal import Decimal
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from contractdesk.domain.financial_year import FinancialYear
from contractdesk.domain.funding import PremiumBasis
from contractdesk.domain.money import format_pence
from contractdesk.domain.roles import Role
from contractdesk.errors import KnownError
from contractdesk.gui.background import show_message
from contractdesk.gui.funding_charts import new_chart_view, show_fairness
from contractdesk.gui.funding_table_model import (
    FairnessTableModel,
    PlanYearTableModel,
    PracticePlanTableModel,
)
from contractdesk.services.funding_plan import PlanDraft, PlanReport, compute_plan, save_plan
from contractdesk.services.workspace import Workspace

BASIS_LABELS = {
    PremiumBasis.BASELINE_LESS_CORE: "PMS balance less core × weighted",
    PremiumBasis.PMS_BALANCE: "The whole PMS balance",
}


class PlanEditor(QWidget):
    """Edits one area's plan; every change recalculates the tables and the chart."""

    plan_saved = Signal(str)

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self._draft: PlanDraft | None = None
        self.report: PlanReport | None = None
        self._can_edit = workspace.user.role.can_act_as(Role.OFFICER)
        self.start_year_combo = QComboBox()
        self.years_spin = QSpinBox()
        self.equal_steps_check = QCheckBox("Equal steps")
        self.first_share_spin = _percent_spin()
        self.cap_spin = _percent_spin()
        self.held_back_spin = _percent_spin()
        self.basis_combo = QComboBox()
        self.offer_edit = QLineEdit()
        self.exemptions_edit = QPlainTextEdit()
        self.not_signing_edit = QLineEdit()
        self.reinvest_in_edit = QLineEdit()
        self.agreed_edit = QLineEdit()
        self.save_button = QPushButton("&Save plan")
        self.export_button = QPushButton("&Export to Excel…")
        self.export_fairness_button = QPushButton("Export fairness to Excel…")
        self.balance_label = QLabel()
        self.basis_label = QLabel()
        self.year_model = PlanYearTableModel(self)
        self.practice_model = PracticePlanTableModel(self)
        self.fairness_model = FairnessTableModel(self)
        self.year_table = QTableView()
        self.practice_table = QTableView()
        self.fairness_table = QTableView()
        self.fairness_chart = new_chart_view()
        self.fairness_label = QLabel()
        self.result_tabs = QTabWidget()
        self._set_up()
        self._connect_signals()

    def load(self, draft: PlanDraft) -> None:
        self._draft = draft
        self._fill_form(draft)
        self.recalculate()

    def draft_from_form(self) -> PlanDraft:
        assert self._draft is not None
        exemptions = {}
        for line in self.exemptions_edit.toPlainText().splitlines():
            code, _, reason = line.partition(":")
            if code.strip():
                exemptions[code.strip().upper()] = reason.strip()
        not_signing = frozenset(
            code.strip().upper() for code in self.not_signing_edit.text().split(",") if code.strip()
        )
        return dataclasses.replace(
            self._draft,
            reinvestment_areas=_codes(self.reinvest_in_edit.text()),
            agreed_areas=_codes(self.agreed_edit.text()),
            start_year=self.start_year_combo.currentData(),
            years=self.years_spin.value(),
            first_year_share=None
            if self.equal_steps_check.isChecked()
            else _share(self.first_share_spin),
            yearly_loss_cap=_share(self.cap_spin),
            held_back_share=_share(self.held_back_spin),
            premium_basis=PremiumBasis(self.basis_combo.currentData()),
            offer_name=self.offer_edit.text(),
            exemptions=exemptions,
            not_signing=not_signing,
        )

    def recalculate(self) -> None:
        try:
            report = compute_plan(self._workspace, self.draft_from_form())
        except KnownError as error:
            self.balance_label.setText(f"<b>Cannot make this plan:</b> {error}")
            return
        self.report = report
        self._show(report)

    def _show(self, report: PlanReport) -> None:
        plan = report.plan
        self.year_model.set_rows(plan.years)
        self.practice_model.set_plan(plan)
        self.fairness_model.set_rows(report.fairness.localities)
        last = plan.years[-1]
        still = sum(plan.still_to_free.values())
        self.balance_label.setText(
            f"In {last.year}: freed {format_pence(last.freed_pence)} = reinvested "
            f"{format_pence(last.reinvested_pence)} + held back "
            f"{format_pence(last.held_back_pence)} — "
            + ("balances to the penny every year." if plan.balances else "<b>DOES NOT BALANCE</b>.")
            + f" The cap leaves {format_pence(still)} of premium to free after the plan"
            f" ({len(plan.still_to_free)} practices)."
        )
        self.basis_label.setText(report.basis_description)
        fairness = report.fairness
        show_fairness(
            self.fairness_chart,
            fairness,
            f"{report.draft.area_code}: spend per weighted patient by locality",
        )
        if fairness.before and fairness.after:
            self.fairness_label.setText(
                "Spread across localities, before → after: "
                f"min £{fairness.before.minimum} → £{fairness.after.minimum}, "
                f"max £{fairness.before.maximum} → £{fairness.after.maximum}, "
                f"ratio {fairness.before.ratio} → {fairness.after.ratio}, "
                f"coefficient of variation {fairness.before.coefficient_of_variation} → "
                f"{fairness.after.coefficient_of_variation}"
            )
        for table in (self.year_table, self.practice_table, self.fairness_table):
            table.resizeColumnsToContents()

    def _on_save_clicked(self) -> None:
        try:
            saved = save_plan(self._workspace, self.draft_from_form())
        except KnownError as error:
            show_message(self, str(error))
            return
        self.load(saved)
        self.plan_saved.emit(saved.area_code)

    def _on_export_clicked(self) -> None:
        self._export("plan", "pms-review-plan")

    def _on_export_fairness_clicked(self) -> None:
        self._export("fairness", "locality-fairness")

    def _export(self, what: str, name: str) -> None:
        if self.report is None:
            return
        from contractdesk.services import funding_export

        suggested = f"{name}-{self.report.draft.area_code}.xlsx"
        path, _ = QFileDialog.getSaveFileName(
            self, f"Export the {what}", suggested, "Excel (*.xlsx)"
        )
        if not path:
            return
        export = funding_export.export_plan if what == "plan" else funding_export.export_fairness
        try:
            export(self.report, Path(path))
        except KnownError as error:
            show_message(self, str(error))

    def _fill_form(self, draft: PlanDraft) -> None:
        widgets = (
            self.start_year_combo,
            self.years_spin,
            self.equal_steps_check,
            self.first_share_spin,
            self.cap_spin,
            self.held_back_spin,
            self.basis_combo,
            self.offer_edit,
            self.exemptions_edit,
            self.not_signing_edit,
            self.reinvest_in_edit,
            self.agreed_edit,
        )
        for widget in widgets:
            widget.blockSignals(True)
        self.start_year_combo.clear()
        first = draft.base_year.next()
        for offset in range(8):
            year = FinancialYear(first.start_year + offset)
            self.start_year_combo.addItem(str(year), year)
        index = self.start_year_combo.findData(draft.start_year)
        if index < 0:
            self.start_year_combo.addItem(str(draft.start_year), draft.start_year)
            index = self.start_year_combo.count() - 1
        self.start_year_combo.setCurrentIndex(index)
        self.years_spin.setValue(draft.years)
        self.equal_steps_check.setChecked(draft.first_year_share is None)
        self.first_share_spin.setValue(float((draft.first_year_share or Decimal("0.25")) * 100))
        self.first_share_spin.setEnabled(draft.first_year_share is not None)
        self.cap_spin.setValue(float(draft.yearly_loss_cap * 100))
        self.held_back_spin.setValue(float(draft.held_back_share * 100))
        self.basis_combo.setCurrentIndex(self.basis_combo.findData(draft.premium_basis.value))
        self.offer_edit.setText(draft.offer_name)
        self.exemptions_edit.setPlainText(
            "\n".join(f"{code}: {reason}" for code, reason in sorted(draft.exemptions.items()))
        )
        self.not_signing_edit.setText(", ".join(sorted(draft.not_signing)))
        self.reinvest_in_edit.setText(", ".join(draft.reinvestment_areas))
        self.agreed_edit.setText(", ".join(draft.agreed_areas))
        for widget in widgets:
            widget.blockSignals(False)

    def _set_up(self) -> None:
        self.years_spin.setRange(4, 10)
        self.years_spin.setSuffix(" years")
        self.cap_spin.setMinimum(0.1)
        self.held_back_spin.setMaximum(99.0)
        for basis, label in BASIS_LABELS.items():
            self.basis_combo.addItem(label, basis.value)
        self.exemptions_edit.setPlaceholderText("C87003: serves asylum seekers (one a line)")
        self.exemptions_edit.setMaximumHeight(60)
        self.not_signing_edit.setPlaceholderText("ODS codes, comma separated")
        self.reinvest_in_edit.setPlaceholderText("this area (other areas need every agreement)")
        self.agreed_edit.setPlaceholderText("areas whose agreement is on record")
        for widget in (self.save_button,):
            widget.setEnabled(self._can_edit)
            if not self._can_edit:
                widget.setToolTip("Viewers read the plan; officers edit it.")
        settings = QGroupBox("Glide path and reinvestment")
        form = QFormLayout(settings)
        form.addRow("First year", self.start_year_combo)
        form.addRow("Length", self.years_spin)
        first_row = QHBoxLayout()
        first_row.addWidget(self.equal_steps_check)
        first_row.addWidget(self.first_share_spin)
        form.addRow("Share freed in year one", first_row)
        form.addRow("Cap on yearly loss (of income)", self.cap_spin)
        form.addRow("Held back from the offer", self.held_back_spin)
        form.addRow("PMS premium", self.basis_combo)
        form.addRow("Offer", self.offer_edit)
        form.addRow("Kept out (special population)", self.exemptions_edit)
        form.addRow("Not signing the offer", self.not_signing_edit)
        form.addRow("Reinvest in areas", self.reinvest_in_edit)
        form.addRow("Areas agreed", self.agreed_edit)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.export_button)
        buttons.addStretch(1)
        form.addRow(buttons)
        self.year_table.setModel(self.year_model)
        self.practice_table.setModel(self.practice_model)
        self.fairness_table.setModel(self.fairness_model)
        for table in (self.year_table, self.practice_table, self.fairness_table):
            table.verticalHeader().setVisible(False)
            table.setAlternatingRowColors(True)
            table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for label in (self.balance_label, self.basis_label, self.fairness_label):
            label.setWordWrap(True)
        self.basis_label.setStyleSheet("font-style: italic;")
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(settings)
        left_layout.addWidget(self.balance_label)
        left_layout.addWidget(self.year_table, 1)
        left_layout.addWidget(self.basis_label)
        fairness = QWidget()
        fairness_layout = QVBoxLayout(fairness)
        fairness_layout.addWidget(self.fairness_chart, 3)
        fairness_layout.addWidget(self.fairness_label)
        fairness_layout.addWidget(self.fairness_table, 2)
        fairness_layout.addWidget(self.export_fairness_button)
        self.result_tabs.addTab(self.practice_table, "Each practice, year by year")
        self.result_tabs.addTab(fairness, "Locality fairness")
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(self.result_tabs)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([540, 560])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)

    def _connect_signals(self) -> None:
        for signal in (
            self.start_year_combo.currentIndexChanged,
            self.years_spin.valueChanged,
            self.first_share_spin.valueChanged,
            self.cap_spin.valueChanged,
            self.held_back_spin.valueChanged,
            self.basis_combo.currentIndexChanged,
            self.offer_edit.editingFinished,
            self.not_signing_edit.editingFinished,
            self.reinvest_in_edit.editingFinished,
            self.agreed_edit.editingFinished,
            self.exemptions_edit.textChanged,
        ):
            signal.connect(self._on_setting_changed)
        self.equal_steps_check.toggled.connect(self._on_equal_steps_toggled)
        self.save_button.clicked.connect(self._on_save_clicked)
        self.export_button.clicked.connect(self._on_export_clicked)
        self.export_fairness_button.clicked.connect(self._on_export_fairness_clicked)

    def _on_equal_steps_toggled(self, checked: bool) -> None:
        self.first_share_spin.setEnabled(not checked)
        self.recalculate()

    def _on_setting_changed(self, *_: object) -> None:
        if self._draft is not None:
            self.recalculate()


def _codes(text: str) -> tuple[str, ...]:
    return tuple(code.strip().upper() for code in text.replace(";", ",").split(",") if code.strip())


def _percent_spin() -> QDoubleSpinBox:
    spin = QDoubleSpinBox()
    spin.setRange(0.0, 100.0)
    spin.setDecimals(1)
    spin.setSingleStep(0.5)
    spin.setSuffix(" %")
    return spin


def _share(spin: QDoubleSpinBox) -> Decimal:
    return (Decimal(str(round(spin.value(), 1))) / 100).normalize()
