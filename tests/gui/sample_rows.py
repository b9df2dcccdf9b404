"""A hand-made register row for tests that need no database."""

from datetime import date
from decimal import Decimal

from contractdesk.services.practice_summary import PracticeSummary

EXAMPLE = PracticeSummary(
    ods_code="C87003",
    name="WOODSTOCK BOWER GROUP PRACTICE",
    postcode="S61 1AH",
    area_code="03L",
    locality_code="U09529",
    locality_name="ROTHERHAM CENTRAL NORTH PCN",
    contract_type="PMS",
    status="active",
    registered_patients=Decimal("11116.50"),
    weighted_patients=Decimal("1234567.25"),
    list_size_date=date(2023, 3, 31),
)
