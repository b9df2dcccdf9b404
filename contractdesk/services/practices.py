"""Reading and editing the practice register."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass, fields
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from contractdesk.domain.identifiers import normalise_postcode
from contractdesk.domain.practice_rules import practice_field_errors
from contractdesk.domain.roles import Role
from contractdesk.errors import BadInput, ConflictError, NotFound
from contractdesk.services.audit import record_change
from contractdesk.services.practice_summary import PracticeSummary
from contractdesk.services.reference_data import require_known_areas
from contractdesk.services.workspace import Workspace
from contractdesk.store.models import CommissionerArea, ListSize, Locality, Practice
from contractdesk.store.unit_of_work import unit_of_work

# What an officer may change through the practice form (ODS code is the identity: not editable).
EDITABLE_FIELDS = (
    "name",
    "address_line1",
    "address_line2",
    "address_line3",
    "address_line4",
    "address_line5",
    "postcode",
    "phone",
    "lead_contact",
    "lead_contact_role",
    "email",
    "status",
    "open_date",
    "close_date",
    "contract_type",
    "contract_reference",
    "contract_start",
    "contract_end",
    "dispensing",
)


@dataclass(frozen=True)
class ListSizeEntry:
    as_of: date
    registered_patients: Decimal | None
    weighted_patients: Decimal | None
    source: str


@dataclass(frozen=True)
class PracticeDetail:
    ods_code: str
    name: str
    address_line1: str | None
    address_line2: str | None
    address_line3: str | None
    address_line4: str | None
    address_line5: str | None
    postcode: str | None
    phone: str | None
    lead_contact: str | None
    lead_contact_role: str | None
    email: str | None
    status: str
    open_date: date | None
    close_date: date | None
    contract_type: str
    contract_reference: str | None
    contract_start: date | None
    contract_end: date | None
    dispensing: bool
    area_code: str | None
    area_name: str | None
    locality_code: str | None
    locality_name: str | None
    version: int
    list_sizes: tuple[ListSizeEntry, ...]

    @property
    def address(self) -> list[str]:
        lines = [
            self.address_line1,
            self.address_line2,
            self.address_line3,
            self.address_line4,
            self.address_line5,
            self.postcode,
        ]
        return [line for line in lines if line]

    def editable_values(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in EDITABLE_FIELDS}


def list_practices(
    workspace: Workspace, areas: Collection[str] = (), include_closed: bool = True
) -> list[PracticeSummary]:
    """Every practice with its latest list sizes, in code order (the register's rows).

    Built on the tables rather than the mapped classes: it runs on thousands of rows, and Core
    skips the ORM's per-row bookkeeping. Start-up reads the same rows without SQLAlchemy
    (`store.register_snapshot`, the same query): a change here is a change there.
    """
    practice, area, locality = _PRACTICE, _AREA, _LOCALITY
    query = (
        select(
            practice.c.ods_code,
            practice.c.name,
            practice.c.postcode,
            area.c.code,
            locality.c.code,
            locality.c.name,
            practice.c.contract_type,
            practice.c.status,
            _latest(_LIST_SIZE.c.registered_patients, _LIST_SIZE.c.registered_patients),
            _latest(_LIST_SIZE.c.weighted_patients, _LIST_SIZE.c.weighted_patients),
            _latest(_LIST_SIZE.c.as_of, _LIST_SIZE.c.registered_patients),
        )
        .select_from(
            practice.outerjoin(area, practice.c.area_id == area.c.id).outerjoin(
                locality, practice.c.locality_id == locality.c.id
            )
        )
        .order_by(practice.c.ods_code)
    )
    if areas:
        query = query.where(area.c.code.in_(list(areas)))
    if not include_closed:
        query = query.where(practice.c.status != "closed")
    with unit_of_work(workspace.engine) as session:
        require_known_areas(session, areas)
        return [PracticeSummary(*row) for row in session.connection().execute(query)]


_PRACTICE = Practice.__table__
_AREA = CommissionerArea.__table__
_LOCALITY = Locality.__table__
_LIST_SIZE = ListSize.__table__


def _latest(value, present):  # type: ignore[no-untyped-def]
    """`value` from the practice's most recent list-size row that has `present`.

    A correlated subquery per practice: the (practice_id, as_of, source) unique index answers
    it directly, so the register stays quick however many years of list sizes are kept.
    """
    return (
        select(value)
        .where(_LIST_SIZE.c.practice_id == _PRACTICE.c.id, present.is_not(None))
        .order_by(_LIST_SIZE.c.as_of.desc(), _LIST_SIZE.c.source.desc())
        .limit(1)
        .correlate(_PRACTICE)
        .scalar_subquery()
    )


def areas_in_register(workspace: Workspace) -> list[str]:
    """The commissioner areas the register's practices belong to (what an officer's imports
    should be kept to: a national file must not flood a Rotherham database)."""
    query = (
        select(CommissionerArea.code)
        .join(Practice, Practice.area_id == CommissionerArea.id)
        .distinct()
        .order_by(CommissionerArea.code)
    )
    with unit_of_work(workspace.engine) as session:
        return list(session.scalars(query))


def get_practice(workspace: Workspace, ods_code: str) -> PracticeDetail:
    with unit_of_work(workspace.engine) as session:
        return _detail(session, find_practice(session, ods_code))


def practice_code_taken(workspace: Workspace, ods_code: str) -> bool:
    """Whether a practice already has this ODS code (for checking as the officer types)."""
    with unit_of_work(workspace.engine) as session:
        return session.scalar(select(Practice.id).where(Practice.ods_code == ods_code)) is not None


def create_practice(
    workspace: Workspace, ods_code: str, values: Mapping[str, Any]
) -> PracticeDetail:
    workspace.require(Role.OFFICER, "add practices")
    values = _clean(values)
    errors = practice_field_errors({"ods_code": ods_code, "name": "", "status": "active"} | values)
    if errors:
        raise BadInput(_describe(errors))
    with unit_of_work(workspace.engine, write=True) as session:
        if session.scalar(select(Practice.id).where(Practice.ods_code == ods_code)):
            raise BadInput(f"A practice with the ODS code {ods_code} already exists.")
        practice = Practice(ods_code=ods_code, **({"status": "active"} | values))
        session.add(practice)
        session.flush()
        record_change(
            session,
            workspace.user.login,
            action="create",
            entity=practice,
            entity_key=ods_code,
            after=values,
            summary=f"added practice {ods_code}",
        )
        return _detail(session, practice)


def update_practice(
    workspace: Workspace, ods_code: str, expected_version: int, changes: Mapping[str, Any]
) -> PracticeDetail:
    """Save the officer's changes, refusing them if someone saved a newer version meanwhile."""
    workspace.require(Role.OFFICER, "edit practices")
    unknown = set(changes) - set(EDITABLE_FIELDS)
    if unknown:
        raise BadInput(f"These fields cannot be edited: {', '.join(sorted(unknown))}")
    changes = _clean(changes)
    with unit_of_work(workspace.engine, write=True) as session:
        practice = find_practice(session, ods_code)
        if practice.version != expected_version:
            raise ConflictError(
                f"{ods_code} was changed by someone else since you opened it "
                f"(your version {expected_version}, now {practice.version}).",
                current=_detail(session, practice),
            )
        before = {name: getattr(practice, name) for name in changes}
        errors = practice_field_errors(_editable(practice) | changes)
        if errors:
            raise BadInput(_describe(errors))
        changed = {name: value for name, value in changes.items() if before[name] != value}
        if not changed:
            return _detail(session, practice)
        for name, value in changed.items():
            setattr(practice, name, value)
        try:
            session.flush()
        except StaleDataError:
            raise ConflictError(
                f"{ods_code} was changed by someone else while saving.", current=None
            ) from None
        record_change(
            session,
            workspace.user.login,
            action="update",
            entity=practice,
            entity_key=ods_code,
            before={name: before[name] for name in changed},
            after=changed,
            summary=f"edited {', '.join(sorted(changed))}",
        )
        return _detail(session, practice)


