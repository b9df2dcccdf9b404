"""Sign-up matrix GUI benchmark (issue 4): not a timed test, a printed table.

A synthetic year of 7,000 practices × 20 services (no database) shown the way the Sign-ups
section shows it, best of --runs, each in a fresh model and view:

- the model filled (`SignupMatrixModel.set_matrix`);
- the whole Sign-ups page built on that matrix (model, filter proxy, frozen code/name
  columns, column sizing, locality list) and shown until its table has painted once —
  the target is ≤ 1 s;
- a sort by a service column, and one keystroke in the search box (the filter over 7,000).

    .venv/bin/python bench/bench_matrix.py [--runs 5] [--practices 7000] [--services 20]
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from datetime import date
from pathlib import Path
from types import SimpleNamespace

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def synthetic_matrix(practices: int, services: int):  # type: ignore[no-untyped-def]
    """Made-up practices and services with every cell state represented."""
    from contractdesk.domain.financial_year import FinancialYear
    from contractdesk.domain.service_catalogue import FundingBasis, ServiceKind
    from contractdesk.domain.whole_contract import CellState, assess_compliance
    from contractdesk.services.service_catalogue import ServiceEntry
    from contractdesk.services.signup_matrix import MatrixRow, SignupMatrix

    year = FinancialYear(2026)
    entries = tuple(
        ServiceEntry(
            year,
            f"SERVICE-{n:02d}",
            f"Service {n}",
            ServiceKind.LES,
            FundingBasis.PER_ITEM,
            100 * n,
            None,
            None,
            n % 3 != 2,
            False,
            1,
        )
        for n in range(services)
    )
    required = [entry.code for entry in entries if entry.required]
    states = list(CellState)
    rows = []
    for n in range(practices):
        # Mostly accepted, as in a real year; every state somewhere.
        row_states = tuple(
            states[(n * 7 + column) % len(states)] if (n + column) % 5 == 0 else CellState.ACCEPTED
            for column in range(services)
        )
        by_code = dict(zip((entry.code for entry in entries), row_states, strict=True))
        declined = {code for code, state in by_code.items() if state is CellState.DECLINED}
        rows.append(
            MatrixRow(
                f"X{n:05d}",
                f"PRACTICE NUMBER {n} MEDICAL CENTRE",
                "QXX",
                f"U{n % 1250:05d}",
                f"LOCALITY {n % 1250} PCN",
                row_states,
                assess_compliance(required, by_code, declined),
            )
        )
    return SignupMatrix(year, date(2026, 11, 23), entries, tuple(rows))


def wait_for_paint(application, view) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QEvent, QObject

    painted: list[bool] = []

    class PaintWatch(QObject):
        def eventFilter(self, watched, event):  # noqa: N802
            if event.type() == QEvent.Type.Paint:
                painted.append(True)
            return False

    watch = PaintWatch()
    view.viewport().installEventFilter(watch)
    while not painted:
        application.processEvents()
    view.viewport().removeEventFilter(watch)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--practices", type=int, default=7000)
    parser.add_argument("--services", type=int, default=20)
    options = parser.parse_args()

    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from contractdesk.domain.roles import Role
    from contractdesk.gui import signup_page
    from contractdesk.gui.signup_matrix_model import FIRST_SERVICE_COLUMN, SignupMatrixModel

    application = QApplication(sys.argv)
    started = time.perf_counter()
    matrix = synthetic_matrix(options.practices, options.services)
    made = time.perf_counter() - started
    # The page reads its years and matrix from these services: here they hand back the
    # synthetic matrix, so only the GUI is on the clock.
    signup_page.catalogue_years = lambda _workspace: [matrix.year]
    signup_page.load_signup_matrix = lambda _workspace, _year: matrix
    workspace = SimpleNamespace(user=SimpleNamespace(role=Role.OFFICER))

    model_times, page_times, sort_times, key_times = [], [], [], []
    for _ in range(options.runs):
        model = SignupMatrixModel()
        started = time.perf_counter()
        model.set_matrix(matrix)
        model_times.append(time.perf_counter() - started)

        started = time.perf_counter()
        page = signup_page.SignupsPage(workspace)  # type: ignore[arg-type]
        page.resize(1280, 800)
        page.show()
        wait_for_paint(application, page.table)
        page_times.append(time.perf_counter() - started)

        started = time.perf_counter()
        page.table.sortByColumn(FIRST_SERVICE_COLUMN + 3, Qt.SortOrder.AscendingOrder)
        application.processEvents()
        sort_times.append(time.perf_counter() - started)

        started = time.perf_counter()
        page.search_edit.setText("4")
        application.processEvents()
        key_times.append(time.perf_counter() - started)
        assert page.proxy.rowCount() > 0
        page.close()
        page.deleteLater()
        application.processEvents()

    size = f"{options.practices:,} × {options.services}"
    print(f"{'synthetic matrix made (not the GUI; for scale)':52} {made:.3f} s")
    print(f"{'model filled, ' + size:52} {min(model_times):.3f} s")
    print(f"{'Sign-ups page built and painted, ' + size:52} {min(page_times):.3f} s  (≤ 1 s)")
    print(f"{'sort by a service column':52} {min(sort_times):.3f} s")
    print(f"{'one keystroke in the search box':52} {min(key_times) * 1000:.0f} ms")
    print(f"best of {options.runs}; python {sys.version.split()[0]}, {os.cpu_count()} cores")


if __name__ == "__main__":
    main()
