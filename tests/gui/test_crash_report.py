"""Bugs: an uncaught exception is logged to the user log folder and named in a crash dialog."""

import sys

from contractdesk.app_paths import log_dir
from contractdesk.gui import crash_report
from contractdesk.gui.crash_report import CrashDialog, install_exception_hook


def _raise_and_catch():
    try:
        {}["missing"]
    except KeyError as error:
        return error


def test_the_exception_hook_logs_the_traceback_and_shows_the_crash_dialog(qtbot, monkeypatch):
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(crash_report, "_open_dialogs", [])
    install_exception_hook()
    error = _raise_and_catch()
    sys.excepthook(type(error), error, error.__traceback__)
    [dialog] = crash_report._open_dialogs
    qtbot.addWidget(dialog)
    assert isinstance(dialog, CrashDialog)
    assert dialog.isVisible()
    assert dialog.log_file.parent == log_dir()
    logged = dialog.log_file.read_text()
    assert "Traceback (most recent call last)" in logged
    assert "_raise_and_catch" in logged
    assert "KeyError: 'missing'" in logged
    assert str(dialog.log_file) in dialog.message_label.text()
    # A second bug while the dialog is open is logged, without stacking another dialog.
    sys.excepthook(type(error), error, error.__traceback__)
    assert crash_report._open_dialogs == [dialog]
    dialog.reject()
    assert crash_report._open_dialogs == []
