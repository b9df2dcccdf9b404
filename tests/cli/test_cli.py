"""The command line: what it prints and its exit status (0 ok, 2 bad input, 1 a bug)."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from contractdesk.cli import main
from tests.helpers import copy_with_line_changed


@pytest.fixture
def db(tmp_path):
    return str(tmp_path / "cli.sqlite")


def test_import_then_list_and_show(db, real_data, capsys):
    epraccur = str(real_data / "ods" / "epraccur_2025-09.csv")
    assert main(["--db", db, "import", "practices", epraccur, "--area", "03L"]) == 0
    printed = capsys.readouterr().out
    assert "37 added" in printed
    assert "epraccur_2025-09.csv:241:26 (Prescribing setting)" in printed  # skipped rows named
    payments = str(real_data / "nhs_payments_gp" / "nhs_payments_gp_2022-23.csv")
    assert main(["import", "payments", payments, "--area", "03L", "--db", db]) == 0
    capsys.readouterr()
    assert main(["--db", db, "practices", "list", "--format", "json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert len(listed) == 37
    assert {"ods_code": "C87003", "contract_type": "PMS"}.items() <= listed[1].items()
    assert main(["--db", db, "practices", "list", "--format", "csv"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("ods_code,name,postcode") and len(lines) == 38
    assert main(["--db", db, "practices", "show", "c87003"]) == 0
    assert "ROTHERHAM CENTRAL NORTH PCN" in capsys.readouterr().out


def test_set_contact_names_whom_letters_go_to(db, real_data, capsys):
    epraccur = str(real_data / "ods" / "epraccur_2025-09.csv")
    assert main(["--db", db, "import", "practices", epraccur, "--area", "03L"]) == 0
    capsys.readouterr()
    contact = ["--db", db, "practices", "set-contact", "c87003"]
    assert main([*contact, "--name", "Dr Asha Patel", "--role", "Practice Manager"]) == 0
    assert "letters go to Dr Asha Patel, Practice Manager" in capsys.readouterr().out
    assert main([*contact, "--email", "a.patel at nhs.net"]) == 2
    assert "name@domain" in capsys.readouterr().err
    assert main([*contact]) == 2
    assert main(["--db", db, "practices", "show", "C87003", "--format", "json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert (shown["lead_contact"], shown["email"]) == ("Dr Asha Patel", None)
    assert main([*contact, "--name", ""]) == 0
    assert "letters go to The Practice Manager" in capsys.readouterr().out


def test_bad_input_exits_2_with_a_message_and_no_traceback(db, real_data, tmp_path, capsys):
    broken = copy_with_line_changed(
        real_data / "ods" / "epraccur_2025-09.csv",
        tmp_path / "epraccur.csv",
        2,
        lambda text: text[:40] + "\n",
    )
    assert main(["--db", db, "import", "practices", str(broken)]) == 2
    error = capsys.readouterr().err
    assert "epraccur.csv:2: has" in error and "Traceback" not in error
    assert main(["--db", db, "import", "practices", str(tmp_path / "missing.csv")]) == 2
    assert "no such file" in capsys.readouterr().err
    assert main(["--db", db, "practices", "show", "C99999"]) == 2
    assert "No practice" in capsys.readouterr().err


def test_bad_arguments_exit_2(db):
    with pytest.raises(SystemExit) as exited:
        main(["--db", db, "practices", "list", "--format", "xml"])
    assert exited.value.code == 2
    with pytest.raises(SystemExit) as exited:
        main(["import", "nonsense"])
    assert exited.value.code == 2


def test_an_unexpected_failure_exits_1_and_logs_the_traceback(db, monkeypatch, capsys, tmp_path):
    from contractdesk.cli import practice_commands

    def explode(*_args, **_kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(practice_commands, "load_practices", explode)
    assert main(["--db", db, "db", "upgrade"]) == 0
    capsys.readouterr()
    assert main(["--db", db, "practices", "list"]) == 1
    error = capsys.readouterr().err.strip()
    assert error.startswith("contractdesk: unexpected error: RuntimeError: boom (details in ")
    assert len(error.splitlines()) == 1
    log_file = error.rsplit("details in ", 1)[1].rstrip(")")
    assert "Traceback" in Path(log_file).read_text(encoding="utf-8")


def test_db_backup_and_check(db, tmp_path, capsys):
    assert main(["--db", db, "db", "upgrade"]) == 0
    assert "upgraded from empty" in capsys.readouterr().out
    assert main(["--db", db, "db", "upgrade"]) == 0
    assert "already at schema" in capsys.readouterr().out
    backup = tmp_path / "copy.sqlite"
    assert main(["--db", db, "db", "backup", str(backup)]) == 0
    assert main(["--db", str(backup), "db", "check"]) == 0
    assert capsys.readouterr().out.strip().endswith("ok")


def test_demo_is_built_beside_never_over_the_working_database(capsys):
    from contractdesk.app_paths import default_database_path, default_demo_database_path

    assert main(["demo"]) == 0
    assert default_demo_database_path().exists()
    assert main(["--demo", "practices", "list", "--format", "json"]) == 0
    capsys.readouterr()
    assert main(["demo", "--if-missing"]) == 0
    assert "already" in capsys.readouterr().out
    assert main(["demo", "--db", str(default_database_path())]) == 2
    assert "working database" in capsys.readouterr().err


def test_demo_refuses_a_file_holding_other_data(db, real_data, capsys):
    assert (
        main(
            [
                "--db",
                db,
                "import",
                "practices",
                str(real_data / "ods" / "epraccur_2025-09.csv"),
                "--area",
                "03L",
            ]
        )
        == 0
    )
    assert main(["demo", "--db", db]) == 2
    assert "not the demo" in capsys.readouterr().err


def test_console_entry_points_start(tmp_path):
    env = dict(os.environ, XDG_DATA_HOME=str(tmp_path))
    result = subprocess.run(
        [sys.executable, "-m", "contractdesk", "--version"],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert result.returncode == 0
    assert result.stdout.startswith("ContractDesk ")


def test_user_option_signs_in_as_that_user(db, capsys):
    assert main(["--db", db, "db", "upgrade"]) == 0
    assert main(["--db", db, "--user", "alice", "users", "list", "--format", "csv"]) == 0
    assert main(["--db", db, "users", "list", "--user", "bob", "--format", "csv"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert "alice,alice,admin,True" in lines
    assert "bob,bob,viewer,True" in lines


@pytest.mark.postgresql
def test_postgresql_is_upgraded_by_an_admin_command(_postgres, capsys):
    name = "cd_test_cli_" + _postgres.template[-6:]
    url = _postgres.create(name)
    try:
        assert main(["--db", url, "practices", "list"]) == 2
        assert "contractdesk db upgrade" in capsys.readouterr().err
        assert main(["--db", url, "--user", "admin", "db", "upgrade"]) == 0
        assert main(["--db", url, "--user", "admin", "practices", "list"]) == 0
        capsys.readouterr()
        assert main(["--db", url, "--user", "someone", "db", "upgrade"]) == 2
        assert "Only an admin" in capsys.readouterr().err
        assert main(["--db", url, "--user", "admin", "db", "check"]) == 0
    finally:
        _postgres.drop(name)


def test_demo_leaves_a_foreign_file_untouched(tmp_path, capsys):
    other = tmp_path / "notes.sqlite"
    other.write_bytes(b"not a database at all, but someone's file" * 10)
    before = other.read_bytes()
    assert main(["demo", "--db", str(other)]) == 2
    assert "not a ContractDesk demo" in capsys.readouterr().err
    assert other.read_bytes() == before


def test_environment_failures_get_a_plain_message_and_exit_2(tmp_path, capsys):
    not_a_database = tmp_path / "notes.sqlite"
    not_a_database.write_text("shopping list\n" * 200)
    for command in (["practices", "list"], ["db", "check"], ["db", "backup", str(tmp_path / "b")]):
        assert main(["--db", str(not_a_database), *command]) == 2, command
        error = capsys.readouterr().err
        assert "not a database" in error and "Traceback" not in error, command
    server_down = "postgresql+psycopg://nobody@127.0.0.1:9/none?connect_timeout=2"
    assert main(["--db", server_down, "db", "check"]) == 2
    assert "Cannot use the database" in capsys.readouterr().err


def test_check_and_backup_never_create_the_file_they_are_given(tmp_path, capsys):
    missing = tmp_path / "missing.sqlite"
    assert main(["--db", str(missing), "db", "check"]) == 2
    assert main(["--db", str(missing), "db", "backup", str(tmp_path / "copy.sqlite")]) == 2
    assert "no database file" in capsys.readouterr().err
    assert not missing.exists() and not (tmp_path / "copy.sqlite").exists()


def test_upgrade_of_a_newer_database_says_so(db, capsys):
    import sqlite3

    assert main(["--db", db, "db", "upgrade"]) == 0
    with sqlite3.connect(db) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '0999_future'")
    capsys.readouterr()
    assert main(["--db", db, "--user", "stranger", "db", "upgrade"]) == 2
    assert "newer version of ContractDesk" in capsys.readouterr().err


def test_a_mistyped_area_is_refused(db, real_data, capsys):
    epraccur = str(real_data / "ods" / "epraccur_2025-09.csv")
    assert main(["--db", db, "import", "practices", epraccur, "--area", "03L"]) == 0
    assert main(["--db", db, "practices", "list", "--area", "ZZZ"]) == 2
    assert "No commissioner area ZZZ" in capsys.readouterr().err
    assert main(["--db", db, "practices", "list", "--area", "not an area"]) == 2
    assert "not a commissioner area code" in capsys.readouterr().err


def test_reading_a_mistyped_database_path_is_an_error_not_a_new_file(tmp_path, capsys):
    missing = tmp_path / "nonexist.sqlite"
    assert main(["--db", str(missing), "practices", "list"]) == 2
    assert "no database file" in capsys.readouterr().err
    assert not missing.exists()


def test_a_year_contradicting_the_file_name_is_refused(db, real_data, capsys):
    payments = str(real_data / "nhs_payments_gp" / "nhs_payments_gp_2022-23.csv")
    assert main(["--db", db, "import", "payments", payments, "--year", "2021/22"]) == 2
    assert "file name says 2022/23 but the year given is 2021/22" in capsys.readouterr().err


def test_backup_never_overwrites_silently_and_new_users_are_announced(db, tmp_path, capsys):
    assert main(["--db", db, "--user", "alice", "db", "upgrade"]) == 0
    backup = tmp_path / "copy.sqlite"
    assert main(["--db", db, "db", "backup", str(backup)]) == 0
    first = backup.read_bytes()
    assert main(["--db", db, "db", "backup", str(backup)]) == 2
    assert "already exists" in capsys.readouterr().err
    assert backup.read_bytes() == first
    assert main(["--db", db, "--user", "alice", "users", "set-role", "bbo", "officer"]) == 0
    assert "not seen before" in capsys.readouterr().out
