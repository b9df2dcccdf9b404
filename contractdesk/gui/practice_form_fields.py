"""The Details tab of the practice form: its widgets read, written, checked and locked."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QCheckBox, QDateEdit, QLabel, QLineEdit

from contractdesk.domain.practice import ContractType, PracticeStatus
from contractdesk.domain.practice_rules import MAX_LENGTHS
from contractdesk.gui.forms.practice_form_ui import Ui_PracticeForm
from contractdesk.services.practices import PracticeDetail

# Each editable text field and the name of its line edit in ui/practice_form.ui.
TEXT_FIELDS = {
    "name": "name_edit",
    "address_line1": "address_line1_edit",
    "address_line2": "address_line2_edit",
    "address_line3": "address_line3_edit",
    "address_line4": "address_line4_edit",
    "address_line5": "address_line5_edit",
    "postcode": "postcode_edit",
    "phone": "phone_edit",
    "lead_contact": "lead_contact_edit",
    "lead_contact_role": "lead_contact_role_edit",
    "email": "email_edit",
    "contract_reference": "contract_reference_edit",
}
# A date that may be blank: ticking its check box gives it a value.
DATE_FIELDS = ("open_date", "close_date", "contract_start", "contract_end")
# The fields that can be at fault, each with a red `<field>_error` label beside it.
ERROR_FIELDS = ("ods_code", "name", "postcode", "phone", "email", "close_date", "contract_end")

FIELD_LABELS = {
    "ods_code": "ODS code",
    "name": "Name",
    "address_line1": "Address line 1",
    "address_line2": "Address line 2",
    "address_line3": "Address line 3",
    "address_line4": "Address line 4",
    "address_line5": "Address line 5",
    "postcode": "Postcode",
    "phone": "Phone",
    "lead_contact": "Lead contact",
    "lead_contact_role": "Lead contact's role",
    "email": "Email",
    "status": "Status",
    "open_date": "Opened",
    "close_date": "Closed",
    "contract_type": "Contract type",
    "contract_reference": "Contract reference",
    "contract_start": "Contract start",
    "contract_end": "Contract end",
    "dispensing": "Dispensing",
    "registered_patients": "Registered patients",
    "weighted_patients": "Weighted patients",
    "as_of": "As at",
}

DATE_FORMAT = "dd MMM yyyy"
# A blank date shows as the edit's minimum date, which Qt then displays as this text instead.
NO_DATE = QDate(1900, 1, 1)
NO_DATE_TEXT = "Not set"
# Dark red: readable on the light window colour and distinct from ordinary text.
ERROR_STYLE = "color: #b3261e;"


def field_label(name: str) -> str:
    return FIELD_LABELS.get(name, name.replace("_", " ").capitalize())


def describe_value(value: Any) -> str:
    """A stored or typed value as an officer reads it: dates in full, blanks as a dash."""
    if value is None or value == "":
        return "—"
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, date):
        return f"{value:%d %b %Y}"
    if isinstance(value, str) and len(value) == 10 and value[4:5] == "-":
        try:  # audit entries keep dates as ISO text
            return f"{date.fromisoformat(value):%d %b %Y}"
        except ValueError:
            return value
    return str(value)


def set_up_fields(ui: Ui_PracticeForm) -> None:
    """Fill the choices and prepare the blank-able dates and the error labels."""
    for status in PracticeStatus:
        ui.status_combo.addItem(status.value, status.value)
    for kind in ContractType:
        ui.contract_type_combo.addItem(kind.value, kind.value)
    for name in DATE_FIELDS:
        edit = _date_edit(ui, name)
        edit.setDisplayFormat(DATE_FORMAT)
        edit.setMinimumDate(NO_DATE)
        edit.setSpecialValueText(NO_DATE_TEXT)
    for name in ERROR_FIELDS:
        label = error_label(ui, name)
        label.setStyleSheet(ERROR_STYLE)
        label.hide()
    for name, edit in TEXT_FIELDS.items():
        if name in MAX_LENGTHS:
            getattr(ui, edit).setMaxLength(MAX_LENGTHS[name])


def connect_date_checks(ui: Ui_PracticeForm) -> None:
    """Ticking a date's box gives it today's date to change; clearing it blanks the date."""
    for name in DATE_FIELDS:
        check, edit = _date_check(ui, name), _date_edit(ui, name)
        check.toggled.connect(lambda checked, edit=edit: _on_date_check_toggled(edit, checked))


def _on_date_check_toggled(edit: QDateEdit, checked: bool) -> None:
    edit.setEnabled(checked and edit.property("editable") is not False)
    if checked and edit.date() == NO_DATE:
        edit.setDate(QDate.currentDate())
    elif not checked:
        edit.setDate(NO_DATE)


def change_signals(ui: Ui_PracticeForm) -> list[Any]:
    """Every signal that means the officer changed something on the Details tab."""
    signals = [ui.ods_code_edit.textEdited, ui.dispensing_check.toggled]
    signals += [getattr(ui, edit).textChanged for edit in TEXT_FIELDS.values()]
    signals += [ui.status_combo.currentIndexChanged, ui.contract_type_combo.currentIndexChanged]
    for name in DATE_FIELDS:
        signals += [_date_check(ui, name).toggled, _date_edit(ui, name).dateChanged]
    return signals


def show_values(ui: Ui_PracticeForm, values: Mapping[str, Any]) -> None:
    """Put the practice's editable values (as `PracticeDetail.editable_values()`) in the form."""
    for name, edit in TEXT_FIELDS.items():
        if name in values:
            getattr(ui, edit).setText(values[name] or "")
    _choose(ui.status_combo, values.get("status"))
    _choose(ui.contract_type_combo, values.get("contract_type"))
    for name in DATE_FIELDS:
        if name in values:
            value = values[name]
            check, edit = _date_check(ui, name), _date_edit(ui, name)
            check.setChecked(value is not None)
            edit.setDate(QDate(value) if value is not None else NO_DATE)
            edit.setEnabled(value is not None and edit.property("editable") is not False)
    if "dispensing" in values:
        ui.dispensing_check.setChecked(bool(values["dispensing"]))


