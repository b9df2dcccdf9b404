"""The standards and KPIs of each financial year: list, add, change a target, copy forward."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from contractdesk.domain.financial_year import FinancialYear
from contractdesk.domain.kpi_rules import (
    Direction,
    StandardKind,
    Unit,
    from_millionths,
    parse_decimal,
    to_millionths,
)
from contractdesk.domain.roles import Role
from contractdesk.errors import BadInput, ConflictError, NotFound
from contractdesk.services.audit import record_change
from contractdesk.services.workspace import Workspace
from contractdesk.store.models import Kpi, KpiStandard
from contractdesk.store.unit_of_work import unit_of_work


@dataclass(frozen=True)
class StandardEntry:
    financial_year: FinancialYear
    code: str
    name: str
    kind: StandardKind


@dataclass(frozen=True)
class KpiEntry:
    financial_year: FinancialYear
    code: str
    name: str
    standard_code: str
    standard_name: str
    standard_kind: StandardKind
    unit: Unit
    direction: Direction
    target: Decimal
    amber_band: Decimal
    description: str | None
    version: int
    number: int  # the compact key of the measurement table

    @property
    def target_millionths(self) -> int:
        return to_millionths(self.target)

    @property
    def amber_band_millionths(self) -> int:
        return to_millionths(self.amber_band)


@dataclass(frozen=True)
class Framework:
    year: FinancialYear
    standards: tuple[StandardEntry, ...]
    kpis: tuple[KpiEntry, ...]


@dataclass(frozen=True)
class FrameworkCopyResult:
    to_year: FinancialYear
    standards_copied: tuple[str, ...]
    kpis_copied: tuple[str, ...]
    already_there: tuple[str, ...]  # KPI codes the next year had already: left as they are


def load_framework(workspace: Workspace, year: FinancialYear) -> Framework:
    """The year's standards (minimum first) and KPIs (by standard, then code)."""
    with unit_of_work(workspace.engine) as session:
        return framework_in(session, year)


def framework_years(workspace: Workspace) -> list[FinancialYear]:
    """The years that have KPIs, newest first."""
    with unit_of_work(workspace.engine) as session:
        years = session.scalars(select(Kpi.financial_year).distinct()).all()
    return sorted(years, reverse=True)


def framework_in(session: Session, year: FinancialYear) -> Framework:
    standards = session.scalars(
        select(KpiStandard)
        .where(KpiStandard.financial_year == year)
        .order_by(KpiStandard.kind.desc(), KpiStandard.code)
    ).all()
    by_id = {standard.id: standard for standard in standards}
    order = {standard.id: index for index, standard in enumerate(standards)}
    kpis = sorted(
        session.scalars(select(Kpi).where(Kpi.financial_year == year)),
        key=lambda kpi: (order[kpi.standard_id], kpi.code),
    )
    return Framework(
        year=year,
        standards=tuple(_standard_entry(standard) for standard in standards),
        kpis=tuple(_kpi_entry(kpi, by_id[kpi.standard_id]) for kpi in kpis),
    )


def create_standard(
    workspace: Workspace, year: FinancialYear, code: str, name: str, kind: StandardKind | str
) -> StandardEntry:
    workspace.require(Role.OFFICER, "add standards to the KPI framework")
    code = _code(code)
    kind = _parse(StandardKind, kind)
    if not name.strip():
        raise BadInput("A standard needs a name.")
    with unit_of_work(workspace.engine, write=True) as session:
        if _find_standard(session, year, code) is not None:
            raise BadInput(f"{year} already has a standard with the code {code}.")
        standard = KpiStandard(financial_year=year, code=code, name=name.strip(), kind=kind.value)
        session.add(standard)
        session.flush()
        record_change(
            session,
            workspace.user.login,
            action="create",
            entity=standard,
            entity_key=f"{year} {code}",
            after={"name": standard.name, "kind": kind.value},
            summary=f"added standard {code} ({kind.value}) to {year}",
        )
        return _standard_entry(standard)


