"""The quality-contract commands on the demo database: Rotherham's 2025/26 contract."""

import json
from collections import Counter

from openpyxl import load_workbook

from contractdesk.cli import main
from contractdesk.domain.whole_contract import CellState
from contractdesk.reports.palette import STATE_FILLS


def run_json(capsys, *arguments):
    assert main([*arguments, "--format", "json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_the_demo_holds_rotherhams_quality_contract(demo, capsys):
    services = run_json(capsys, "--db", demo, "services", "list", "--year", "2025/26")
    assert len(services) == 15
    assert Counter(s["kind"] for s in services) == {"LES": 11, "PH": 4}
    assert all(s["required"] == "yes" for s in services)
    assert {"Case management", "Ring pessary changes", "Immunisation/vaccinations"} <= {
        s["name"] for s in services
    }
    assert all(s["price"].startswith("£") for s in services)
    next_year = run_json(capsys, "--db", demo, "services", "list", "--year", "2026/27")
    assert [s["code"] for s in next_year] == [s["code"] for s in services]


def test_compliance_lists_gaps_and_flags_declines(demo, capsys):
    rows = run_json(capsys, "--db", demo, "compliance", "--year", "2025/26", "--area", "03L")
    assert len(rows) == 29  # the open Rotherham practices
    by_code = {row["ods_code"]: row for row in rows}
    # C87005 declined minor surgery and has an approved sub-contract: compliant but flagged.
    assert by_code["C87005"]["compliant"] == "yes"
    assert by_code["C87005"]["declined_required"] == ["MINOR-SURG"]
    # C87013's sub-contract was objected to: a gap.
    assert by_code["C87013"]["compliant"] == "no" and by_code["C87013"]["gaps"] == ["MINOR-SURG"]
    assert main(["--db", demo, "compliance", "--year", "2025/26", "--gaps-only"]) == 0
    table = capsys.readouterr().out.splitlines()
    assert len(table) == 2 + sum(row["compliant"] == "no" for row in rows)


def test_subcontracts_list_and_filter(demo, capsys):
    everything = run_json(capsys, "--db", demo, "subcontracts", "list")
    assert len(everything) == 3
    objected = run_json(capsys, "--db", demo, "subcontracts", "list", "--status", "objected")
    assert [row["contractor"] for row in objected] == ["C87013"]
    mine = run_json(capsys, "--db", demo, "subcontracts", "list", "--practice", "C87017")
    assert [row["subcontractor"] for row in mine] == ["C87017"]


def test_the_excel_export_has_the_matrix_colours_and_gaps(demo, tmp_path, capsys):
    out = tmp_path / "signups.xlsx"
    arguments = ["--db", demo, "signups", "export", "--year", "2025/26", "--year", "2026/27"]
    assert main([*arguments, str(out)]) == 0
    assert str(out) in capsys.readouterr().out
    workbook = load_workbook(out)
    assert workbook.sheetnames == [
        "Sign-ups 2025-26",
        "Gaps 2025-26",
        "Sign-ups 2026-27",
        "Gaps 2026-27",
    ]
    sheet = workbook["Sign-ups 2025-26"]
    assert sheet.freeze_panes == "C2"
    assert sheet.auto_filter.ref == "A1:S30"
    header = [cell.value for cell in sheet[1]]
    assert header[:4] == ["ODS code", "Practice", "Locality", "Whole contract"]
    minor_surgery = next(i for i, text in enumerate(header) if text.startswith("MINOR-SURG *"))
    rows = {row[0].value: row for row in sheet.iter_rows(min_row=2)}
    cell = rows["C87005"][minor_surgery]
    assert cell.value == "Sub-contracted"
    assert cell.fill.start_color.rgb.endswith(STATE_FILLS[CellState.SUBCONTRACTED])
    declined = rows["C87013"][minor_surgery]
    assert declined.value == "Declined"
    assert declined.fill.start_color.rgb.endswith(STATE_FILLS[CellState.DECLINED])
    gaps = workbook["Gaps 2025-26"]
    lines = [[cell.value for cell in row] for row in gaps.iter_rows(min_row=2)]
    assert [
        "C87013",
        "PARKGATE MEDICAL CENTRE",
        "WENTWORTH 1 PCN",
        "MINOR-SURG Minor surgery",
        "yes",
    ] in lines
    assert len(lines) == 6


def test_a_bad_export_name_or_empty_year_is_refused(demo, tmp_path, capsys):
    assert (
        main(["--db", demo, "signups", "export", "--year", "2025/26", str(tmp_path / "x.csv")]) == 2
    )
    assert "ending .xlsx" in capsys.readouterr().err
    assert (
        main(["--db", demo, "signups", "export", "--year", "2030/31", str(tmp_path / "x.xlsx")])
        == 2
    )
    assert "No services" in capsys.readouterr().err
    assert not (tmp_path / "x.xlsx").exists()