def read_values(ui: Ui_PracticeForm) -> dict[str, Any]:
    """The editable values as typed: text stripped, blanks as None, unticked dates as None."""
    values: dict[str, Any] = {
        name: getattr(ui, edit).text().strip() or None for name, edit in TEXT_FIELDS.items()
    }
    values["status"] = ui.status_combo.currentData()
    values["contract_type"] = ui.contract_type_combo.currentData()
    for name in DATE_FIELDS:
        checked = _date_check(ui, name).isChecked()
        values[name] = _date_edit(ui, name).date().toPython() if checked else None
    values["dispensing"] = ui.dispensing_check.isChecked()
    return values


def show_errors(ui: Ui_PracticeForm, errors: Mapping[str, str]) -> None:
    for name in ERROR_FIELDS:
        label = error_label(ui, name)
        label.setText(errors.get(name, ""))
        label.setVisible(name in errors)


def set_editable(ui: Ui_PracticeForm, editable: bool, code_editable: bool) -> None:
    """Lock the fields for a viewer (text stays selectable), and the code once it is saved."""
    ui.ods_code_edit.setReadOnly(not code_editable)
    for edit in TEXT_FIELDS.values():
        line_edit: QLineEdit = getattr(ui, edit)
        line_edit.setReadOnly(not editable)
    for widget in (ui.status_combo, ui.contract_type_combo, ui.dispensing_check):
        widget.setEnabled(editable)
    for name in DATE_FIELDS:
        check, edit = _date_check(ui, name), _date_edit(ui, name)
        check.setEnabled(editable)
        edit.setProperty("editable", editable)
        edit.setEnabled(editable and check.isChecked())


def error_label(ui: Ui_PracticeForm, name: str) -> QLabel:
    return getattr(ui, f"{name}_error")


def _date_check(ui: Ui_PracticeForm, name: str) -> QCheckBox:
    return getattr(ui, f"{name}_check")


def _date_edit(ui: Ui_PracticeForm, name: str) -> QDateEdit:
    return getattr(ui, f"{name}_edit")


def _choose(combo: Any, value: str | None) -> None:
    index = combo.findData(value)
    if index >= 0:
        combo.setCurrentIndex(index)


def stored_values(detail: PracticeDetail) -> dict[str, Any]:
    """The stored values as the form would read them back (text stripped, blanks None)."""
    return {
        name: (value.strip() or None) if isinstance(value, str) else value
        for name, value in detail.editable_values().items()
    }


def area_text(detail: PracticeDetail) -> str:
    """The commissioner's name, with its code unless the name already includes it."""
    if not detail.area_code:
        return "—"
    name = detail.area_name or ""
    return name if detail.area_code in name else f"{name} ({detail.area_code})".strip()
