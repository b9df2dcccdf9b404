"""Imports into the database: all-or-nothing, idempotent, audited, on SQLite and PostgreSQL."""

from decimal import Decimal

import pytest
from sqlalchemy import select

from contractdesk.domain.roles import Role
from contractdesk.errors import BadInput, NotFound, PermissionDenied
from contractdesk.importers.report import ImportRejected
from contractdesk.services.list_size_import import import_list_sizes
from contractdesk.services.payment_import import import_payments
from contractdesk.services.practice_import import import_practices
from contractdesk.services.practices import get_practice, list_practices
from contractdesk.services.users import set_role
from contractdesk.services.workspace import open_workspace
from contractdesk.store.models import AuditEntry, PracticePaymentYear
from contractdesk.store.unit_of_work import unit_of_work
from tests.helpers import copy_with_line_changed, csv_rows, database_snapshot

ROTHERHAM = "03L"


def _import_audits(workspace):
    with unit_of_work(workspace.engine) as session:
        return session.scalars(select(AuditEntry).where(AuditEntry.action == "import")).all()


def test_all_of_england_then_the_same_file_again_changes_nothing(workspace, files):
    gp_rows = [row for row in csv_rows(files["epraccur"]) if row[25] == "4"]
    first = import_practices(workspace, files["epraccur"])
    assert (first.added, first.updated, first.unchanged) == (len(gp_rows), 0, 0)
    snapshot = database_snapshot(workspace)
    again = import_practices(workspace, files["epraccur"])
    assert (again.added, again.updated, again.unchanged) == (0, 0, len(gp_rows))
    assert database_snapshot(workspace) == snapshot
    [audit] = _import_audits(workspace)
    assert audit.details["report"]["sha256"] == first.sha256
    assert len(audit.details["added"]) == len(gp_rows)


def test_a_changed_practice_is_updated_versioned_and_its_change_audited(workspace, files, tmp_path):
    import_practices(workspace, files["epraccur"], [ROTHERHAM])
    before = get_practice(workspace, "C87003")
    line = next(i for i, row in enumerate(csv_rows(files["epraccur"]), 1) if row[0] == "C87003")
    renamed = copy_with_line_changed(
        files["epraccur"],
        tmp_path / "epraccur.csv",
        line,
        lambda text: text.replace("WOODSTOCK BOWER GROUP PRACTICE", "WOODSTOCK BOWER SURGERY"),
    )
    report = import_practices(workspace, renamed, [ROTHERHAM])
    assert (report.added, report.updated) == (0, 1)
    after = get_practice(workspace, "C87003")
    assert after.name == "WOODSTOCK BOWER SURGERY"
    assert after.version == before.version + 1
    latest = _import_audits(workspace)[-1]
    assert latest.details["updated"] == {
        "C87003": {"name": ["WOODSTOCK BOWER GROUP PRACTICE", "WOODSTOCK BOWER SURGERY"]}
    }


@pytest.mark.parametrize(
    "break_line",
    [
        lambda text: text.split(',"Y63"')[0] + "\n",  # truncated
        lambda text: text.replace('"C87003"', '"C8700"'),  # bad ODS code
        lambda text: text.replace('"19740401"', '"1974-04-01"'),  # bad date
    ],
    ids=["truncated-row", "bad-ods-code", "bad-date"],
)
def test_a_broken_file_leaves_the_database_exactly_as_it_was(
    workspace, files, tmp_path, break_line
):
    import_practices(workspace, files["epraccur"], [ROTHERHAM])
    snapshot = database_snapshot(workspace)
    line = next(i for i, row in enumerate(csv_rows(files["epraccur"]), 1) if row[0] == "C87003")
    broken = copy_with_line_changed(files["epraccur"], tmp_path / "epraccur.csv", line, break_line)
    with pytest.raises(ImportRejected) as rejected:
        import_practices(workspace, broken)
    assert f"epraccur.csv:{line}" in str(rejected.value)
    assert "database was not changed" in str(rejected.value)
    assert database_snapshot(workspace) == snapshot


