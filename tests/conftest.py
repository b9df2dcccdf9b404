"""Shared fixtures: a fresh, already-migrated database per test, on SQLite and on PostgreSQL.

Storage and service tests take `database_url` (or `workspace`) and run once per database.
PostgreSQL runs when CONTRACTDESK_TEST_PG_URL names a server (CI sets it); otherwise those
cases skip with that reason. Each run makes its own databases on the server and drops them.
"""

from __future__ import annotations

import os
import shutil
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from sqlalchemy import create_engine, text  # noqa: E402
from sqlalchemy.engine import make_url  # noqa: E402

from contractdesk.services.workspace import Workspace, open_workspace  # noqa: E402
from contractdesk.store.engine import make_engine, resolve_database_url  # noqa: E402
from contractdesk.store.migrate import upgrade  # noqa: E402

PG_URL_VARIABLE = "CONTRACTDESK_TEST_PG_URL"
REAL_DATA = Path(__file__).parent / "data" / "real"
TEST_LOGIN = "tester"


@pytest.fixture(autouse=True)
def _private_user_dirs(tmp_path_factory: pytest.TempPathFactory, monkeypatch) -> None:
    """Keep tests out of the real user's data, log and settings folders."""
    home = tmp_path_factory.getbasetemp() / "user-dirs"
    for variable, folder in (
        ("XDG_DATA_HOME", "data"),
        ("XDG_STATE_HOME", "state"),
        ("XDG_CONFIG_HOME", "config"),
        ("XDG_CACHE_HOME", "cache"),
    ):
        monkeypatch.setenv(variable, str(home / folder))
    monkeypatch.delenv("CONTRACTDESK_DATABASE_URL", raising=False)


@pytest.fixture(scope="session")
def real_data() -> Path:
    return REAL_DATA


# --- SQLite: copy a migrated template file -----------------------------------------------


@pytest.fixture(scope="session")
def _sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("template") / "template.sqlite"
    engine = make_engine(resolve_database_url(str(path)))
    upgrade(engine)
    with engine.connect() as connection:
        connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    engine.dispose()
    return path


# --- PostgreSQL: CREATE DATABASE … TEMPLATE a migrated one --------------------------------


class _PostgresServer:
    def __init__(self, url: str) -> None:
        self.url = make_url(url)
        self.admin = create_engine(self.url, isolation_level="AUTOCOMMIT")
        self.template = f"cd_template_{uuid.uuid4().hex[:10]}"
        self.created: list[str] = []

    def create(self, name: str, template: str | None = None) -> str:
        clause = f" TEMPLATE {template}" if template else ""
        with self.admin.connect() as connection:
            connection.execute(text(f'CREATE DATABASE "{name}"{clause}'))
        self.created.append(name)
        return self.url.set(database=name).render_as_string(hide_password=False)

    def drop(self, name: str) -> None:
        with self.admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        if name in self.created:
            self.created.remove(name)


@pytest.fixture(scope="session")
def _postgres() -> Iterator[_PostgresServer]:
    url = os.environ.get(PG_URL_VARIABLE)
    if not url:
        pytest.skip(f"{PG_URL_VARIABLE} is not set: no PostgreSQL server to test against")
    server = _PostgresServer(url)
    template_url = server.create(server.template)
    engine = make_engine(resolve_database_url(template_url))
    upgrade(engine)
    engine.dispose()
    yield server
    for name in list(server.created):
        server.drop(name)
    server.admin.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgresql)])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A fresh database at this code's schema, for one test."""
    if request.param == "sqlite":
        path = tmp_path / "contractdesk.sqlite"
        shutil.copyfile(request.getfixturevalue("_sqlite_template"), path)
        yield str(path)
        return
    server: _PostgresServer = request.getfixturevalue("_postgres")
    name = f"cd_test_{uuid.uuid4().hex[:10]}"
    url = server.create(name, template=server.template)
    yield url
    server.drop(name)


@pytest.fixture
def workspace(database_url: str) -> Iterator[Workspace]:
    """The database opened by its first user, who is therefore its admin."""
    opened = open_workspace(database_url, TEST_LOGIN)
    yield opened
    opened.close()
