"""The schema revision this code expects, and the one a database has — read without Alembic.

Start-up must be fast, so opening a database compares a single row with this constant; Alembic
is imported only when an upgrade is actually due. A test checks the constant against db/.
"""

from __future__ import annotations

from sqlalchemy import Connection, inspect, text

SCHEMA_HEAD = "0004_kpis"
# Every revision this code knows, oldest first; a database at any other revision is newer.
KNOWN_REVISIONS = ("0001_initial", "0002_quality_contract", "0004_kpis")
VERSION_TABLE = "alembic_version"


def current_revision(connection: Connection) -> str | None:
    """The database's revision, or None for an empty database."""
    if not inspect(connection).has_table(VERSION_TABLE):
        return None
    row = connection.execute(text(f"SELECT version_num FROM {VERSION_TABLE}")).first()
    return row[0] if row else None


def is_newer_than_code(revision: str | None) -> bool:
    return revision is not None and revision not in KNOWN_REVISIONS