def test_the_wrong_file_leaves_the_database_as_it_was(workspace, files):
    snapshot = database_snapshot(workspace)
    with pytest.raises(BadInput):
        import_practices(workspace, files["payments_2022"])
    with pytest.raises(BadInput):
        import_payments(workspace, [files["epraccur"]])
    assert database_snapshot(workspace) == snapshot


def test_a_viewer_cannot_import(workspace, database_url, files):
    viewer = open_workspace(database_url, "bob")
    try:
        with pytest.raises(PermissionDenied):
            import_practices(viewer, files["epraccur"], [ROTHERHAM])
    finally:
        viewer.close()
    set_role(workspace, "bob", Role.OFFICER)
    officer = open_workspace(database_url, "bob")
    try:
        assert import_practices(officer, files["epraccur"], [ROTHERHAM]).added == 37
    finally:
        officer.close()


def test_payments_set_contract_type_pcn_and_list_sizes(workspace, files):
    import_practices(workspace, files["epraccur"], [ROTHERHAM])
    [report] = import_payments(workspace, [files["payments_2022"]], [ROTHERHAM])
    rows = [row for row in csv_rows(files["payments_2022"])[1:] if row[2] == ROTHERHAM]
    assert report.added == len(rows) == 29
    woodstock = get_practice(workspace, "C87003")
    assert woodstock.contract_type == "PMS"
    assert woodstock.locality_name == "ROTHERHAM CENTRAL NORTH PCN"
    assert woodstock.list_sizes[0].weighted_patients == Decimal("12103.97")
    header = csv_rows(files["payments_2022"])[0]
    total = header.index("Total NHS Payments to General Practice")
    with unit_of_work(workspace.engine) as session:
        stored = session.scalars(select(PracticePaymentYear.total_payments_pence)).all()
    assert sum(stored) == sum(int(Decimal(row[total]) * 100) for row in rows)
    [again] = import_payments(workspace, [files["payments_2022"]], [ROTHERHAM])
    assert (again.added, again.updated, again.unchanged) == (0, 0, 29)


def test_several_years_at_once_and_the_latest_year_sets_the_contract(workspace, files):
    import_practices(workspace, files["epraccur"], [ROTHERHAM])
    reports = import_payments(
        workspace, [files["payments_2022"], files["payments_2014"]], [ROTHERHAM]
    )
    assert reports[0].added == 29
    # --area means the practices the register puts in Rotherham, whatever code the old file used.
    rotherham = {p.ods_code for p in list_practices(workspace, [ROTHERHAM])}
    old_rows = [row for row in csv_rows(files["payments_2014"])[1:] if row[4] in rotherham]
    assert reports[1].added == len(old_rows) == 36
    summaries = {p.ods_code: p for p in list_practices(workspace, [ROTHERHAM])}
    assert summaries["C87003"].list_size_date.isoformat() == "2023-03-31"


def test_one_bad_payments_file_rejects_the_whole_batch(workspace, files, tmp_path):
    import_practices(workspace, files["epraccur"], [ROTHERHAM])
    snapshot = database_snapshot(workspace)
    line = next(
        i for i, row in enumerate(csv_rows(files["payments_2014"]), 1) if row[4] == "C87003"
    )
    broken = copy_with_line_changed(
        files["payments_2014"],
        tmp_path / "nhs_payments_gp_2014-15.csv",
        line,
        lambda text: text.replace(",GMS,", ",XMS,").replace(",PMS,", ",XMS,"),
    )
    with pytest.raises(ImportRejected, match=f"nhs_payments_gp_2014-15.csv:{line}:Contract Type"):
        import_payments(workspace, [files["payments_2022"], broken], [ROTHERHAM])
    assert database_snapshot(workspace) == snapshot


def test_the_same_year_twice_is_refused(workspace, files, tmp_path):
    copy = tmp_path / "22-23.csv"
    copy.write_bytes(files["payments_2022"].read_bytes())
    with pytest.raises(ImportRejected, match="already given"):
        import_payments(workspace, [files["payments_2022"], copy], [ROTHERHAM])


