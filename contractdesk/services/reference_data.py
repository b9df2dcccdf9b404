"""Commissioner areas and localities that imports find, created or renamed in bulk."""

from __future__ import annotations

import uuid
from collections.abc import Mapping

from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session

from contractdesk.store.models import CommissionerArea, Locality
from contractdesk.store.types import utc_now


def ensure_areas(session: Session, names_by_code: Mapping[str, str | None]) -> dict[str, uuid.UUID]:
    """Ids of the areas with these codes, creating missing ones (named by code until a file
    gives the name) and taking any name given. Returns the ids of every area in the database."""
    table = CommissionerArea.__table__
    existing = {
        row.code: row for row in session.execute(select(table.c.id, table.c.code, table.c.name))
    }
    now = utc_now()
    new_rows = []
    for code, name in names_by_code.items():
        row = existing.get(code)
        if row is None:
            new_rows.append(
                {
                    "id": uuid.uuid4(),
                    "code": code,
                    "name": name or code,
                    "version": 1,
                    "created_at": now,
                    "updated_at": now,
                }
            )
        elif name and row.name != name:
            session.execute(
                update(table)
                .where(table.c.id == row.id)
                .values(name=name, version=table.c.version + 1, updated_at=now)
            )
    if new_rows:
        session.execute(insert(table), new_rows)
    ids = {code: row.id for code, row in existing.items()}
    ids.update({row["code"]: row["id"] for row in new_rows})
    return ids


def ensure_localities(
    session: Session, localities: Mapping[str, tuple[str, uuid.UUID | None]]
) -> dict[str, uuid.UUID]:
    """Ids of localities (PCNs) by code from `{code: (name, area_id)}`, creating or updating."""
    table = Locality.__table__
    existing = {
        row.code: row
        for row in session.execute(select(table.c.id, table.c.code, table.c.name, table.c.area_id))
    }
    now = utc_now()
    new_rows = []
    for code, (name, area_id) in localities.items():
        row = existing.get(code)
        if row is None:
            new_rows.append(
                {
                    "id": uuid.uuid4(),
                    "code": code,
                    "name": name,
                    "area_id": area_id,
                    "version": 1,
                    "created_at": now,
                    "updated_at": now,
                }
            )
        elif (row.name, row.area_id) != (name, area_id):
            session.execute(
                update(table)
                .where(table.c.id == row.id)
                .values(name=name, area_id=area_id, version=table.c.version + 1, updated_at=now)
            )
    if new_rows:
        session.execute(insert(table), new_rows)
    ids = {code: row.id for code, row in existing.items()}
    ids.update({row["code"]: row["id"] for row in new_rows})
    return ids
