"""The KPI review of a period: every practice × the year's KPIs with its RAG, slipping flag and
overall RAG, and the area and locality benchmarks; and one practice's trend for one KPI.

Read in set-wide queries on the measurement table's integer keys, and judged on the stored
integer millionths (exact, and far cheaper than Decimals for 7,000 × 30 cells).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection
from dataclasses import dataclass
from decimal import Decimal
from typing import NamedTuple

from sqlalchemy import bindparam, func, select
from sqlalchemy.orm import Session

from contractdesk.domain.financial_year import FinancialYear
from contractdesk.domain.kpi_period import Period
from contractdesk.domain.kpi_rules import (
    DEFAULT_SLIPPING_PERIODS,
    OVERALL_RULE,
    Benchmark,
    Direction,
    Rag,
    benchmark,
    from_millionths,
    is_slipping,
    overall_rag,
    rag,
)
from contractdesk.errors import BadInput, NotFound
from contractdesk.services.kpi_framework import KpiEntry, framework_in
from contractdesk.services.reference_data import require_known_areas
from contractdesk.services.workspace import Workspace
from contractdesk.store.models import (
    CommissionerArea,
    Kpi,
    KpiMeasurement,
    KpiPracticeKey,
    Locality,
    Practice,
)
from contractdesk.store.unit_of_work import unit_of_work

QUARTER_RULE = (
    "A period's review leaves out the KPIs that no practice has a value for in that period "
    "(those measured once a year, or not yet published)."
)
YEAR_VALUE_RULE = (
    "A year's value is the KPI's annual figure where there is one, otherwise its latest "
    "quarter of the year."
)


class KpiCell(NamedTuple):
    """One practice's KPI in the review (a tuple: a grid holds 200,000 of them)."""

    value_millionths: int | None
    rag: Rag
    slipping: bool

    @property
    def value(self) -> Decimal | None:
        return None if self.value_millionths is None else from_millionths(self.value_millionths)


@dataclass(frozen=True)
class ReviewRow:
    ods_code: str
    name: str
    area_code: str | None
    locality_code: str | None
    locality_name: str | None
    cells: tuple[KpiCell, ...]  # one per KPI column
    overall: Rag

    def worst_first_key(self) -> tuple:
        """Overall RAG worst first, then most reds, most ambers, most slipping, then code."""
        reds = ambers = slipping = 0
        for cell in self.cells:
            reds += cell.rag is Rag.RED
            ambers += cell.rag is Rag.AMBER
            slipping += cell.slipping
        return (_OVERALL_ORDER[self.overall], -reds, -ambers, -slipping, self.ods_code)


# Red first, then amber, then no data (not judged), then green.
_OVERALL_ORDER = {Rag.RED: 0, Rag.AMBER: 1, Rag.NO_DATA: 2, Rag.GREEN: 3}


@dataclass(frozen=True)
class KpiReview:
    year: FinancialYear
    period: Period | None  # None: the year's review
    kpis: tuple[KpiEntry, ...]
    periods: tuple[Period | None, ...]  # per KPI column, the period its values are from
    rows: tuple[ReviewRow, ...]  # worst first
    area_benchmarks: tuple[Benchmark, ...]  # per KPI column
    slipping_periods: int
    overall_rule: str = OVERALL_RULE

    @property
    def title(self) -> str:
        return f"KPIs {self.period}" if self.period else f"KPIs {self.year} (year)"

    def locality_benchmarks(self, locality_code: str | None) -> tuple[Benchmark, ...]:
        """Per KPI column, the mean and median of the locality's practices (made on demand:
        a grid of all England has 400-odd localities nobody looks at all at once)."""
        members = [row for row in self.rows if row.locality_code == locality_code]
        return _benchmarks(members, len(self.kpis))

    def benchmarks_by_locality(self) -> dict[str | None, tuple[Benchmark, ...]]:
        """Every locality's benchmarks at once (for letters to every practice): one pass."""
        members: dict[str | None, list[ReviewRow]] = {}
        for row in self.rows:
            members.setdefault(row.locality_code, []).append(row)
        return {code: _benchmarks(rows, len(self.kpis)) for code, rows in members.items()}

    def rows_by_code(self) -> dict[str, ReviewRow]:
        return {row.ods_code: row for row in self.rows}

    def row(self, ods_code: str) -> ReviewRow:
        for row in self.rows:
            if row.ods_code == ods_code:
                return row
        raise KeyError(ods_code)


