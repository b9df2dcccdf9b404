"""Inserting many plain rows at once, without SQLAlchemy's per-row parameter handling.

`session.execute(insert(table), list_of_dicts)` builds and processes a parameter dict per row;
on an import of all England that bookkeeping costs more than SQLite's own insert. Here the
statement is compiled once for the dialect, each column's bind processor (UUID to hex, date to
text, JSON to text …) is applied in one tight loop, and the rows go to the driver's
executemany. Types and SQL are still SQLAlchemy's. On PostgreSQL SQLAlchemy's own
multi-row VALUES batching is faster, so that path is kept there.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from operator import itemgetter

from sqlalchemy import Date, DateTime, Table, insert
from sqlalchemy.orm import Session


def insert_rows(
    session: Session, table: Table, columns: Sequence[str], rows: Iterable[Sequence[object]]
) -> None:
    """Insert `rows`, each a sequence of values in `columns` order (every column the table
    would otherwise fill from a Python-side default must be given)."""
    connection = session.connection()
    dialect = connection.dialect
    columns = list(columns)
    if dialect.name != "sqlite":
        # psycopg's executemany is slower than SQLAlchemy's multi-row VALUES batches there.
        dicts = [dict(zip(columns, row, strict=True)) for row in rows]
        if dicts:
            session.execute(insert(table), dicts)
        return
    compiled = insert(table).compile(dialect=dialect, column_keys=columns)
    bind_names = list(compiled.positiontup or compiled.binds)
    missing = set(bind_names) - set(columns)
    if missing:
        raise ValueError(f"insert_rows into {table.name} needs values for {sorted(missing)}")
    # Only the columns whose type converts values (UUID, date, JSON …) are touched, and a value
    # that repeats (the import's timestamp, a common open date) is converted once.
    conversions: list = []
    for index, name in enumerate(columns):
        column_type = table.c[name].type
        process = column_type.dialect_impl(dialect).bind_processor(dialect)
        if process is not None:
            repeats = isinstance(column_type, Date | DateTime)
            conversions.append((index, process, {} if repeats else None))
    if not conversions and list(compiled.positiontup) == columns:
        # Nothing to convert and already in the SQL's order (integer-only rows such as KPI
        # measurements): straight to the driver, with no copy of a million rows.
        rows = rows if isinstance(rows, list) else list(rows)
        if rows:
            connection.exec_driver_sql(compiled.string, rows)
        return
    processed = []
    for row in rows:
        values = list(row)
        for index, process, converted in conversions:
            value = values[index]
            if value is None:
                continue
            if converted is None:
                values[index] = process(value)
            else:
                done = converted.get(value)
                if done is None:
                    done = converted[value] = process(value)
                values[index] = done
        processed.append(values)
    if not processed:
        return
    # SQLite's qmark style: the values in the order the compiled SQL names them.
    in_sql_order = itemgetter(*(columns.index(name) for name in compiled.positiontup))
    parameters = [in_sql_order(values) for values in processed]
    connection.exec_driver_sql(compiled.string, parameters)
