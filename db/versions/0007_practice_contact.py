"""Practices: a lead contact (name, role) and an email, for the letters' addressee.

Revision ID: 0007_practice_contact
Revises: 0006_letters
Create Date: 2026-11-23 19:40:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0007_practice_contact"
down_revision = "0006_letters"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Plain ADD COLUMN (nullable, no default): SQLite and PostgreSQL both do it in place, so
    # the table, its indexes and triggers stay as they are.
    op.add_column("practice", sa.Column("lead_contact", sa.String(length=100), nullable=True))
    op.add_column("practice", sa.Column("lead_contact_role", sa.String(length=100), nullable=True))
    op.add_column("practice", sa.Column("email", sa.String(length=200), nullable=True))


def downgrade() -> None:
    # DROP COLUMN in place (SQLite 3.35+): a batch copy of the table would trip the foreign
    # keys of every table that refers to practices.
    op.drop_column("practice", "email")
    op.drop_column("practice", "lead_contact_role")
    op.drop_column("practice", "lead_contact")
