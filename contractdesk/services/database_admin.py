"""Administering the database itself: upgrade, backup, check."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import func, inspect, select, text

from contractdesk.domain.roles import Role
from contractdesk.errors import BadInput, DatabaseUnavailable, PermissionDenied
from contractdesk.store.engine import make_engine, require_existing_file, resolve_database_url
from contractdesk.store.errors import plain_database_errors
from contractdesk.store.migrate import backup_sqlite, ensure_schema, read_revision
from contractdesk.store.models import AppUser
from contractdesk.store.schema_version import SCHEMA_HEAD, VERSION_TABLE, is_newer_than_code


@dataclass(frozen=True)
class UpgradeResult:
    database: str
    from_revision: str | None
    to_revision: str
    backup: Path | None


@dataclass(frozen=True)
class CheckResult:
    database: str
    revision: str | None
    expected_revision: str
    problems: tuple[str, ...]
    counts: dict[str, int]

    @property
    def ok(self) -> bool:
        return not self.problems


def upgrade_database(db: str | None, login: str) -> UpgradeResult:
    """Upgrade to this version's schema. On a database that has users, only an admin may."""
    url = resolve_database_url(db)
    engine = make_engine(url)
    try:
        with plain_database_errors(url):
            revision = read_revision(engine)
            if is_newer_than_code(revision):
                ensure_schema(engine, allow_upgrade=False)  # refuses, saying why
            if revision is not None:
                with engine.connect() as connection:
                    role = connection.scalar(select(AppUser.role).where(AppUser.login == login))
                    has_users = connection.scalar(select(func.count()).select_from(AppUser)) > 0
                if has_users and role != Role.ADMIN.value:
                    raise PermissionDenied(
                        f"Only an admin may upgrade this database; {login} is not."
                    )
            backup = ensure_schema(engine, allow_upgrade=True)
            return UpgradeResult(
                str(url.render_as_string(hide_password=True)), revision, SCHEMA_HEAD, backup
            )
    finally:
        engine.dispose()


def backup_database(db: str | None, destination: Path, *, overwrite: bool = False) -> Path:
    """Copy a SQLite database; an existing file at `destination` is replaced only when asked
    (the GUI's save dialog has already asked the officer)."""
    url = resolve_database_url(db)
    require_existing_file(url)
    if destination.exists() and not overwrite:
        raise BadInput(f"{destination} already exists; choose another name for the backup.")
    engine = make_engine(url)
    try:
        with plain_database_errors(url):
            return backup_sqlite(engine, destination)
    except sqlite3.Error as error:
        raise DatabaseUnavailable(f"Cannot back up {url.database}: {error}") from None
    except OSError as error:
        raise DatabaseUnavailable(
            f"Cannot write the backup {destination}: {error.strerror}"
        ) from None
    finally:
        engine.dispose()


def check_database(db: str | None) -> CheckResult:
    url = resolve_database_url(db)
    require_existing_file(url)
    engine = make_engine(url)
    problems: list[str] = []
    counts: dict[str, int] = {}
    try:
        with plain_database_errors(url):
            revision = read_revision(engine)
            if revision != SCHEMA_HEAD:
                problems.append(
                    f"schema is {revision or 'empty'}, this version needs {SCHEMA_HEAD}"
                )
            with engine.connect() as connection:
                tables = [
                    name for name in inspect(connection).get_table_names() if name != VERSION_TABLE
                ]
                for table in sorted(tables):
                    counts[table] = connection.scalar(text(f'SELECT count(*) FROM "{table}"'))
                if engine.dialect.name == "sqlite":
                    verdict = connection.exec_driver_sql("PRAGMA integrity_check").scalar()
                    if verdict != "ok":
                        problems.append(f"SQLite integrity check: {verdict}")
                    broken = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                    if broken:
                        problems.append(f"{len(broken)} rows refer to records that do not exist")
                    triggers = {
                        row[0]
                        for row in connection.exec_driver_sql(
                            "SELECT name FROM sqlite_master WHERE type = 'trigger'"
                        )
                    }
                    if revision and not {"audit_log_no_update", "audit_log_no_delete"} <= triggers:
                        problems.append("the audit log is not protected against changes")
    finally:
        engine.dispose()
    return CheckResult(
        url.render_as_string(hide_password=True), revision, SCHEMA_HEAD, tuple(problems), counts
    )
