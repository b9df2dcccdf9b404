"""The kpis commands on the demo database: Rotherham's framework, real and demo measurements."""

import json

import pytest

from contractdesk.cli import main
from contractdesk.services.demo import build_demo_database


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    return str(build_demo_database(tmp_path_factory.mktemp("demo") / "demo.sqlite", "tester"))


def run_json(capsys, *arguments):
    assert main([*arguments, "--format", "json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_the_demo_framework_is_rotherhams_year_one_copied_forward(demo, capsys):
    first = run_json(capsys, "--db", demo, "kpis", "list", "--year", "2023/24")
    assert {row["standard"] for row in first} == {
        "Demand management",
        "Cancer referral",
        "Health improvement",
        "Patient safety",
    }
    later = run_json(capsys, "--db", demo, "kpis", "list", "--year", "2025/26")
    assert [row["code"] for row in later] == [row["code"] for row in first]


def test_review_of_a_quarter_worst_first_with_real_and_demo_values(demo, capsys):
    rows = run_json(
        capsys, "--db", demo, "kpis", "review", "--year", "2025/26", "--period", "Q2",
        "--area", "03L",
    )  # fmt: skip
    assert len(rows) == 29
    order = {"Red": 0, "Amber": 1, "No data": 2, "Green": 3}
    assert [order[row["overall"]] for row in rows] == sorted(order[row["overall"]] for row in rows)
    assert all("QOF-AF" not in row for row in rows)  # measured yearly: not in a quarter's review
    assert any(row["DM-OPFU"]["slipping"] for row in rows)
    year = run_json(capsys, "--db", demo, "kpis", "review", "--year", "2024/25")
    assert {row["CQC-RATING"]["rag"] for row in year} <= {"Green", "Amber", "Red", "No data"}
    assert any(row["CQC-RATING"]["value"] == 3 for row in year)  # real: Good
    assert main(["--db", demo, "kpis", "review", "--year", "2025/26", "--standard", "CANCER"]) == 0
    table = capsys.readouterr().out
    assert "CR-2WW-CONV" in table and "DM-OPFU" not in table
    assert "Overall: red if any KPI of a minimum" in table


def test_the_same_real_file_again_changes_nothing(demo, capsys):
    from contractdesk.resources import resource_path

    qof = resource_path("demo", "qof_cvd_achievement_03L.csv")
    arguments = ["--db", demo, "--user", "tester", "kpis", "import", str(qof), "--format", "qof"]
    assert main([*arguments, "--period", "2023/24"]) == 0
    assert "0 added, 0 updated" in capsys.readouterr().out
    assert main(arguments) == 2
    assert "--period" in capsys.readouterr().err
    assert main(["--db", demo, "kpis", "review", "--year", "2025/26", "--period", "Q9"]) == 2


def test_the_excel_export_has_the_rag_colours_and_words(demo, tmp_path, capsys):
    from openpyxl import load_workbook

    from contractdesk.domain.kpi_rules import Rag
    from contractdesk.reports.palette import RAG_FILLS

    out = tmp_path / "kpis.xlsx"
    arguments = ["--db", demo, "kpis", "export", "--year", "2025/26", "--period", "Q2"]
    assert main([*arguments, str(out)]) == 0
    assert str(out) in capsys.readouterr().out
    workbook = load_workbook(out)
    assert workbook.sheetnames == ["KPIs 2025-26 Q2", "Targets and benchmarks"]
    sheet = workbook.worksheets[0]
    assert sheet.freeze_panes == "C2" and sheet.max_row == 30
    for row in sheet.iter_rows(min_row=2):
        for cell in row[3:]:
            rag = next(r for r in Rag if cell.value.split(" slipping")[0].endswith(r.label))
            assert cell.fill.start_color.rgb.endswith(RAG_FILLS[rag])
    targets = [row[0].value for row in workbook["Targets and benchmarks"].iter_rows()]
    assert "DM-OPFU" in targets and any(t and t.startswith("Overall: red") for t in targets)
    assert main([*arguments, str(tmp_path / "kpis.csv")]) == 2
