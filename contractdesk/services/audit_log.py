"""Reading the audit log: the newest entries about one kind of record."""

from __future__ import annotations

from sqlalchemy import select

from contractdesk.services.audit import AuditRecord, as_record
from contractdesk.services.workspace import Workspace
from contractdesk.store.models import AuditEntry
from contractdesk.store.unit_of_work import unit_of_work


def recent_entries(
    workspace: Workspace,
    *,
    entity_type: str,
    entity_key: str | None = None,
    limit: int = 100,
) -> list[AuditRecord]:
    """Newest first."""
    query = select(AuditEntry).where(AuditEntry.entity_type == entity_type)
    if entity_key is not None:
        query = query.where(AuditEntry.entity_key == entity_key)
    query = query.order_by(AuditEntry.occurred_at.desc(), AuditEntry.created_at.desc()).limit(limit)
    with unit_of_work(workspace.engine) as session:
        return [as_record(entry) for entry in session.scalars(query)]
