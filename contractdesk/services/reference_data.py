"""What the imports share: commissioner areas and localities found in the files, created or
renamed in bulk, and fresh row ids made in bulk."""

from __future__ import annotations

import os
import uuid
from collections.abc import Collection, Mapping

from sqlalchemy import bindparam, insert, select, update
from sqlalchemy.orm import Session

from contractdesk.errors import NotFound
from contractdesk.store.models import CommissionerArea, Locality, Practice
from contractdesk.store.types import utc_now

# The bits uuid.uuid4() fixes: version 4 and the RFC 4122 variant.
_VERSION_4_CLEAR = ~((0xF000 << 64) | (0xC000 << 48)) & ((1 << 128) - 1)
_VERSION_4_SET = (0x4000 << 64) | (0x8000 << 48)


def new_ids(count: int, ascending: bool = False) -> list[uuid.UUID]:
    """`count` random version-4 UUIDs, as uuid.uuid4() makes them, with the randomness read
    from the OS in one call: an import of all England needs thousands, and uuid4() one at a
    time was a tenth of its time. `ascending` sorts them (as numbers, before they are made
    UUIDs: comparing UUID objects is slow), for rows inserted in key order."""
    randomness = memoryview(os.urandom(16 * count))
    from_bytes = int.from_bytes
    numbers = [
        (from_bytes(randomness[start : start + 16]) & _VERSION_4_CLEAR) | _VERSION_4_SET
        for start in range(0, 16 * count, 16)
    ]
    if ascending:
        numbers.sort()
    return [uuid.UUID(int=number) for number in numbers]


def ensure_areas(session: Session, codes: Collection[str]) -> dict[str, uuid.UUID]:
    """Ids of every area, creating those of `codes` that are missing (named by their code until
    a payments file gives the name)."""
    table = CommissionerArea.__table__
    ids = {code: area_id for code, area_id in session.execute(select(table.c.code, table.c.id))}
    now = utc_now()
    missing = sorted(set(codes) - set(ids))
    new_rows = [
        {
            "id": area_id,
            "code": code,
            "name": code,
            "version": 1,
            "created_at": now,
            "updated_at": now,
        }
        for code, area_id in zip(missing, new_ids(len(missing)), strict=True)
    ]
    if new_rows:
        session.execute(insert(table), new_rows)
        ids.update({row["code"]: row["id"] for row in new_rows})
    return ids


def rename_areas(session: Session, names_by_code: Mapping[str, str]) -> dict[str, list[str]]:
    """Give existing areas the names a file states; returns {code: [old, new]} for each change.
    Codes the register does not have are ignored: a file does not create areas."""
    table = CommissionerArea.__table__
    existing = {
        row.code: row for row in session.execute(select(table.c.id, table.c.code, table.c.name))
    }
    now = utc_now()
    renamed = {}
    rows = []
    for code, name in names_by_code.items():
        row = existing.get(code)
        if row is not None and name and row.name != name:
            renamed[code] = [row.name, name]
            rows.append({"row_id": row.id, "new_name": name, "now": now})
    if rows:
        session.execute(
            update(table)
            .where(table.c.id == bindparam("row_id"))
            .values(
                name=bindparam("new_name"), version=table.c.version + 1, updated_at=bindparam("now")
            ),
            rows,
            execution_options={"synchronize_session": False},
        )
    return renamed


def require_known_areas(session: Session, areas: Collection[str]) -> None:
    """A mistyped --area should be refused, not import nothing and say it succeeded."""
    if not areas:
        return
    known = set(session.scalars(select(CommissionerArea.code)))
    unknown = sorted(set(areas) - known)
    if unknown:
        listed = ", ".join(sorted(known)[:10]) + ("…" if len(known) > 10 else "")
        raise NotFound(
            f"No commissioner area {', '.join(unknown)} in this database "
            f"(it has {listed or 'none yet'})."
        )


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


def practice_register_index(
    session: Session,
) -> dict[str, tuple[uuid.UUID, uuid.UUID | None, str | None]]:
    """Each practice's id, area id and area code, by ODS code: how imports decide what is in
    the register and in which area (the register's area, not the CCG code an old file uses)."""
    practice = Practice.__table__
    area = CommissionerArea.__table__
    query = select(practice.c.ods_code, practice.c.id, practice.c.area_id, area.c.code).outerjoin(
        area, practice.c.area_id == area.c.id
    )
    return {
        code: (practice_id, area_id, area_code)
        for code, practice_id, area_id, area_code in session.execute(query)
    }
