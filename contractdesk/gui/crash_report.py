"""Bugs: an unexpected exception is written to a log file and shown in a crash dialog.

A `KnownError` is the environment's or the input's fault and gets a plain message where it
happens; anything else reaching here is a bug. The user sees which log file holds the
traceback, so they can send it to whoever supports the app.
"""

from __future__ import annotations

import sys
import traceback
from datetime import datetime
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from contractdesk import __version__
from contractdesk.app_paths import log_dir

# At most one crash dialog at a time: a bug in a repeated event would otherwise stack dozens.
_open_dialogs: list[CrashDialog] = []


def write_crash_log(error: BaseException) -> Path:
    """Write the traceback to a new file in the user log folder; return its path."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    path = log_dir() / f"crash-{stamp}.log"
    details = "".join(traceback.format_exception(type(error), error, error.__traceback__))
    path.write_text(
        f"ContractDesk {__version__} on Python {sys.version.split()[0]}\n{details}",
        encoding="utf-8",
    )
    return path


class CrashDialog(QDialog):
    """Says that something went wrong that is not the user's doing, and where the log is."""

    def __init__(self, error: BaseException, log_file: Path, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.log_file = log_file
        self.setWindowTitle("ContractDesk: something went wrong")
        self.message_label = QLabel(
            "<p><b>ContractDesk met an error it did not expect.</b> This is a bug, not "
            "something you did. Your last action may not have been completed; "
            "anything saved before it is safe.</p>"
            f"<p>The details are in the log file:<br><code>{log_file}</code></p>"
            "<p>Please send that file to whoever supports ContractDesk.</p>"
        )
        self.message_label.setWordWrap(True)
        self.message_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        details = QPlainTextEdit(f"{type(error).__name__}: {error}")
        details.setReadOnly(True)
        details.setMaximumHeight(80)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message_label)
        layout.addWidget(details)
        layout.addWidget(buttons)
        self.setMinimumWidth(520)


def show_crash_dialog(error: BaseException, parent: QWidget | None = None) -> CrashDialog | None:
    """Log `error` and, unless a crash dialog is already open, show one (without blocking)."""
    log_file = write_crash_log(error)
    print(f"ContractDesk: unexpected error, details in {log_file}", file=sys.stderr)
    if any(dialog.isVisible() for dialog in _open_dialogs):
        return None
    dialog = CrashDialog(error, log_file, parent)
    _open_dialogs.append(dialog)
    dialog.finished.connect(lambda _result: _open_dialogs.remove(dialog))
    dialog.open()
    return dialog


def install_exception_hook() -> None:
    """Route uncaught exceptions (in Qt slots and events too) to the crash dialog."""
    sys.excepthook = _on_uncaught_exception


def _on_uncaught_exception(
    kind: type[BaseException], error: BaseException, trace: TracebackType | None
) -> None:
    if issubclass(kind, KeyboardInterrupt):
        sys.__excepthook__(kind, error, trace)
        return
    if error.__traceback__ is None:
        error = error.with_traceback(trace)
    if QApplication.instance() is None:
        sys.__excepthook__(kind, error, trace)
        write_crash_log(error)
        return
    show_crash_dialog(error, QApplication.activeWindow())
