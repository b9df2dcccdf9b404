"""The schema exists only through migrations, on SQLite and PostgreSQL alike."""

import sqlite3

import pytest
from alembic.config import Config
from alembic.script import ScriptDirectory
from sqlalchemy import inspect, text

from contractdesk.errors import DatabaseUnavailable
from contractdesk.resources import migrations_path
from contractdesk.services.workspace import open_workspace
from contractdesk.store import migrate
from contractdesk.store.engine import make_engine, resolve_database_url
from contractdesk.store.models import Base
from contractdesk.store.schema_version import KNOWN_REVISIONS, SCHEMA_HEAD

EXPECTED_TABLES = {
    "alembic_version",
    "app_user",
    "audit_log",
    "commissioner_area",
    "core_funding_rate",
    "funding_plan",
    "funding_plan_practice",
    "kpi",
    "kpi_measurement",
    "kpi_practice_key",
    "kpi_source",
    "kpi_standard",
    "list_size",
    "locality",
    "payment_line_set",
    "practice",
    "practice_payment_year",
    "service",
    "service_offer",
    "subcontract",
    "subcontract_service",
    "team_setting",
    "concern",
    "notice",
    "sanction",
    "recovery_plan",
    "recovery_action",
    "recovery_note",
    "letter_template",
    "correspondence",
}


def _script() -> ScriptDirectory:
    config = Config()
    config.set_main_option("script_location", str(migrations_path()))
    return ScriptDirectory.from_config(config)


def test_the_code_knows_the_migrations_head():
    script = _script()
    assert script.get_current_head() == SCHEMA_HEAD
    assert [rev.revision for rev in reversed(list(script.walk_revisions()))] == list(
        KNOWN_REVISIONS
    )


def test_migrated_database_has_every_table(database_url):
    engine = make_engine(resolve_database_url(database_url))
    with engine.connect() as connection:
        tables = set(inspect(connection).get_table_names())
    engine.dispose()
    assert tables == EXPECTED_TABLES


def test_migrations_match_the_models(database_url):
    """A model change without a migration would make autogenerate find differences."""
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    engine = make_engine(resolve_database_url(database_url))
    with engine.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    engine.dispose()
    assert differences == []


def test_downgrade_to_nothing_and_up_again(database_url):
    from alembic import command

    engine = make_engine(resolve_database_url(database_url))
    config = Config()
    config.set_main_option("script_location", str(migrations_path()))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "base")
    with engine.connect() as connection:
        assert set(inspect(connection).get_table_names()) <= {"alembic_version"}
    migrate.upgrade(engine)
    assert migrate.read_revision(engine) == SCHEMA_HEAD
    engine.dispose()


def test_new_sqlite_file_is_created_and_migrated_on_open(tmp_path):
    path = tmp_path / "new.sqlite"
    workspace = open_workspace(str(path), "alice")
    try:
        assert migrate.read_revision(workspace.engine) == SCHEMA_HEAD
        assert workspace.upgrade_backup is None  # nothing to back up in a new file
        with workspace.engine.connect() as connection:
            assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
            assert connection.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 5000
    finally:
        workspace.close()


def test_older_sqlite_file_is_backed_up_before_upgrade(tmp_path, monkeypatch):
    path = tmp_path / "work.sqlite"
    open_workspace(str(path), "alice").close()
    # Pretend this code is one migration ahead of the file.
    monkeypatch.setattr(migrate, "SCHEMA_HEAD", "0002_future")
    monkeypatch.setattr(migrate, "upgrade", lambda engine: None)
    engine = make_engine(resolve_database_url(str(path)))
    backup = migrate.ensure_schema(engine, allow_upgrade=True)
    engine.dispose()
    assert backup is not None and backup.exists()
    assert backup.parent == path.parent
    with sqlite3.connect(backup) as copy:
        assert copy.execute("SELECT login FROM app_user").fetchall() == [("alice",)]


def test_database_newer_than_the_app_is_refused(database_url):
    open_workspace(database_url, "alice").close()
    engine = make_engine(resolve_database_url(database_url))
    with engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = '0999_from_the_future'"))
    engine.dispose()
    with pytest.raises(DatabaseUnavailable, match="newer version of ContractDesk"):
        open_workspace(database_url, "alice")


@pytest.mark.postgresql
def test_postgresql_client_with_old_schema_stops_and_says_so(_postgres):
    url = _postgres.create("cd_test_empty_" + _postgres.template[-6:])
    try:
        with pytest.raises(DatabaseUnavailable, match="contractdesk db upgrade"):
            open_workspace(url, "alice")
    finally:
        _postgres.drop(url.rsplit("/", 1)[1])
