"""`contractdesk import practices`: the ODS epraccur extract into the practice register."""

from __future__ import annotations

import uuid
from collections.abc import Collection
from pathlib import Path

from sqlalchemy import bindparam, insert, select, update

from contractdesk.domain.roles import Role
from contractdesk.importers.epraccur import read_epraccur
from contractdesk.importers.records import PracticeRecord
from contractdesk.importers.report import ImportRejected, ImportReport
from contractdesk.services.audit import record_change
from contractdesk.services.reference_data import ensure_areas
from contractdesk.services.workspace import Workspace
from contractdesk.store.models import Practice
from contractdesk.store.types import utc_now
from contractdesk.store.unit_of_work import unit_of_work

# The practice columns epraccur is the authority for; contract details come from elsewhere.
IMPORTED_COLUMNS = (
    "name",
    "address_line1",
    "address_line2",
    "address_line3",
    "address_line4",
    "address_line5",
    "postcode",
    "phone",
    "status",
    "open_date",
    "close_date",
    "area_id",
)


def import_practices(workspace: Workspace, path: Path, areas: Collection[str] = ()) -> ImportReport:
    workspace.require(Role.OFFICER, "import practices")
    result = read_epraccur(path, set(areas))
    report = result.report
    if report.errors:
        raise ImportRejected([report])
    table = Practice.__table__
    with unit_of_work(workspace.engine, write=True) as session:
        area_ids = ensure_areas(session, {record.area_code: None for record in result.practices})
        columns = [table.c.id, table.c.ods_code, table.c.version] + [
            table.c[name] for name in IMPORTED_COLUMNS
        ]
        # Lock what we compare against, so a concurrent edit cannot slip in between.
        existing = {
            row.ods_code: row for row in session.execute(select(*columns).with_for_update())
        }
        now = utc_now()
        new_rows: list[dict[str, object]] = []
        changed_rows: list[dict[str, object]] = []
        changes: dict[str, dict[str, list[object]]] = {}
        for record in result.practices:
            values = _column_values(record, area_ids)
            current = existing.get(record.ods_code)
            if current is None:
                values.update(
                    id=uuid.uuid4(),
                    ods_code=record.ods_code,
                    contract_type="UNKNOWN",
                    dispensing=False,
                    version=1,
                    created_at=now,
                    updated_at=now,
                )
                new_rows.append(values)
                continue
            difference = {
                name: [getattr(current, name), value]
                for name, value in values.items()
                if getattr(current, name) != value
            }
            if not difference:
                report.unchanged += 1
                continue
            changes[record.ods_code] = difference
            changed_rows.append(
                {
                    **{f"new_{name}": value for name, value in values.items()},
                    "row_id": current.id,
                    "new_version": current.version + 1,
                    "now": now,
                }
            )
        if new_rows:
            session.execute(insert(table), new_rows)
        if changed_rows:
            session.execute(
                update(table)
                .where(table.c.id == bindparam("row_id"))
                .values(
                    {name: bindparam(f"new_{name}") for name in IMPORTED_COLUMNS}
                    | {"version": bindparam("new_version"), "updated_at": bindparam("now")}
                ),
                changed_rows,
                execution_options={"synchronize_session": False},
            )
        report.added = len(new_rows)
        report.updated = len(changed_rows)
        if new_rows or changed_rows:
            record_change(
                session,
                workspace.user.login,
                action="import",
                entity_type="practice",
                entity_key=report.file,
                details={
                    "report": report.as_dict(),
                    "areas": sorted(areas),
                    "added": [row["ods_code"] for row in new_rows],
                    "updated": changes,
                },
                summary=f"imported practices from {report.file} (sha256 {report.sha256[:12]}…): "
                f"{report.added} added, {report.updated} updated",
            )
    return report


def _column_values(record: PracticeRecord, area_ids: dict[str, uuid.UUID]) -> dict[str, object]:
    lines = record.address_lines
    return {
        "name": record.name,
        "address_line1": lines[0],
        "address_line2": lines[1],
        "address_line3": lines[2],
        "address_line4": lines[3],
        "address_line5": lines[4],
        "postcode": record.postcode,
        "phone": record.phone,
        "status": record.status,
        "open_date": record.open_date,
        "close_date": record.close_date,
        "area_id": area_ids[record.area_code],
    }
