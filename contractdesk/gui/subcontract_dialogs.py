"""The sub-contract forms: record a notification, approve or object, end an arrangement."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLineEdit, QListWidget, QListWidgetItem, QWidget

from contractdesk.domain.financial_year import FinancialYear
from contractdesk.domain.subcontracting import OBJECTION_WINDOW_DAYS, ObjectionGround
from contractdesk.gui.action_dialog import ActionDialog, date_edit, date_of
from contractdesk.gui.year_choice import index_of_data
from contractdesk.services.service_catalogue import list_services
from contractdesk.services.subcontracts import (
    SubcontractEntry,
    decide_subcontract,
    end_subcontract,
    notify_subcontract,
)
from contractdesk.services.workspace import Workspace

SERVICE_LIST_ROWS = 8


def _practice_combo(practices: Sequence[tuple[str, str]]) -> QComboBox:
    """Practices as "CODE Name", searchable by typing (the code's data is the ODS code)."""
    combo = QComboBox()
    combo.setEditable(True)
    combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    for code, name in practices:
        combo.addItem(f"{code} {name}", code)
    combo.setCurrentIndex(-1)
    combo.lineEdit().setPlaceholderText("Type an ODS code or part of the name")
    combo.completer().setFilterMode(Qt.MatchFlag.MatchContains)
    combo.completer().setCompletionMode(combo.completer().CompletionMode.PopupCompletion)
    return combo


def _chosen_practice(combo: QComboBox) -> str:
    """The chosen practice's code; typed text that names no listed practice is passed on as
    typed, so the service's own message says what is wrong with it."""
    index = combo.findText(combo.currentText())
    if index >= 0:
        return combo.itemData(index)
    return combo.currentText().strip().split(" ")[0]


class NewSubcontractDialog(ActionDialog):
    """Record a contractor's notification that another practice will deliver services."""

    def __init__(
        self,
        workspace: Workspace,
        practices: Sequence[tuple[str, str]],
        years: Sequence[FinancialYear],
        year: FinancialYear,
        parent: QWidget | None = None,
        contractor: str | None = None,
    ) -> None:
        super().__init__(
            "New sub-contract",
            "Record a contractor's notice that another practice will deliver some of its "
            "services. The commissioner then has 28 days from the notice to object.",
            "Record",
            parent,
        )
        self._workspace = workspace
        self.contractor_combo = _practice_combo(practices)
        self.subcontractor_combo = _practice_combo(practices)
        if contractor is not None:
            self.contractor_combo.setCurrentIndex(self.contractor_combo.findData(contractor))
        self.year_combo = QComboBox()
        for choice in sorted(set(years) | {year}, reverse=True):
            self.year_combo.addItem(str(choice), choice)
        self.year_combo.setCurrentIndex(index_of_data(self.year_combo, year))
        self.service_list = QListWidget()
        self.service_list.setMinimumHeight(
            self.service_list.fontMetrics().height() * SERVICE_LIST_ROWS
        )
        self.premises_edit = QLineEdit()
        self.premises_edit.setPlaceholderText("Where the sub-contractor will deliver them")
        # The notice must come before the start; by default the start is after the 28 days.
        today = date.today()
        self.start_edit = date_edit(
            min(today + timedelta(days=OBJECTION_WINDOW_DAYS), year.last_day)
        )
        self.end_edit = date_edit(year.last_day)
        self.notified_edit = date_edit(today)
        self.form.addRow("&Contractor:", self.contractor_combo)
        self.form.addRow("S&ub-contractor:", self.subcontractor_combo)
        self.form.addRow("&Year:", self.year_combo)
        self.form.addRow("Ser&vices:", self.service_list)
        self.form.addRow("&Premises:", self.premises_edit)
        self.form.addRow("&Start:", self.start_edit)
        self.form.addRow("&End:", self.end_edit)
        self.form.addRow("&Notified on:", self.notified_edit)
        self._show_year_services()
        self.year_combo.currentIndexChanged.connect(self._on_year_changed)
        self.setMinimumWidth(560)

    @property
    def year(self) -> FinancialYear:
        return self.year_combo.currentData()

    def set_services(self, codes: Sequence[str]) -> None:
        for row in range(self.service_list.count()):
            item = self.service_list.item(row)
            checked = item.data(Qt.ItemDataRole.UserRole) in codes
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    def chosen_services(self) -> list[str]:
        items = (self.service_list.item(row) for row in range(self.service_list.count()))
        return [
            item.data(Qt.ItemDataRole.UserRole)
            for item in items
            if item.checkState() == Qt.CheckState.Checked
        ]

    def _on_year_changed(self, _index: int) -> None:
        self._show_year_services()

    def _show_year_services(self) -> None:
        """The chosen year's services that can be sub-contracted; ticks kept where they can be."""
        chosen = self.chosen_services()
        self.service_list.clear()
        for service in list_services(self._workspace, self.year, include_retired=False):
            item = QListWidgetItem(f"{service.code} — {service.name}", self.service_list)
            item.setData(Qt.ItemDataRole.UserRole, service.code)
            item.setCheckState(Qt.CheckState.Unchecked)
        self.set_services(chosen)
        year = self.year
        for edit, day in ((self.start_edit, year.first_day), (self.end_edit, year.last_day)):
            if date_of(edit) not in year:
                edit.setDate(day)

    def submit(self) -> Any:
        return notify_subcontract(
            self._workspace,
            year=self.year,
            contractor=_chosen_practice(self.contractor_combo),
            subcontractor=_chosen_practice(self.subcontractor_combo),
            service_codes=self.chosen_services(),
            premises_address=self.premises_edit.text(),
            start=date_of(self.start_edit),
            end=date_of(self.end_edit),
            notified_on=date_of(self.notified_edit),
        )


def _describe(entry: SubcontractEntry) -> str:
    return (
        f"Sub-contract <b>{entry.reference}</b>: {entry.contractor_code} {entry.contractor_name} "
        f"→ {entry.subcontractor_code} {entry.subcontractor_name}, "
        f"{', '.join(entry.service_codes)}, {entry.start_date:%d %b %Y} to "
        f"{entry.end_date:%d %b %Y}. Notified {entry.notified_on:%d %b %Y}; "
        f"objections by {entry.objection_deadline:%d %b %Y}."
    )


class DecisionDialog(ActionDialog):
    """The commissioner's approval of a pending arrangement, or its objection on a ground."""

    def __init__(
        self,
        workspace: Workspace,
        entry: SubcontractEntry,
        *,
        approve: bool,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            "Approve sub-contract" if approve else "Object to sub-contract",
            _describe(entry),
            "Approve" if approve else "Object",
            parent,
        )
        self._workspace, self._entry, self._approve = workspace, entry, approve
        self.date_edit = date_edit(max(date.today(), entry.notified_on))
        self.ground_combo = QComboBox()
        for ground in ObjectionGround:
            self.ground_combo.addItem(ground.label, ground)
        self.detail_edit = QLineEdit()
        self.form.addRow("&Decided on:", self.date_edit)
        if not approve:
            self.form.addRow("&Ground:", self.ground_combo)
            self.form.addRow("De&tail:", self.detail_edit)
            self.ground_combo.currentIndexChanged.connect(self._on_ground_changed)
            self._on_ground_changed()

    def ground(self) -> ObjectionGround:
        # Qt gives a str enum back as plain text.
        return ObjectionGround(self.ground_combo.currentData())

    def _on_ground_changed(self, *_arguments: Any) -> None:
        other = self.ground() is ObjectionGround.OTHER
        self.detail_edit.setPlaceholderText(
            "Required: what the ground is" if other else "Optional: more about the ground"
        )

    def submit(self) -> Any:
        return decide_subcontract(
            self._workspace,
            self._entry.reference,
            approve=self._approve,
            decided_on=date_of(self.date_edit),
            ground=None if self._approve else self.ground(),
            detail=None if self._approve else self.detail_edit.text(),
        )


class EndSubcontractDialog(ActionDialog):
    """End a pending or approved arrangement early, with the date and the reason."""

    def __init__(
        self, workspace: Workspace, entry: SubcontractEntry, parent: QWidget | None = None
    ) -> None:
        super().__init__("End sub-contract", _describe(entry), "End sub-contract", parent)
        self._workspace, self._entry = workspace, entry
        today = date.today()
        self.date_edit = date_edit(min(max(today, entry.start_date), entry.end_date))
        self.reason_edit = QLineEdit()
        self.form.addRow("&Ends on:", self.date_edit)
        self.form.addRow("&Reason:", self.reason_edit)

    def submit(self) -> Any:
        return end_subcontract(
            self._workspace,
            self._entry.reference,
            ended_on=date_of(self.date_edit),
            reason=self.reason_edit.text(),
        )
