"""Defining a year's KPI framework from the command line: standards, KPIs, targets."""

import json

from contractdesk.cli import main


def test_an_officer_defines_standards_and_kpis_and_moves_a_target(tmp_path, capsys):
    db = str(tmp_path / "kpis.sqlite")
    common = ["--db", db, "--user", "olive"]
    assert main([*common, "settings", "list"]) == 2  # no such database yet: not made up
    from contractdesk.services.workspace import open_workspace

    open_workspace(db, "olive").close()  # the first user: admin
    capsys.readouterr()
    year = ["--year", "2025/26"]
    assert main([*common, "kpis", "add-standard", *year, "dm", "Demand management", "minimum"]) == 0
    kpi = ["--standard", "DM", "--name", "Outpatient follow-ups per 1,000", "--unit", "per_1000"]
    kpi += ["--direction", "lower", "--target", "45", "--amber-band", "5"]
    assert main([*common, "kpis", "add", *year, "DM-OPFU", *kpi]) == 0
    assert main([*common, "kpis", "add", *year, "DM-OPFU", *kpi]) == 2
    assert "already" in capsys.readouterr().err
    bad = kpi[:-4] + ["--target", "forty", "--amber-band", "5"]
    assert main([*common, "kpis", "add", *year, "DM-X", *bad]) == 2
    assert (
        main(
            [
                *common,
                "kpis",
                "set-target",
                *year,
                "dm-opfu",
                "--target",
                "42.5",
                "--amber-band",
                "4",
            ]
        )
        == 0
    )
    assert "target 42.5, amber band 4.0" in capsys.readouterr().out
    assert main([*common, "kpis", "list", *year, "--format", "json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert any(row.get("code") == "DM-OPFU" for row in listed)