@dataclass(frozen=True)
class TrendPoint:
    period: Period
    value: Decimal | None
    locality_mean: Decimal | None
    target: Decimal
    rag: Rag


@dataclass(frozen=True)
class PracticeTrend:
    ods_code: str
    kpi: KpiEntry  # as the latest year with data defines it
    locality_name: str | None
    points: tuple[TrendPoint, ...]
    slipping: bool


def load_kpi_review(
    workspace: Workspace,
    year: FinancialYear,
    *,
    period: Period | None = None,
    areas: Collection[str] = (),
    standard: str | None = None,
    practice_code: str | None = None,
    slipping_periods: int = DEFAULT_SLIPPING_PERIODS,
) -> KpiReview:
    """The review of a quarter (`period`) or of the whole year, for every open practice of
    `areas` (all when empty), or just `practice_code`."""
    if period is not None and period.year != year:
        raise BadInput(f"{period} is not in {year}")
    if slipping_periods < 1:
        raise BadInput("the slipping rule needs at least one period")
    with unit_of_work(workspace.engine) as session:
        require_known_areas(session, areas)
        kpis = list(framework_in(session, year).kpis)
        if standard:
            kpis = [kpi for kpi in kpis if standard.upper() in (kpi.standard_code,)]
            if not kpis:
                raise NotFound(f"{year} has no KPIs under a standard {standard}.")
        practices = _practices(session, areas, practice_code)
        only = practices[0][0] if practice_code and practices else None
        numbers = _kpi_numbers(session)
        columns = [_column_period(session, kpi, period) for kpi in kpis]
        series = [
            _series(session, kpi, column, numbers, slipping_periods, only)
            for kpi, column in zip(kpis, columns, strict=True)
        ]
    if period is not None and practice_code is None:
        # QUARTER_RULE: a KPI nobody has a value for this period is not part of its review.
        kept = [index for index, values in enumerate(series) if values]
        kpis = [kpis[index] for index in kept]
        columns = [columns[index] for index in kept]
        series = [series[index] for index in kept]
    rows = []
    judged = [
        (kpi.target_millionths, kpi.amber_band_millionths, kpi.direction, kpi.standard_kind)
        for kpi in kpis
    ]
    for number, code, name, area_code, locality_code, locality_name in practices:
        cells = []
        for (target, band, direction, _), values in zip(judged, series, strict=True):
            window = values.get(number)
            if window is None:
                cells.append(_NO_DATA)
                continue
            value, previous = window[-1], window[-2]
            # Most cells did not fall in the last period: the full rule only runs where one did.
            fell = previous is not None and (
                value < previous if direction is HIGHER else value > previous
            )
            cells.append(
                KpiCell(
                    value,
                    rag(value, target, band, direction),
                    fell and is_slipping(window, direction, slipping_periods),
                )
            )
        overall = overall_rag(
            (cell.rag, kind) for cell, (*_, kind) in zip(cells, judged, strict=True)
        )
        rows.append(
            ReviewRow(code, name, area_code, locality_code, locality_name, tuple(cells), overall)
        )
    rows.sort(key=ReviewRow.worst_first_key)
    return KpiReview(
        year=year,
        period=period,
        kpis=tuple(kpis),
        periods=tuple(columns),
        rows=tuple(rows),
        area_benchmarks=_benchmarks(rows, len(kpis)),
        slipping_periods=slipping_periods,
    )


_NO_DATA = KpiCell(None, Rag.NO_DATA, False)
HIGHER = Direction.HIGHER_IS_BETTER


