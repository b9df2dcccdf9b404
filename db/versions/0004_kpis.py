"""Standards and KPIs: the framework per year; measurements keyed compactly for 8 M rows.

Revision ID: 0004_kpis
Revises: 0003_funding
Create Date: 2026-11-23 16:53:01.455535
"""

import sqlalchemy as sa
from alembic import op

revision = "0004_kpis"
down_revision = "0003_funding"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "kpi_source",
        sa.Column("number", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("is_demo", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("number", name=op.f("pk_kpi_source")),
        sa.UniqueConstraint("name", name=op.f("uq_kpi_source_name")),
    )
    op.create_table(
        "kpi_standard",
        sa.Column("financial_year", sa.String(length=7), nullable=False),
        sa.Column("code", sa.String(length=30), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("kind", sa.String(length=13), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint(
            "kind IN ('minimum', 'developmental')", name=op.f("ck_kpi_standard_kind")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_kpi_standard")),
        sa.UniqueConstraint("financial_year", "code", name=op.f("uq_kpi_standard_financial_year")),
    )
    op.create_table(
        "kpi",
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("standard_id", sa.Uuid(), nullable=False),
        sa.Column("financial_year", sa.String(length=7), nullable=False),
        sa.Column("code", sa.String(length=30), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("unit", sa.String(length=8), nullable=False),
        sa.Column("direction", sa.String(length=6), nullable=False),
        sa.Column("target_millionths", sa.BigInteger(), nullable=False),
        sa.Column("amber_band_millionths", sa.BigInteger(), nullable=False),
        sa.Column("description", sa.Text(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint("direction IN ('higher', 'lower')", name=op.f("ck_kpi_direction")),
        sa.CheckConstraint(
            "unit IN ('percent', 'per_1000', 'count', 'days', 'score')", name=op.f("ck_kpi_unit")
        ),
        sa.CheckConstraint(
            "amber_band_millionths >= 0", name=op.f("ck_kpi_amber_band_not_negative")
        ),
        sa.ForeignKeyConstraint(
            ["standard_id"], ["kpi_standard.id"], name=op.f("fk_kpi_standard_id_kpi_standard")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_kpi")),
        sa.UniqueConstraint("financial_year", "code", name=op.f("uq_kpi_financial_year")),
        sa.UniqueConstraint("number", name=op.f("uq_kpi_number")),
    )
    with op.batch_alter_table("kpi", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_kpi_standard_id"), ["standard_id"], unique=False)

    op.create_table(
        "kpi_practice_key",
        sa.Column("number", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("practice_id", sa.Uuid(), nullable=False),
        sa.ForeignKeyConstraint(
            ["practice_id"], ["practice.id"], name=op.f("fk_kpi_practice_key_practice_id_practice")
        ),
        sa.PrimaryKeyConstraint("number", name=op.f("pk_kpi_practice_key")),
        sa.UniqueConstraint("practice_id", name=op.f("uq_kpi_practice_key_practice_id")),
    )
    op.create_table(
        "kpi_measurement",
        sa.Column("period", sa.Integer(), nullable=False),
        sa.Column("kpi_number", sa.Integer(), nullable=False),
        sa.Column("practice_number", sa.Integer(), nullable=False),
        sa.Column("value_millionths", sa.BigInteger(), nullable=False),
        sa.Column("numerator_millionths", sa.BigInteger(), nullable=True),
        sa.Column("denominator_millionths", sa.BigInteger(), nullable=True),
        sa.Column("source_number", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["kpi_number"], ["kpi.number"], name=op.f("fk_kpi_measurement_kpi_number_kpi")
        ),
        sa.ForeignKeyConstraint(
            ["practice_number"],
            ["kpi_practice_key.number"],
            name=op.f("fk_kpi_measurement_practice_number_kpi_practice_key"),
        ),
        sa.ForeignKeyConstraint(
            ["source_number"],
            ["kpi_source.number"],
            name=op.f("fk_kpi_measurement_source_number_kpi_source"),
        ),
        sa.PrimaryKeyConstraint(
            "period", "kpi_number", "practice_number", name=op.f("pk_kpi_measurement")
        ),
        sqlite_with_rowid=False,
    )
    with op.batch_alter_table("kpi_measurement", schema=None) as batch_op:
        batch_op.create_index(
            "ix_kpi_measurement_practice", ["practice_number", "kpi_number", "period"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("kpi_measurement", schema=None) as batch_op:
        batch_op.drop_index("ix_kpi_measurement_practice")

    op.drop_table("kpi_measurement")
    op.drop_table("kpi_practice_key")
    with op.batch_alter_table("kpi", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_kpi_standard_id"))

    op.drop_table("kpi")
    op.drop_table("kpi_standard")
    op.drop_table("kpi_source")
