"""`contractdesk import practices`: the ODS epraccur extract into the practice register."""

from __future__ import annotations

import uuid
from collections.abc import Collection
from pathlib import Path

from sqlalchemy import bindparam, select, update

from contractdesk.domain.roles import Role
from contractdesk.errors import BadInput
from contractdesk.importers.bulk_work import collector_paused
from contractdesk.importers.epraccur import read_epraccur
from contractdesk.importers.progress import CHECKING, SAVING, WRITING, Progress, no_progress
from contractdesk.importers.records import PracticeRecord
from contractdesk.importers.report import ImportRejected, ImportReport
from contractdesk.services.audit import record_change
from contractdesk.services.reference_data import ensure_areas, new_ids
from contractdesk.services.workspace import Workspace
from contractdesk.store.bulk import insert_rows
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

# A new practice: its id and code, what epraccur says, then what only later imports or
# officers fill in.
NEW_ROW_COLUMNS = (
    "id",
    "ods_code",
    *IMPORTED_COLUMNS,
    "contract_type",
    "dispensing",
    "version",
    "created_at",
    "updated_at",
)


def import_practices(
    workspace: Workspace,
    path: Path,
    areas: Collection[str] = (),
    progress: Progress = no_progress,
) -> ImportReport:
    """Import an epraccur file; `progress` may raise `Cancelled` to roll it all back."""
    workspace.require(Role.OFFICER, "import practices")
    with collector_paused():
        return _import_practices(workspace, path, areas, progress)


def _import_practices(
    workspace: Workspace, path: Path, areas: Collection[str], progress: Progress
) -> ImportReport:
    result = read_epraccur(path, set(areas), progress)
    report = result.report
    if report.errors:
        raise ImportRejected([report])
    absent = set(areas) - {record.area_code for record in result.practices}
    if absent:
        raise BadInput(
            f"{report.file} has no GP practice in the commissioner area "
            f"{', '.join(sorted(absent))}: check the code (Rotherham is 03L)"
        )
    table = Practice.__table__
    with unit_of_work(workspace.engine, write=True) as session:
        area_ids = ensure_areas(session, {record.area_code for record in result.practices})
        # The stored values come back in IMPORTED_COLUMNS order, after id and version, so a row
        # is compared to the file as one tuple: most rows of a re-import are unchanged.
        columns = [table.c.ods_code, table.c.id, table.c.version] + [
            table.c[name] for name in IMPORTED_COLUMNS
        ]
        # Lock what we compare against, so a concurrent edit cannot slip in between.
        existing = {row[0]: row for row in session.execute(select(*columns).with_for_update())}
        progress(0, 3, CHECKING)
        now = utc_now()
        added: list[tuple[str, tuple[object, ...]]] = []
        changed_rows: list[dict[str, object]] = []
        changes: dict[str, dict[str, list[object]]] = {}
        for record in result.practices:
            values = _column_values(record, area_ids)
            current = existing.get(record.ods_code)
            if current is None:
                added.append((record.ods_code, values))
                continue
            stored = current[3:]
            if stored == values:
                report.unchanged += 1
                continue
            changes[record.ods_code] = {
                name: [old, new]
                for name, old, new in zip(IMPORTED_COLUMNS, stored, values, strict=True)
                if old != new
            }
            changed_rows.append(
                {f"new_{name}": value for name, value in zip(IMPORTED_COLUMNS, values, strict=True)}
                | {"row_id": current[1], "new_version": current[2] + 1, "now": now}
            )
        new_rows = [
            (row_id, ods_code, *values, "UNKNOWN", False, 1, now, now)
            for (ods_code, values), row_id in zip(added, new_ids(len(added)), strict=True)
        ]
        progress(1, 3, WRITING)
        insert_rows(session, table, NEW_ROW_COLUMNS, new_rows)
        progress(2, 3, WRITING)
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
                    "added": [ods_code for ods_code, _ in added],
                    "updated": changes,
                },
                summary=f"imported practices from {report.file} (sha256 {report.sha256[:12]}…): "
                f"{report.added} added, {report.updated} updated",
            )
        # The last chance to cancel: everything is written but not yet committed.
        progress(3, 3, SAVING)
    return report


def _column_values(record: PracticeRecord, area_ids: dict[str, uuid.UUID]) -> tuple[object, ...]:
    """The record's values in IMPORTED_COLUMNS order."""
    return (
        record.name,
        *record.address_lines,
        record.postcode,
        record.phone,
        record.status,
        record.open_date,
        record.close_date,
        area_ids[record.area_code],
    )
