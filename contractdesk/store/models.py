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
    # Whom letters are addressed to (blank: "The Practice Manager"); not in the ODS file.
    lead_contact: Mapped[str | None] = mapped_column(String(100))
    lead_contact_role: Mapped[str | None] = mapped_column(String(100))
    email: Mapped[str | None] = mapped_column(String(200))
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


class Service(Versioned, Base):
    """A service in one financial year's catalogue; used services are retired, never deleted."""

    __tablename__ = "service"
    __table_args__ = (
        UniqueConstraint("financial_year", "code"),
        CheckConstraint("kind IN ('DES', 'LES', 'LIS', 'PH')", name="kind"),
        CheckConstraint(
            "funding_basis IN ('per_registered_patient', 'per_weighted_patient', 'per_item', "
            "'fixed_sum')",
            name="funding_basis",
        ),
        CheckConstraint("price_pence >= 0", name="price_not_negative"),
    )

    financial_year: Mapped[FinancialYear] = mapped_column(FinancialYearType)
    code: Mapped[str] = mapped_column(String(20))
    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(3))
    funding_basis: Mapped[str] = mapped_column(String(24))
    price_pence: Mapped[int] = mapped_column(BigInteger)
    description: Mapped[str | None] = mapped_column(Text)
    spec_reference: Mapped[str | None] = mapped_column(String(200))
    required: Mapped[bool] = mapped_column(Boolean, default=False)
    retired: Mapped[bool] = mapped_column(Boolean, default=False)


class ServiceOffer(Versioned, Base):
    """A service offered to one practice for a year, and the practice's response (CQRS-style).

    One row per practice and service: a declined offer is reissued on the same row; the audit
    log keeps every earlier state.
    """

    __tablename__ = "service_offer"
    __table_args__ = (
        UniqueConstraint("service_id", "practice_id"),
        CheckConstraint("status IN ('offered', 'accepted', 'declined', 'ended')", name="status"),
        CheckConstraint("end_date >= start_date", name="end_after_start"),
    )

    service_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("service.id"), index=True)
    practice_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("practice.id"), index=True)
    status: Mapped[str] = mapped_column(String(10))
    start_date: Mapped[date] = mapped_column(Date)
    end_date: Mapped[date] = mapped_column(Date)
    response_deadline: Mapped[date] = mapped_column(Date)
    offered_on: Mapped[date] = mapped_column(Date)
    offered_by: Mapped[str] = mapped_column(String(100))
    # Why only some practices of a locality were offered it (equality of opportunity).
    selection_reason: Mapped[str | None] = mapped_column(Text)
    responded_on: Mapped[date | None] = mapped_column(Date)
    responded_by: Mapped[str | None] = mapped_column(String(100))
    response_note: Mapped[str | None] = mapped_column(Text)
    ended_on: Mapped[date | None] = mapped_column(Date)
    end_reason: Mapped[str | None] = mapped_column(Text)


class Subcontract(Versioned, Base):
    """One practice's services delivered by another, with the commissioner's decision."""

    __tablename__ = "subcontract"
    __table_args__ = (
        CheckConstraint("contractor_id <> subcontractor_id", name="not_to_itself"),
        CheckConstraint("end_date >= start_date", name="end_after_start"),
        CheckConstraint("decision IN ('pending', 'approved', 'objected')", name="decision"),
        CheckConstraint(
            "objection_ground IS NULL OR objection_ground IN "
            "('patient_safety', 'financial_loss', 'other')",
            name="objection_ground",
        ),
    )

    financial_year: Mapped[FinancialYear] = mapped_column(FinancialYearType)
    contractor_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("practice.id"), index=True)
    subcontractor_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("practice.id"), index=True)
    premises_address: Mapped[str] = mapped_column(Text)
    start_date: Mapped[date] = mapped_column(Date)
    end_date: Mapped[date] = mapped_column(Date)
    notified_on: Mapped[date] = mapped_column(Date)
    decision: Mapped[str] = mapped_column(String(10), default="pending")
    decided_on: Mapped[date | None] = mapped_column(Date)
    decided_by: Mapped[str | None] = mapped_column(String(100))
    objection_ground: Mapped[str | None] = mapped_column(String(20))
    objection_detail: Mapped[str | None] = mapped_column(Text)
    ended_on: Mapped[date | None] = mapped_column(Date)
    end_reason: Mapped[str | None] = mapped_column(Text)


