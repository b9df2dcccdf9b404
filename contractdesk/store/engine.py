"""Which database, and an engine set up for it.

SQLite (the default, a file in the user data directory) gets foreign keys, a WAL journal and a
busy timeout on every connection. PostgreSQL is named by a `postgresql+psycopg://` URL.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError

from contractdesk.errors import BadInput, DatabaseUnavailable
from contractdesk.store.database_location import (
    BUSY_TIMEOUT_MS,
    database_setting,
    sqlite_file_named,
)

# Execution option that makes a SQLite transaction take the write lock at BEGIN, so two writers
# queue on the busy timeout instead of one failing half-way.
WRITE_OPTION = "contractdesk_write"


def resolve_database_url(db: str | None) -> URL:
    """`--db` wins, then the environment variable, then the default file.

    A value with `://` is a SQLAlchemy URL; anything else is a path to a SQLite file.
    """
    value = database_setting(db)
    path = sqlite_file_named(value)
    if path is not None:
        return URL.create("sqlite+pysqlite", database=str(path))
    try:
        url = make_url(value)
    except ArgumentError:
        raise BadInput(f"{value!r} is neither a file path nor a database URL") from None
    if url.get_backend_name() == "postgresql" and url.drivername == "postgresql":
        url = url.set(drivername="postgresql+psycopg")
    if url.get_backend_name() not in ("sqlite", "postgresql"):
        raise BadInput(f"unsupported database {url.get_backend_name()!r}: use SQLite or PostgreSQL")
    return url


def sqlite_path(url: URL) -> Path | None:
    """The file behind a SQLite URL (None for PostgreSQL or an in-memory database)."""
    if url.get_backend_name() != "sqlite" or not url.database or url.database == ":memory:":
        return None
    return Path(url.database)


def require_existing_file(url: URL) -> None:
    """Reading, checking or copying a SQLite file that is not there must not create an empty
    one (SQLite would); a server URL passes."""
    path = sqlite_path(url)
    if path is not None and not path.is_file():
        raise DatabaseUnavailable(f"There is no database file at {path}.")


def describe(url: URL) -> str:
    """For the status bar and messages: a file path, or the server URL without the password."""
    path = sqlite_path(url)
    return str(path) if path else url.render_as_string(hide_password=True)


def make_engine(url: URL) -> Engine:
    if url.get_backend_name() == "sqlite":
        engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})
        _configure_sqlite(engine)
        return engine
    return create_engine(url, pool_pre_ping=True)


def _configure_sqlite(engine: Engine) -> None:
    # pysqlite's own transaction handling defers BEGIN and skips it for DDL; take control so
    # every unit of work is one real transaction (SQLAlchemy's documented recipe).
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record):  # type: ignore[no-untyped-def]
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA synchronous = NORMAL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection):  # type: ignore[no-untyped-def]
        writing = connection.get_execution_options().get(WRITE_OPTION, False)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if writing else "BEGIN")
