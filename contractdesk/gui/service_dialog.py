"""Add a service to a year's catalogue, or edit one."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from contractdesk.domain.financial_year import FinancialYear
from contractdesk.domain.service_catalogue import FundingBasis, ServiceKind
from contractdesk.gui.action_dialog import ActionDialog
from contractdesk.services.service_catalogue import ServiceEntry, create_service, update_service
from contractdesk.services.workspace import Workspace

MAX_PRICE_POUNDS = 10_000_000


class ServiceDialog(ActionDialog):
    """A new service for `year` (service None), or the given one's fields to edit."""

    def __init__(
        self,
        workspace: Workspace,
        year: FinancialYear,
        service: ServiceEntry | None = None,
        parent: QWidget | None = None,
    ) -> None:
        heading = (
            f"Add a service to the {year} catalogue."
            if service is None
            else f"Edit <b>{service.code}</b> in the {year} catalogue."
        )
        super().__init__(
            "New service" if service is None else "Edit service", heading, "Save", parent
        )
        self._workspace, self._year, self._service = workspace, year, service
        self.code_edit = QLineEdit()
        self.code_edit.setPlaceholderText("e.g. LES-PHLEB")
        self.code_edit.setMaxLength(20)
        self.name_edit = QLineEdit()
        self.kind_combo = QComboBox()
        for kind in ServiceKind:
            self.kind_combo.addItem(kind.label, kind.value)
        self.funding_combo = QComboBox()
        for basis in FundingBasis:
            self.funding_combo.addItem(basis.label, basis.value)
        self.price_spin = QDoubleSpinBox()
        self.price_spin.setDecimals(2)
        self.price_spin.setRange(0, MAX_PRICE_POUNDS)
        self.price_spin.setPrefix("£ ")
        self.price_spin.setGroupSeparatorShown(True)
        self.required_check = QCheckBox("Required for the whole contract")
        self.description_edit = QPlainTextEdit()
        self.description_edit.setFixedHeight(self.fontMetrics().height() * 4)
        self.spec_edit = QLineEdit()
        self.form.addRow("&Code:", self.code_edit)
        self.form.addRow("&Name:", self.name_edit)
        self.form.addRow("&Kind:", self.kind_combo)
        self.form.addRow("&Funding basis:", self.funding_combo)
        self.form.addRow("&Price:", self.price_spin)
        self.form.addRow("", self.required_check)
        self.form.addRow("&Description:", self.description_edit)
        self.form.addRow("&Specification:", self.spec_edit)
        if service is not None:
            self._show(service)

    def _show(self, service: ServiceEntry) -> None:
        self.code_edit.setText(service.code)
        self.code_edit.setReadOnly(True)
        self.name_edit.setText(service.name)
        self.kind_combo.setCurrentIndex(self.kind_combo.findData(service.kind.value))
        self.funding_combo.setCurrentIndex(self.funding_combo.findData(service.funding_basis.value))
        self.price_spin.setValue(service.price_pence / 100)
        self.required_check.setChecked(service.required)
        self.description_edit.setPlainText(service.description or "")
        self.spec_edit.setText(service.spec_reference or "")

    def values(self) -> dict[str, Any]:
        pence = int((Decimal(str(self.price_spin.value())) * 100).to_integral_value())
        return {
            "name": self.name_edit.text(),
            "kind": self.kind_combo.currentData(),
            "funding_basis": self.funding_combo.currentData(),
            "price_pence": pence,
            "required": self.required_check.isChecked(),
            "description": self.description_edit.toPlainText().strip() or None,
            "spec_reference": self.spec_edit.text().strip() or None,
        }

    def submit(self) -> Any:
        values = self.values()
        service = self._service
        if service is None:
            return create_service(self._workspace, self._year, self.code_edit.text(), values)
        before = {
            "name": service.name,
            "kind": service.kind.value,
            "funding_basis": service.funding_basis.value,
            "price_pence": service.price_pence,
            "required": service.required,
            "description": service.description,
            "spec_reference": service.spec_reference,
        }
        changes = {name: value for name, value in values.items() if before[name] != value}
        return update_service(self._workspace, self._year, service.code, service.version, changes)
