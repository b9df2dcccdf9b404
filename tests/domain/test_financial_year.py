from datetime import date

import pytest

from contractdesk.domain.financial_year import FinancialYear


@pytest.mark.parametrize("text", ["2025/26", "2025-26", "2025/2026", " 2025 / 26 "])
def test_parses_the_ways_people_write_a_year(text):
    assert FinancialYear.parse(text) == FinancialYear(2025)


@pytest.mark.parametrize(
    "text", ["2025/27", "2025", "25/26", "2025/2027", "abcd/ef", "", "1999/00x"]
)
def test_refuses_what_is_not_a_financial_year(text):
    with pytest.raises(ValueError):
        FinancialYear.parse(text)


def test_century_rollover():
    assert str(FinancialYear.parse("1999/00")) == "1999/00"
    assert FinancialYear.parse("2099/00").start_year == 2099


def test_prints_and_slugs():
    year = FinancialYear(2025)
    assert str(year) == "2025/26"
    assert year.slug() == "2025-26"


def test_runs_first_of_april_to_thirty_first_of_march():
    year = FinancialYear(2025)
    assert year.first_day == date(2025, 4, 1)
    assert year.last_day == date(2026, 3, 31)
    assert date(2026, 3, 31) in year
    assert date(2026, 4, 1) not in year
    assert FinancialYear.containing(date(2026, 3, 31)) == year
    assert FinancialYear.containing(date(2026, 4, 1)) == year.next()


def test_orders_by_start_year():
    assert sorted([FinancialYear(2024), FinancialYear(2014)]) == [
        FinancialYear(2014),
        FinancialYear(2024),
    ]
    assert FinancialYear(2024).previous() == FinancialYear(2023)