class SubcontractService(Timestamped, Base):
    """A service a sub-contract covers."""

    __tablename__ = "subcontract_service"
    __table_args__ = (UniqueConstraint("subcontract_id", "service_id"),)

    subcontract_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("subcontract.id"), index=True)
    service_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("service.id"), index=True)


class TeamSetting(Versioned, Base):
    """A setting the whole team shares (declared, with its default, in domain/settings.py)."""

    __tablename__ = "team_setting"

    key: Mapped[str] = mapped_column(String(60), unique=True)
    value: Mapped[Any] = mapped_column(JSON)


class Concern(Versioned, Base):
    """A concern about a practice: closed, or escalated into a notice."""

    __tablename__ = "concern"
    __table_args__ = (
        CheckConstraint("source IN ('visit', 'kpi', 'complaint', 'data', 'other')", name="source"),
        CheckConstraint("status IN ('open', 'closed', 'escalated')", name="status"),
    )

    reference: Mapped[str] = mapped_column(String(20), unique=True)
    practice_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("practice.id"), index=True)
    raised_on: Mapped[date] = mapped_column(Date)
    raised_by: Mapped[str] = mapped_column(String(100))
    source: Mapped[str] = mapped_column(String(10))
    standard: Mapped[str | None] = mapped_column(String(200))  # the standard or clause
    description: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(10), default="open")
    closed_on: Mapped[date | None] = mapped_column(Date)
    outcome: Mapped[str | None] = mapped_column(Text)


class Notice(Versioned, Base):
    """A remedial notice (breach capable of remedy) or a breach notice (not capable)."""

    __tablename__ = "notice"
    __table_args__ = (
        CheckConstraint("kind IN ('remedial', 'breach')", name="kind"),
        CheckConstraint(
            "status IN ('draft', 'issued', 'remedied', 'not_remedied', 'escalated', 'withdrawn')",
            name="status",
        ),
        CheckConstraint(
            "short_reason IS NULL OR short_reason IN ('patient_safety', 'financial_loss')",
            name="short_reason",
        ),
    )

    reference: Mapped[str] = mapped_column(String(20), unique=True)
    practice_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("practice.id"), index=True)
    concern_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("concern.id"))
    kind: Mapped[str] = mapped_column(String(10))
    status: Mapped[str] = mapped_column(String(12), default="draft")
    breach: Mapped[str] = mapped_column(Text)
    clause: Mapped[str | None] = mapped_column(String(200))
    steps_required: Mapped[str | None] = mapped_column(Text)  # remedial: to remedy it
    drafted_on: Mapped[date] = mapped_column(Date)
    drafted_by: Mapped[str] = mapped_column(String(100))
    given_on: Mapped[date | None] = mapped_column(Date)
    issued_by: Mapped[str | None] = mapped_column(String(100))
    deadline: Mapped[date | None] = mapped_column(Date)  # remedial only
    short_reason: Mapped[str | None] = mapped_column(String(20))
    short_reason_detail: Mapped[str | None] = mapped_column(Text)
    outcome_on: Mapped[date | None] = mapped_column(Date)
    outcome_by: Mapped[str | None] = mapped_column(String(100))
    outcome_note: Mapped[str | None] = mapped_column(Text)  # evidence, or why withdrawn


