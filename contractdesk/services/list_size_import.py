"""`contractdesk import list-sizes`: registered patients per practice at an extract date."""

from __future__ import annotations

from collections.abc import Collection
from pathlib import Path

from contractdesk.domain.roles import Role
from contractdesk.importers.progress import CHECKING, SAVING, WRITING, Progress, no_progress
from contractdesk.importers.registrations import read_registrations
from contractdesk.importers.report import ImportRejected, ImportReport, RowProblem
from contractdesk.services.audit import record_change
from contractdesk.services.list_size_writer import write_list_sizes
from contractdesk.services.reference_data import practice_register_index, require_known_areas
from contractdesk.services.workspace import Workspace
from contractdesk.store.unit_of_work import unit_of_work


def import_list_sizes(
    workspace: Workspace,
    path: Path,
    areas: Collection[str] = (),
    progress: Progress = no_progress,
) -> ImportReport:
    """Import a registered-patients file; `progress` may raise `Cancelled` to roll it back."""
    workspace.require(Role.OFFICER, "import list sizes")
    result = read_registrations(path, progress)
    report = result.report
    if report.errors:
        raise ImportRejected([report])
    with unit_of_work(workspace.engine, write=True) as session:
        require_known_areas(session, areas)
        progress(0, 2, CHECKING)
        # The register, not the file, says which area a practice is in: CCG codes in older
        # extracts predate the sub-ICB mergers.
        practices = practice_register_index(session)
        wanted = []
        for number, record in enumerate(result.list_sizes, start=2):
            known = practices.get(record.ods_code)
            if known is None:
                report.skipped.append(
                    RowProblem(
                        report.file,
                        number,
                        "CODE",
                        "not in the practice register (import epraccur first)",
                    )
                )
            elif areas and known[2] not in areas:
                report.skipped.append(
                    RowProblem(
                        report.file, number, "CODE", "outside the requested commissioner areas"
                    )
                )
            else:
                wanted.append(record)
        practice_ids = {code: ids[0] for code, ids in practices.items()}
        progress(1, 2, WRITING)
        report.added, report.updated, report.unchanged = write_list_sizes(
            session, wanted, practice_ids
        )
        if report.added or report.updated:
            record_change(
                session,
                workspace.user.login,
                action="import",
                entity_type="list_size",
                entity_key=report.file,
                details={
                    "report": report.as_dict(),
                    "areas": sorted(areas),
                    "list_sizes": {
                        record.ods_code: str(record.registered_patients) for record in wanted
                    },
                    "as_of": str(wanted[0].as_of) if wanted else None,
                },
                summary=f"imported list sizes from {report.file} (sha256 {report.sha256[:12]}…): "
                f"{report.added} added, {report.updated} updated",
            )
        # The last chance to cancel: everything is written but not yet committed.
        progress(2, 2, SAVING)
    return report
