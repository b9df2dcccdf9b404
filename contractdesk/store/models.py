"""The tables, as typed SQLAlchemy 2 models.

Every table has a UUID key (records made on a laptop can later merge into a team database without
collisions) and created/updated timestamps; editable rows carry a version number so that a save
based on a stale read is refused (SQLAlchemy's version counter does the `WHERE version = ?`).
The schema itself is only ever created by the migrations in db/.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    Numeric,
    String,
    Text,
    UniqueConstraint,
    Uuid,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column, relationship

from contractdesk.domain.financial_year import FinancialYear
from contractdesk.store.types import FinancialYearType, PenceList, utc_now

# Named constraints keep Alembic batch migrations on SQLite predictable.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class Timestamped:
    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utc_now)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utc_now, onupdate=utc_now)


class Versioned(Timestamped):
    """An editable row: each UPDATE checks and bumps `version`, refusing a stale one."""

    version: Mapped[int] = mapped_column(Integer)

    @declared_attr.directive
    def __mapper_args__(cls) -> dict[str, Any]:
        return {"version_id_col": cls.version}


class CommissionerArea(Versioned, Base):
    """A sub-ICB location (formerly a CCG), e.g. 03L Rotherham."""

    __tablename__ = "commissioner_area"

    code: Mapped[str] = mapped_column(String(5), unique=True)
    name: Mapped[str] = mapped_column(String(200))


class Locality(Versioned, Base):
    """A locality or Primary Care Network that practices are grouped by."""

    __tablename__ = "locality"

    code: Mapped[str] = mapped_column(String(12), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    area_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("commissioner_area.id"))


class Practice(Versioned, Base):
    __tablename__ = "practice"
    __table_args__ = (
        CheckConstraint("contract_type IN ('GMS', 'PMS', 'APMS', 'UNKNOWN')", name="contract_type"),
        CheckConstraint("status IN ('active', 'closed', 'dormant', 'proposed')", name="status"),
        CheckConstraint(
            "close_date IS NULL OR open_date IS NULL OR close_date >= open_date",
            name="close_after_open",
        ),
    )

    ods_code: Mapped[str] = mapped_column(String(6), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    address_line1: Mapped[str | None] = mapped_column(String(100))
    address_line2: Mapped[str | None] = mapped_column(String(100))
    address_line3: Mapped[str | None] = mapped_column(String(100))
    address_line4: Mapped[str | None] = mapped_column(String(100))
    address_line5: Mapped[str | None] = mapped_column(String(100))
    postcode: Mapped[str | None] = mapped_column(String(8))
    phone: Mapped[str | None] = mapped_column(String(30))
    status: Mapped[str] = mapped_column(String(10))
    open_date: Mapped[date | None] = mapped_column(Date)
    close_date: Mapped[date | None] = mapped_column(Date)
    contract_type: Mapped[str] = mapped_column(String(7), default="UNKNOWN")
    contract_reference: Mapped[str | None] = mapped_column(String(50))
    contract_start: Mapped[date | None] = mapped_column(Date)
    contract_end: Mapped[date | None] = mapped_column(Date)
    area_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("commissioner_area.id"), index=True
    )
    locality_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("locality.id"), index=True)
    dispensing: Mapped[bool] = mapped_column(Boolean, default=False)

    area: Mapped[CommissionerArea | None] = relationship()
    locality: Mapped[Locality | None] = relationship()


class ListSize(Timestamped, Base):
    """Registered and weighted (Carr-Hill) patients at a date, as a source reported them.

    Payments files give quarterly averages, so the counts may be fractional.
    """

    __tablename__ = "list_size"
    __table_args__ = (UniqueConstraint("practice_id", "as_of", "source"),)

    practice_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("practice.id"), index=True)
    as_of: Mapped[date] = mapped_column(Date)
    registered_patients: Mapped[Decimal | None] = mapped_column(Numeric(12, 2))
    weighted_patients: Mapped[Decimal | None] = mapped_column(Numeric(12, 2))
    source: Mapped[str] = mapped_column(String(120))


class PracticePaymentYear(Timestamped, Base):
    """One practice's year in NHS Payments to General Practice; amounts in integer pence."""

    __tablename__ = "practice_payment_year"
    __table_args__ = (UniqueConstraint("practice_id", "financial_year"),)

    practice_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("practice.id"), index=True)
    financial_year: Mapped[FinancialYear] = mapped_column(FinancialYearType)
    contract_type: Mapped[str] = mapped_column(String(7))
    registered_patients: Mapped[Decimal | None] = mapped_column(Numeric(12, 2))
    weighted_patients: Mapped[Decimal | None] = mapped_column(Numeric(12, 2))
    global_sum_pence: Mapped[int | None] = mapped_column(BigInteger)
    mpig_pence: Mapped[int | None] = mapped_column(BigInteger)
    pms_balance_pence: Mapped[int | None] = mapped_column(BigInteger)
    qof_pence: Mapped[int | None] = mapped_column(BigInteger)
    # Local Enhanced Services / Local Incentive Schemes, whichever the year's file totals.
    local_services_pence: Mapped[int | None] = mapped_column(BigInteger)
    premises_pence: Mapped[int | None] = mapped_column(BigInteger)
    total_payments_pence: Mapped[int | None] = mapped_column(BigInteger)
    deductions_pence: Mapped[int | None] = mapped_column(BigInteger)
    net_payments_pence: Mapped[int | None] = mapped_column(BigInteger)
    # National (directed) enhanced services, summed by the reader (see importers/payments.py).
    enhanced_services_pence: Mapped[int | None] = mapped_column(BigInteger)
    # Every payment column of the file, so nothing read is lost: the amounts in the order of
    # the year's column names, which are stored once in `payment_line_set` (not once per row).
    line_set_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("payment_line_set.id"))
    line_amounts: Mapped[tuple[int | None, ...]] = mapped_column(PenceList)
    source: Mapped[str] = mapped_column(String(200))


