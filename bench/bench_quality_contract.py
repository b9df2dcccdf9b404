"""Quality-contract benchmark (issue 4): not a timed test, a printed table.

Builds a database of all England's practices (epraccur), a catalogue of 20 services for
2025/26, an offer of every service to every open practice with a mix of responses, and a
sub-contract for one practice in 40; then times, best of --runs:

- the sign-up matrix built from the database (which is also every practice's compliance);
- that matrix shown in the app's table (model filled, view painted) — the issue's "built and
  shown ≤ 1 s" is the sum of the two;
- the Excel export of the year (matrix + gaps sheets).

    .venv/bin/python bench/bench_quality_contract.py [--runs 3]
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
import uuid
from datetime import date, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EPRACCUR = ROOT / "tests" / "data" / "real" / "ods" / "epraccur_2025-09.csv"
SERVICES = 20


def build(path: Path):  # type: ignore[no-untyped-def]
    from sqlalchemy import insert, select

    from contractdesk.domain.financial_year import FinancialYear
    from contractdesk.services.practice_import import import_practices
    from contractdesk.services.service_catalogue import create_service
    from contractdesk.services.workspace import open_workspace
    from contractdesk.store.models import (
        Practice,
        Service,
        ServiceOffer,
        Subcontract,
        SubcontractService,
    )

    year = FinancialYear(2025)
    workspace = open_workspace(str(path), "bench")
    import_practices(workspace, EPRACCUR)
    for number in range(SERVICES):
        create_service(
            workspace,
            year,
            f"SVC-{number:02d}",
            {
                "name": f"Service {number}",
                "kind": "LES",
                "funding_basis": "per_item",
                "price_pence": 1000 + number,
                "required": number < 15,
            },
        )
    # Offers in bulk through Core: the services' own rules are tested elsewhere; this only
    # needs the national volume on disk.
    chance = random.Random(4)
    now = datetime(2025, 3, 1)
    with workspace.engine.begin() as connection:
        practices = list(
            connection.execute(select(Practice.id).where(Practice.status == "active")).scalars()
        )
        services = list(connection.execute(select(Service.id).order_by(Service.code)).scalars())
        offers = []
        for practice_id in practices:
            for service_id in services:
                status = chance.choices(["accepted", "declined", "offered"], [90, 6, 4])[0]
                offers.append(
                    {
                        "id": uuid.uuid4(),
                        "created_at": now,
                        "updated_at": now,
                        "version": 1,
                        "service_id": service_id,
                        "practice_id": practice_id,
                        "status": status,
                        "start_date": year.first_day,
                        "end_date": year.last_day,
                        "response_deadline": date(2025, 3, 31),
                        "offered_on": date(2025, 3, 1),
                        "offered_by": "bench",
                    }
                )
        connection.execute(insert(ServiceOffer), offers)
        for index in range(0, len(practices) - 1, 40):
            arrangement = uuid.uuid4()
            connection.execute(
                insert(Subcontract),
                [
                    {
                        "id": arrangement,
                        "created_at": now,
                        "updated_at": now,
                        "version": 1,
                        "financial_year": str(year),
                        "contractor_id": practices[index],
                        "subcontractor_id": practices[index + 1],
                        "premises_address": "bench",
                        "start_date": date(2025, 6, 1),
                        "end_date": year.last_day,
                        "notified_on": date(2025, 4, 1),
                        "decision": "approved",
                    }
                ],
            )
            connection.execute(
                insert(SubcontractService),
                [
                    {
                        "id": uuid.uuid4(),
                        "created_at": now,
                        "updated_at": now,
                        "subcontract_id": arrangement,
                        "service_id": services[0],
                    }
                ],
            )
    return workspace, year, len(practices)


def best(runs: int, work) -> tuple[float, object]:  # type: ignore[no-untyped-def]
    timings, result = [], None
    for _ in range(runs):
        started = time.perf_counter()
        result = work()
        timings.append(time.perf_counter() - started)
    return min(timings), result


def show_in_app(matrix) -> float:  # type: ignore[no-untyped-def]
    """Fill the app's sign-up table with the matrix and paint it; seconds taken."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from contractdesk.gui.signup_filter_proxy import SignupFilterProxy
    from contractdesk.gui.signup_matrix_model import SignupMatrixModel
    from PySide6.QtWidgets import QApplication, QTableView

    application = QApplication.instance() or QApplication(sys.argv)
    started = time.perf_counter()
    model = SignupMatrixModel()
    model.set_matrix(matrix)
    proxy = SignupFilterProxy()
    proxy.setSourceModel(model)
    view = QTableView()
    view.setModel(proxy)
    view.resize(1400, 800)
    view.show()
    view.repaint()
    application.processEvents()
    seconds = time.perf_counter() - started
    view.close()
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=3)
    options = parser.parse_args()
    from contractdesk.services.signup_export import export_signups
    from contractdesk.services.signup_matrix import load_signup_matrix

    with tempfile.TemporaryDirectory() as folder:
        workspace, year, practices = build(Path(folder) / "england.sqlite")
        try:
            today = date(2025, 10, 1)
            matrix_seconds, matrix = best(
                options.runs, lambda: load_signup_matrix(workspace, year, today=today)
            )
            shown = min(show_in_app(matrix) for _ in range(options.runs))
            out = Path(folder) / "signups.xlsx"
            export_seconds, _ = best(
                options.runs, lambda: export_signups(workspace, year, out, today=today)
            )
        finally:
            workspace.close()
    cells = len(matrix.rows) * len(matrix.services)
    compliant = sum(row.compliance.compliant for row in matrix.rows)
    print(f"{'practices × services':58} {len(matrix.rows)} × {len(matrix.services)} = {cells}")
    print(f"{'open practices offered':58} {practices} ({compliant} compliant)")
    print(f"{'sign-up matrix + compliance from the database':58} {matrix_seconds:.3f} s")
    print(f"{'matrix shown in the app (model + view painted)':58} {shown:.3f} s")
    print(f"{'built and shown (target ≤ 1 s)':58} {matrix_seconds + shown:.3f} s")
    print(f"{'Excel export, matrix + gaps (target ≤ 10 s)':58} {export_seconds:.3f} s")
    print(f"best of {options.runs}; python {sys.version.split()[0]}, {os.cpu_count()} cores")


if __name__ == "__main__":
    main()
