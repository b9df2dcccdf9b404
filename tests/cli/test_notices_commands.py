"""`notices list`, `dashboard` and `settings` on the demo database, for a fixed date."""

import json

import pytest

from contractdesk.cli import main


def test_notices_list_overdue_and_by_status(demo, capsys):
    arguments = ["--db", demo, "notices", "list", "--as-of", "2026-11-23", "--format", "json"]
    assert main(arguments) == 0
    notices = json.loads(capsys.readouterr().out)
    assert [n["reference"] for n in notices] == ["RN-C87013-1", "RN-C87007-1", "BN-C87013-1"]
    assert notices[0]["days_left"] == -20
    assert "follows earlier notice(s) BN-C87013-1" in notices[0]["further_breach"]
    assert main([*arguments, "--overdue"]) == 0
    assert [n["reference"] for n in json.loads(capsys.readouterr().out)] == ["RN-C87013-1"]
    with pytest.raises(SystemExit) as usage:  # argparse: not a status
        main([*arguments, "--status", "breach"])
    assert usage.value.code == 2 and "invalid choice" in capsys.readouterr().err


def test_the_dashboard_for_a_date(demo, capsys):
    arguments = ["--db", demo, "dashboard", "--as-of", "2026-11-23", "--format", "json"]
    assert main(arguments) == 0
    items = json.loads(capsys.readouterr().out)
    overdue = [item for item in items if item["overdue"]]
    assert [item["category"] for item in overdue] == ["Offer", "Remedial notice", "Recovery plan"]
    now = [item["category"] for item in items if item["due"] == "2026-11-23"]
    assert now[0] == "KPIs" and "Performance cycle" in now and "Whole contract" in now
    assert any(item["category"] == "KPIs" and "slipping" in item["title"] for item in items)
    kinds = {item["target_kind"] for item in items}
    assert {"notice", "subcontract", "offers", "plan", "practice", "cycle"} <= kinds
    pending = next(item for item in items if item["target_kind"] == "subcontract")
    assert "closes in 15 day(s)" in pending["title"]
    assert main(["--db", demo, "dashboard", "--as-of", "2026-05-01"]) == 0
    table = capsys.readouterr().out
    assert "Annual review with every practice" in table
    with pytest.raises(SystemExit):
        main(["--db", demo, "dashboard", "--as-of", "1 May"])
    assert "not a date like 2026-05-01" in capsys.readouterr().err


def test_settings_show_defaults_and_refuse_nonsense(demo, capsys):
    assert main(["--db", demo, "settings", "list", "--format", "json"]) == 0
    settings = {row["key"]: row for row in json.loads(capsys.readouterr().out)}
    assert settings["notice_period_days"]["value"] == 28
    assert settings["dispute_referral_holds_sanction"]["unverified"] == "yes"
    assert main(["--db", demo, "--user", "tester", "settings", "set", "no_such", "1"]) == 2
    assert "No setting called no_such" in capsys.readouterr().err
