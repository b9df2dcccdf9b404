"""A practice's history: its own audit entries and the imports that changed it."""

from __future__ import annotations

from sqlalchemy import or_, select

from contractdesk.services.audit import AuditRecord, as_record
from contractdesk.services.practices import find_practice
from contractdesk.services.workspace import Workspace
from contractdesk.store.models import AuditEntry
from contractdesk.store.unit_of_work import unit_of_work


def practice_history(workspace: Workspace, ods_code: str) -> list[AuditRecord]:
    """Newest first. Imports write one entry per file (listing the practices they added or
    changed), so those that name this practice are included too."""
    with unit_of_work(workspace.engine) as session:
        practice = find_practice(session, ods_code)
        own = select(AuditEntry).where(
            AuditEntry.entity_type == "practice", AuditEntry.entity_id == practice.id
        )
        imports = select(AuditEntry).where(
            AuditEntry.action == "import",
            or_(
                AuditEntry.entity_type == "practice",
                AuditEntry.entity_type == "practice_payment_year",
                AuditEntry.entity_type == "list_size",
            ),
        )
        entries = list(session.scalars(own))
        entries += [entry for entry in session.scalars(imports) if _names(entry, practice.ods_code)]
        entries.sort(key=lambda entry: entry.occurred_at, reverse=True)
        return [as_record(entry) for entry in entries]


def _names(entry: AuditEntry, ods_code: str) -> bool:
    details = entry.details or {}
    return (
        ods_code in (details.get("added") or ())
        or ods_code in (details.get("updated") or {})
        or ods_code in (details.get("list_sizes") or {})
    )
