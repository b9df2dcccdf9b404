"""`contractdesk funding premium|plan|set-rate` on the real Rotherham files."""

import json
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from contractdesk.cli import main


@pytest.fixture
def db(tmp_path, real_data):
    path = str(tmp_path / "cli.sqlite")
    payments = real_data / "nhs_payments_gp"
    epraccur = str(real_data / "ods" / "epraccur_2025-09.csv")
    assert main(["--db", path, "import", "practices", epraccur, "--area", "03L"]) == 0
    files = [str(payments / f"nhs_payments_gp_{year}.csv") for year in ("2021-22", "2022-23")]
    assert main(["--db", path, "import", "payments", *files, "--area", "03L"]) == 0
    return path


def test_premium_as_json_states_its_basis_and_matches_the_totals(db, capsys):
    capsys.readouterr()
    arguments = ["--db", db, "funding", "premium", "--year", "2022/23", "--area", "03L"]
    assert main([*arguments, "--format", "json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert "Balance of PMS Expenditure" in report["basis"]
    assert report["core_funding_per_weighted_patient"] == 78.53
    assert len(report["practices"]) == report["totals"]["practices"] == 29
    total = sum(Decimal(str(row["total"])) for row in report["practices"])
    assert total == Decimal(str(report["totals"]["total"]))
    assert main([*arguments, "--format", "csv"]) == 0
    captured = capsys.readouterr()
    assert captured.out.splitlines()[0].endswith(",basis")
    assert "Balance of PMS Expenditure" in captured.err


def test_plan_writes_a_workbook_that_balances(db, tmp_path, capsys):
    out = tmp_path / "plan.xlsx"
    arguments = ["--db", db, "funding", "plan", "--area", "03L", "--start", "2024/25"]
    assert main([*arguments, "--years", "4", "--out", str(out), "--exempt", "C87003=homeless"]) == 0
    printed = capsys.readouterr().out
    assert "kept out of the reduction: C87003 (homeless)" in printed
    workbook = load_workbook(out)
    assert workbook.sheetnames == ["Plan", "Practices", "Fairness"]
    plan = workbook["Plan"]
    rows = [row for row in plan.iter_rows(values_only=True) if row[0] in ("2024/25", "2027/28")]
    for _, _, freed, reinvested, held_back, _, balances in rows:
        assert Decimal(str(freed)) == Decimal(str(reinvested)) + Decimal(str(held_back))
        assert balances == "yes"
    assert "Balance of PMS Expenditure" in plan["A3"].value


def test_plan_refusals_exit_2(db, capsys):
    arguments = ["--db", db, "funding", "plan", "--area", "03L"]
    assert main([*arguments, "--years", "3"]) == 2
    assert "at least 4 years" in capsys.readouterr().err
    assert main([*arguments, "--exempt", "C87003"]) == 2
    assert main(["--db", db, "funding", "plan"]) == 2


def test_set_rate_needs_an_approver_and_changes_the_premium(db, capsys):
    assert main(["--db", db, "funding", "set-rate", "2022/23", "99.70"]) == 0
    assert "£99.70" in capsys.readouterr().out
    assert main(["--db", db, "--user", "somebody-else", "funding", "set-rate", "2022/23", "1"]) == 2
