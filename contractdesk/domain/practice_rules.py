"""Validation of a practice record as an officer edits it; one message per field at fault."""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date
from decimal import Decimal
from typing import Any

from contractdesk.domain.identifiers import is_practice_code, normalise_postcode
from contractdesk.domain.practice import ContractType, PracticeStatus

_PHONE = re.compile(r"^(?=(?:\D*\d){6})[0-9 +()\-]{6,30}$")
# One @, something before it, a dotted domain after it, no spaces: a typo check, not RFC 5322.
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


# The longest text each field holds (the database's column sizes).
MAX_LENGTHS = {
    "name": 200,
    "address_line1": 100,
    "address_line2": 100,
    "address_line3": 100,
    "address_line4": 100,
    "address_line5": 100,
    "postcode": 8,
    "phone": 30,
    "lead_contact": 100,
    "lead_contact_role": 100,
    "email": 200,
    "contract_reference": 50,
}


def practice_field_errors(values: Mapping[str, Any]) -> dict[str, str]:
    """Check the fields present in `values`; returns {field: message} for each one at fault."""
    errors: dict[str, str] = {}
    for name, most in MAX_LENGTHS.items():
        value = values.get(name)
        if isinstance(value, str) and len(value) > most:
            errors[name] = f"At most {most} characters ({len(value)} given)."
    if "ods_code" in values and not is_practice_code(str(values["ods_code"] or "")):
        errors["ods_code"] = (
            "An ODS practice code is a capital letter and five digits, e.g. C87001."
        )
    if "name" in values and not str(values["name"] or "").strip():
        errors["name"] = "The practice needs a name."
    postcode = values.get("postcode")
    if postcode and normalise_postcode(str(postcode)) is None:
        errors["postcode"] = f"{postcode!r} is not a UK postcode (e.g. S61 1AH)."
    phone = values.get("phone")
    if phone and not _PHONE.match(str(phone)):
        errors["phone"] = "A phone number is digits, spaces and + ( ) - only, e.g. 01709 560005."
    email = values.get("email")
    if email and not _EMAIL.match(str(email)):
        errors["email"] = "An email address is name@domain, e.g. c.patel@nhs.net."
    if "status" in values and values["status"] not in {s.value for s in PracticeStatus}:
        errors["status"] = "Status must be active, closed, dormant or proposed."
    if "contract_type" in values and values["contract_type"] not in {c.value for c in ContractType}:
        errors["contract_type"] = "Contract type must be GMS, PMS, APMS or UNKNOWN."
    for name in ("open_date", "close_date", "contract_start", "contract_end"):
        if values.get(name) is not None and not isinstance(values[name], date):
            errors[name] = "Not a date."
    _check_order(
        values, "open_date", "close_date", "The close date is before the open date.", errors
    )
    _check_order(
        values, "contract_start", "contract_end", "The contract ends before it starts.", errors
    )
    for name in ("registered_patients", "weighted_patients"):
        value = values.get(name)
        if value is not None and Decimal(value) < 0:
            errors[name] = "A list size cannot be negative."
    return errors


def _check_order(
    values: Mapping[str, Any], first: str, second: str, message: str, errors: dict[str, str]
) -> None:
    start, end = values.get(first), values.get(second)
    if isinstance(start, date) and isinstance(end, date) and end < start:
        errors[second] = message
