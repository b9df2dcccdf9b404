"""The base of the small forms whose OK calls one service: errors keep the form and its input."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any, Self

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from contractdesk.errors import KnownError
from contractdesk.gui.background import show_message

# Dates as officers write them in letters and on the register.
DATE_FORMAT = "dd/MM/yyyy"


class ActionDialog(QDialog):
    """A heading, a form and OK/Cancel. OK calls `submit()`; a KnownError it raises (bad
    input, no permission, a conflict) shows in a message box over the form, which stays open
    with everything typed in it. On success `completed` carries the service's result."""

    completed = Signal(object)

    def __init__(self, title: str, heading: str, ok_text: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.message_box: QMessageBox | None = None
        self.result_value: Any = None
        self.heading_label = QLabel(heading)
        self.heading_label.setWordWrap(True)
        self.form = QFormLayout()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(ok_text)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading_label)
        layout.addLayout(self.form)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.setMinimumWidth(460)

    def start(self, on_completed: Callable[[Any], None]) -> Self:
        """Open without blocking (the form is deleted once closed); `on_completed` gets the
        service's result when OK succeeds."""
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.completed.connect(on_completed)
        self.open()
        return self

    def submit(self) -> Any:
        """Call the service with the form's values and return its result."""
        raise NotImplementedError

    def accept(self) -> None:
        try:
            result = self.submit()
        except KnownError as error:
            if not self.handle_error(error):
                self.message_box = show_message(self, str(error), self.windowTitle())
            return
        self.result_value = result
        self.completed.emit(result)
        super().accept()

    def handle_error(self, error: KnownError) -> bool:
        """A chance to answer an error inside the form (True: handled, no message box)."""
        return False


def date_edit(value: date | None = None) -> QDateEdit:
    """A date field with a calendar, in day/month/year."""
    edit = QDateEdit()
    edit.setCalendarPopup(True)
    edit.setDisplayFormat(DATE_FORMAT)
    edit.setDate(QDate(value or date.today()))
    return edit


def date_of(edit: QDateEdit) -> date:
    return edit.date().toPython()  # type: ignore[return-value]
