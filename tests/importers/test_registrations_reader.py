"""Reading registered-patient totals; both real extracts spell the month differently."""

from datetime import date

import pytest

from contractdesk.errors import BadInput
from contractdesk.importers.registrations import read_registrations
from tests.helpers import copy_with_line_changed, csv_rows


@pytest.mark.parametrize(
    ("name", "extract_date"),
    [
        ("gp-reg-pat-prac-all_2021-01.csv", date(2021, 1, 1)),
        ("gp-reg-pat-prac-all_2022-05.csv", date(2022, 5, 1)),
    ],
)
def test_reads_every_practice_total(real_data, name, extract_date):
    path = real_data / "registrations" / name
    rows = csv_rows(path)
    result = read_registrations(path)
    assert result.report.errors == []
    assert len(result.list_sizes) == len(rows) - 1
    assert {record.as_of for record in result.list_sizes} == {extract_date}
    patients_column = rows[0].index("NUMBER_OF_PATIENTS")
    assert sum(r.registered_patients for r in result.list_sizes) == sum(
        int(row[patients_column]) for row in rows[1:]
    )


def test_negative_count_is_named(real_data, tmp_path):
    source = real_data / "registrations" / "gp-reg-pat-prac-all_2022-05.csv"
    broken = copy_with_line_changed(
        source, tmp_path / "regs.csv", 4, lambda line: line.rsplit(",", 1)[0] + ",-5\n"
    )
    errors = [str(problem) for problem in read_registrations(broken).report.errors]
    assert errors == ["regs.csv:4:NUMBER_OF_PATIENTS: '-5' is not a patient count"]


def test_wrong_format(real_data):
    with pytest.raises(BadInput, match="registered-patients"):
        read_registrations(real_data / "ods" / "epraccur_2025-09.csv")