def create_kpi(
    workspace: Workspace,
    year: FinancialYear,
    code: str,
    *,
    standard_code: str,
    name: str,
    unit: Unit | str,
    direction: Direction | str,
    target: Decimal | str,
    amber_band: Decimal | str,
    description: str | None = None,
) -> KpiEntry:
    workspace.require(Role.OFFICER, "add KPIs to the framework")
    code = _code(code)
    values = _kpi_values(name, unit, direction, target, amber_band, description)
    with unit_of_work(workspace.engine, write=True) as session:
        standard = _find_standard(session, year, _code(standard_code))
        if standard is None:
            raise NotFound(f"{year} has no standard with the code {standard_code}.")
        if _find_kpi(session, year, code) is not None:
            raise BadInput(f"{year} already has a KPI with the code {code}.")
        kpi = Kpi(
            financial_year=year,
            code=code,
            standard_id=standard.id,
            number=_next_number(session),
            **values,
        )
        session.add(kpi)
        session.flush()
        record_change(
            session,
            workspace.user.login,
            action="create",
            entity=kpi,
            entity_key=f"{year} {code}",
            after=values | {"standard": standard.code},
            summary=f"added KPI {code} to {year} under {standard.code}",
        )
        return _kpi_entry(kpi, standard)


def update_kpi_target(
    workspace: Workspace,
    year: FinancialYear,
    code: str,
    expected_version: int,
    *,
    target: Decimal | str,
    amber_band: Decimal | str,
) -> KpiEntry:
    """Change a KPI's target and amber band (the thresholds agreed for the year)."""
    workspace.require(Role.OFFICER, "change KPI targets")
    with unit_of_work(workspace.engine, write=True) as session:
        kpi = _find_kpi(session, year, _code(code))
        if kpi is None:
            raise NotFound(f"{year} has no KPI with the code {code}.")
        standard = session.get(KpiStandard, kpi.standard_id)
        if kpi.version != expected_version:
            raise ConflictError(
                f"{code} ({year}) was changed by someone else since you opened it.",
                current=_kpi_entry(kpi, standard),
            )
        new = {
            "target_millionths": to_millionths(_decimal("target", target)),
            "amber_band_millionths": to_millionths(_band(amber_band)),
        }
        before = {name: getattr(kpi, name) for name in new}
        if before != new:
            for name, value in new.items():
                setattr(kpi, name, value)
            session.flush()
            record_change(
                session,
                workspace.user.login,
                action="update",
                entity=kpi,
                entity_key=f"{year} {kpi.code}",
                before={name: str(from_millionths(value)) for name, value in before.items()},
                after={name: str(from_millionths(value)) for name, value in new.items()},
                summary=f"changed the target of KPI {kpi.code} ({year})",
            )
        return _kpi_entry(kpi, standard)


def copy_framework_forward(workspace: Workspace, from_year: FinancialYear) -> FrameworkCopyResult:
    """Copy the year's standards and KPIs, targets included, into the next year; what the next
    year already has (by code) is left alone."""
    workspace.require(Role.OFFICER, "copy the KPI framework")
    to_year = from_year.next()
    with unit_of_work(workspace.engine, write=True) as session:
        standards = session.scalars(
            select(KpiStandard).where(KpiStandard.financial_year == from_year)
        ).all()
        if not standards:
            raise BadInput(f"{from_year} has no standards to copy.")
        next_standards = {
            standard.code: standard
            for standard in session.scalars(
                select(KpiStandard).where(KpiStandard.financial_year == to_year)
            )
        }
        standards_copied = []
        for standard in sorted(standards, key=lambda s: s.code):
            if standard.code not in next_standards:
                copy = KpiStandard(
                    financial_year=to_year,
                    code=standard.code,
                    name=standard.name,
                    kind=standard.kind,
                )
                session.add(copy)
                next_standards[standard.code] = copy
                standards_copied.append(standard.code)
        session.flush()
        code_of = {standard.id: standard.code for standard in standards}
        existing = set(session.scalars(select(Kpi.code).where(Kpi.financial_year == to_year)))
        kpis = session.scalars(
            select(Kpi).where(Kpi.financial_year == from_year).order_by(Kpi.code)
        ).all()
        number = _next_number(session)
        copied = []
        for kpi in kpis:
            if kpi.code in existing:
                continue
            session.add(
                Kpi(
                    financial_year=to_year,
                    code=kpi.code,
                    standard_id=next_standards[code_of[kpi.standard_id]].id,
                    number=number,
                    **{name: getattr(kpi, name) for name in _COPIED},
                )
            )
            number += 1
            copied.append(kpi.code)
        if copied or standards_copied:
            record_change(
                session,
                workspace.user.login,
                action="copy_forward",
                entity_type="kpi",
                entity_key=str(to_year),
                details={
                    "from": str(from_year),
                    "to": str(to_year),
                    "standards": standards_copied,
                    "kpis": copied,
                },
                summary=f"copied {len(copied)} KPI(s) and {len(standards_copied)} standard(s) "
                f"from {from_year} to {to_year}",
            )
        return FrameworkCopyResult(
            to_year=to_year,
            standards_copied=tuple(standards_copied),
            kpis_copied=tuple(copied),
            already_there=tuple(sorted(existing & {kpi.code for kpi in kpis})),
        )


