"""Reading the ODS epraccur extract: counts come from the file itself, bad rows are named."""

import pytest

from contractdesk.errors import BadInput
from contractdesk.importers.epraccur import read_epraccur
from tests.helpers import copy_with_line_changed, csv_rows


@pytest.fixture(scope="module")
def epraccur(real_data):
    return real_data / "ods" / "epraccur_2025-09.csv"


def test_reads_every_gp_practice_of_england_and_wales(epraccur):
    rows = csv_rows(epraccur)
    gp_rows = [row for row in rows if row[25] == "4"]
    result = read_epraccur(epraccur)
    assert result.report.errors == []
    assert result.report.rows_read == len(rows) == 16685
    assert len(result.practices) == len(gp_rows) == 8655
    assert len(result.report.skipped) == len(rows) - len(gp_rows)
    statuses = {p.status for p in result.practices}
    assert statuses == {"active", "closed", "dormant"}
    assert sum(p.status == "active" for p in result.practices) == 6618


def test_area_restriction(epraccur):
    result = read_epraccur(epraccur, {"03L"})
    expected = [row[0] for row in csv_rows(epraccur) if row[25] == "4" and row[14] == "03L"]
    assert [p.ods_code for p in result.practices] == expected
    woodstock = next(p for p in result.practices if p.ods_code == "C87003")
    assert woodstock.name == "WOODSTOCK BOWER GROUP PRACTICE"
    assert woodstock.postcode == "S61 1AH"
    assert woodstock.open_date.isoformat() == "1974-04-01"


def test_truncated_row_is_an_error_naming_the_row(epraccur, tmp_path):
    broken = copy_with_line_changed(
        epraccur, tmp_path / "epraccur.csv", 3, lambda line: line.split(',"Y54"')[0] + "\n"
    )
    result = read_epraccur(broken)
    assert [str(problem) for problem in result.report.errors] == [
        "epraccur.csv:3: has 2 columns, expected 27 (truncated row?)"
    ]


def test_bad_code_and_date_are_named_by_row_and_column(epraccur, tmp_path):
    broken = copy_with_line_changed(
        epraccur,
        tmp_path / "epraccur.csv",
        2,
        lambda line: line.replace('"A81002"', '"A8100X"').replace('"19740401"', '"19741301"'),
    )
    messages = [str(problem) for problem in read_epraccur(broken).report.errors]
    assert any(m.startswith("epraccur.csv:2:1 (Organisation code): 'A8100X'") for m in messages)
    assert any(m.startswith("epraccur.csv:2:11 (Open date): '19741301'") for m in messages)


def test_duplicate_practice_is_an_error(epraccur, tmp_path):
    lines = epraccur.read_text(encoding="utf-8").splitlines(keepends=True)
    doubled = tmp_path / "doubled.csv"
    doubled.write_text("".join(lines[:5] + [lines[0]]), encoding="utf-8")
    errors = read_epraccur(doubled).report.errors
    assert len(errors) == 1 and "appears twice (first at row 1)" in errors[0].message


def test_a_different_file_is_refused_as_the_wrong_format(real_data):
    with pytest.raises(BadInput, match="does not look like an ODS epraccur file"):
        read_epraccur(real_data / "registrations" / "gp-reg-pat-prac-all_2022-05.csv")


@pytest.mark.parametrize(
    ("content", "message"),
    [(b"", "empty"), (b"PK\x03\x04rest-of-a-zip", "Excel workbook"), (b"\x00\x01\x02", "binary")],
)
def test_files_that_are_not_csv(tmp_path, content, message):
    path = tmp_path / "epraccur.csv"
    path.write_bytes(content)
    with pytest.raises(BadInput, match=message):
        read_epraccur(path)


def test_missing_file(tmp_path):
    with pytest.raises(BadInput, match="no such file"):
        read_epraccur(tmp_path / "absent.csv")
