"""The service catalogue of each financial year: list, add, edit, retire, delete, copy forward."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from contractdesk.domain.financial_year import FinancialYear
from contractdesk.domain.roles import Role
from contractdesk.domain.service_catalogue import FundingBasis, ServiceKind, service_field_errors
from contractdesk.errors import BadInput, ConflictError, NotFound
from contractdesk.services.audit import record_change
from contractdesk.services.workspace import Workspace
from contractdesk.store.models import Service, ServiceOffer, SubcontractService
from contractdesk.store.unit_of_work import unit_of_work

EDITABLE_FIELDS = (
    "name",
    "kind",
    "funding_basis",
    "price_pence",
    "description",
    "spec_reference",
    "required",
)


@dataclass(frozen=True)
class ServiceEntry:
    financial_year: FinancialYear
    code: str
    name: str
    kind: ServiceKind
    funding_basis: FundingBasis
    price_pence: int
    description: str | None
    spec_reference: str | None
    required: bool
    retired: bool
    version: int


@dataclass(frozen=True)
class CopyForwardResult:
    to_year: FinancialYear
    copied: tuple[str, ...]
    already_there: tuple[str, ...]  # codes the next year had already: left as they are


def list_services(
    workspace: Workspace, year: FinancialYear, *, include_retired: bool = True
) -> list[ServiceEntry]:
    """The year's services: required ones first, then by code."""
    query = select(Service).where(Service.financial_year == year)
    if not include_retired:
        query = query.where(Service.retired.is_(False))
    query = query.order_by(Service.required.desc(), Service.code)
    with unit_of_work(workspace.engine) as session:
        return [_entry(service) for service in session.scalars(query)]


def get_service(workspace: Workspace, year: FinancialYear, code: str) -> ServiceEntry:
    with unit_of_work(workspace.engine) as session:
        return _entry(find_service(session, year, code))


def create_service(
    workspace: Workspace, year: FinancialYear, code: str, values: Mapping[str, Any]
) -> ServiceEntry:
    workspace.require(Role.OFFICER, "add services to the catalogue")
    values = _clean(values)
    code = code.strip().upper()
    _check({"code": code} | _defaults() | values)
    with unit_of_work(workspace.engine, write=True) as session:
        if _find(session, year, code) is not None:
            raise BadInput(f"{year} already has a service with the code {code}.")
        service = Service(financial_year=year, code=code, **(_defaults() | values))
        session.add(service)
        session.flush()
        record_change(
            session,
            workspace.user.login,
            action="create",
            entity=service,
            entity_key=f"{year} {code}",
            after=values,
            summary=f"added service {code} to {year}",
        )
        return _entry(service)


def update_service(
    workspace: Workspace,
    year: FinancialYear,
    code: str,
    expected_version: int,
    changes: Mapping[str, Any],
) -> ServiceEntry:
    workspace.require(Role.OFFICER, "edit the service catalogue")
    unknown = set(changes) - set(EDITABLE_FIELDS)
    if unknown:
        raise BadInput(f"These fields cannot be edited: {', '.join(sorted(unknown))}")
    changes = _clean(changes)
    with unit_of_work(workspace.engine, write=True) as session:
        service = find_service(session, year, code)
        if service.version != expected_version:
            raise ConflictError(
                f"{code} ({year}) was changed by someone else since you opened it.",
                current=_entry(service),
            )
        before = {name: getattr(service, name) for name in changes}
        _check({"code": service.code} | {n: getattr(service, n) for n in EDITABLE_FIELDS} | changes)
        changed = {name: value for name, value in changes.items() if before[name] != value}
        for name, value in changed.items():
            setattr(service, name, value)
        if changed:
            session.flush()
            record_change(
                session,
                workspace.user.login,
                action="update",
                entity=service,
                entity_key=f"{year} {code}",
                before={name: before[name] for name in changed},
                after=changed,
                summary=f"edited service {code}: {', '.join(sorted(changed))}",
            )
        return _entry(service)


def retire_service(
    workspace: Workspace, year: FinancialYear, code: str, *, retired: bool = True
) -> ServiceEntry:
    """Retire (or bring back) a service: it stays on record but cannot be offered any more."""
    workspace.require(Role.OFFICER, "retire services")
    with unit_of_work(workspace.engine, write=True) as session:
        service = find_service(session, year, code)
        if service.retired != retired:
            service.retired = retired
            session.flush()
            record_change(
                session,
                workspace.user.login,
                action="retire" if retired else "reinstate",
                entity=service,
                entity_key=f"{year} {code}",
                before={"retired": not retired},
                after={"retired": retired},
                summary=f"{'retired' if retired else 'reinstated'} service {code} ({year})",
            )
        return _entry(service)


