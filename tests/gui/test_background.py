"""The background helper: work off the GUI thread, progress, cancel, errors and bugs."""

import threading

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QPushButton, QWidget

from contractdesk.app_paths import log_dir
from contractdesk.errors import BadInput, Cancelled
from contractdesk.gui.background import BackgroundOp
from contractdesk.gui.crash_report import CrashDialog


@pytest.fixture
def parent(qtbot):
    widget = QWidget()
    qtbot.addWidget(widget)
    return widget


def test_the_op_runs_on_another_thread_and_its_result_comes_back_on_the_gui_thread(qtbot, parent):
    threads = {}

    def op(progress):
        threads["op"] = threading.get_ident()
        progress(1, 2, "Half way")
        return 42

    results = []
    op_ = BackgroundOp(parent, op, label="Working", changes=frozenset({"practices"}))
    op_.success(lambda result: results.append((result, threading.get_ident())))
    with (
        qtbot.waitSignal(op_.changed) as changed,
        qtbot.waitSignal(op_.finished),
    ):
        op_.run_in_background()
    assert results == [(42, threading.get_ident())]
    assert threads["op"] != threading.get_ident()
    assert changed.args == [frozenset({"practices"})]
    assert not op_.is_running


def test_cancel_makes_the_next_progress_call_raise_cancelled(qtbot, parent):
    started, release = threading.Event(), threading.Event()
    seen = []

    def op(progress):
        started.set()
        release.wait(5)
        try:
            progress(1, 10, "Step")
        except Cancelled as error:
            seen.append(error)
            raise
        return "not reached"

    op_ = BackgroundOp(parent, op, label="Working", changes=frozenset({"practices"}))
    changed = []
    op_.changed.connect(changed.append)
    op_.run_in_background()
    qtbot.waitUntil(started.is_set)
    with qtbot.waitSignal(op_.cancelled):
        op_.progress_dialog.findChild(QPushButton).click()
        release.set()
    assert not op_.is_running
    assert len(seen) == 1
    assert changed == []
    assert op_.message_box is None  # a cancel is not an error to show


def test_a_known_error_is_shown_in_a_message_box(qtbot, parent):
    def op(progress):
        raise BadInput("That file is not a CSV file")

    op_ = BackgroundOp(parent, op, label="Working")
    with qtbot.waitSignal(op_.failed):
        op_.run_in_background()
    assert op_.message_box is not None
    assert op_.message_box.isVisible()
    assert op_.message_box.text() == "That file is not a CSV file"
    op_.message_box.close()


def test_a_bug_is_logged_and_gets_the_crash_dialog_naming_the_log(qtbot, parent):
    def op(progress):
        raise ZeroDivisionError("a bug")

    op_ = BackgroundOp(parent, op, label="Working")
    with qtbot.waitSignal(op_.finished):
        op_.run_in_background()
    [dialog] = [widget for widget in parent.findChildren(CrashDialog)]
    assert dialog.isVisible()
    assert dialog.log_file.parent == log_dir()
    assert "ZeroDivisionError: a bug" in dialog.log_file.read_text()
    assert str(dialog.log_file) in dialog.message_label.text()
    dialog.close()


def test_the_gui_stays_responsive_while_the_op_works(qtbot, parent):
    release = threading.Event()
    op_ = BackgroundOp(parent, lambda progress: release.wait(5), label="Working")
    op_.run_in_background()
    ticks = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start(10)
    qtbot.waitUntil(lambda: len(ticks) >= 5)
    assert op_.is_running
    release.set()
    qtbot.waitUntil(lambda: not op_.is_running)
    timer.stop()
