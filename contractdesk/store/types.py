"""Column types that keep domain values exact in both SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import String, Text
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


class PenceList(TypeDecorator[tuple]):
    """A tuple of integer pence (None for a blank) stored as `12345,0,,-300` text.

    A year's payment lines fill 65,000 rows of 50-odd amounts: as JSON keyed by column name
    they were 100 MB and most of an import's time; as this text they are a seventh of that.
    """

    impl = Text
    cache_ok = True

    def process_bind_param(self, value, dialect):  # type: ignore[no-untyped-def]
        if value is None:
            return None
        if None in value:
            return ",".join(["" if amount is None else str(amount) for amount in value])
        return ",".join(map(str, value))  # the usual row, without a blank: all in C

    def process_result_value(self, value, dialect):  # type: ignore[no-untyped-def]
        if value is None:
            return None
        if not value:
            return ()
        texts = value.split(",")
        if "" in texts:
            return tuple([int(text) if text else None for text in texts])
        return tuple(map(int, texts))


def utc_now() -> datetime:
    """Naive UTC, so that SQLite and PostgreSQL store and return the same value."""
    return datetime.now(UTC).replace(tzinfo=None)
