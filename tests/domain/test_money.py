from decimal import Decimal

import pytest

from contractdesk.domain.money import format_pence, pence_to_pounds, pounds_to_pence


@pytest.mark.parametrize(
    ("text", "pence"),
    [
        ("1234.56", 123456),
        ("-12.5", -1250),
        ("0", 0),
        ("£1,234", 123400),
        ("(3.20)", -320),
        ("0.005", 1),  # half a penny rounds up, as payment schedules do
        ("-0.01", -1),
        ("72046251.37", 7204625137),  # large practice totals stay exact
    ],
)
def test_pounds_to_pence_is_exact(text, pence):
    assert pounds_to_pence(text) == pence


@pytest.mark.parametrize("text", ["", "abc", "1.2.3", "NaN", "Infinity"])
def test_pounds_to_pence_refuses_non_amounts(text):
    with pytest.raises(ValueError):
        pounds_to_pence(text)


def test_pence_print_as_pounds():
    assert format_pence(123456) == "£1,234.56"
    assert format_pence(-1200) == "-£12.00"
    assert pence_to_pounds(5) == Decimal("0.05")


def test_plain_amounts_read_in_one_go_match_cell_by_cell():
    from contractdesk.domain.money import plain_amounts_to_pence

    cells = ["0", "", "1234.56", "-12.5", "72046251.37", "-0.01", "44", "0.1"]
    assert plain_amounts_to_pence(cells) == [
        None if not text else pounds_to_pence(text) for text in cells
    ]
    assert plain_amounts_to_pence(["1,234.00", "5"]) is None  # left to pounds_to_pence
    assert plain_amounts_to_pence(["1|2"]) is None
    assert plain_amounts_to_pence(["-"]) is None
