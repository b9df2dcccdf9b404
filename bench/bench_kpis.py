"""KPI benchmark (issue 5): not a timed test, a printed table.

Builds (once; kept in build/bench-kpis.sqlite, --rebuild to make it again) all England's
practices from epraccur, grouped into localities of 20, a framework of 30 KPIs per year for
ten years (2016/17 to 2025/26), and 7,000 practices × 30 KPIs × 40 quarters = 8.4 M generated
measurements. Then times:

- the RAG grid for one quarter (every practice × 30 KPIs, with the slipping flag and the
  benchmarks) from a cold database: a new process-level engine and connection, so SQLite's
  page cache is empty (the operating system's file cache is not dropped: that needs root);
- one practice's trend for one KPI, with its locality's mean per quarter (best of --runs);
- importing 1 M measurement rows from a long-form CSV into a database with the practices and
  framework but no measurements, against a bare executemany of the same rows into the same
  table (the floor), each in a fresh copy of that database.

    .venv/bin/python bench/bench_kpis.py [--runs 5] [--rebuild]
"""

from __future__ import annotations

import argparse
import csv
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EPRACCUR = ROOT / "tests" / "data" / "real" / "ods" / "epraccur_2025-09.csv"
BIG = ROOT / "build" / "bench-kpis.sqlite"
PRACTICES, KPIS, QUARTERS = 7000, 30, 40
FIRST_YEAR = 2016
LOCALITY_SIZE = 20


def build_framework(path: Path):  # type: ignore[no-untyped-def]
    """Practices, localities and ten years of a 30-KPI framework; returns the workspace."""
    import uuid

    from sqlalchemy import select, update

    from contractdesk.domain.financial_year import FinancialYear
    from contractdesk.services.kpi_framework import (
        copy_framework_forward,
        create_kpi,
        create_standard,
    )
    from contractdesk.services.practice_import import import_practices
    from contractdesk.services.workspace import open_workspace
    from contractdesk.store.models import Locality, Practice
    from contractdesk.store.types import utc_now

    workspace = open_workspace(str(path), "bench")
    import_practices(workspace, EPRACCUR)
    with workspace.engine.begin() as connection:
        ids = list(connection.execute(select(Practice.id).order_by(Practice.ods_code)).scalars())
        now = utc_now()
        for start in range(0, len(ids), LOCALITY_SIZE):
            locality_id = uuid.uuid4()
            connection.execute(
                Locality.__table__.insert().values(
                    id=locality_id,
                    code=f"L{start // LOCALITY_SIZE:04d}",
                    name=f"Locality {start // LOCALITY_SIZE}",
                    version=1,
                    created_at=now,
                    updated_at=now,
                )
            )
            connection.execute(
                update(Practice.__table__)
                .where(Practice.id.in_(ids[start : start + LOCALITY_SIZE]))
                .values(locality_id=locality_id)
            )
    year = FinancialYear(FIRST_YEAR)
    create_standard(workspace, year, "MIN", "Minimum", "minimum")
    create_standard(workspace, year, "DEV", "Developmental", "developmental")
    for number in range(KPIS):
        create_kpi(
            workspace,
            year,
            f"K{number:02d}",
            standard_code="MIN" if number < 15 else "DEV",
            name=f"KPI {number}",
            unit="percent",
            direction="higher" if number % 3 else "lower",
            target="80" if number % 3 else "20",
            amber_band="5",
        )
    for offset in range(9):
        copy_framework_forward(workspace, FinancialYear(FIRST_YEAR + offset))
    return workspace


def measurement_rows(practice_numbers, kpi_numbers, periods, seed=5):  # type: ignore[no-untyped-def]
    """(period, kpi, practice, value, None, None, source) tuples in primary-key order."""
    chance = random.Random(seed)
    randint = chance.randrange
    for period in periods:
        year = period // 10
        for code in range(KPIS):
            kpi = kpi_numbers[(f"K{code:02d}", year)]
            for practice in practice_numbers:
                yield (period, kpi, practice, 60_000_000 + randint(0, 40_000_000), None, None, 1)


