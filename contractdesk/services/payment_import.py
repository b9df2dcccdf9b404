"""`contractdesk import payments`: NHS Payments to General Practice, one or more years at once.

Every file is read and validated before anything is written; then all of them go in one
transaction. Each practice-year keeps its payment lines; the practice's contract type,
dispensing flag and PCN follow the latest year the database holds for it.
"""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Collection, Sequence
from pathlib import Path

from sqlalchemy import bindparam, func, insert, select, update
from sqlalchemy.orm import Session

from contractdesk.domain.financial_year import FinancialYear
from contractdesk.domain.roles import Role
from contractdesk.importers.bulk_work import collector_paused
from contractdesk.importers.payments import PaymentsResult, read_payments
from contractdesk.importers.progress import CHECKING, SAVING, WRITING, Progress, no_progress
from contractdesk.importers.records import ListSizeRecord, PaymentYearRecord
from contractdesk.importers.report import ImportRejected, ImportReport, RowProblem
from contractdesk.services.audit import record_change
from contractdesk.services.list_size_writer import write_list_sizes
from contractdesk.services.reference_data import (
    ensure_localities,
    new_ids,
    practice_register_index,
    rename_areas,
    require_known_areas,
)
from contractdesk.services.workspace import Workspace
from contractdesk.store.bulk import insert_rows
from contractdesk.store.models import PaymentLineSet, Practice, PracticePaymentYear
from contractdesk.store.types import utc_now
from contractdesk.store.unit_of_work import unit_of_work

# The columns of a practice-year compared to decide added / updated / unchanged.
COMPARED = (
    "contract_type",
    "registered_patients",
    "weighted_patients",
    "global_sum_pence",
    "mpig_pence",
    "pms_balance_pence",
    "qof_pence",
    "local_services_pence",
    "premises_pence",
    "total_payments_pence",
    "deductions_pence",
    "net_payments_pence",
    "enhanced_services_pence",
    "line_set_id",
    "line_amounts",
    "source",
)


def import_payments(
    workspace: Workspace,
    paths: Sequence[Path],
    areas: Collection[str] = (),
    year: FinancialYear | None = None,
    progress: Progress = no_progress,
) -> list[ImportReport]:
    """Import payment files; `progress` may raise `Cancelled` to roll them all back."""
    workspace.require(Role.OFFICER, "import payments")
    with collector_paused():
        return _import_payments(workspace, paths, areas, year, progress)


def _import_payments(
    workspace: Workspace,
    paths: Sequence[Path],
    areas: Collection[str],
    year: FinancialYear | None,
    progress: Progress,
) -> list[ImportReport]:
    results = [read_payments(path, (), year, progress) for path in paths]
    _refuse_repeated_years(results)
    if any(result.report.errors for result in results):
        raise ImportRejected([result.report for result in results])
    with unit_of_work(workspace.engine, write=True) as session:
        require_known_areas(session, areas)
        register = practice_register_index(session)
        progress(0, 1, CHECKING)
        newest_stored = session.scalar(select(func.max(PracticePaymentYear.financial_year)))
        for result in results:
            result.payments = _in_register(result, register, set(areas))
        practice_ids = {code: entry[0] for code, entry in register.items()}
        renamed = _name_areas(session, results, newest_stored)
        changes = {}
        # Two steps per file (payment years, list sizes) and one for the practices.
        steps = 2 * len(results) + 1
        for number, result in enumerate(results):
            progress(2 * number, steps, WRITING)
            changes[result.report.file] = _write_payment_years(session, result, practice_ids)
            progress(2 * number + 1, steps, WRITING)
            write_list_sizes(
                session, [_list_size(record) for record in result.payments], practice_ids
            )
        progress(steps - 1, steps, WRITING)
        _update_practices(session, results, register)
        for result in results:
            _audit(session, workspace, result, changes[result.report.file], renamed, areas)
            renamed = {}  # said once, with the first file
        # The last chance to cancel: everything is written but not yet committed.
        progress(steps, steps, SAVING)
    return [result.report for result in results]


