"""Start-up benchmark for the desktop app (issue 3): not a timed test, a printed table.

Builds a database of all England (epraccur practices, payments 2022-23, registered patients
May 2022) once, then alternates runs of `startup_probe.py bare 7000` (a bare PySide6 window
with a 7,000-row QTableView) and `startup_probe.py app DB` (ContractDesk up to the register
populated and painted, then the database opened behind it), timing each process from launch
to its report. Best of --runs; the machine may be shared, so the ratio is of the two bests.

    .venv/bin/python bench/bench_startup.py [--runs 5]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REAL = ROOT / "tests" / "data" / "real"
PROBE = Path(__file__).with_name("startup_probe.py")


def build_england(path: Path) -> None:
    from contractdesk.services.list_size_import import import_list_sizes
    from contractdesk.services.payment_import import import_payments
    from contractdesk.services.practice_import import import_practices
    from contractdesk.services.workspace import open_workspace

    workspace = open_workspace(str(path), "bench")
    try:
        import_practices(workspace, REAL / "ods" / "epraccur_2025-09.csv")
        import_payments(workspace, [REAL / "nhs_payments_gp" / "nhs_payments_gp_2022-23.csv"])
        import_list_sizes(workspace, REAL / "registrations" / "gp-reg-pat-prac-all_2022-05.csv")
    finally:
        workspace.close()


def run_probe(*arguments: str, settings_home: str) -> dict[str, object]:
    environment = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=settings_home)
    started = time.perf_counter()
    output = subprocess.run(
        [sys.executable, str(PROBE), *arguments],
        capture_output=True,
        text=True,
        check=True,
        env=environment,
    ).stdout
    wall = time.perf_counter() - started
    result = json.loads(output.strip().splitlines()[-1])
    result["wall"] = wall  # includes interpreter start-up and the exit
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        database = Path(folder) / "england.sqlite"
        build_england(database)
        bare, app = [], []
        for _ in range(options.runs):
            bare.append(run_probe("bare", "7000", settings_home=folder))
            app.append(run_probe("app", str(database), settings_home=folder))
    best_bare = min(bare, key=lambda r: r["seconds"])
    best_app = min(app, key=lambda r: r["seconds"])
    keystroke = sorted(r["keystroke_ms"] for r in app)[len(app) // 2]
    print(
        f"{'bare PySide6, 7,000-row QTableView, to first paint':58} "
        f"{best_bare['seconds']:.3f} s  (process {min(r['wall'] for r in bare):.3f} s, "
        f"{best_bare['rss_mb']:.0f} MB)"
    )
    print(
        f"{'ContractDesk to register populated and painted':58} "
        f"{best_app['seconds']:.3f} s  (process {min(r['wall'] for r in app):.3f} s, "
        f"{best_app['rss_mb']:.0f} MB)  {best_app['seconds'] / best_bare['seconds']:.2f}x"
    )
    print(
        f"{'  then the database open behind it (SQLAlchemy, sign-in)':58} "
        f"{min(r['ready_seconds'] for r in app):.3f} s"
    )
    print(
        f"{'CPU to first paint: bare / ContractDesk (best)':58} "
        f"{min(r['cpu_seconds'] for r in bare):.3f} s / "
        f"{min(r['cpu_seconds'] for r in app):.3f} s"
    )
    print(f"{'rows in the register':58} {best_app['rows']}")
    print(
        f"{'one keystroke in the search box to filtered view (median)':58} "
        f"{keystroke:.1f} ms  ({best_app['rows_after_keystroke']} rows left)"
    )
    print(
        f"{'resident memory, register shown, database open (max)':58} "
        f"{max(r['rss_mb'] for r in app):.0f} MB"
    )
    heavy = best_app["heavy_modules"] + (["sqlalchemy"] if best_app["sqlalchemy_at_paint"] else [])
    print(f"{'SQLAlchemy or heavy modules before the first paint':58} {heavy or 'none'}")
    print(f"best of {options.runs}; python {sys.version.split()[0]}, {os.cpu_count()} cores")


if __name__ == "__main__":
    main()