def load_practice_trend(
    workspace: Workspace,
    ods_code: str,
    kpi_code: str,
    *,
    slipping_periods: int = DEFAULT_SLIPPING_PERIODS,
) -> PracticeTrend:
    """One practice's values of one KPI (by code, across the years' frameworks) with its
    locality's mean in each period and the target of each period's year."""
    ods_code, kpi_code = ods_code.strip().upper(), kpi_code.strip().upper()
    with unit_of_work(workspace.engine) as session:
        practice = session.execute(
            select(Practice.id, Practice.locality_id, Locality.name)
            .outerjoin(Locality, Practice.locality_id == Locality.id)
            .where(Practice.ods_code == ods_code)
        ).first()
        if practice is None:
            raise NotFound(f"No practice {ods_code} in the register.")
        yearly = {
            kpi.number: kpi for kpi in session.scalars(select(Kpi).where(Kpi.code == kpi_code))
        }
        if not yearly:
            raise NotFound(f"No KPI {kpi_code} in any year's framework.")
        neighbours = dict(
            session.execute(
                select(KpiPracticeKey.number, Practice.ods_code)
                .join(Practice, Practice.id == KpiPracticeKey.practice_id)
                .where(
                    Practice.locality_id == practice.locality_id
                    if practice.locality_id is not None
                    else Practice.id == practice.id
                )
            ).all()
        )
        own = next((n for n, code in neighbours.items() if code == ods_code), None)
        measurement = KpiMeasurement.__table__
        values: dict[int, dict[int, int]] = defaultdict(dict)  # period: {practice: value}
        kpi_of_period: dict[int, int] = {}
        if own is not None:
            for period_key, kpi_number, practice_number, value in session.execute(
                select(
                    measurement.c.period,
                    measurement.c.kpi_number,
                    measurement.c.practice_number,
                    measurement.c.value_millionths,
                ).where(
                    measurement.c.practice_number.in_(list(neighbours)),
                    measurement.c.kpi_number.in_(list(yearly)),
                )
            ):
                values[period_key][practice_number] = value
                kpi_of_period[period_key] = kpi_number
        latest_kpi = max(yearly.values(), key=lambda kpi: kpi.financial_year)
        framework = {
            entry.number: entry for entry in framework_in(session, latest_kpi.financial_year).kpis
        }
        entries = {}
        for kpi in yearly.values():
            entries[kpi.number] = framework.get(kpi.number) or next(
                entry
                for entry in framework_in(session, kpi.financial_year).kpis
                if entry.number == kpi.number
            )
    own_periods = sorted(key for key, by_practice in values.items() if own in by_practice)
    quarterly = [key for key in own_periods if key % 10]
    keys = quarterly or own_periods
    points = []
    for key in keys:
        entry = entries[kpi_of_period[key]]
        value = values[key][own]
        points.append(
            TrendPoint(
                period=Period.from_key(key),
                value=from_millionths(value),
                locality_mean=benchmark(values[key].values()).mean,
                target=entry.target,
                rag=rag(
                    value, entry.target_millionths, entry.amber_band_millionths, entry.direction
                ),
            )
        )
    latest = entries[latest_kpi.number]
    window = _consecutive_window(points, slipping_periods)
    return PracticeTrend(
        ods_code=ods_code,
        kpi=latest,
        locality_name=practice.name,
        points=tuple(points),
        slipping=is_slipping(window, latest.direction, slipping_periods),
    )


def latest_quarter_with_data(workspace: Workspace) -> Period | None:
    """The latest quarter any practice has a measurement for (the grid opens on it)."""
    table = KpiMeasurement.__table__
    with unit_of_work(workspace.engine) as session:
        key = session.scalar(select(func.max(table.c.period)).where(table.c.period % 10 != 0))
    return None if key is None else Period.from_key(key)


def _consecutive_window(points: list[TrendPoint], count: int) -> list[Decimal | None]:
    """The last `count` + 1 periods ending at the latest point, None where one is missing."""
    if not points:
        return []
    by_period = {point.period: point.value for point in points}
    return [by_period.get(period) for period in points[-1].period.previous_periods(count)]


def _kpi_numbers(session: Session) -> dict[tuple[str, int], int]:
    return {
        (code, year.start_year): number
        for code, year, number in session.execute(select(Kpi.code, Kpi.financial_year, Kpi.number))
    }


def _column_period(session: Session, kpi: KpiEntry, period: Period | None) -> Period | None:
    """The period a KPI's column shows: the one asked for, or in a year's review the annual
    figure if any practice has one, else the latest quarter with data (YEAR_VALUE_RULE)."""
    if period is not None:
        return period
    table = KpiMeasurement.__table__
    year = kpi.financial_year
    candidates = [Period(year), *reversed(Period(year).quarters())]
    for candidate in candidates:
        found = session.execute(
            select(table.c.practice_number)
            .where(table.c.period == candidate.key, table.c.kpi_number == kpi.number)
            .limit(1)
        ).first()
        if found is not None:
            return candidate
    return None


