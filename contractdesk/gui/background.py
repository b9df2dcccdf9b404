"""Long work off the GUI thread: `BackgroundOp(parent, op).success(...).run_in_background()`.

After Anki's `CollectionOp`. The op is a callable taking a `progress(done, total, stage)`
function; it runs on a worker thread while a progress dialog with a Cancel button shows what
it is doing. A cancel makes the op's next progress call raise `Cancelled` (inside a unit of
work that rolls the transaction back). The result, or the error, comes back on the GUI thread:
a `KnownError` is shown in a message box, anything else is a bug and gets the crash dialog.
On success the op announces what it changed (`changed`, a frozenset of names such as
{"practices"}) so that each view decides whether to refresh.

The worker uses the workspace's engine: each thread checks its own connection out of the
pool (SQLAlchemy's file-SQLite pool allows that), and the GUI thread keeps reading meanwhile.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from contractdesk.errors import Cancelled, KnownError
from contractdesk.gui.crash_report import show_crash_dialog
from contractdesk.importers.progress import Progress

# A quick op finishes before its progress dialog would flash on the screen.
PROGRESS_DELAY_MS = 400
PROGRESS_STEPS = 1000


class _WorkerSignals(QObject):
    """Emitted from the worker thread; queued to the op on the GUI thread."""

    progressed = Signal(int, int, str)
    returned = Signal(object)
    raised = Signal(object)


class _Worker(QRunnable):
    def __init__(self, op: Callable[[Progress], Any], cancel_requested: threading.Event) -> None:
        super().__init__()
        self.signals = _WorkerSignals()
        self._op = op
        self._cancel_requested = cancel_requested
        self.done = threading.Event()

    def run(self) -> None:
        try:
            result = self._op(self._progress)
        except BaseException as error:  # noqa: BLE001 - handed to the GUI thread, never lost
            self.signals.raised.emit(error)
        else:
            self.signals.returned.emit(result)
        finally:
            self.done.set()

    def _progress(self, done: int, total: int, stage: str) -> None:
        if self._cancel_requested.is_set():
            raise Cancelled("Cancelled: nothing was changed.")
        self.signals.progressed.emit(done, total, stage)


class BackgroundOp(QObject):
    """One run of `op` on a worker thread, with a progress dialog and its result on the GUI."""

    progressed = Signal(int, int, str)  # done, total, stage: the op's reports, on the GUI thread
    succeeded = Signal(object)  # the op's result
    failed = Signal(object)  # a KnownError other than Cancelled
    cancelled = Signal()
    changed = Signal(object)  # frozenset[str]: what the op changed, for views to refresh
    finished = Signal()  # always last, whatever the outcome

    def __init__(
        self,
        parent: QWidget,
        op: Callable[[Progress], Any],
        *,
        label: str,
        changes: frozenset[str] = frozenset(),
        cancellable: bool = True,
    ) -> None:
        super().__init__(parent)
        self._parent_widget = parent
        self._op = op
        self._label = label
        self._changes = changes
        self._cancel_requested = threading.Event()
        self._on_success: Callable[[Any], None] | None = None
        self._on_failure: Callable[[KnownError], None] | None = None
        self._worker: _Worker | None = None
        self.progress_dialog = self._make_progress_dialog(label, cancellable)
        self.message_box: QMessageBox | None = None

    def success(self, callback: Callable[[Any], None]) -> BackgroundOp:
        """Call `callback(result)` on the GUI thread when the op returns."""
        self._on_success = callback
        return self

    def failure(self, callback: Callable[[KnownError], None]) -> BackgroundOp:
        """Call `callback(error)` for a KnownError instead of the default message box."""
        self._on_failure = callback
        return self

    def run_in_background(self) -> BackgroundOp:
        self._worker = _Worker(self._op, self._cancel_requested)
        signals = self._worker.signals
        queued = Qt.ConnectionType.QueuedConnection
        signals.progressed.connect(self._on_worker_progressed, queued)
        signals.returned.connect(self._on_worker_returned, queued)
        signals.raised.connect(self._on_worker_raised, queued)
        if not _running:
            _pause_collector()
        _running.add(self)
        # Starts the dialog's own timer: it shows itself if the op outlasts PROGRESS_DELAY_MS.
        self.progress_dialog.setValue(0)
        QThreadPool.globalInstance().start(self._worker)
        return self

    @property
    def is_running(self) -> bool:
        return self in _running

    def cancel(self) -> None:
        """Ask the op to stop at its next progress report (what the Cancel button does)."""
        self._cancel_requested.set()
        self.progress_dialog.setLabelText(f"{self._label}\nCancelling…")

    def wait(self, timeout_seconds: float | None = None) -> bool:
        """Block until the worker thread has ended (used when the window closes)."""
        return self._worker is None or self._worker.done.wait(timeout_seconds)

    def _make_progress_dialog(self, label: str, cancellable: bool) -> QProgressDialog:
        dialog = QProgressDialog(label, "Cancel", 0, 0, self._parent_widget)
        if not cancellable:
            dialog.setCancelButton(None)
        dialog.setWindowTitle("ContractDesk")
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(PROGRESS_DELAY_MS)
        dialog.setMinimumWidth(420)
        # Each stage restarts the bar; the dialog closes when the op ends, not at 100 %.
        dialog.setAutoReset(False)
        dialog.setAutoClose(False)
        if cancellable:
            dialog.canceled.connect(self.cancel)
        return dialog

    def _on_worker_progressed(self, done: int, total: int, stage: str) -> None:
        if self._cancel_requested.is_set() or not self.is_running:
            return
        # The collector is paused while a worker runs (see _pause_collector): the young
        # generation is swept here, on the GUI thread, so a long op's garbage does not pile up.
        gc.collect(0)
        self.progressed.emit(done, total, stage)
        dialog = self.progress_dialog
        dialog.setLabelText(f"{self._label}\n{stage}…")
        # A fixed range: a stage's total (rows, steps) changes from stage to stage.
        dialog.setMaximum(PROGRESS_STEPS)
        # A shown modal progress dialog processes events in setValue: the op may end in there.
        dialog.setValue(PROGRESS_STEPS * done // total if total else 0)

    def _on_worker_returned(self, result: object) -> None:
        self._end()
        if self._on_success is not None:
            self._on_success(result)
        self.succeeded.emit(result)
        if self._changes:
            self.changed.emit(self._changes)
        self.finished.emit()

    def _on_worker_raised(self, error: BaseException) -> None:
        self._end()
        if isinstance(error, Cancelled):
            self.cancelled.emit()
        elif isinstance(error, KnownError):
            if self._on_failure is not None:
                self._on_failure(error)
            else:
                self.message_box = show_message(self._parent_widget, str(error))
            self.failed.emit(error)
        else:
            show_crash_dialog(error, self._parent_widget)
        self.finished.emit()

    def _end(self) -> None:
        _running.discard(self)
        if not _running:
            _resume_collector()
        # The dialog's own timer would show it later still; it is finished with, not hidden.
        self.progress_dialog.reset()
        self.progress_dialog.hide()
        self.progress_dialog.deleteLater()


def show_message(parent: QWidget, text: str, title: str = "ContractDesk") -> QMessageBox:
    """A plain warning, opened without blocking (and so testable: it is returned, shown)."""
    box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok, parent)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box


# Ops whose worker has not reported back yet: kept alive here until it does.
_running: set[BackgroundOp] = set()
_collector_was_enabled = True


def _pause_collector() -> None:
    """No cyclic garbage collection while a worker thread runs.

    The collector runs in whichever thread happens to allocate; run in a worker, it may free a
    Qt object that became garbage on the GUI thread (a closed dialog in a reference cycle) and
    call its C++ destructor from the wrong thread, which crashes. Reference counting goes on
    freeing everything else; the GUI thread collects when the work reports progress and ends.
    """
    global _collector_was_enabled
    _collector_was_enabled = gc.isenabled()
    gc.disable()


def _resume_collector() -> None:
    if _collector_was_enabled:
        gc.enable()
    gc.collect()
