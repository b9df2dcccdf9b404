"""Column types that keep domain values exact in both SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import String
from sqlalchemy.types import TypeDecorator

from contractdesk.domain.financial_year import FinancialYear


class FinancialYearType(TypeDecorator[FinancialYear]):
    """Stored as `2025/26` text, which also sorts in year order."""

    impl = String(7)
    cache_ok = True

    def process_bind_param(self, value, dialect):  # type: ignore[no-untyped-def]
        if value is None:
            return None
        if isinstance(value, str):
            value = FinancialYear.parse(value)
        return str(value)

    def process_result_value(self, value, dialect):  # type: ignore[no-untyped-def]
        return None if value is None else FinancialYear.parse(value)


def utc_now() -> datetime:
    """Naive UTC, so that SQLite and PostgreSQL store and return the same value."""
    return datetime.now(UTC).replace(tzinfo=None)
