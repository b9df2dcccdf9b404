"""Benchmark of the funding work: nine years of payments imported, a review plan for England.

Run from the repository root: `python bench/bench_funding.py [--postgresql URL] [--runs N]`.
Not a timed test: it prints figures for bench/README.md. Each import starts from a fresh,
migrated database holding all England's practices (set-up is never on the clock).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

REPOSITORY = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPOSITORY))
sys.path.insert(0, str(REPOSITORY / "bench"))

from bench_imports import (  # noqa: E402
    EPRACCUR,
    LOGIN,
    PAYMENTS_DIR,
    PostgresDatabases,
    SqliteDatabases,
    show,
)

from contractdesk.services.funding import funding_year  # noqa: E402
from contractdesk.services.funding_plan import compute_plans, default_drafts  # noqa: E402
from contractdesk.services.payment_import import import_payments  # noqa: E402
from contractdesk.services.practice_import import import_practices  # noqa: E402
from contractdesk.services.workspace import open_workspace  # noqa: E402
from contractdesk.store.engine import sqlite_path  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--postgresql", metavar="URL", help="also run on this PostgreSQL server")
    parser.add_argument("--runs", type=int, default=3, help="fresh databases per figure")
    arguments = parser.parse_args()
    years = sorted(PAYMENTS_DIR.glob("nhs_payments_gp_20*.csv"))
    with tempfile.TemporaryDirectory(prefix="contractdesk-bench-") as folder:
        targets = [("SQLite", SqliteDatabases(Path(folder)))]
        if arguments.postgresql:
            targets.append(("PostgreSQL", PostgresDatabases(arguments.postgresql)))
        for label, databases in targets:
            imports, again, plans, tables = [], [], [], []
            rows = size = 0
            for _ in range(arguments.runs):
                with databases.fresh() as url:
                    workspace = open_workspace(url, LOGIN)
                    try:
                        import_practices(workspace, EPRACCUR)
                        start = time.perf_counter()
                        reports = import_payments(workspace, years)
                        imports.append(time.perf_counter() - start)
                        rows = sum(report.added for report in reports)
                        start = time.perf_counter()
                        import_payments(workspace, years)
                        again.append(time.perf_counter() - start)
                        path = sqlite_path(workspace.url)
                        size = path.stat().st_size if path else 0
                        start = time.perf_counter()
                        reports = compute_plans(workspace, default_drafts(workspace))
                        plans.append(time.perf_counter() - start)
                        practices = sum(len(report.plan.practices) for report in reports)
                        balanced = all(report.plan.balances for report in reports)
                        start = time.perf_counter()
                        latest = reports[0].draft.base_year
                        funding_year(workspace, latest)
                        tables.append(time.perf_counter() - start)
                    finally:
                        workspace.close()
            show(f"import payments, all {len(years)} years, {rows:,} rows ({label})", min(imports))
            show(f"re-import, all unchanged ({label})", min(again))
            if size:
                print(f"{'database file after the import (SQLite)':<56} {size / 1e6:8.1f} MB")
            show(
                f"plans for all England: {len(reports)} areas, {practices:,} practices ({label})",
                min(plans),
                "balanced" if balanced else "NOT BALANCED",
            )
            show(f"funding table for one year, all England ({label})", min(tables))
    print(f"best of {arguments.runs}; python {sys.version.split()[0]}, {os.cpu_count()} cores")


if __name__ == "__main__":
    main()
