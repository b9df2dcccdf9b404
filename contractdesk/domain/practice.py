"""Practice vocabulary: contract types and statuses, with the spellings the NHS files use."""

from __future__ import annotations

from enum import StrEnum


class ContractType(StrEnum):
    GMS = "GMS"
    PMS = "PMS"
    APMS = "APMS"
    UNKNOWN = "UNKNOWN"

    @classmethod
    def parse(cls, text: str) -> ContractType:
        """Payments files spell unknown as `Unknown`, `UNKNOWN` or leave it blank."""
        cleaned = text.strip().upper()
        if not cleaned:
            return cls.UNKNOWN
        try:
            return cls(cleaned)
        except ValueError:
            raise ValueError(f"{text!r} is not a contract type (GMS, PMS, APMS)") from None


class PracticeStatus(StrEnum):
    ACTIVE = "active"
    CLOSED = "closed"
    DORMANT = "dormant"
    PROPOSED = "proposed"

    @classmethod
    def from_ods(cls, code: str) -> PracticeStatus:
        """ODS status letters: A active, C closed, D dormant, P proposed."""
        try:
            return _ODS_STATUS[code.strip().upper()]
        except KeyError:
            raise ValueError(f"{code!r} is not an ODS status (A, C, D or P)") from None


_ODS_STATUS = {
    "A": PracticeStatus.ACTIVE,
    "C": PracticeStatus.CLOSED,
    "D": PracticeStatus.DORMANT,
    "P": PracticeStatus.PROPOSED,
}
