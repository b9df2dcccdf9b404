"""Benchmark of the NHS imports against a bare `csv` + `executemany` insert of the same rows.

Run from the repository root: `python bench/bench_imports.py [--postgresql URL] [--runs N]`.
Not a timed test: it prints a table of figures for bench/README.md. Each timed run starts
from a fresh, already-migrated database (SQLite file, or a scratch PostgreSQL database made
on the server that URL names and dropped afterwards), so set-up is never on the clock.
"""

from __future__ import annotations

import argparse
import csv
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

REPOSITORY = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPOSITORY))

from sqlalchemy import create_engine, text  # noqa: E402
from sqlalchemy.engine import make_url  # noqa: E402

from contractdesk.services.payment_import import import_payments  # noqa: E402
from contractdesk.services.practice_import import import_practices  # noqa: E402
from contractdesk.services.workspace import open_workspace  # noqa: E402
from contractdesk.store.engine import make_engine, resolve_database_url  # noqa: E402
from contractdesk.store.migrate import upgrade  # noqa: E402

REAL_DATA = REPOSITORY / "tests" / "data" / "real"
EPRACCUR = REAL_DATA / "ods" / "epraccur_2025-09.csv"
PAYMENTS_DIR = REAL_DATA / "nhs_payments_gp"
PAYMENTS_2022 = PAYMENTS_DIR / "nhs_payments_gp_2022-23.csv"
LOGIN = "bench"


def bare_insert_seconds(folder: Path) -> float:
    """The floor: epraccur read with `csv` into a 27-text-column SQLite table, one executemany."""
    path = folder / f"bare-{uuid.uuid4().hex}.sqlite"
    connection = sqlite3.connect(path)
    columns = ", ".join(f"c{index} TEXT" for index in range(27))
    connection.execute(f"CREATE TABLE epraccur ({columns})")
    connection.commit()
    placeholders = ", ".join("?" * 27)
    start = time.perf_counter()
    with EPRACCUR.open(newline="", encoding="utf-8-sig") as file:
        rows = list(csv.reader(file))
    connection.executemany(f"INSERT INTO epraccur VALUES ({placeholders})", rows)
    connection.commit()
    elapsed = time.perf_counter() - start
    connection.close()
    return elapsed


class SqliteDatabases:
    """Fresh migrated SQLite files, copied from one template migrated once."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.template = folder / "template.sqlite"
        engine = make_engine(resolve_database_url(str(self.template)))
        upgrade(engine)
        with engine.connect() as connection:
            connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        engine.dispose()

    @contextmanager
    def fresh(self) -> Iterator[str]:
        path = self.folder / f"run-{uuid.uuid4().hex}.sqlite"
        shutil.copyfile(self.template, path)
        yield str(path)


class PostgresDatabases:
    """Fresh migrated scratch databases on a server, each dropped after its run."""

    def __init__(self, admin_url: str) -> None:
        self.admin_url = make_url(admin_url).set(drivername="postgresql+psycopg")
        self.admin = create_engine(self.admin_url, isolation_level="AUTOCOMMIT")

    @contextmanager
    def fresh(self) -> Iterator[str]:
        name = f"bench_{uuid.uuid4().hex[:12]}"
        with self.admin.connect() as connection:
            connection.execute(text(f'CREATE DATABASE "{name}"'))
        url = self.admin_url.set(database=name)
        try:
            engine = make_engine(url)
            upgrade(engine)
            engine.dispose()
            yield url.render_as_string(hide_password=False)
        finally:
            with self.admin.connect() as connection:
                connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


def best_of(runs: int, databases, prepare: Callable | None, timed: Callable) -> tuple[float, float]:
    """Best time of `timed(workspace)`, and best of a second call (the re-import), per fresh db."""
    firsts, seconds = [], []
    for _ in range(runs):
        with databases.fresh() as url:
            workspace = open_workspace(url, LOGIN)
            try:
                if prepare:
                    prepare(workspace)
                start = time.perf_counter()
                timed(workspace)
                firsts.append(time.perf_counter() - start)
                start = time.perf_counter()
                timed(workspace)
                seconds.append(time.perf_counter() - start)
            finally:
                workspace.close()
    return min(firsts), min(seconds)


def cli_seconds(runs: int, databases) -> float:
    """Wall time of the whole command, interpreter start-up included, on a migrated database."""
    command = Path(sys.executable).with_name("contractdesk")
    times = []
    for _ in range(runs):
        with databases.fresh() as url:
            open_workspace(url, LOGIN).close()  # migrated, and `bench` is its admin
            start = time.perf_counter()
            subprocess.run(
                [str(command), "--db", url, "--user", LOGIN, "import", "practices", str(EPRACCUR)],
                check=True,
                stdout=subprocess.DEVNULL,
            )
            times.append(time.perf_counter() - start)
    return min(times)


def show(label: str, seconds: float, note: str = "") -> None:
    print(f"{label:<56} {seconds:8.3f} s {note}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--postgresql", metavar="URL", help="also run on this PostgreSQL server")
    parser.add_argument("--runs", type=int, default=3, help="fresh databases per figure")
    arguments = parser.parse_args()
    all_years = sorted(PAYMENTS_DIR.glob("nhs_payments_gp_20*.csv"))

    def practices(workspace) -> None:
        import_practices(workspace, EPRACCUR)

    with tempfile.TemporaryDirectory(prefix="contractdesk-bench-") as folder:
        targets = [("SQLite", SqliteDatabases(Path(folder)))]
        if arguments.postgresql:
            targets.append(("PostgreSQL", PostgresDatabases(arguments.postgresql)))
        # The floor is cheap, so take the best of more runs: the machine may be shared.
        baseline = min(bare_insert_seconds(Path(folder)) for _ in range(3 * arguments.runs))
        show("bare csv + one executemany, 27 text columns (SQLite)", baseline)
        for label, databases in targets:
            first, again = best_of(arguments.runs, databases, None, practices)
            show(f"import practices, in-process ({label})", first, f"{first / baseline:.2f}x")
            show(f"re-import practices, all unchanged ({label})", again)
            show(
                f"contractdesk import practices, whole CLI ({label})",
                cli_seconds(arguments.runs, databases),
            )
            first, again = best_of(
                arguments.runs,
                databases,
                practices,
                lambda workspace: import_payments(workspace, [PAYMENTS_2022]),
            )
            show(f"import payments 2022-23 ({label})", first)
            show(f"re-import payments 2022-23 ({label})", again)
            first, again = best_of(
                max(1, arguments.runs - 1),
                databases,
                practices,
                lambda workspace: import_payments(workspace, all_years),
            )
            show(f"import payments, all {len(all_years)} years ({label})", first)
            show(f"re-import payments, all {len(all_years)} years ({label})", again)
    print(f"best of {arguments.runs}; python {sys.version.split()[0]}, {os.cpu_count()} cores")


if __name__ == "__main__":
    main()