class PaymentLineSet(Timestamped, Base):
    """The payment columns of one year's file, by their published names, in file order."""

    __tablename__ = "payment_line_set"
    __table_args__ = (UniqueConstraint("financial_year", "fingerprint"),)

    financial_year: Mapped[FinancialYear] = mapped_column(FinancialYearType)
    # SHA-256 of the names, one a line: finds the set a re-import of the same columns reuses.
    fingerprint: Mapped[str] = mapped_column(String(64))
    names: Mapped[list[str]] = mapped_column(JSON)


class CoreFundingRate(Versioned, Base):
    """The core (GMS-equivalent) funding per weighted patient for a financial year."""

    __tablename__ = "core_funding_rate"

    financial_year: Mapped[FinancialYear] = mapped_column(FinancialYearType, unique=True)
    pence_per_weighted_patient: Mapped[int] = mapped_column(Integer)
    note: Mapped[str | None] = mapped_column(String(200))


class FundingPlan(Versioned, Base):
    """A commissioner area's PMS premium review: the glide path and the reinvestment."""

    __tablename__ = "funding_plan"
    __table_args__ = (
        CheckConstraint("years >= 4", name="years"),
        CheckConstraint(
            "premium_basis IN ('baseline_less_core', 'pms_balance')", name="premium_basis"
        ),
    )

    area_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("commissioner_area.id"), unique=True)
    base_year: Mapped[FinancialYear] = mapped_column(FinancialYearType)
    start_year: Mapped[FinancialYear] = mapped_column(FinancialYearType)
    years: Mapped[int] = mapped_column(Integer)
    # None: equal steps; otherwise the share of the premium freed in year one (0-1).
    first_year_share: Mapped[Decimal | None] = mapped_column(Numeric(7, 6))
    yearly_loss_cap: Mapped[Decimal] = mapped_column(Numeric(7, 6))
    held_back_share: Mapped[Decimal] = mapped_column(Numeric(7, 6))
    premium_basis: Mapped[str] = mapped_column(String(20))
    offer_name: Mapped[str] = mapped_column(String(100))
    # Areas the freed money goes to (the plan's own area unless every area has agreed).
    reinvestment_areas: Mapped[list[str]] = mapped_column(JSON)
    agreed_areas: Mapped[list[str]] = mapped_column(JSON)


class FundingPlanPractice(Timestamped, Base):
    """A practice's place in a plan: kept out of the reduction (and why), or not signing."""

    __tablename__ = "funding_plan_practice"
    __table_args__ = (UniqueConstraint("plan_id", "practice_id"),)

    plan_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("funding_plan.id"), index=True)
    practice_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("practice.id"))
    special_population_reason: Mapped[str | None] = mapped_column(Text)
    signs_offer: Mapped[bool] = mapped_column(Boolean)


class AppUser(Versioned, Base):
    __tablename__ = "app_user"
    __table_args__ = (
        CheckConstraint("role IN ('viewer', 'officer', 'approver', 'admin')", name="role"),
    )

    login: Mapped[str] = mapped_column(String(100), unique=True)
    display_name: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(10))
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class AuditEntry(Timestamped, Base):
    """Who changed what, when, with the values before and after.

    Database triggers (see the first migration) refuse UPDATE and DELETE on this table.
    """

    __tablename__ = "audit_log"
    __table_args__ = (Index("ix_audit_log_entity", "entity_type", "entity_id"),)

    occurred_at: Mapped[datetime] = mapped_column(DateTime, default=utc_now, index=True)
    user_login: Mapped[str] = mapped_column(String(100))
    action: Mapped[str] = mapped_column(String(40))
    entity_type: Mapped[str] = mapped_column(String(40))
    entity_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    entity_key: Mapped[str | None] = mapped_column(String(100))
    before: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    after: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    details: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    summary: Mapped[str | None] = mapped_column(Text)
