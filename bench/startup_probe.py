"""One start-up, timed from inside: run as a subprocess by bench_startup.py.

`bare N`: a bare PySide6 process showing an N-row QTableView (the floor).
`app DB`: ContractDesk's own start-up path (CLI parser, `start_main_window` as `run_desktop`
calls it) up to the practice register populated and painted; then, once the workspace has
opened behind it, one keystroke in the search box.
Prints one JSON line: seconds to first paint and to the database open, keystroke ms, resident
memory (with the database open), heavy modules at first paint.
"""

from __future__ import annotations

import json
import os
import sys
import time

START = time.perf_counter()
HEAVY_MODULES = ("alembic", "pandas", "reportlab", "openpyxl", "numpy")


def resident_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def wait_for_paint(application, widget) -> None:  # type: ignore[no-untyped-def]
    """Process events until the widget has really been painted once."""
    painted = []
    from PySide6.QtCore import QEvent, QObject

    class PaintWatch(QObject):
        def eventFilter(self, watched, event):  # noqa: N802
            if event.type() == QEvent.Type.Paint:
                painted.append(True)
            return False

    watch = PaintWatch()
    widget.viewport().installEventFilter(watch)
    while not painted:
        application.processEvents()


def bare(rows: int) -> dict[str, object]:
    from PySide6.QtCore import QAbstractTableModel, Qt
    from PySide6.QtWidgets import QApplication, QTableView

    class Model(QAbstractTableModel):
        def rowCount(self, parent=None):  # noqa: N802
            return rows

        def columnCount(self, parent=None):  # noqa: N802
            return 7

        def data(self, index, role=Qt.ItemDataRole.DisplayRole):
            if role == Qt.ItemDataRole.DisplayRole:
                return f"{index.row()}:{index.column()}"
            return None

    application = QApplication(sys.argv)
    view = QTableView()
    view.setModel(Model())
    view.resize(1280, 800)
    view.show()
    wait_for_paint(application, view)
    return {
        "seconds": time.perf_counter() - START,
        "cpu_seconds": time.process_time(),
        "rss_mb": resident_mb(),
    }


def app(database: str) -> dict[str, object]:
    from contractdesk.cli.parser import build_parser

    arguments = build_parser().parse_args(["--db", database, "--user", "bench"])
    from contractdesk.gui.application import create_application, start_main_window

    application = create_application()
    # On the register, as the target says (a first run would open on the dashboard).
    window = start_main_window(arguments.db, arguments.user, section="practices")
    window.resize(1280, 800)  # the bare window's size; shown, but not painted yet
    register = window.practice_register
    wait_for_paint(application, register.ui.practice_table)
    seconds = time.perf_counter() - START
    cpu_seconds = time.process_time()
    rows = register.proxy.rowCount()
    heavy = [name for name in HEAVY_MODULES if name in sys.modules]
    sqlalchemy_at_paint = "sqlalchemy" in sys.modules
    # Then the rest of start-up: the workspace opens just after the first paint.
    while not window.is_database_open:
        application.processEvents()
    ready = time.perf_counter() - START
    # Let the start-up's last step (the Whole contract column, read 0.1 s after the paint)
    # finish, so the keystroke is timed on its own.
    settle = time.perf_counter() + 1.0
    while not register._compliance_loaded and time.perf_counter() < settle:  # noqa: SLF001
        application.processEvents()
        time.sleep(0.005)
    keystroke_start = time.perf_counter()
    register.ui.search_edit.setText("S")  # as textChanged fires per key typed
    application.processEvents()
    keystroke_ms = (time.perf_counter() - keystroke_start) * 1000
    result = {
        "seconds": seconds,
        "cpu_seconds": cpu_seconds,
        "ready_seconds": ready,
        "rss_mb": resident_mb(),
        "keystroke_ms": keystroke_ms,
        "rows": rows,
        "rows_after_keystroke": register.proxy.rowCount(),
        "heavy_modules": heavy,
        "sqlalchemy_at_paint": sqlalchemy_at_paint,
    }
    window.close_workspace()
    return result


if __name__ == "__main__":
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    kind, argument = sys.argv[1], sys.argv[2]
    outcome = bare(int(argument)) if kind == "bare" else app(argument)
    print(json.dumps(outcome))
    os._exit(0)  # skip Qt teardown: the figure is start-up, not shutdown
