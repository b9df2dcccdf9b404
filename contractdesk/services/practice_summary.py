"""A row of the practice register: what `list_practices` and the start-up snapshot both return.

On its own, free of SQLAlchemy, so that start-up can fill the register before loading it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal


@dataclass(frozen=True)
class PracticeSummary:
    """A row of the practice register."""

    ods_code: str
    name: str
    postcode: str | None
    area_code: str | None
    locality_code: str | None
    locality_name: str | None
    contract_type: str
    status: str
    registered_patients: Decimal | None
    weighted_patients: Decimal | None
    list_size_date: date | None
