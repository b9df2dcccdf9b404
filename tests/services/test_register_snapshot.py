"""The start-up snapshot: the register read with sqlite3 is list_practices' register, exactly,
and it is read only when opening the database would have nothing to do first."""

import shutil
import sqlite3
import subprocess
import sys
from datetime import date
from decimal import Decimal

import pytest

from contractdesk.domain.roles import Role
from contractdesk.services.demo import build_demo_database
from contractdesk.services.list_size_import import import_list_sizes
from contractdesk.services.list_sizes import record_list_size
from contractdesk.services.payment_import import import_payments
from contractdesk.services.practice_import import import_practices
from contractdesk.services.practices import create_practice, list_practices
from contractdesk.services.register_snapshot import read_register_snapshot
from contractdesk.services.workspace import open_workspace
from tests.conftest import TEST_LOGIN


def _assert_same_register(path, login):
    snapshot = read_register_snapshot(str(path), login)
    assert snapshot is not None
    workspace = snapshot.open_workspace()
    try:
        assert snapshot.rows == list_practices(workspace)
        # Equal Decimals may still print differently (4029.25 and 4029.250): compare the text.
        assert [repr(row) for row in snapshot.rows] == [
            repr(row) for row in list_practices(workspace)
        ]
        assert snapshot.user == workspace.user
        assert snapshot.description == workspace.description
        assert snapshot.is_sqlite and workspace.is_sqlite
    finally:
        workspace.close()
    return snapshot


def test_the_demo_register_is_the_same_either_way(tmp_path):
    path = build_demo_database(tmp_path / "demo.sqlite", TEST_LOGIN)
    snapshot = _assert_same_register(path, TEST_LOGIN)
    assert len(snapshot.rows) == 37
    assert snapshot.user.role is Role.ADMIN


@pytest.fixture
def sqlite_file(_sqlite_template, tmp_path):
    """A fresh SQLite database (the snapshot is of SQLite files only), TEST_LOGIN its admin."""
    path = str(shutil.copyfile(_sqlite_template, tmp_path / "contractdesk.sqlite"))
    open_workspace(path, TEST_LOGIN).close()
    return path


def test_blanks_and_partial_list_sizes_read_the_same(sqlite_file):
    workspace = open_workspace(sqlite_file, TEST_LOGIN)
    try:
        create_practice(workspace, "C87003", {"name": "No area, no locality"})
        create_practice(workspace, "C87004", {"name": "Partial list sizes"})
        # The latest weighted figure is newer than the latest registered one.
        record_list_size(workspace, "C87004", date(2024, 4, 1), Decimal("1000.25"), None)
        record_list_size(workspace, "C87004", date(2025, 4, 1), None, Decimal("1234.5"))
        record_list_size(workspace, "C87004", date(2023, 4, 1), Decimal(7), Decimal(8))
    finally:
        workspace.close()
    rows = _assert_same_register(sqlite_file, TEST_LOGIN).rows
    partial = rows[1]
    assert (partial.registered_patients, partial.weighted_patients) == (
        Decimal("1000.25"),
        Decimal("1234.50"),
    )
    assert partial.list_size_date == date(2024, 4, 1)
    assert rows[0].area_code is None and rows[0].registered_patients is None


def test_an_england_register_is_the_same_either_way(sqlite_file, files):
    workspace = open_workspace(sqlite_file, TEST_LOGIN)
    try:
        import_practices(workspace, files["epraccur"])
        import_payments(workspace, [files["payments_2022"]])
        import_list_sizes(workspace, files["registrations"])
    finally:
        workspace.close()
    rows = _assert_same_register(sqlite_file, TEST_LOGIN).rows
    assert len(rows) > 8000
    assert sum(row.registered_patients is not None for row in rows) > 6000


def test_no_snapshot_when_opening_has_work_to_do(sqlite_file, tmp_path):
    assert read_register_snapshot(sqlite_file, TEST_LOGIN) is not None
    # A newcomer is signed up by the full open; a missing file is created by it.
    assert read_register_snapshot(sqlite_file, "newcomer") is None
    assert read_register_snapshot(str(tmp_path / "missing.sqlite"), TEST_LOGIN) is None
    assert not (tmp_path / "missing.sqlite").exists()
    # A server is always opened the usual way.
    assert read_register_snapshot("postgresql+psycopg://user@host/db", TEST_LOGIN) is None
    not_a_database = tmp_path / "notes.sqlite"
    not_a_database.write_text("not a database")
    assert read_register_snapshot(str(not_a_database), TEST_LOGIN) is None


@pytest.mark.parametrize(
    "change",
    [
        "UPDATE alembic_version SET version_num = '0000_older'",  # an upgrade is due
        "UPDATE alembic_version SET version_num = '9999_newer'",  # refused by the full open
        "DELETE FROM alembic_version",
        f"UPDATE app_user SET active = 0 WHERE login = '{TEST_LOGIN}'",  # refused likewise
    ],
)
def test_no_snapshot_of_another_revision_or_a_deactivated_user(sqlite_file, change):
    connection = sqlite3.connect(sqlite_file)
    with connection:
        connection.execute(change)
    connection.close()
    assert read_register_snapshot(sqlite_file, TEST_LOGIN) is None


def test_the_default_database_and_login_are_the_full_opens(sqlite_file, monkeypatch):
    monkeypatch.setenv("CONTRACTDESK_DATABASE_URL", sqlite_file)
    monkeypatch.setattr("getpass.getuser", lambda: TEST_LOGIN)
    snapshot = read_register_snapshot(None, None)
    assert snapshot is not None
    workspace = open_workspace(None, None)
    try:
        assert (snapshot.description, snapshot.user) == (workspace.description, workspace.user)
    finally:
        workspace.close()


def test_reading_a_snapshot_imports_no_sqlalchemy(sqlite_file):
    code = (
        "import sys\n"
        "from contractdesk.services.register_snapshot import read_register_snapshot\n"
        f"assert read_register_snapshot({sqlite_file!r}, {TEST_LOGIN!r}) is not None\n"
        "print(sorted(name for name in sys.modules if name.startswith(('sqlalchemy', 'alembic'))))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"
