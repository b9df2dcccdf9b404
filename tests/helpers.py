"""Helpers the tests share: snapshots of a whole database, broken copies of real files."""

from __future__ import annotations

import csv
from pathlib import Path

from sqlalchemy import inspect, text

from contractdesk.services.workspace import Workspace


def database_snapshot(workspace: Workspace) -> dict[str, list[tuple]]:
    """Every row of every table, in a stable order: equal snapshots mean an unchanged database."""
    snapshot = {}
    with workspace.engine.connect() as connection:
        for table in sorted(inspect(connection).get_table_names()):
            rows = connection.execute(text(f'SELECT * FROM "{table}"')).fetchall()
            snapshot[table] = sorted(tuple(str(value) for value in row) for row in rows)
    return snapshot


def copy_with_line_changed(source: Path, destination: Path, line_number: int, change) -> Path:
    """Copy `source`, passing 1-based line `line_number` through `change(text) -> text`."""
    data = source.read_bytes().decode("utf-8")
    lines = data.splitlines(keepends=True)
    lines[line_number - 1] = change(lines[line_number - 1])
    destination.write_bytes("".join(lines).encode("utf-8"))
    return destination


def csv_rows(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.reader(handle))