def _in_register(
    result: PaymentsResult, register: dict[str, tuple], areas: set[str]
) -> list[PaymentYearRecord]:
    """The rows of practices in the register (and, with --area, of those areas).

    The register, not the file, says which area a practice is in: older files carry CCG codes
    that have since merged into sub-ICB locations.
    """
    kept = []
    for record in result.payments:
        entry = register.get(record.ods_code)
        if entry is None:
            reason = "not in the practice register (import epraccur first)"
        elif areas and entry[2] not in areas:
            reason = "outside the requested commissioner areas"
        else:
            kept.append(record)
            continue
        result.report.skipped.append(
            RowProblem(result.report.file, record.row, "Practice Code", reason)
        )
    return kept


def _name_areas(
    session: Session, results: list[PaymentsResult], newest_stored: FinancialYear | None
) -> dict[str, list[str]]:
    """Area names from the newest year imported, unless the database already holds a newer
    year: an old file must not rename an area back to its former CCG name."""
    newest = max(results, key=lambda result: result.financial_year)
    if newest_stored is not None and newest.financial_year < newest_stored:
        return {}
    return rename_areas(session, {record.area_code: record.area_name for record in newest.payments})


def _audit(session, workspace, result, changes, renamed, areas) -> None:  # type: ignore[no-untyped-def]
    report = result.report
    if not (report.added or report.updated or renamed):
        return  # importing the same file again leaves no trace but its report
    added, updated = changes
    record_change(
        session,
        workspace.user.login,
        action="import",
        entity_type="practice_payment_year",
        entity_key=report.file,
        details={
            "report": report.as_dict(),
            "financial_year": str(result.financial_year),
            "areas": sorted(areas),
            "added": added,
            "updated": updated,
            "areas_renamed": renamed,
        },
        summary=f"imported payments {result.financial_year} from {report.file} "
        f"(sha256 {report.sha256[:12]}…): {report.added} added, {report.updated} updated",
    )


def _refuse_repeated_years(results: list[PaymentsResult]) -> None:
    years: dict[FinancialYear, str] = {}
    for result in results:
        earlier = years.setdefault(result.financial_year, result.report.file)
        if earlier != result.report.file:
            result.report.errors.append(
                RowProblem(
                    result.report.file,
                    0,
                    "",
                    f"{result.financial_year} is already given by {earlier}",
                )
            )


def _list_size(record: PaymentYearRecord) -> ListSizeRecord:
    return ListSizeRecord(
        ods_code=record.ods_code,
        as_of=record.financial_year.last_day,
        registered_patients=record.registered_patients,
        weighted_patients=record.weighted_patients,
        source=record.source,
    )


def _write_payment_years(
    session: Session, result: PaymentsResult, practice_ids: dict[str, uuid.UUID]
) -> tuple[list[str], dict[str, list[str]]]:
    """Insert or update the year's rows; returns the codes added and, per code updated, the
    columns that changed (for the audit)."""
    table = PracticePaymentYear.__table__
    line_set_id = _line_set_id(session, result)
    # Stored values come back in COMPARED order after id and practice_id, so each row is
    # compared to the file as one tuple.
    existing = {
        row[1]: row
        for row in session.execute(
            select(table.c.id, table.c.practice_id, *(table.c[name] for name in COMPARED)).where(
                table.c.financial_year == result.financial_year
            )
        )
    }
    now = utc_now()
    added, changed_rows = [], []
    added_codes: list[str] = []
    updated: dict[str, list[str]] = {}
    for record in result.payments:
        practice_id = practice_ids[record.ods_code]
        values = (  # in COMPARED order
            record.contract_type,
            record.registered_patients,
            record.weighted_patients,
            record.global_sum_pence,
            record.mpig_pence,
            record.pms_balance_pence,
            record.qof_pence,
            record.local_services_pence,
            record.premises_pence,
            record.total_payments_pence,
            record.deductions_pence,
            record.net_payments_pence,
            record.enhanced_services_pence,
            line_set_id,
            record.line_amounts,
            record.source,
        )
        current = existing.get(practice_id)
        if current is None:
            added.append((practice_id, values))
            added_codes.append(record.ods_code)
        elif current[2:] != values:
            updated[record.ods_code] = [
                name
                for name, old, new in zip(COMPARED, current[2:], values, strict=True)
                if old != new
            ]
            changed_rows.append(
                {f"new_{name}": value for name, value in zip(COMPARED, values, strict=True)}
                | {"row_id": current[0], "now": now}
            )
        else:
            result.report.unchanged += 1
    # In practice order with ascending ids: SQLite adds to each index in one sweep.
    new_rows = [
        (row_id, practice_id, result.financial_year, now, now, *values)
        for (practice_id, values), row_id in zip(
            sorted(added, key=_practice_number), new_ids(len(added), ascending=True), strict=True
        )
    ]
    insert_rows(
        session,
        table,
        ("id", "practice_id", "financial_year", "created_at", "updated_at", *COMPARED),
        new_rows,
    )
    if changed_rows:
        session.execute(
            update(table)
            .where(table.c.id == bindparam("row_id"))
            .values(
                {name: bindparam(f"new_{name}") for name in COMPARED}
                | {"updated_at": bindparam("now")}
            ),
            changed_rows,
            execution_options={"synchronize_session": False},
        )
    result.report.added = len(new_rows)
    result.report.updated = len(changed_rows)
    return added_codes, updated