def test_list_sizes_only_for_registered_practices_of_the_area(workspace, files):
    import_practices(workspace, files["epraccur"], [ROTHERHAM, "16C"])
    report = import_list_sizes(workspace, files["registrations"], [ROTHERHAM])
    assert report.added == 29
    reasons = report.skipped_by_reason()
    assert reasons["outside the requested commissioner areas"] > 0
    assert reasons["not in the practice register (import epraccur first)"] > 6000
    again = import_list_sizes(workspace, files["registrations"], [ROTHERHAM])
    assert (again.added, again.unchanged) == (0, 29)


def test_payments_again_leave_the_database_exactly_as_it_was(workspace, files):
    import_practices(workspace, files["epraccur"], [ROTHERHAM])
    import_payments(workspace, [files["payments_2022"], files["payments_2014"]], [ROTHERHAM])
    snapshot = database_snapshot(workspace)
    import_payments(workspace, [files["payments_2022"], files["payments_2014"]], [ROTHERHAM])
    import_list_sizes(workspace, files["registrations"], [ROTHERHAM])
    snapshot_with_list_sizes = database_snapshot(workspace)
    import_list_sizes(workspace, files["registrations"], [ROTHERHAM])
    assert database_snapshot(workspace) == snapshot_with_list_sizes
    assert snapshot_with_list_sizes["practice_payment_year"] == snapshot["practice_payment_year"]


def test_an_older_year_does_not_rename_the_area_back(workspace, files):
    import_practices(workspace, files["epraccur"], [ROTHERHAM])
    import_payments(workspace, [files["payments_2022"]], [ROTHERHAM])
    name = get_practice(workspace, "C87003").area_name
    import_payments(workspace, [files["payments_2014"]], [ROTHERHAM])
    assert get_practice(workspace, "C87003").area_name == name == "NHS SOUTH YORKSHIRE ICB - 03L"
    latest = _import_audits(workspace)[-2]
    assert latest.details["areas_renamed"] == {ROTHERHAM: [ROTHERHAM, name]}


def test_skipped_payment_rows_are_named_by_their_line_in_the_file(workspace, files):
    import_practices(workspace, files["epraccur"], [ROTHERHAM])
    [report] = import_payments(workspace, [files["payments_2022"]])
    lines = {row[6]: number for number, row in enumerate(csv_rows(files["payments_2022"]), 1)}
    skipped = [p for p in report.skipped if p.message.startswith("not in the practice register")]
    assert skipped and all(problem.row > 1 for problem in skipped)
    first = skipped[0]
    line_text = csv_rows(files["payments_2022"])[first.row - 1]
    assert lines[line_text[6]] == first.row and line_text[2] != ROTHERHAM


def test_all_of_england_payments_with_practices_in_no_pcn(workspace, files):
    import_practices(workspace, files["epraccur"])
    [report] = import_payments(workspace, [files["payments_2022"]])
    rows = csv_rows(files["payments_2022"])[1:]
    assert report.added + len(report.skipped) == len(rows)
    no_pcn = [row[6] for row in rows if row[4] == "Unknown or no PCN"]
    assert no_pcn
    assert get_practice(workspace, no_pcn[0]).locality_code is None


def test_a_file_with_only_its_header_is_refused(workspace, files, tmp_path):
    for name, source in (
        ("nhs_payments_gp_2022-23.csv", files["payments_2022"]),
        ("regs.csv", files["registrations"]),
    ):
        header_only = tmp_path / name
        header_only.write_bytes(source.read_bytes().splitlines(keepends=True)[0])
        with pytest.raises(BadInput, match="no practices"):
            if name == "regs.csv":
                import_list_sizes(workspace, header_only)
            else:
                import_payments(workspace, [header_only])
    assert _import_audits(workspace) == []


def test_an_area_that_is_nowhere_is_refused(workspace, files):
    with pytest.raises(BadInput, match="no GP practice in the commissioner area 99X"):
        import_practices(workspace, files["epraccur"], ["99X"])
    import_practices(workspace, files["epraccur"], [ROTHERHAM])
    with pytest.raises(NotFound, match="No commissioner area 99X"):
        import_payments(workspace, [files["payments_2022"]], ["99X"])
    with pytest.raises(NotFound, match="No commissioner area 99X"):
        import_list_sizes(workspace, files["registrations"], ["99X"])
