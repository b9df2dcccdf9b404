"""The references officers quote for concerns, notices, sanctions and plans: `RN-C87005-2` —
the kind, the practice and a number per practice."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from contractdesk.errors import NotFound
from contractdesk.store.models import Practice


def next_reference(session: Session, table, prefix: str, practice: Practice) -> str:  # type: ignore[no-untyped-def]
    stem = f"{prefix}-{practice.ods_code}-"
    count = session.scalar(select(func.count()).where(table.reference.like(f"{stem}%")))
    return f"{stem}{count + 1}"


def find_by_reference(session: Session, table, reference: str):  # type: ignore[no-untyped-def]
    found = session.scalar(select(table).where(table.reference == reference.strip().upper()))
    if found is None:
        what = table.__tablename__.replace("_", " ")
        raise NotFound(f"No {what} with the reference {reference}.")
    return found
