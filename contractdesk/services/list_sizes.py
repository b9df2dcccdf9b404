"""List sizes an officer records by hand (from a practice's own declaration, say)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from contractdesk.domain.practice_rules import practice_field_errors
from contractdesk.domain.roles import Role
from contractdesk.errors import BadInput
from contractdesk.services.audit import record_change
from contractdesk.services.practices import ListSizeEntry, find_practice
from contractdesk.services.workspace import Workspace
from contractdesk.store.models import ListSize
from contractdesk.store.unit_of_work import unit_of_work

MANUAL_SOURCE = "entered by {login}"


def record_list_size(
    workspace: Workspace,
    ods_code: str,
    as_of: date,
    registered_patients: Decimal | None,
    weighted_patients: Decimal | None,
) -> ListSizeEntry:
    workspace.require(Role.OFFICER, "record list sizes")
    if registered_patients is None and weighted_patients is None:
        raise BadInput("Give the registered or the weighted list size, or both.")
    errors = practice_field_errors(
        {"registered_patients": registered_patients, "weighted_patients": weighted_patients}
    )
    if errors:
        raise BadInput("; ".join(errors.values()))
    source = MANUAL_SOURCE.format(login=workspace.user.login)
    with unit_of_work(workspace.engine, write=True) as session:
        practice = find_practice(session, ods_code)
        existing = (
            session.query(ListSize)
            .filter_by(practice_id=practice.id, as_of=as_of, source=source)
            .one_or_none()
        )
        before = None
        if existing is None:
            existing = ListSize(practice_id=practice.id, as_of=as_of, source=source)
            session.add(existing)
        else:
            before = {
                "registered_patients": existing.registered_patients,
                "weighted_patients": existing.weighted_patients,
            }
        existing.registered_patients = registered_patients
        existing.weighted_patients = weighted_patients
        session.flush()
        record_change(
            session,
            workspace.user.login,
            action="list-size",
            entity=practice,
            entity_key=practice.ods_code,
            before=before,
            after={
                "as_of": as_of,
                "registered_patients": registered_patients,
                "weighted_patients": weighted_patients,
            },
            summary=f"recorded list size at {as_of:%d %b %Y}",
        )
        return ListSizeEntry(as_of, registered_patients, weighted_patients, source)
