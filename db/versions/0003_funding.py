"""Funding: payment lines stored compactly; core funding rates; PMS premium review plans.

Each practice-year also gets its national enhanced services (a figure the reader sums).
The payment lines of a practice-year were a JSON object keyed by the file's column names
(100 MB for nine years of England). Now each year's column names are stored once, in
`payment_line_set`, and each practice-year keeps its amounts as `12345,0,,-300` text in that
order. Existing rows are converted both ways.

Revision ID: 0003_funding
Revises: 0002_quality_contract
Create Date: 2026-11-23 16:40:00
"""

import hashlib
import uuid

import sqlalchemy as sa
from alembic import op

revision = "0003_funding"
down_revision = "0002_quality_contract"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "payment_line_set",
        sa.Column("financial_year", sa.String(length=7), nullable=False),
        sa.Column("fingerprint", sa.String(length=64), nullable=False),
        sa.Column("names", sa.JSON(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_payment_line_set")),
        sa.UniqueConstraint(
            "financial_year", "fingerprint", name=op.f("uq_payment_line_set_financial_year")
        ),
    )
    with op.batch_alter_table("practice_payment_year", schema=None) as batch_op:
        batch_op.add_column(sa.Column("line_set_id", sa.Uuid(), nullable=True))
        batch_op.add_column(sa.Column("line_amounts", sa.Text(), nullable=True))
        batch_op.add_column(sa.Column("enhanced_services_pence", sa.BigInteger(), nullable=True))
    _lines_to_sets()
    with op.batch_alter_table("practice_payment_year", schema=None) as batch_op:
        batch_op.alter_column("line_set_id", existing_type=sa.Uuid(), nullable=False)
        batch_op.alter_column("line_amounts", existing_type=sa.Text(), nullable=False)
        batch_op.create_foreign_key(
            batch_op.f("fk_practice_payment_year_line_set_id_payment_line_set"),
            "payment_line_set",
            ["line_set_id"],
            ["id"],
        )
        batch_op.drop_column("payment_lines")

    op.create_table(
        "core_funding_rate",
        sa.Column("financial_year", sa.String(length=7), nullable=False),
        sa.Column("pence_per_weighted_patient", sa.Integer(), nullable=False),
        sa.Column("note", sa.String(length=200), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_core_funding_rate")),
        sa.UniqueConstraint("financial_year", name=op.f("uq_core_funding_rate_financial_year")),
    )
    op.create_table(
        "funding_plan",
        sa.Column("area_id", sa.Uuid(), nullable=False),
        sa.Column("base_year", sa.String(length=7), nullable=False),
        sa.Column("start_year", sa.String(length=7), nullable=False),
        sa.Column("years", sa.Integer(), nullable=False),
        sa.Column("first_year_share", sa.Numeric(precision=7, scale=6), nullable=True),
        sa.Column("yearly_loss_cap", sa.Numeric(precision=7, scale=6), nullable=False),
        sa.Column("held_back_share", sa.Numeric(precision=7, scale=6), nullable=False),
        sa.Column("premium_basis", sa.String(length=20), nullable=False),
        sa.Column("offer_name", sa.String(length=100), nullable=False),
        sa.Column("reinvestment_areas", sa.JSON(), nullable=False),
        sa.Column("agreed_areas", sa.JSON(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint("years >= 4", name=op.f("ck_funding_plan_years")),
        sa.CheckConstraint(
            "premium_basis IN ('baseline_less_core', 'pms_balance')",
            name=op.f("ck_funding_plan_premium_basis"),
        ),
        sa.ForeignKeyConstraint(
            ["area_id"],
            ["commissioner_area.id"],
            name=op.f("fk_funding_plan_area_id_commissioner_area"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_funding_plan")),
        sa.UniqueConstraint("area_id", name=op.f("uq_funding_plan_area_id")),
    )
    op.create_table(
        "funding_plan_practice",
        sa.Column("plan_id", sa.Uuid(), nullable=False),
        sa.Column("practice_id", sa.Uuid(), nullable=False),
        sa.Column("special_population_reason", sa.Text(), nullable=True),
        sa.Column("signs_offer", sa.Boolean(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["plan_id"],
            ["funding_plan.id"],
            name=op.f("fk_funding_plan_practice_plan_id_funding_plan"),
        ),
        sa.ForeignKeyConstraint(
            ["practice_id"],
            ["practice.id"],
            name=op.f("fk_funding_plan_practice_practice_id_practice"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_funding_plan_practice")),
        sa.UniqueConstraint(
            "plan_id", "practice_id", name=op.f("uq_funding_plan_practice_plan_id")
        ),
    )
    with op.batch_alter_table("funding_plan_practice", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_funding_plan_practice_plan_id"), ["plan_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("funding_plan_practice", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_funding_plan_practice_plan_id"))
    op.drop_table("funding_plan_practice")
    op.drop_table("funding_plan")
    op.drop_table("core_funding_rate")
    with op.batch_alter_table("practice_payment_year", schema=None) as batch_op:
        batch_op.add_column(sa.Column("payment_lines", sa.JSON(), nullable=True))
    _sets_to_lines()
    with op.batch_alter_table("practice_payment_year", schema=None) as batch_op:
        batch_op.alter_column("payment_lines", existing_type=sa.JSON(), nullable=False)
        batch_op.drop_constraint(
            batch_op.f("fk_practice_payment_year_line_set_id_payment_line_set"),
            type_="foreignkey",
        )
        batch_op.drop_column("enhanced_services_pence")
        batch_op.drop_column("line_amounts")
        batch_op.drop_column("line_set_id")
    op.drop_table("payment_line_set")


# Frozen copies of the tables as this migration sees them (the models may change later).
_YEARS = sa.table(
    "practice_payment_year",
    sa.column("id", sa.Uuid()),
    sa.column("financial_year", sa.String()),
    sa.column("payment_lines", sa.JSON()),
    sa.column("line_set_id", sa.Uuid()),
    sa.column("line_amounts", sa.Text()),
    sa.column("enhanced_services_pence", sa.BigInteger()),
)
_SETS = sa.table(
    "payment_line_set",
    sa.column("id", sa.Uuid()),
    sa.column("financial_year", sa.String()),
    sa.column("fingerprint", sa.String()),
    sa.column("names", sa.JSON()),
    sa.column("created_at", sa.DateTime()),
    sa.column("updated_at", sa.DateTime()),
)


def _lines_to_sets() -> None:
    """One line set per year and distinct list of names (a JSON object left out blank cells,
    so rows of one year may differ), and each row's amounts in its set's order."""
    bind = op.get_bind()
    sets: dict[tuple[str, tuple[str, ...]], uuid.UUID] = {}
    updates = []
    rows = bind.execute(sa.select(_YEARS.c.id, _YEARS.c.financial_year, _YEARS.c.payment_lines))
    for row_id, year, lines in rows:
        names = tuple(lines)
        set_id = sets.setdefault((year, names), uuid.uuid4())
        amounts = ",".join(str(lines[name]) for name in names)
        updates.append(
            {
                "row_id": row_id,
                "set_id": set_id,
                "amounts": amounts,
                "enhanced": _enhanced_services(lines),
            }
        )
    now = sa.func.now()
    for (year, names), set_id in sets.items():
        fingerprint = hashlib.sha256("\n".join(names).encode()).hexdigest()
        bind.execute(
            _SETS.insert().values(
                id=set_id,
                financial_year=year,
                fingerprint=fingerprint,
                names=list(names),
                created_at=now,
                updated_at=now,
            )
        )
    if updates:
        bind.execute(
            _YEARS.update()
            .where(_YEARS.c.id == sa.bindparam("row_id"))
            .values(
                line_set_id=sa.bindparam("set_id"),
                line_amounts=sa.bindparam("amounts"),
                enhanced_services_pence=sa.bindparam("enhanced"),
            ),
            updates,
        )


def _enhanced_services(lines: dict[str, int]) -> int | None:
    """The reader's rule, frozen here: the national total, else the columns between QOF and
    the local schemes."""
    names = {" ".join(name.lower().split()): name for name in lines}
    if "total national enhanced services" in names:
        return lines[names["total national enhanced services"]]
    order = list(names)
    local = next(
        (
            order.index(name)
            for name in (
                "total local enhanced services",
                "total local incentive schemes",
                "local incentive schemes",
            )
            if name in names
        ),
        None,
    )
    if "total qof payments" not in names or local is None:
        return None
    between = order[order.index("total qof payments") + 1 : local]
    return sum(lines[names[name]] for name in between) if between else None


def _sets_to_lines() -> None:
    bind = op.get_bind()
    names_by_set = {
        set_id: names for set_id, names in bind.execute(sa.select(_SETS.c.id, _SETS.c.names))
    }
    updates = []
    rows = bind.execute(sa.select(_YEARS.c.id, _YEARS.c.line_set_id, _YEARS.c.line_amounts))
    for row_id, set_id, amounts in rows:
        values = amounts.split(",") if amounts else []
        lines = {
            name: int(text) for name, text in zip(names_by_set[set_id], values, strict=True) if text
        }
        updates.append({"row_id": row_id, "lines": lines})
    if updates:
        bind.execute(
            _YEARS.update()
            .where(_YEARS.c.id == sa.bindparam("row_id"))
            .values(payment_lines=sa.bindparam("lines")),
            updates,
        )
