"""The practice register read from a SQLite file with the standard library's `sqlite3` alone.

Start-up paints the register from this before SQLAlchemy is imported (importing SQLAlchemy
costs about twice a bare Qt window). It reads only when there is nothing to do first: the file
exists, its schema is this code's revision and the user has signed in to it before and is
active. Otherwise it returns None and the app opens the database the usual way, which upgrades,
signs a newcomer in or explains what is wrong.

The rows are `services.practices.list_practices`'s, value for value: the same query, with
SQLAlchemy's conversions of what SQLite stores (dates as ISO text; NUMERIC(12, 2) as a float or
an integer, returned as a Decimal of two places). A test holds the two readers together.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Generic, TypeVar

from contractdesk.store.database_location import BUSY_TIMEOUT_MS
from contractdesk.store.schema_version import REVISION_QUERY, SCHEMA_HEAD

# services.practices.list_practices, as SQLAlchemy compiles it for SQLite: each practice with
# the latest list size that has the figure (the unique (practice_id, as_of, source) index
# answers each correlated subquery), in code order.
_LATEST = (
    "(SELECT list_size.{value} FROM list_size"
    " WHERE list_size.practice_id = practice.id AND list_size.{present} IS NOT NULL"
    " ORDER BY list_size.as_of DESC, list_size.source DESC LIMIT 1)"
)
REGISTER_QUERY = (
    "SELECT practice.ods_code, practice.name, practice.postcode, commissioner_area.code,"
    " locality.code, locality.name, practice.contract_type, practice.status, "
    + _LATEST.format(value="registered_patients", present="registered_patients")
    + ", "
    + _LATEST.format(value="weighted_patients", present="weighted_patients")
    + ", "
    + _LATEST.format(value="as_of", present="registered_patients")
    + " FROM practice"
    " LEFT OUTER JOIN commissioner_area ON practice.area_id = commissioner_area.id"
    " LEFT OUTER JOIN locality ON practice.locality_id = locality.id"
    " ORDER BY practice.ods_code"
)
USER_QUERY = "SELECT login, display_name, role, active FROM app_user WHERE login = ?"

Row = TypeVar("Row")


@dataclass(frozen=True)
class StoredUser:
    login: str
    display_name: str
    role: str


@dataclass(frozen=True)
class StoredRegister(Generic[Row]):
    """The signed-in user and the register's rows."""

    user: StoredUser
    rows: list[Row]


def read_register(
    path: Path, login: str, make_row: Callable[..., Row]
) -> StoredRegister[Row] | None:
    """The register of the SQLite file at `path` for `login`, or None if it needs the full
    open first (no such file, another schema revision, a new or deactivated user, any error).

    Each row is `make_row(*values)`, the values in `PracticeSummary`'s field order (made in
    one pass: this is thousands of rows before the first paint)."""
    if not path.is_file():
        return None
    try:
        # mode=rw: never create a file that is not there (a plain connect would).
        connection = sqlite3.connect(
            f"{path.as_uri()}?mode=rw",
            uri=True,
            timeout=BUSY_TIMEOUT_MS / 1000,
            isolation_level=None,
        )
    except sqlite3.Error:
        return None
    try:
        # One read transaction: the revision, the user and the rows are of the same moment.
        connection.execute("BEGIN")
        revision = connection.execute(REVISION_QUERY).fetchone()
        if revision is None or revision[0] != SCHEMA_HEAD:
            return None
        user = connection.execute(USER_QUERY, (login,)).fetchone()
        if user is None or not user[3]:
            return None
        rows = [
            make_row(
                code, name, postcode, area, locality_code, locality_name, contract, status,
                _decimal(registered), _decimal(weighted), _date(as_of),
            )
            for (
                code, name, postcode, area, locality_code, locality_name, contract, status,
                registered, weighted, as_of,
            ) in connection.execute(REGISTER_QUERY)
        ]  # fmt: skip
        return StoredRegister(StoredUser(user[0], user[1], user[2]), rows)
    except sqlite3.Error:  # not a database, no such table, locked past the timeout: full open
        return None
    finally:
        connection.close()


def _decimal(value: float | int | None) -> Decimal | None:
    """As SQLAlchemy's Numeric(12, 2) on SQLite: the stored float formatted to two places."""
    return None if value is None else Decimal("%.2f" % value)  # noqa: UP031 - SQLAlchemy's form


def _date(value: str | None) -> date | None:
    return None if value is None else date.fromisoformat(value)