def populate(workspace) -> None:  # type: ignore[no-untyped-def]
    from sqlalchemy import select

    from contractdesk.services.kpi_import import practice_numbers
    from contractdesk.store.models import Kpi, KpiSource, Practice
    from contractdesk.store.unit_of_work import unit_of_work

    periods = [(FIRST_YEAR + index // 4) * 10 + index % 4 + 1 for index in range(QUARTERS)]
    with unit_of_work(workspace.engine, write=True) as session:
        ids = session.scalars(
            select(Practice.id).where(Practice.status == "active").order_by(Practice.ods_code)
        ).all()[:PRACTICES]
        numbers = sorted(practice_numbers(session, ids).values())
        kpi_numbers = {
            (code, year.start_year): number
            for code, year, number in session.execute(
                select(Kpi.code, Kpi.financial_year, Kpi.number)
            )
        }
        session.execute(
            KpiSource.__table__.insert().values(number=1, name="bench (generated)", is_demo=True)
        )
        connection = session.connection()
        sql = (
            "INSERT INTO kpi_measurement (period, kpi_number, practice_number, value_millionths,"
            " numerator_millionths, denominator_millionths, source_number)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)"
        )
        batch = []
        for row in measurement_rows(numbers, kpi_numbers, periods):
            batch.append(row)
            if len(batch) == 500_000:
                connection.exec_driver_sql(sql, batch)
                batch = []
        if batch:
            connection.exec_driver_sql(sql, batch)


def cold_grid(path: Path) -> str:
    """Run the grid in a fresh interpreter so nothing is cached; returns its printed line."""
    code = (
        "import time, sys\n"
        "from contractdesk.services.workspace import open_workspace\n"
        "from contractdesk.services.kpi_review import load_kpi_review\n"
        "from contractdesk.domain.kpi_period import Period\n"
        "w = open_workspace(sys.argv[1], 'bench')\n"
        "p = Period.parse('2025/26 Q4')\n"
        "t = time.perf_counter()\n"
        "r = load_kpi_review(w, p.year, period=p)\n"
        "s = time.perf_counter() - t\n"
        "cells = sum(len(row.cells) for row in r.rows)\n"
        "slipping = sum(c.slipping for row in r.rows for c in row.cells)\n"
        "print(f'{s:.3f} {len(r.rows)} {cells} {slipping}')\n"
    )
    output = subprocess.run(
        [sys.executable, "-c", code, str(path)], capture_output=True, text=True, check=True
    )
    return output.stdout.strip()


def trend(path: Path, runs: int) -> tuple[float, float, int]:
    from contractdesk.services.kpi_review import load_practice_trend
    from contractdesk.services.workspace import open_workspace

    workspace = open_workspace(str(path), "bench")
    try:
        start = time.perf_counter()
        first = load_practice_trend(workspace, "C87003", "K07")
        cold = time.perf_counter() - start
        times = []
        for _ in range(runs):
            start = time.perf_counter()
            load_practice_trend(workspace, "C87003", "K07")
            times.append(time.perf_counter() - start)
        return cold, min(times), len(first.points)
    finally:
        workspace.close()


def import_comparison(template: Path, folder: Path) -> tuple[float, float, int]:
    """Seconds for the import of 1 M rows, and for a bare executemany of the same rows."""
    from sqlalchemy import select

    from contractdesk.domain.kpi_period import Period
    from contractdesk.services.kpi_import import import_measurements, practice_numbers
    from contractdesk.services.workspace import open_workspace
    from contractdesk.store.models import Kpi, KpiSource, Practice
    from contractdesk.store.unit_of_work import unit_of_work

    workspace = open_workspace(str(template), "bench")
    with unit_of_work(workspace.engine) as session:
        codes = session.execute(
            select(Practice.ods_code, Practice.id)
            .where(Practice.status == "active")
            .order_by(Practice.ods_code)
        ).all()[:PRACTICES]
        kpi_numbers = {
            (code, year.start_year): number
            for code, year, number in session.execute(
                select(Kpi.code, Kpi.financial_year, Kpi.number)
            )
        }
    workspace.close()
    periods = [Period.parse(f"2024/25 Q{q}") for q in range(1, 5)]
    periods += [Period.parse("2025/26 Q1"), Period.parse("2025/26 Q2")]
    chance = random.Random(9)
    csv_path = folder / "million.csv"
    rows = 0
    with csv_path.open("w", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["practice_code", "kpi_code", "period", "value"])
        for period in periods:
            for kpi in range(KPIS):
                for code, _ in codes:
                    value = f"{60 + chance.randrange(0, 400000) / 10000:.4f}"
                    writer.writerow([code, f"K{kpi:02d}", str(period), value])
                    rows += 1
                    if rows == 1_000_000:
                        break
                if rows == 1_000_000:
                    break
            if rows == 1_000_000:
                break
    # The import, in its own copy of the empty database.
    target = folder / "import.sqlite"
    shutil.copyfile(template, target)
    workspace = open_workspace(str(target), "bench")
    start = time.perf_counter()
    report = import_measurements(workspace, csv_path)
    imported = time.perf_counter() - start
    workspace.close()
    assert report.added == rows, report.summary()
    # The floor: the same rows, already as the table's integers, in one executemany.
    target = folder / "bare.sqlite"
    shutil.copyfile(template, target)
    workspace = open_workspace(str(target), "bench")
    from contractdesk.domain.kpi_rules import parse_decimal, to_millionths

    with unit_of_work(workspace.engine, write=True) as session:
        numbers = practice_numbers(session, [practice_id for _, practice_id in codes])
        session.execute(KpiSource.__table__.insert().values(number=1, name="bare", is_demo=True))
    number_of = {code: numbers[practice_id] for code, practice_id in codes}
    with csv_path.open(newline="") as handle:
        reader = csv.reader(handle)
        next(reader)
        prepared = [
            (
                Period.parse(period).key,
                kpi_numbers[(kpi, Period.parse(period).year.start_year)],
                number_of[code],
                to_millionths(parse_decimal(value)),
                None,
                None,
                1,
            )
            for code, kpi, period, value in reader
        ]
    sql = (
        "INSERT INTO kpi_measurement (period, kpi_number, practice_number, value_millionths,"
        " numerator_millionths, denominator_millionths, source_number)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)"
    )
    with workspace.engine.begin() as connection:
        start = time.perf_counter()
        connection.exec_driver_sql(sql, prepared)
        bare = time.perf_counter() - start
    workspace.close()
    return imported, bare, rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--rebuild", action="store_true")
    arguments = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    BIG.parent.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        template = folder / "framework.sqlite"
        start = time.perf_counter()
        build_framework(template).close()
        print(
            f"practices, localities and 10 years × {KPIS} KPIs: {time.perf_counter() - start:.1f} s"
        )
        if arguments.rebuild or not BIG.exists():
            for suffix in ("", "-wal", "-shm"):
                Path(f"{BIG}{suffix}").unlink(missing_ok=True)
            shutil.copyfile(template, BIG)
            from contractdesk.services.workspace import open_workspace

            workspace = open_workspace(str(BIG), "bench")
            start = time.perf_counter()
            populate(workspace)
            with workspace.engine.connect() as connection:
                connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
            workspace.close()
            print(
                f"generated {PRACTICES * KPIS * QUARTERS:,} measurements: "
                f"{time.perf_counter() - start:.1f} s, {BIG.stat().st_size / 1e6:.0f} MB"
            )
        seconds, rows, cells, slipping = cold_grid(BIG).split()
        print(
            f"RAG grid, one quarter, cold process: {float(seconds):.3f} s "
            f"({rows} practices, {cells} cells, {slipping} slipping)  target ≤ 2 s"
        )
        cold, best, points = trend(BIG, arguments.runs)
        print(
            f"practice trend, one KPI with locality mean ({points} quarters): first "
            f"{cold * 1000:.0f} ms, best of {arguments.runs} {best * 1000:.0f} ms  target ≤ 200 ms"
        )
        imported, bare, rows = import_comparison(template, folder)
        print(
            f"import {rows:,} measurement rows (CSV read, checked, written): {imported:.2f} s; "
            f"bare executemany of the same rows: {bare:.2f} s; ratio {imported / bare:.2f}×  "
            "target ≤ 20 s and ≤ 2×"
        )


if __name__ == "__main__":
    main()
