"""The NHS financial year (1 April to 31 March), written `2025/26`; the one parser for it."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

_PATTERN = re.compile(r"^\s*(\d{4})\s*[/-]\s*(\d{2}|\d{4})\s*$")


@dataclass(frozen=True, order=True)
class FinancialYear:
    """A financial year, identified by the calendar year in which it starts."""

    start_year: int

    def __post_init__(self) -> None:
        if not 1948 <= self.start_year <= 2200:
            raise ValueError(f"financial year starting {self.start_year} is out of range")

    @classmethod
    def parse(cls, text: str) -> FinancialYear:
        """Read `2025/26`, `2025-26` or `2025/2026`; anything else is a ValueError."""
        match = _PATTERN.match(text)
        if not match:
            raise ValueError(f"{text!r} is not a financial year like 2025/26")
        start = int(match.group(1))
        end_text = match.group(2)
        expected_end = start + 1 if len(end_text) == 4 else (start + 1) % 100
        if int(end_text) != expected_end:
            raise ValueError(f"{text!r} is not a financial year: the years must be consecutive")
        return cls(start)

    @classmethod
    def containing(cls, day: date) -> FinancialYear:
        """The financial year that `day` falls in."""
        return cls(day.year if day.month >= 4 else day.year - 1)

    @property
    def first_day(self) -> date:
        return date(self.start_year, 4, 1)

    @property
    def last_day(self) -> date:
        return date(self.start_year + 1, 3, 31)

    def next(self) -> FinancialYear:
        return FinancialYear(self.start_year + 1)

    def previous(self) -> FinancialYear:
        return FinancialYear(self.start_year - 1)

    def __contains__(self, day: object) -> bool:
        return isinstance(day, date) and self.first_day <= day <= self.last_day

    def __str__(self) -> str:
        return f"{self.start_year}/{(self.start_year + 1) % 100:02d}"

    def slug(self) -> str:
        """The year for file names, where `/` cannot appear: `2025-26`."""
        return str(self).replace("/", "-")
