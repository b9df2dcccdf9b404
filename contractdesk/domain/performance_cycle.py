"""The commissioner's yearly performance cycle (DH "Improving GP services"; DOMAIN.md)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True, order=True)
class CycleEvent:
    starts: date
    ends: date
    title: str


def _events_of_calendar_year(year: int) -> list[CycleEvent]:
    return [
        CycleEvent(date(year, 1, 1), date(year, 2, 28), "Negotiate next year's objectives"),
        CycleEvent(date(year, 1, 15), date(year, 1, 31), "Publish Q3 metrics"),
        CycleEvent(date(year, 3, 31), date(year, 3, 31), "Sign agreements and variations"),
        CycleEvent(date(year, 4, 15), date(year, 4, 30), "Publish Q4 metrics"),
        CycleEvent(
            date(year, 5, 1), date(year, 5, 31), "Annual review with every practice; letters"
        ),
        CycleEvent(date(year, 7, 1), date(year, 7, 31), "Publish Q1 metrics"),
        CycleEvent(date(year, 10, 1), date(year, 10, 31), "Mid-year review (letter); Q2 metrics"),
        CycleEvent(date(year, 11, 1), date(year, 12, 31), "Review the KPI framework"),
    ]


def upcoming_events(as_of: date, count: int = 3) -> list[CycleEvent]:
    """The events under way on `as_of` or starting after it, soonest first."""
    events = _events_of_calendar_year(as_of.year) + _events_of_calendar_year(as_of.year + 1)
    return sorted(event for event in events if event.ends >= as_of)[:count]
