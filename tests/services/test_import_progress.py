"""Import progress and cancel: reported every few hundred rows; a cancel rolls everything back."""

import pytest

from contractdesk.errors import Cancelled
from contractdesk.importers.progress import CHECKING, ROWS_PER_REPORT, SAVING, WRITING
from contractdesk.services.list_size_import import import_list_sizes
from contractdesk.services.payment_import import import_payments
from contractdesk.services.practice_import import import_practices
from tests.helpers import csv_rows, database_snapshot

ROTHERHAM = "03L"


def _run(kind, workspace, files, progress):
    if kind == "practices":
        return import_practices(workspace, files["epraccur"], progress=progress)
    if kind == "list sizes":
        return import_list_sizes(workspace, files["registrations"], progress=progress)
    return import_payments(
        workspace, [files["payments_2021"], files["payments_2022"]], progress=progress
    )


def test_practices_report_reading_every_few_hundred_rows_then_writing(workspace, files):
    calls = []
    import_practices(workspace, files["epraccur"], progress=lambda *call: calls.append(call))
    rows = len(csv_rows(files["epraccur"]))
    reading = [call for call in calls if call[2] == "Reading epraccur_2025-09.csv"]
    assert reading[0] == (0, rows, "Reading epraccur_2025-09.csv")
    assert reading[-1] == (rows, rows, "Reading epraccur_2025-09.csv")
    # Not per row: about one call per ROWS_PER_REPORT rows.
    assert len(reading) == rows // ROWS_PER_REPORT + 2
    assert [call[2] for call in calls[len(reading) :]] == [CHECKING, WRITING, WRITING, SAVING]
    assert all(done <= total for done, total, _ in calls)


@pytest.mark.parametrize("kind", ["practices", "list sizes", "payments"])
@pytest.mark.parametrize("cancel_at", [CHECKING, WRITING, SAVING])
def test_a_cancel_while_writing_leaves_the_database_exactly_as_it_was(
    workspace, files, kind, cancel_at
):
    if kind != "practices":
        # List sizes and payments need practices in the register to write anything.
        import_practices(workspace, files["epraccur"], [ROTHERHAM])
    before = database_snapshot(workspace)
    stages = []

    def cancel_at_stage(done, total, stage):
        stages.append(stage)
        if stage == cancel_at:
            raise Cancelled("Import cancelled")

    with pytest.raises(Cancelled):
        _run(kind, workspace, files, cancel_at_stage)
    assert stages[-1] == cancel_at
    assert database_snapshot(workspace) == before
    # And the same import, not cancelled, then goes through.
    reports = _run(kind, workspace, files, lambda *call: None)
    reports = reports if isinstance(reports, list) else [reports]
    assert sum(report.added for report in reports) > 0


def test_a_cancel_while_reading_changes_nothing(workspace, files):
    before = database_snapshot(workspace)

    def cancel_after_some_rows(done, total, stage):
        if done >= 2 * ROWS_PER_REPORT:
            raise Cancelled("Import cancelled")

    with pytest.raises(Cancelled):
        import_practices(workspace, files["epraccur"], progress=cancel_after_some_rows)
    assert database_snapshot(workspace) == before