def find_practice(session: Session, ods_code: str) -> Practice:
    """The practice with this code, or NotFound (for services sharing a unit of work)."""
    practice = session.scalar(select(Practice).where(Practice.ods_code == ods_code.upper()))
    if practice is None:
        raise NotFound(f"No practice with the ODS code {ods_code}.")
    return practice


def _editable(practice: Practice) -> dict[str, Any]:
    return {name: getattr(practice, name) for name in EDITABLE_FIELDS}


def _clean(values: Mapping[str, Any]) -> dict[str, Any]:
    cleaned = {
        name: (value.strip() or None) if isinstance(value, str) else value
        for name, value in values.items()
    }
    if cleaned.get("postcode"):
        cleaned["postcode"] = normalise_postcode(cleaned["postcode"]) or cleaned["postcode"]
    return cleaned


def _describe(errors: Mapping[str, str]) -> str:
    return "; ".join(f"{name.replace('_', ' ')}: {message}" for name, message in errors.items())


def _detail(session: Session, practice: Practice) -> PracticeDetail:
    sizes = session.scalars(
        select(ListSize)
        .where(ListSize.practice_id == practice.id)
        .order_by(ListSize.as_of.desc(), ListSize.source)
    )
    values = {
        field.name: getattr(practice, field.name, None)
        for field in fields(PracticeDetail)
        if hasattr(Practice, field.name)
    }
    return PracticeDetail(
        **values,
        area_code=practice.area.code if practice.area else None,
        area_name=practice.area.name if practice.area else None,
        locality_code=practice.locality.code if practice.locality else None,
        locality_name=practice.locality.name if practice.locality else None,
        list_sizes=tuple(
            ListSizeEntry(size.as_of, size.registered_patients, size.weighted_patients, size.source)
            for size in sizes
        ),
    )
