"""Formats of the identifiers a contract officer types: ODS practice codes and UK postcodes."""

from __future__ import annotations

import re

# A GP practice's ODS code is one letter and five digits (e.g. C87001; Y-codes and Welsh W-codes
# follow the same shape).
_ODS_PRACTICE_CODE = re.compile(r"^[A-Z][0-9]{5}$")
_COMMISSIONER_CODE = re.compile(r"^[0-9A-Z]{3,5}$")
# The ONS postcode shapes: outward code (area, district) then inward code (sector, unit).
_POSTCODE_NORMAL = re.compile(r"^[A-Z]{1,2}[0-9][A-Z0-9]? [0-9][A-Z]{2}$")
_POSTCODE = re.compile(r"^([A-Z]{1,2}[0-9][A-Z0-9]?)\s*([0-9][A-Z]{2})$")


def is_practice_code(code: str) -> bool:
    return bool(_ODS_PRACTICE_CODE.match(code))


def is_commissioner_code(code: str) -> bool:
    return bool(_COMMISSIONER_CODE.match(code))


def normalise_postcode(text: str) -> str | None:
    """`s61  1ah` -> `S61 1AH`; None when the text is not a UK postcode."""
    if _POSTCODE_NORMAL.match(text):  # already written properly, as in NHS files
        return text
    match = _POSTCODE.match(" ".join(text.upper().split()))
    if not match:
        return None
    return f"{match.group(1)} {match.group(2)}"