def _practice_number(pair: tuple) -> int:
    return pair[0].int


def _line_set_id(session: Session, result: PaymentsResult) -> uuid.UUID:
    """The stored set of this file's payment column names, made if the year has none like it."""
    table = PaymentLineSet.__table__
    fingerprint = hashlib.sha256("\n".join(result.line_names).encode()).hexdigest()
    found = session.scalar(
        select(table.c.id).where(
            table.c.financial_year == result.financial_year, table.c.fingerprint == fingerprint
        )
    )
    if found is not None:
        return found
    [new_id] = new_ids(1)
    now = utc_now()
    session.execute(
        insert(table).values(
            id=new_id,
            financial_year=result.financial_year,
            fingerprint=fingerprint,
            names=list(result.line_names),
            created_at=now,
            updated_at=now,
        )
    )
    return new_id


def _update_practices(
    session: Session,
    results: list[PaymentsResult],
    register: dict[str, tuple[uuid.UUID, uuid.UUID | None, str | None]],
) -> None:
    """Contract type, dispensing and PCN from each practice's latest stored year."""
    latest_stored = {
        practice_id: year
        for practice_id, year in session.execute(
            select(
                PracticePaymentYear.practice_id, func.max(PracticePaymentYear.financial_year)
            ).group_by(PracticePaymentYear.practice_id)
        )
    }
    latest: dict[uuid.UUID, PaymentYearRecord] = {}
    for result in sorted(results, key=lambda r: r.financial_year):
        for record in result.payments:
            practice_id = register[record.ods_code][0]
            if record.financial_year == latest_stored.get(practice_id):
                latest[practice_id] = record
    locality_ids = ensure_localities(
        session,
        {
            # A PCN belongs to the area its practices are registered in today.
            record.pcn_code: (record.pcn_name or record.pcn_code, register[record.ods_code][1])
            for record in latest.values()
            if record.pcn_code
        },
    )
    table = Practice.__table__
    current = {
        row.id: row
        for row in session.execute(
            select(
                table.c.id,
                table.c.contract_type,
                table.c.dispensing,
                table.c.locality_id,
                table.c.version,
            ).with_for_update()
        )
        if row.id in latest
    }
    now = utc_now()
    changed_rows = []
    for practice_id, record in latest.items():
        row = current[practice_id]
        wanted = {
            "contract_type": record.contract_type,
            "dispensing": row.dispensing if record.dispensing is None else record.dispensing,
            "locality_id": locality_ids[record.pcn_code] if record.pcn_code else row.locality_id,
        }
        if any(getattr(row, name) != value for name, value in wanted.items()):
            changed_rows.append(
                {f"new_{name}": value for name, value in wanted.items()}
                | {"row_id": practice_id, "new_version": row.version + 1, "now": now}
            )
    if changed_rows:
        session.execute(
            update(table)
            .where(table.c.id == bindparam("row_id"))
            .values(
                {
                    name: bindparam(f"new_{name}")
                    for name in ("contract_type", "dispensing", "locality_id")
                }
                | {"version": bindparam("new_version"), "updated_at": bindparam("now")}
            ),
            changed_rows,
            execution_options={"synchronize_session": False},
        )
