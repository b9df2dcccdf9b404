"""A measurement period: a quarter of a financial year (`2025/26 Q1`) or the whole year
(`2025/26`); the one parser for it, built on FinancialYear."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from contractdesk.domain.financial_year import FinancialYear

_QUARTER = re.compile(r"^(?P<year>.*?)[\s_]*(?:Q(?P<quarter>[1-4]))?\s*$", re.IGNORECASE)
_LEADING_QUARTER = re.compile(r"^\s*Q(?P<quarter>[1-4])[\s_]+(?P<year>.+)$", re.IGNORECASE)


@dataclass(frozen=True, order=True)
class Period:
    """A financial year's quarter 1–4 (April–June is Q1), or the whole year (quarter None).

    `key` packs it into one sortable integer (start year × 10 + quarter, 0 for the year), the
    form the measurement table stores: 8 million rows keep a 4-byte period, not a string.
    """

    year: FinancialYear
    quarter: int | None = None

    def __post_init__(self) -> None:
        if self.quarter is not None and not 1 <= self.quarter <= 4:
            raise ValueError(f"quarter {self.quarter} is not 1 to 4")

    @classmethod
    def parse(cls, text: str) -> Period:
        """Read `2025/26 Q1`, `Q1 2025/26`, `2025-26Q1` or `2025/26` (the year)."""
        match = _LEADING_QUARTER.match(text) or _QUARTER.match(text)
        if not match or not match.group("year").strip():
            raise ValueError(f"{text!r} is not a period like 2025/26 Q1 or 2025/26")
        try:
            year = FinancialYear.parse(match.group("year"))
        except ValueError:
            raise ValueError(f"{text!r} is not a period like 2025/26 Q1 or 2025/26") from None
        quarter = match.group("quarter")
        return cls(year, int(quarter) if quarter else None)

    @classmethod
    def from_key(cls, key: int) -> Period:
        quarter = key % 10
        return cls(FinancialYear(key // 10), quarter or None)

    @property
    def key(self) -> int:
        return self.year.start_year * 10 + (self.quarter or 0)

    @property
    def is_year(self) -> bool:
        return self.quarter is None

    @property
    def first_day(self) -> date:
        if self.quarter is None:
            return self.year.first_day
        month = 4 + 3 * (self.quarter - 1)
        return date(self.year.start_year + (month > 12), (month - 1) % 12 + 1, 1)

    def previous(self) -> Period:
        """The period before: the previous quarter (Q4 of the year before for Q1), or the
        previous year."""
        if self.quarter is None:
            return Period(self.year.previous())
        if self.quarter == 1:
            return Period(self.year.previous(), 4)
        return Period(self.year, self.quarter - 1)

    def previous_periods(self, count: int) -> list[Period]:
        """This period and the `count` before it, oldest first."""
        periods = [self]
        for _ in range(count):
            periods.append(periods[-1].previous())
        return periods[::-1]

    def quarters(self) -> list[Period]:
        """The year's four quarters (a quarter's list is itself)."""
        if self.quarter is not None:
            return [self]
        return [Period(self.year, quarter) for quarter in range(1, 5)]

    def __str__(self) -> str:
        return str(self.year) if self.quarter is None else f"{self.year} Q{self.quarter}"
