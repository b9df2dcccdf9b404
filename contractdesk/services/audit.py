"""Writing and reading the audit log; every service that changes data calls `record_change`."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from enum import Enum
from typing import Any

from sqlalchemy.orm import Session

from contractdesk.store.models import AuditEntry


def record_change(
    session: Session,
    login: str,
    *,
    action: str,
    entity: Any = None,
    entity_type: str | None = None,
    entity_key: str | None = None,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
    details: dict[str, Any] | None = None,
    summary: str | None = None,
) -> None:
    session.add(
        AuditEntry(
            user_login=login,
            action=action,
            entity_type=entity_type or (entity.__tablename__ if entity is not None else "none"),
            entity_id=getattr(entity, "id", None),
            entity_key=entity_key,
            before=to_json(before),
            after=to_json(after),
            details=to_json(details),
            summary=summary,
        )
    )


def record_update(
    session: Session,
    login: str,
    record: Any,
    changes: dict[str, Any],
    *,
    action: str,
    entity_key: str,
    summary: str,
) -> None:
    """Apply `changes` to a mapped row, write it, and audit it with the values it had before."""
    before = {name: getattr(record, name) for name in changes}
    for name, value in changes.items():
        setattr(record, name, value)
    session.flush()
    record_change(
        session,
        login,
        action=action,
        entity=record,
        entity_key=entity_key,
        before=before,
        after=changes,
        summary=summary,
    )


def to_json(value: Any) -> Any:
    """Dates, decimals, UUIDs and enums as text, so the JSON column reads the same everywhere."""
    if value is None or isinstance(value, str | int | float | bool):
        return value
    if isinstance(value, dict):
        return {str(key): to_json(item) for key, item in value.items()}
    if isinstance(value, list | tuple | set):
        return [to_json(item) for item in value]
    if isinstance(value, date | datetime):
        return value.isoformat()
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, Decimal | uuid.UUID):
        return str(value)
    return str(value)


@dataclass(frozen=True)
class AuditRecord:
    occurred_at: datetime
    user_login: str
    action: str
    entity_type: str
    entity_key: str | None
    summary: str | None
    before: dict[str, Any] | None
    after: dict[str, Any] | None
    details: dict[str, Any] | None


def as_record(entry: AuditEntry) -> AuditRecord:
    return AuditRecord(
        occurred_at=entry.occurred_at,
        user_login=entry.user_login,
        action=entry.action,
        entity_type=entry.entity_type,
        entity_key=entry.entity_key,
        summary=entry.summary,
        before=entry.before,
        after=entry.after,
        details=entry.details,
    )