class Sanction(Versioned, Base):
    """A sanction on a practice where termination would be open to the commissioner."""

    __tablename__ = "sanction"
    __table_args__ = (
        CheckConstraint("kind IN ('suspend', 'terminate', 'withhold')", name="kind"),
        CheckConstraint(
            "obligation_kind IS NULL OR obligation_kind IN ('additional', 'enhanced', 'other')",
            name="not_essential",
        ),
    )

    reference: Mapped[str] = mapped_column(String(20), unique=True)
    practice_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("practice.id"), index=True)
    notice_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("notice.id"))
    kind: Mapped[str] = mapped_column(String(10))
    obligation_kind: Mapped[str | None] = mapped_column(String(10))
    obligation: Mapped[str] = mapped_column(Text)
    amount_pence: Mapped[int | None] = mapped_column(BigInteger)
    notice_given_on: Mapped[date] = mapped_column(Date)
    effective_from: Mapped[date] = mapped_column(Date)
    ends_on: Mapped[date | None] = mapped_column(Date)
    short_reason: Mapped[str | None] = mapped_column(String(20))
    recorded_by: Mapped[str] = mapped_column(String(100))
    dispute_referred_on: Mapped[date | None] = mapped_column(Date)
    dispute_resolved_on: Mapped[date | None] = mapped_column(Date)
    withdrawn_on: Mapped[date | None] = mapped_column(Date)


class RecoveryPlan(Versioned, Base):
    """A practice's recovery plan, linked to the concern or notice it answers."""

    __tablename__ = "recovery_plan"
    __table_args__ = (CheckConstraint("status IN ('open', 'closed')", name="status"),)

    reference: Mapped[str] = mapped_column(String(20), unique=True)
    practice_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("practice.id"), index=True)
    concern_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("concern.id"))
    notice_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("notice.id"))
    title: Mapped[str] = mapped_column(String(200))
    agreed_on: Mapped[date] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(10), default="open")
    closed_on: Mapped[date | None] = mapped_column(Date)


class RecoveryAction(Versioned, Base):
    __tablename__ = "recovery_action"
    __table_args__ = (CheckConstraint("status IN ('open', 'done')", name="status"),)

    plan_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("recovery_plan.id"), index=True)
    description: Mapped[str] = mapped_column(Text)
    owner: Mapped[str] = mapped_column(String(200))
    due_on: Mapped[date] = mapped_column(Date)
    milestone: Mapped[str | None] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(10), default="open")
    done_on: Mapped[date | None] = mapped_column(Date)


class RecoveryNote(Timestamped, Base):
    """A progress note on a recovery plan."""

    __tablename__ = "recovery_note"

    plan_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("recovery_plan.id"), index=True)
    written_on: Mapped[date] = mapped_column(Date)
    author: Mapped[str] = mapped_column(String(100))
    text: Mapped[str] = mapped_column(Text)


class LetterTemplateRecord(Versioned, Base):
    """The wording of a kind of letter (for a year, for annual letters), edited in the app."""

    __tablename__ = "letter_template"
    __table_args__ = (
        UniqueConstraint("kind", "financial_year"),
        CheckConstraint("kind IN ('annual', 'remedial', 'breach', 'sanction')", name="kind"),
    )

    kind: Mapped[str] = mapped_column(String(10))
    financial_year: Mapped[FinancialYear | None] = mapped_column(FinancialYearType)
    # [{"heading": ..., "text": ..., "after_tables": bool}, ...]
    blocks: Mapped[list[dict[str, Any]]] = mapped_column(JSON)


class Correspondence(Timestamped, Base):
    """A letter issued to a practice: what was sent, when, by whom, and its fingerprint."""

    __tablename__ = "correspondence"
    __table_args__ = (Index("ix_correspondence_file", "folder", "file_name"),)

    practice_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("practice.id"), index=True)
    kind: Mapped[str] = mapped_column(String(10))
    financial_year: Mapped[FinancialYear | None] = mapped_column(FinancialYearType)
    notice_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("notice.id"))
    folder: Mapped[str] = mapped_column(Text)
    file_name: Mapped[str] = mapped_column(String(200))
    sha256: Mapped[str] = mapped_column(String(64))
    issued_at: Mapped[datetime] = mapped_column(DateTime, default=utc_now)
    issued_by: Mapped[str] = mapped_column(String(100))


