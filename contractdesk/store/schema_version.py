"""The schema revision this code expects, and the one a database has — read without Alembic.

Start-up must be fast, so opening a database compares a single row with this constant; Alembic
is imported only when an upgrade is actually due. This module does not import SQLAlchemy
either: the start-up reader (`register_snapshot`) checks the constant with `sqlite3` before
SQLAlchemy is loaded. A test checks the constant against db/.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlalchemy import Connection

SCHEMA_HEAD = "0007_practice_contact"
# Every revision this code knows, oldest first; a database at any other revision is newer.
KNOWN_REVISIONS = (
    "0001_initial",
    "0002_quality_contract",
    "0003_funding",
    "0004_kpis",
    "0005_notices",
    "0006_letters",
    "0007_practice_contact",
)
VERSION_TABLE = "alembic_version"
# The one query for the revision, shared by the SQLAlchemy and the sqlite3 readers.
REVISION_QUERY = f"SELECT version_num FROM {VERSION_TABLE}"


def current_revision(connection: Connection) -> str | None:
    """The database's revision, or None for an empty database."""
    from sqlalchemy import inspect  # callers have SQLAlchemy loaded already; start-up has not

    if not inspect(connection).has_table(VERSION_TABLE):
        return None
    row = connection.exec_driver_sql(REVISION_QUERY).first()
    return row[0] if row else None


def is_newer_than_code(revision: str | None) -> bool:
    return revision is not None and revision not in KNOWN_REVISIONS
