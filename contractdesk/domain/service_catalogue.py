"""The vocabulary of the service catalogue: kinds of service, funding bases, a sign-up's states."""

from __future__ import annotations

import re
from collections.abc import Mapping
from enum import StrEnum
from typing import Any


class ServiceKind(StrEnum):
    DES = "DES"  # directed enhanced service (national)
    LES = "LES"  # local enhanced service
    LIS = "LIS"  # local incentive scheme
    PUBLIC_HEALTH = "PH"  # public-health scheme, commissioned by the local authority

    @property
    def label(self) -> str:
        return _KIND_LABELS[self]

    @classmethod
    def parse(cls, text: str) -> ServiceKind:
        cleaned = text.strip().upper().replace("-", " ")
        for kind in cls:
            if cleaned in (kind.value, kind.label.upper()):
                return kind
        raise ValueError(f"{text!r} is not a kind of service (DES, LES, LIS, PH)")


_KIND_LABELS = {
    ServiceKind.DES: "DES",
    ServiceKind.LES: "LES",
    ServiceKind.LIS: "LIS",
    ServiceKind.PUBLIC_HEALTH: "Public health",
}


class FundingBasis(StrEnum):
    PER_REGISTERED_PATIENT = "per_registered_patient"
    PER_WEIGHTED_PATIENT = "per_weighted_patient"
    PER_ITEM = "per_item"
    FIXED_SUM = "fixed_sum"

    @property
    def label(self) -> str:
        return self.value.replace("_", " ")

    @classmethod
    def parse(cls, text: str) -> FundingBasis:
        cleaned = text.strip().lower().replace(" ", "_").replace("-", "_")
        try:
            return cls(cleaned)
        except ValueError:
            choices = ", ".join(basis.label for basis in cls)
            raise ValueError(f"{text!r} is not a funding basis ({choices})") from None


class SignupStatus(StrEnum):
    """Where one practice's offer of one service stands (NHS England's CQRS workflow)."""

    OFFERED = "offered"
    ACCEPTED = "accepted"
    DECLINED = "declined"
    ENDED = "ended"  # accepted, then ended early with a date and reason


_SERVICE_CODE = re.compile(r"^[A-Z0-9][A-Z0-9_-]{0,19}$")


def service_field_errors(values: Mapping[str, Any]) -> dict[str, str]:
    """What is wrong with a service's fields, by field name (empty: nothing)."""
    errors: dict[str, str] = {}
    code = values.get("code") or ""
    if not _SERVICE_CODE.match(code):
        errors["code"] = "1 to 20 capital letters, digits, '-' or '_', e.g. LES-PHLEB"
    if not (values.get("name") or "").strip():
        errors["name"] = "a name is required"
    for field, kind in (("kind", ServiceKind), ("funding_basis", FundingBasis)):
        try:
            kind(values.get(field))
        except ValueError:
            errors[field] = f"one of: {', '.join(item.value for item in kind)}"
    price = values.get("price_pence")
    if not isinstance(price, int) or isinstance(price, bool) or price < 0:
        errors["price_pence"] = "a price in pence, not negative"
    return errors