def delete_service(workspace: Workspace, year: FinancialYear, code: str) -> None:
    """Delete a service nobody has been offered; a used one can only be retired."""
    workspace.require(Role.OFFICER, "delete services")
    with unit_of_work(workspace.engine, write=True) as session:
        service = find_service(session, year, code)
        offers = session.scalar(select(func.count()).where(ServiceOffer.service_id == service.id))
        covered = session.scalar(
            select(func.count()).where(SubcontractService.service_id == service.id)
        )
        if offers or covered:
            raise BadInput(
                f"{code} ({year}) has been offered to {offers} practice(s) and cannot be "
                "deleted; retire it instead."
            )
        record_change(
            session,
            workspace.user.login,
            action="delete",
            entity=service,
            entity_key=f"{year} {code}",
            before={name: getattr(service, name) for name in EDITABLE_FIELDS},
            summary=f"deleted service {code} ({year})",
        )
        session.delete(service)


def copy_catalogue_forward(workspace: Workspace, from_year: FinancialYear) -> CopyForwardResult:
    """Copy the year's services that are not retired into the next year, prices included (they
    can then be changed there); codes the next year already has are left alone."""
    workspace.require(Role.OFFICER, "copy the service catalogue")
    to_year = from_year.next()
    with unit_of_work(workspace.engine, write=True) as session:
        sources = session.scalars(
            select(Service)
            .where(Service.financial_year == from_year, Service.retired.is_(False))
            .order_by(Service.code)
        ).all()
        if not sources:
            raise BadInput(f"{from_year} has no services to copy.")
        existing = set(
            session.scalars(select(Service.code).where(Service.financial_year == to_year))
        )
        copied = []
        for source in sources:
            if source.code in existing:
                continue
            values = {name: getattr(source, name) for name in EDITABLE_FIELDS}
            session.add(Service(financial_year=to_year, code=source.code, **values))
            copied.append(source.code)
        if copied:
            record_change(
                session,
                workspace.user.login,
                action="copy_forward",
                entity_type="service",
                entity_key=str(to_year),
                details={"from": str(from_year), "to": str(to_year), "codes": copied},
                summary=f"copied {len(copied)} service(s) from {from_year} to {to_year}",
            )
        return CopyForwardResult(
            to_year=to_year,
            copied=tuple(copied),
            already_there=tuple(sorted(existing & {source.code for source in sources})),
        )


def find_service(session: Session, year: FinancialYear, code: str) -> Service:
    service = _find(session, year, code)
    if service is None:
        raise NotFound(f"{year} has no service with the code {code}.")
    return service


def _find(session: Session, year: FinancialYear, code: str) -> Service | None:
    return session.scalar(
        select(Service).where(Service.financial_year == year, Service.code == code.upper())
    )


def _defaults() -> dict[str, Any]:
    return {"required": False, "description": None, "spec_reference": None}


def _clean(values: Mapping[str, Any]) -> dict[str, Any]:
    cleaned = {
        name: (value.strip() or None) if isinstance(value, str) else value
        for name, value in values.items()
    }
    for name, kind in (("kind", ServiceKind), ("funding_basis", FundingBasis)):
        if isinstance(cleaned.get(name), str):
            try:
                cleaned[name] = kind.parse(cleaned[name]).value
            except ValueError as error:
                raise BadInput(str(error)) from None
    return cleaned


def _check(values: Mapping[str, Any]) -> None:
    errors = service_field_errors(values)
    if errors:
        raise BadInput(
            "; ".join(f"{name.replace('_', ' ')}: {text}" for name, text in errors.items())
        )


def _entry(service: Service) -> ServiceEntry:
    return ServiceEntry(
        financial_year=service.financial_year,
        code=service.code,
        name=service.name,
        kind=ServiceKind(service.kind),
        funding_basis=FundingBasis(service.funding_basis),
        price_pence=service.price_pence,
        description=service.description,
        spec_reference=service.spec_reference,
        required=service.required,
        retired=service.retired,
        version=service.version,
    )