def _series(
    session: Session,
    kpi: KpiEntry,
    period: Period | None,
    numbers: dict[tuple[str, int], int],
    count: int,
    only: int | None,
) -> dict[int, tuple[int | None, ...]]:
    """Per practice number, its values over the column's period and the `count` before it
    (oldest first; None where it has none): one primary-key range per period, of the same
    KPI code in each period's year, merged here. (A join per earlier period did the same in
    one query, at twice the time: 7,000 index lookups per period instead of one range.)"""
    if period is None:
        return {}
    window = period.previous_periods(count)
    current = _values(session, period.key, kpi.number, only)
    earlier = []
    for previous in window[:-1]:
        number = numbers.get((kpi.code, previous.year.start_year))
        earlier.append({} if number is None else _values(session, previous.key, number, only))
    if len(earlier) == 3:  # the default rule: spelt out, as this runs 7,000 × 30 times
        first, second, third = (values.get for values in earlier)
        return {
            practice: (first(practice), second(practice), third(practice), value)
            for practice, value in current.items()
        }
    return {
        practice: (*[values.get(practice) for values in earlier], value)
        for practice, value in current.items()
    }


def _values(session: Session, period_key: int, kpi_number: int, only: int | None) -> dict:
    """{practice number: value} of one KPI in one period, straight from the driver:
    SQLAlchemy's Row objects for 7,000 rows × 30 KPIs × 4 periods cost twice the query.
    The SQL is still SQLAlchemy's, compiled once per dialect."""
    connection = session.connection()
    sql, names = _values_sql(connection.dialect, only is not None)
    given = {"period": period_key, "kpi": kpi_number, "practice": only}
    parameters = tuple(given[name] for name in names) if names else given
    # The DB-API cursor of the session's own connection (same transaction): plain tuples.
    cursor = connection.connection.cursor()
    try:
        cursor.execute(sql, parameters)
        return dict(cursor.fetchall())
    finally:
        cursor.close()


_COMPILED: dict[tuple[str, bool], tuple[str, tuple[str, ...] | None]] = {}


def _values_sql(dialect, one_practice: bool) -> tuple[str, tuple[str, ...] | None]:  # type: ignore[no-untyped-def]
    """The SQL text and, for a positional driver, the order of its parameters."""
    cached = _COMPILED.get((dialect.name, one_practice))
    if cached is None:
        table = KpiMeasurement.__table__
        query = select(table.c.practice_number, table.c.value_millionths).where(
            table.c.period == bindparam("period"), table.c.kpi_number == bindparam("kpi")
        )
        if one_practice:
            query = query.where(table.c.practice_number == bindparam("practice"))
        compiled = query.compile(dialect=dialect)
        names = tuple(compiled.positiontup) if compiled.positional else None
        cached = _COMPILED[(dialect.name, one_practice)] = (str(compiled), names)
    return cached


def _practices(session: Session, areas: Collection[str], practice_code: str | None) -> list:
    """(measurement number, code, name, area, locality code, locality name) of the open
    practices in the review; practices with no measurements yet get number None."""
    practice, area, locality = Practice.__table__, CommissionerArea.__table__, Locality.__table__
    key = KpiPracticeKey.__table__
    query = (
        select(
            key.c.number,
            practice.c.ods_code,
            practice.c.name,
            area.c.code,
            locality.c.code,
            locality.c.name,
        )
        .select_from(
            practice.outerjoin(area, practice.c.area_id == area.c.id)
            .outerjoin(locality, practice.c.locality_id == locality.c.id)
            .outerjoin(key, key.c.practice_id == practice.c.id)
        )
        .order_by(practice.c.ods_code)
    )
    if practice_code:
        query = query.where(practice.c.ods_code == practice_code.strip().upper())
        rows = session.execute(query).all()
        if not rows:
            raise NotFound(f"No practice {practice_code} in the register.")
        return rows
    query = query.where(practice.c.status != "closed")
    if areas:
        query = query.where(area.c.code.in_(list(areas)))
    return session.execute(query).all()


def _benchmarks(rows: list[ReviewRow], width: int) -> tuple[Benchmark, ...]:
    columns = list(zip(*(row.cells for row in rows), strict=True)) if rows else []
    return tuple(
        benchmark(cell[0] for cell in columns[index]) if columns else benchmark(())
        for index in range(width)
    )
