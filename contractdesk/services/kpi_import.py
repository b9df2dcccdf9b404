"""`contractdesk kpis import`: KPI measurements from long-form CSV/Excel or the real files.

Every row is read and checked first (the file, then the framework and the register); then all
of it is written in one transaction, or nothing is. Importing the same file again changes
nothing. Practices not in the register (or outside --area) are skipped and counted.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import bindparam, func, select, update
from sqlalchemy.orm import Session

from contractdesk.domain.kpi_period import Period
from contractdesk.domain.kpi_rules import Unit, from_millionths, rate, to_millionths
from contractdesk.domain.roles import Role
from contractdesk.importers.bulk_work import collector_paused
from contractdesk.importers.kpi_measurements import (
    MeasurementFormat,
    MeasurementsResult,
    read_measurements,
)
from contractdesk.importers.progress import CHECKING, SAVING, WRITING, Progress, no_progress
from contractdesk.importers.report import ImportRejected, ImportReport, RowProblem
from contractdesk.services.audit import record_change
from contractdesk.services.reference_data import practice_register_index, require_known_areas
from contractdesk.services.workspace import Workspace
from contractdesk.store.bulk import insert_rows
from contractdesk.store.models import Kpi, KpiMeasurement, KpiPracticeKey, KpiSource
from contractdesk.store.types import utc_now
from contractdesk.store.unit_of_work import unit_of_work

NOT_IN_REGISTER = "not in the practice register (import epraccur first)"
OUTSIDE_AREAS = "outside the requested commissioner areas"
MEASUREMENT_COLUMNS = (
    "period",
    "kpi_number",
    "practice_number",
    "value_millionths",
    "numerator_millionths",
    "denominator_millionths",
    "source_number",
)
# Per-row changes listed in the audit entry, at most (the counts are always there).
AUDITED_CHANGES = 2000


_UNSEEN = object()


@dataclass(frozen=True)
class _Kpi:
    number: int
    unit: Unit


def import_measurements(
    workspace: Workspace,
    path: Path,
    fmt: MeasurementFormat | str = MeasurementFormat.AUTO,
    *,
    period: Period | None = None,
    areas: Collection[str] = (),
    progress: Progress = no_progress,
    demo: bool = False,
) -> ImportReport:
    """Import one file of measurements; `progress` may raise `Cancelled` to roll it back.
    `demo` marks the measurements' source as generated demo data."""
    workspace.require(Role.OFFICER, "import KPI measurements")
    with collector_paused():
        result = read_measurements(Path(path), MeasurementFormat(fmt), period, progress)
        if result.report.errors:
            raise ImportRejected([result.report])
        with unit_of_work(workspace.engine, write=True) as session:
            require_known_areas(session, areas)
            progress(0, 1, CHECKING)
            rows, practice_ids = _resolve(session, result, set(areas))
            if result.report.errors:
                raise ImportRejected([result.report])
            progress(0, 2, WRITING)
            source_number = _source(session, result.source_name, demo)
            changes = _write(session, result, rows, practice_ids, source_number)
            progress(1, 2, WRITING)
            _audit(session, workspace, result, changes, areas)
            progress(2, 2, SAVING)
    return result.report


