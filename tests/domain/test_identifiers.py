import pytest

from contractdesk.domain.identifiers import is_practice_code, normalise_postcode


@pytest.mark.parametrize("code", ["C87003", "A81001", "Y02345", "W00001"])
def test_practice_codes(code):
    assert is_practice_code(code)


@pytest.mark.parametrize("code", ["c87003", "C8700", "C870033", "CC8700", "ALD200", "", " C87003"])
def test_not_practice_codes(code):
    assert not is_practice_code(code)


@pytest.mark.parametrize(
    ("text", "normalised"),
    [
        ("S61 1AH", "S61 1AH"),
        ("s611ah", "S61 1AH"),
        ("TS5  8SB", "TS5 8SB"),
        ("EC1A 1BB", "EC1A 1BB"),
        ("W1A 0AX", "W1A 0AX"),
        ("M1 1AE", "M1 1AE"),
    ],
)
def test_postcodes_are_normalised(text, normalised):
    assert normalise_postcode(text) == normalised


@pytest.mark.parametrize("text", ["", "S61", "123 456", "S61 1A", "SS611AHH"])
def test_non_postcodes(text):
    assert normalise_postcode(text) is None