_COPIED = (
    "name",
    "unit",
    "direction",
    "target_millionths",
    "amber_band_millionths",
    "description",
)


def _next_number(session: Session) -> int:
    return (session.scalar(select(func.max(Kpi.number))) or 0) + 1


def _find_standard(session: Session, year: FinancialYear, code: str) -> KpiStandard | None:
    return session.scalar(
        select(KpiStandard).where(KpiStandard.financial_year == year, KpiStandard.code == code)
    )


def _find_kpi(session: Session, year: FinancialYear, code: str) -> Kpi | None:
    return session.scalar(select(Kpi).where(Kpi.financial_year == year, Kpi.code == code))


def _kpi_values(name, unit, direction, target, amber_band, description) -> dict:  # type: ignore[no-untyped-def]
    if not name.strip():
        raise BadInput("A KPI needs a name.")
    return {
        "name": name.strip(),
        "unit": _parse(Unit, unit).value,
        "direction": _parse(Direction, direction).value,
        "target_millionths": to_millionths(_decimal("target", target)),
        "amber_band_millionths": to_millionths(_band(amber_band)),
        "description": (description or "").strip() or None,
    }


def _band(value: Decimal | str) -> Decimal:
    band = _decimal("amber band", value)
    if band < 0:
        raise BadInput("amber band: cannot be negative (it is a distance from the target)")
    return band


def _decimal(label: str, value: Decimal | str) -> Decimal:
    if isinstance(value, Decimal):
        if not value.is_finite():
            raise BadInput(f"{label}: not a number")
        return value
    if isinstance(value, float):
        raise TypeError(f"{label}: give a Decimal or text, not a float (values are exact)")
    try:
        return parse_decimal(str(value))
    except ValueError as error:
        raise BadInput(f"{label}: {error}") from None


def _parse(kind, value):  # type: ignore[no-untyped-def]
    if isinstance(value, kind):
        return value
    try:
        return kind.parse(value)
    except ValueError as error:
        raise BadInput(str(error)) from None


def _code(code: str) -> str:
    code = code.strip().upper()
    if not code or len(code) > 30 or " " in code:
        raise BadInput(f"{code!r}: a code is 1 to 30 characters with no spaces")
    return code


def _standard_entry(standard: KpiStandard) -> StandardEntry:
    return StandardEntry(
        financial_year=standard.financial_year,
        code=standard.code,
        name=standard.name,
        kind=StandardKind(standard.kind),
    )


def _kpi_entry(kpi: Kpi, standard: KpiStandard) -> KpiEntry:
    return KpiEntry(
        financial_year=kpi.financial_year,
        code=kpi.code,
        name=kpi.name,
        standard_code=standard.code,
        standard_name=standard.name,
        standard_kind=StandardKind(standard.kind),
        unit=Unit(kpi.unit),
        direction=Direction(kpi.direction),
        target=from_millionths(kpi.target_millionths),
        amber_band=from_millionths(kpi.amber_band_millionths),
        description=kpi.description,
        version=kpi.version,
        number=kpi.number,
    )
