"""Bringing a database's schema to this code's revision, safely.

SQLite: the app upgrades on open, after a backup of the file. PostgreSQL: a shared server is
upgraded only by an admin (`contractdesk db upgrade`); a client that finds another revision stops.
A database written by a newer ContractDesk is always refused.
"""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path

from sqlalchemy import Engine

from contractdesk.errors import DatabaseUnavailable
from contractdesk.resources import migrations_path
from contractdesk.store.engine import sqlite_path
from contractdesk.store.schema_version import SCHEMA_HEAD, current_revision, is_newer_than_code


def read_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        return current_revision(connection)


def ensure_schema(engine: Engine, *, allow_upgrade: bool) -> Path | None:
    """Check the schema and, where allowed, upgrade it. Returns the backup made, if any."""
    revision = read_revision(engine)
    if revision == SCHEMA_HEAD:
        return None
    if is_newer_than_code(revision):
        raise DatabaseUnavailable(
            f"This database was written by a newer version of ContractDesk (schema {revision}; "
            f"this version knows up to {SCHEMA_HEAD}). Install the newer version to open it."
        )
    if not allow_upgrade:
        found = "is empty" if revision is None else f"has schema {revision}"
        raise DatabaseUnavailable(
            f"The database {found}, but this version of ContractDesk needs {SCHEMA_HEAD}. "
            "An administrator must run `contractdesk db upgrade` on it first."
        )
    backup = None
    path = sqlite_path(engine.url)
    if revision is not None and path is not None:
        backup = backup_sqlite(
            engine, path.with_name(f"{path.stem}.before-{SCHEMA_HEAD}-{_stamp()}{path.suffix}")
        )
    upgrade(engine)
    return backup


def upgrade(engine: Engine) -> None:
    """Run the Alembic migrations up to head in one transaction (imports Alembic only here)."""
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(migrations_path()))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")


def backup_sqlite(engine: Engine, destination: Path) -> Path:
    """A consistent copy through SQLite's online backup API (safe with a WAL journal)."""
    source_path = sqlite_path(engine.url)
    if source_path is None:
        raise DatabaseUnavailable(
            "Backing up a PostgreSQL database is the server's job: use pg_dump there."
        )
    destination = destination.expanduser().resolve()
    if destination == source_path:
        raise DatabaseUnavailable("The backup must not be written over the database itself.")
    destination.parent.mkdir(parents=True, exist_ok=True)
    partial = destination.with_name(destination.name + ".partial")
    source = sqlite3.connect(source_path)
    try:
        target = sqlite3.connect(partial)
        try:
            source.backup(target)
        finally:
            target.close()
    finally:
        source.close()
    partial.replace(destination)
    return destination


def _stamp() -> str:
    return datetime.now().strftime("%Y%m%d-%H%M%S")