def _resolve(
    session: Session, result: MeasurementsResult, areas: set[str]
) -> tuple[list[tuple], dict]:
    """Each record as (period key, kpi number, ODS code, value, numerator, denominator) in
    millionths, checked against the register and the framework (problems go to the report),
    and the practice id of each code used."""
    report, name = result.report, result.report.file
    register = practice_register_index(session)
    kpis = {
        (code, year.start_year): _Kpi(number, Unit(unit))
        for code, year, number, unit in session.execute(
            select(Kpi.code, Kpi.financial_year, Kpi.number, Kpi.unit)
        )
    }
    unknown_kpi_is_skip = result.unknown_kpi_is_skip
    seen: dict[tuple, tuple[int, int]] = {}
    rows: list[tuple] = []
    errors, skipped = report.errors, report.skipped
    kpi_of: dict[tuple[str, int], _Kpi | None] = {}
    # A million records may come through here: unpacked once, looked up in local dicts.
    for code, kpi_code, period_key, value, numerator, denominator, row, column in result.records:
        entry = register.get(code)
        if entry is None or (areas and entry[2] not in areas):
            reason = NOT_IN_REGISTER if entry is None else OUTSIDE_AREAS
            skipped.append(RowProblem(name, row, "practice code", reason))
            continue
        lookup = (kpi_code, period_key)
        kpi = kpi_of.get(lookup, _UNSEEN)
        if kpi is _UNSEEN:
            kpi = kpi_of[lookup] = kpis.get((kpi_code, period_key // 10))
        if kpi is None:
            year = Period.from_key(period_key).year
            problem = RowProblem(
                name, row, column, f"KPI {kpi_code} is not in the {year} framework"
            )
            (skipped if unknown_kpi_is_skip else errors).append(problem)
            continue
        if value is None:
            try:
                value = to_millionths(
                    rate(from_millionths(numerator), from_millionths(denominator), kpi.unit)
                )
            except ValueError as error:
                errors.append(RowProblem(name, row, column, str(error)))
                continue
        # Keyed by the code (a str hashes once and caches it; a UUID hashes in Python).
        key = (period_key, kpi.number, code)
        stored = (value, numerator, denominator)
        first = seen.get(key)
        if first is not None:
            # The immunisations file repeats a practice that moved PCN, with the same figures.
            if rows[first[1]][3:] == stored:
                skipped.append(RowProblem(name, row, column, "repeats an earlier row"))
                continue
            errors.append(
                RowProblem(
                    name,
                    row,
                    column,
                    f"{code} {kpi_code} {Period.from_key(period_key)} appears twice with "
                    f"different values (first at row {first[0]})",
                )
            )
            continue
        seen[key] = (row, len(rows))
        rows.append((*key, *stored))
    used = {code for _, _, code in seen}
    return rows, {code: register[code][0] for code in used}


def _source(session: Session, name: str, demo: bool) -> int:
    table = KpiSource.__table__
    number = session.scalar(select(table.c.number).where(table.c.name == name))
    if number is None:
        number = (session.scalar(select(func.max(table.c.number))) or 0) + 1
        session.execute(
            table.insert().values(number=number, name=name, is_demo=demo, created_at=utc_now())
        )
    return number


def practice_numbers(session: Session, practice_ids: Collection) -> dict:  # type: ignore[type-arg]
    """The compact measurement key of each practice, made (in the order given) for those that
    have none yet."""
    table = KpiPracticeKey.__table__
    numbers = dict(session.execute(select(table.c.practice_id, table.c.number)).all())
    missing = list(dict.fromkeys(i for i in practice_ids if i not in numbers))
    if missing:
        start = (max(numbers.values(), default=0)) + 1
        new = list(zip(range(start, start + len(missing)), missing, strict=True))
        insert_rows(session, table, ("number", "practice_id"), new)
        numbers.update((practice_id, number) for number, practice_id in new)
    return numbers


def _write(
    session: Session,
    result: MeasurementsResult,
    rows: list[tuple],
    practice_ids: dict,
    source_number: int,
) -> dict:
    report = result.report
    # New practices are numbered in code order, so a file sorted by practice writes its rows
    # in the table's key order.
    by_id = practice_numbers(session, [practice_ids[code] for code in sorted(practice_ids)])
    numbers = {code: by_id[practice_id] for code, practice_id in practice_ids.items()}
    table = KpiMeasurement.__table__
    # The stored rows of the (period, KPI) pairs this file touches; one query per pair keeps
    # to the primary key's order.
    pairs = sorted({(row[0], row[1]) for row in rows})
    existing: dict[tuple[int, int, int], tuple] = {}
    sql = str(
        select(
            table.c.practice_number,
            table.c.value_millionths,
            table.c.numerator_millionths,
            table.c.denominator_millionths,
        )
        .where(table.c.period == bindparam("period"), table.c.kpi_number == bindparam("kpi"))
        .compile(session.connection())
    )
    cursor = session.connection().connection.cursor()
    try:
        positional = session.connection().dialect.paramstyle in ("qmark", "numeric", "format")
        for period_key, kpi_number in pairs:
            parameters = (
                (period_key, kpi_number)
                if positional
                else {"period": period_key, "kpi": kpi_number}
            )
            cursor.execute(sql, parameters)
            for stored in cursor.fetchall():
                existing[(period_key, kpi_number, stored[0])] = stored[1:]
    finally:
        cursor.close()
    new_rows: list[tuple] = []
    changed: list[tuple] = []
    if not existing:  # periods new to the database: every row is added, nothing to compare
        new_rows = [
            (period_key, kpi_number, numbers[code], value, numerator, denominator, source_number)
            for period_key, kpi_number, code, value, numerator, denominator in rows
        ]
        rows = []
    for period_key, kpi_number, code, value, numerator, denominator in rows:
        practice_number = numbers[code]
        key = (period_key, kpi_number, practice_number)
        current = existing.get(key)
        values = (value, numerator, denominator)
        if current is None:
            new_rows.append((*key, *values, source_number))
        elif tuple(current) != values:
            changed.append((key, tuple(current), values))
        else:
            report.unchanged += 1
    # In key order: B-tree pages fill one after another (already sorted is a linear pass).
    new_rows.sort()
    insert_rows(session, table, MEASUREMENT_COLUMNS, new_rows)
    if changed:
        session.execute(
            update(table)
            .where(
                table.c.period == bindparam("k_period"),
                table.c.kpi_number == bindparam("k_kpi"),
                table.c.practice_number == bindparam("k_practice"),
            )
            .values(
                value_millionths=bindparam("new_value"),
                numerator_millionths=bindparam("new_numerator"),
                denominator_millionths=bindparam("new_denominator"),
                source_number=bindparam("new_source"),
            ),
            [
                {
                    "k_period": key[0],
                    "k_kpi": key[1],
                    "k_practice": key[2],
                    "new_value": values[0],
                    "new_numerator": values[1],
                    "new_denominator": values[2],
                    "new_source": source_number,
                }
                for key, _, values in changed
            ],
            execution_options={"synchronize_session": False},
        )
    report.added, report.updated = len(new_rows), len(changed)
    added_by_pair: dict[tuple[int, int], int] = defaultdict(int)
    for row in new_rows:
        added_by_pair[row[0], row[1]] += 1
    return {
        "added_per_period_and_kpi": {
            f"{Period.from_key(period)} kpi#{kpi}": count
            for (period, kpi), count in added_by_pair.items()
        },
        "updated": [
            {"key": list(key), "before": list(before), "after": list(after)}
            for key, before, after in changed[:AUDITED_CHANGES]
        ],
    }


def _audit(session, workspace, result, changes, areas) -> None:  # type: ignore[no-untyped-def]
    report = result.report
    if not (report.added or report.updated):
        return  # importing the same file again leaves no trace but its report
    record_change(
        session,
        workspace.user.login,
        action="import",
        entity_type="kpi_measurement",
        entity_key=report.file,
        details={
            "report": report.as_dict(),
            "format": result.format.value,
            "source": result.source_name,
            "areas": sorted(areas),
            "values_in": "millionths of the KPI's unit",
            **changes,
        },
        summary=f"imported KPI measurements from {report.file} "
        f"(sha256 {report.sha256[:12]}…): {report.added} added, {report.updated} updated",
    )
