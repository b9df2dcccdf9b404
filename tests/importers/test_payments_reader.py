"""Reading every real year of NHS Payments to General Practice, with their changing columns."""

from decimal import Decimal
from pathlib import Path

import pytest

from contractdesk.domain.financial_year import FinancialYear
from contractdesk.errors import BadInput
from contractdesk.importers.payments import read_payments, year_from_file_name
from tests.conftest import REAL_DATA
from tests.helpers import copy_with_line_changed, csv_rows

PAYMENT_FILES = sorted((REAL_DATA / "nhs_payments_gp").glob("*.csv"))
TOTAL_COLUMN = "Total NHS Payments to General Practice"


@pytest.mark.parametrize("path", PAYMENT_FILES, ids=lambda path: path.stem[-7:])
def test_every_year_reads_whole_and_totals_to_the_penny(path):
    rows = csv_rows(path)
    header = rows[0]
    result = read_payments(path)
    assert result.report.errors == []
    assert len(result.payments) == len(rows) - 1
    total_index = header.index(TOTAL_COLUMN)
    file_total = sum(Decimal(row[total_index]) for row in rows[1:])
    assert sum(p.total_payments_pence for p in result.payments) == int(file_total * 100)
    assert {p.contract_type for p in result.payments} <= {"GMS", "PMS", "APMS", "UNKNOWN"}
    assert result.financial_year == FinancialYear(int(path.stem[-7:-3]))


def test_2022_23_geography_is_read_by_meaning_not_label():
    result = read_payments(REAL_DATA / "nhs_payments_gp" / "nhs_payments_gp_2022-23.csv", {"03L"})
    woodstock = next(p for p in result.payments if p.ods_code == "C87003")
    assert woodstock.area_code == "03L"
    assert woodstock.area_name.endswith("03L")
    assert woodstock.pcn_code == "U09529"
    assert woodstock.pcn_name == "ROTHERHAM CENTRAL NORTH PCN"
    assert woodstock.registered_patients == Decimal("11116.50")  # a quarterly average


def test_older_years_have_no_pcn():
    result = read_payments(REAL_DATA / "nhs_payments_gp" / "nhs_payments_gp_2014-15.csv", {"03L"})
    assert len(result.payments) == 36
    assert all(p.pcn_code is None for p in result.payments)
    assert all(p.pms_balance_pence is not None for p in result.payments)


@pytest.mark.parametrize(
    ("name", "year"),
    [
        ("nhs_payments_gp_2022-23.csv", 2022),
        ("nhspaymentsgp-22-23-prac-csv.csv", 2022),
        ("14-15.csv", 2014),
        ("payments.csv", None),
        ("data_2022-24.csv", None),
    ],
)
def test_year_from_file_name(name, year):
    found = year_from_file_name(Path(name))
    assert (found.start_year if found else None) == year


def test_a_file_without_a_year_needs_one_given(tmp_path):
    source = REAL_DATA / "nhs_payments_gp" / "nhs_payments_gp_2019-20.csv"
    copy = tmp_path / "payments.csv"
    copy.write_bytes(source.read_bytes())
    with pytest.raises(BadInput, match="--year"):
        read_payments(copy)
    assert read_payments(copy, year=FinancialYear(2019)).financial_year == FinancialYear(2019)


def test_a_bad_amount_is_named_by_file_row_and_column(tmp_path):
    source = REAL_DATA / "nhs_payments_gp" / "nhs_payments_gp_2022-23.csv"
    header = csv_rows(source)[0]
    global_sum = header.index("Global Sum")

    def corrupt(line):
        cells = line.split(",")
        cells[global_sum] = "1234.5x"
        return ",".join(cells)

    broken = copy_with_line_changed(source, tmp_path / "nhs_payments_gp_2022-23.csv", 5, corrupt)
    errors = [str(problem) for problem in read_payments(broken).report.errors]
    assert errors == [
        "nhs_payments_gp_2022-23.csv:5:Global Sum: '1234.5x' is not an amount in pounds"
    ]


def test_the_wrong_kind_of_file_is_refused(real_data):
    with pytest.raises(BadInput, match="not look like an NHS Payments"):
        read_payments(
            real_data / "registrations" / "gp-reg-pat-prac-all_2022-05.csv",
            year=FinancialYear(2022),
        )
