"""Shared steps for the practice editor tests: typing into a field, showing a dialog."""

from PySide6.QtWidgets import QLineEdit, QWidget


def retype(qtbot, edit: QLineEdit, text: str) -> None:
    """Replace the field's text by typing, as an officer would."""
    edit.clear()
    qtbot.keyClicks(edit, text)


def show_active(qtbot, widget: QWidget) -> None:
    """Show and activate the window, so its keyboard shortcuts work."""
    widget.show()
    with qtbot.waitActive(widget):
        widget.activateWindow()
