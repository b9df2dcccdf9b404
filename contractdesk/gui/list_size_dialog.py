"""Record list size…: the date and the registered and weighted figures, checked as typed."""

from __future__ import annotations

from datetime import date
from decimal import Decimal, InvalidOperation

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget

from contractdesk.domain.practice_rules import practice_field_errors
from contractdesk.gui.forms.list_size_form_ui import Ui_ListSizeForm
from contractdesk.gui.practice_form_fields import DATE_FORMAT, ERROR_STYLE

NOT_A_NUMBER = "Type a number of patients, e.g. 8250 or 9120.75."
NEITHER_GIVEN = "Give the registered or the weighted list size, or both."


class ListSizeDialog(QDialog):
    """Asks for one list size; OK stays disabled until the figures are valid."""

    def __init__(self, ods_code: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_ListSizeForm()
        self.ui.setupUi(self)
        self.setWindowTitle(f"Record list size for {ods_code}")
        self.ui.as_of_edit.setDisplayFormat(DATE_FORMAT)
        self.ui.as_of_edit.setDate(QDate.currentDate())
        for label in (self.ui.registered_error, self.ui.weighted_error):
            label.setStyleSheet(ERROR_STYLE)
            label.hide()
        self._connect_signals()
        self._on_figures_edited()

    @property
    def ok_button(self):  # type: ignore[no-untyped-def]
        return self.ui.button_box.button(QDialogButtonBox.StandardButton.Ok)

    def as_of(self) -> date:
        return self.ui.as_of_edit.date().toPython()

    def figures(self) -> tuple[Decimal | None, Decimal | None]:
        """(registered, weighted); call only when OK is enabled, i.e. both parse."""
        return _parse(self.ui.registered_edit.text()), _parse(self.ui.weighted_edit.text())

    def errors(self) -> dict[str, str]:
        errors: dict[str, str] = {}
        values: dict[str, Decimal | None] = {}
        for name, text in (
            ("registered_patients", self.ui.registered_edit.text()),
            ("weighted_patients", self.ui.weighted_edit.text()),
        ):
            try:
                values[name] = _parse(text)
            except InvalidOperation:
                errors[name] = NOT_A_NUMBER
        errors = practice_field_errors(values) | errors
        if not errors and all(value is None for value in values.values()):
            errors["registered_patients"] = NEITHER_GIVEN
        return errors

    def _connect_signals(self) -> None:
        self.ui.registered_edit.textChanged.connect(self._on_figures_edited)
        self.ui.weighted_edit.textChanged.connect(self._on_figures_edited)
        self.ui.button_box.accepted.connect(self.accept)
        self.ui.button_box.rejected.connect(self.reject)

    def _on_figures_edited(self, *_text: str) -> None:
        errors = self.errors()
        typed = bool(self.ui.registered_edit.text() or self.ui.weighted_edit.text())
        for name, label in (
            ("registered_patients", self.ui.registered_error),
            ("weighted_patients", self.ui.weighted_error),
        ):
            # Saying "give a figure" before anything is typed would only nag.
            shown = name in errors and (typed or errors[name] != NEITHER_GIVEN)
            label.setText(errors.get(name, ""))
            label.setVisible(shown)
        self.ok_button.setEnabled(not errors)


def _parse(text: str) -> Decimal | None:
    """Blank is None; thousands separators are allowed; anything else raises InvalidOperation."""
    cleaned = text.strip().replace(",", "")
    if not cleaned:
        return None
    value = Decimal(cleaned)
    if not value.is_finite():
        raise InvalidOperation(text)
    return value