# --- Standards and KPIs -------------------------------------------------------------------


class KpiStandard(Versioned, Base):
    """A standard of one financial year's framework (e.g. Cancer referral): minimum
    (contractual) or developmental."""

    __tablename__ = "kpi_standard"
    __table_args__ = (
        UniqueConstraint("financial_year", "code"),
        CheckConstraint("kind IN ('minimum', 'developmental')", name="kind"),
    )

    financial_year: Mapped[FinancialYear] = mapped_column(FinancialYearType)
    code: Mapped[str] = mapped_column(String(30))
    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(13))


class Kpi(Versioned, Base):
    """A KPI of one year's framework. Target and amber band are exact, in integer millionths
    of the unit. `number` is the compact key the measurement table refers to."""

    __tablename__ = "kpi"
    __table_args__ = (
        UniqueConstraint("financial_year", "code"),
        CheckConstraint("unit IN ('percent', 'per_1000', 'count', 'days', 'score')", name="unit"),
        CheckConstraint("direction IN ('higher', 'lower')", name="direction"),
        CheckConstraint("amber_band_millionths >= 0", name="amber_band_not_negative"),
    )

    number: Mapped[int] = mapped_column(Integer, unique=True)
    standard_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("kpi_standard.id"), index=True)
    financial_year: Mapped[FinancialYear] = mapped_column(FinancialYearType)
    code: Mapped[str] = mapped_column(String(30))
    name: Mapped[str] = mapped_column(String(200))
    unit: Mapped[str] = mapped_column(String(8))
    direction: Mapped[str] = mapped_column(String(6))
    target_millionths: Mapped[int] = mapped_column(BigInteger)
    amber_band_millionths: Mapped[int] = mapped_column(BigInteger)
    description: Mapped[str | None] = mapped_column(Text)


class KpiPracticeKey(Base):
    """A compact integer key for each practice that has measurements: the measurement table
    refers to practices by it (4 bytes, not a 16-byte UUID, in each of millions of rows)."""

    __tablename__ = "kpi_practice_key"

    number: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    practice_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("practice.id"), unique=True)


class KpiSource(Base):
    """Where measurements came from (a file and its SHA-256, or generated demo data); each
    measurement names its source by number rather than repeating the text."""

    __tablename__ = "kpi_source"

    number: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    is_demo: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utc_now)


class KpiMeasurement(Base):
    """One practice's value of one KPI in one period: the big table (8 million rows for all
    England over ten years), so every column is an integer.

    The key is (period, kpi, practice): one period for all practices is one contiguous range
    (the review grid); the second index serves one practice over time (the trend chart). On
    SQLite the table is WITHOUT ROWID, so rows are stored in key order with no second copy
    of the key. Values, numerators and denominators are integer millionths (exact; see
    contractdesk.domain.kpi_rules.to_millionths); `period` is Period.key (2025/26 Q1 = 20251).
    """

    __tablename__ = "kpi_measurement"
    __table_args__ = (
        Index("ix_kpi_measurement_practice", "practice_number", "kpi_number", "period"),
        {"sqlite_with_rowid": False},
    )

    period: Mapped[int] = mapped_column(Integer, primary_key=True)
    kpi_number: Mapped[int] = mapped_column(ForeignKey("kpi.number"), primary_key=True)
    practice_number: Mapped[int] = mapped_column(
        ForeignKey("kpi_practice_key.number"), primary_key=True
    )
    value_millionths: Mapped[int] = mapped_column(BigInteger)
    numerator_millionths: Mapped[int | None] = mapped_column(BigInteger)
    denominator_millionths: Mapped[int | None] = mapped_column(BigInteger)
    source_number: Mapped[int] = mapped_column(ForeignKey("kpi_source.number"))
