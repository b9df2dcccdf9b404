"""Imports into the database: all-or-nothing, idempotent, audited, on SQLite and PostgreSQL."""

from decimal import Decimal

import pytest
from sqlalchemy import select

from contractdesk.domain.roles import Role
from contractdesk.errors import BadInput, PermissionDenied
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


@pytest.fixture
def files(real_data):
    return {
        "epraccur": real_data / "ods" / "epraccur_2025-09.csv",
        "payments_2022": real_data / "nhs_payments_gp" / "nhs_payments_gp_2022-23.csv",
        "payments_2014": real_data / "nhs_payments_gp" / "nhs_payments_gp_2014-15.csv",
        "registrations": real_data / "registrations" / "gp-reg-pat-prac-all_2022-05.csv",
    }


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
    not_registered = "not in the practice register (import epraccur first)"
    assert reports[0].added == 29
    # Rotherham had 36 practices in 2014-15; those closed before ODS's records began are skipped.
    assert reports[1].added + reports[1].skipped_by_reason()[not_registered] == 36
    assert reports[1].added > 30
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
