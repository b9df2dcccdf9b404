"""KPI measurement imports: the real files (counts from the files), long form CSV and Excel,
broken copies refused with nothing written, a re-import changes nothing; SQLite and PostgreSQL."""

import csv
from decimal import Decimal

import pytest
from openpyxl import Workbook
from sqlalchemy import func, select

from contractdesk.domain.financial_year import FinancialYear
from contractdesk.domain.kpi_period import Period
from contractdesk.domain.roles import Role
from contractdesk.errors import BadInput, PermissionDenied
from contractdesk.importers.kpi_measurements import (
    QOF_CONDITIONS,
    immunisation_kpi_code,
    qof_kpi_code,
)
from contractdesk.importers.report import ImportRejected
from contractdesk.services.kpi_framework import (
    copy_framework_forward,
    create_kpi,
    create_standard,
    load_framework,
)
from contractdesk.services.kpi_import import NOT_IN_REGISTER, import_measurements
from contractdesk.services.practice_import import import_practices
from contractdesk.store.models import AuditEntry, KpiMeasurement, KpiSource
from contractdesk.store.unit_of_work import unit_of_work
from tests.helpers import copy_with_line_changed, csv_rows, database_snapshot

ROTHERHAM = "03L"


@pytest.fixture
def kpi_files(real_data):
    folder = real_data / "kpi"
    return {
        "qof": folder / "qof_cvd_achievement_by_practice.csv",
        "immunisations": folder / "west_sussex_gp_childhood_immunisations.csv",
        "cqc": folder / "cqc_ratings_by_practice_2024.csv",
    }


def _framework(workspace, year, codes, unit="percent", target="95", band="5"):
    create_standard(workspace, year, "HEALTH", "Health improvement", "developmental")
    for code in codes:
        create_kpi(
            workspace,
            year,
            code,
            standard_code="HEALTH",
            name=code,
            unit=unit,
            direction="higher",
            target=target,
            amber_band=band,
        )


def _count(workspace, table=KpiMeasurement):
    with unit_of_work(workspace.engine) as session:
        return session.scalar(select(func.count()).select_from(table))


def test_childhood_immunisations_against_the_england_register(workspace, files, kpi_files):
    import_practices(workspace, files["epraccur"])
    rows = list(csv.DictReader(kpi_files["immunisations"].open(encoding="utf-8-sig")))
    codes = sorted({immunisation_kpi_code(row["Age"], row["Item"]) for row in rows})
    _framework(workspace, FinancialYear(2019), codes)
    copy_framework_forward(workspace, FinancialYear(2019))
    copy_framework_forward(workspace, FinancialYear(2020))
    report = import_measurements(workspace, kpi_files["immunisations"])
    no_patients = sum(row["Denominator"] == "0" for row in rows)
    distinct = {
        (row["Year"], row["ODS_Code"], row["Age"], row["Item"])
        for row in rows
        if row["Denominator"] != "0"
    }
    repeats = len(rows) - no_patients - len(distinct)
    assert report.rows_read == len(rows) == 3712
    assert report.added == len(distinct)
    assert report.skipped_by_reason() == {
        "no eligible patients": no_patients,
        "repeats an earlier row": repeats,
    }
    assert _count(workspace) == len(distinct)
    # numerator and denominator kept, the value computed exactly from them
    with unit_of_work(workspace.engine) as session:
        stored = (
            session.execute(
                select(KpiMeasurement).where(KpiMeasurement.numerator_millionths == 30_000_000)
            )
            .scalars()
            .first()
        )
        assert stored.denominator_millionths is not None
    snapshot = database_snapshot(workspace)
    again = import_measurements(workspace, kpi_files["immunisations"])
    assert (again.added, again.updated, again.unchanged) == (0, 0, len(distinct))
    assert database_snapshot(workspace) == snapshot


def test_immunisations_into_rotherham_skip_every_row_as_not_in_the_register(rotherham, kpi_files):
    rows = list(csv.DictReader(kpi_files["immunisations"].open(encoding="utf-8-sig")))
    codes = sorted({immunisation_kpi_code(row["Age"], row["Item"]) for row in rows})
    _framework(rotherham, FinancialYear(2019), codes)
    report = import_measurements(rotherham, kpi_files["immunisations"])
    assert report.added == 0
    skipped = report.skipped_by_reason()
    assert skipped[NOT_IN_REGISTER] > 0
    assert skipped["no eligible patients"] == sum(row["Denominator"] == "0" for row in rows)


def test_qof_and_cqc_for_rotherham_count_what_is_skipped(rotherham, kpi_files):
    year = FinancialYear(2023)
    _framework(rotherham, year, [qof_kpi_code(c) for c in QOF_CONDITIONS])
    create_kpi(
        rotherham,
        year,
        "CQC-RATING",
        standard_code="HEALTH",
        name="CQC rating",
        unit="score",
        direction="higher",
        target="3",
        amber_band="1",
    )
    rows = csv_rows(kpi_files["qof"])
    with pytest.raises(BadInput, match="--period"):
        import_measurements(rotherham, kpi_files["qof"])
    report = import_measurements(rotherham, kpi_files["qof"], period=Period(year))
    in_rotherham = [row for row in rows[1:] if row[1].startswith("C87")]
    values = [cell for row in in_rotherham for cell in row[2:11] if cell != "NA"]
    assert report.rows_read == len(rows) - 1
    assert report.added == len(values)
    assert report.skipped_by_reason()[NOT_IN_REGISTER] == sum(
        cell != "NA" for row in rows[1:] if not row[1].startswith("C87") for cell in row[2:11]
    ) - sum(1 for row in rows[1:] if row[1] == "NA" for cell in row[2:11] if cell != "NA")
    cqc = import_measurements(rotherham, kpi_files["cqc"], period=Period(year))
    assert cqc.added == sum(1 for row in csv_rows(kpi_files["cqc"])[1:] if row[0].startswith("C87"))


def test_long_form_csv_and_excel_with_rates(rotherham, tmp_path):
    year = FinancialYear(2025)
    _framework(rotherham, year, ["SCREEN"])
    create_kpi(
        rotherham, year, "OPFU", standard_code="HEALTH", name="Follow-ups",
        unit="per_1000", direction="lower", target="45", amber_band="5",
    )  # fmt: skip
    path = tmp_path / "measurements.csv"
    path.write_text(
        "Practice code,KPI code,Period,Value,Numerator,Denominator\n"
        "C87003,SCREEN,2025/26 Q1,96.5,,\n"
        "C87003,OPFU,2025/26 Q1,,90,2000\n"
        "C87004,SCREEN,2025/26,,30,32\n"
        "Y99999,SCREEN,2025/26 Q1,50,,\n",
        encoding="utf-8",
    )
    report = import_measurements(rotherham, path)
    assert (report.added, len(report.skipped)) == (3, 1)
    with unit_of_work(rotherham.engine) as session:
        values = sorted(session.scalars(select(KpiMeasurement.value_millionths)))
        source = session.scalars(select(KpiSource)).one()
    assert values == [45_000_000, 93_750_000, 96_500_000]
    assert source.name.startswith("measurements.csv (sha256 ") and not source.is_demo
    # the same rows from Excel: nothing changes
    workbook = Workbook()
    sheet = workbook.active
    for line in path.read_text().splitlines():
        sheet.append(
            [float(c) if c.replace(".", "").isdigit() else c or None for c in line.split(",")]
        )
    workbook.save(tmp_path / "measurements.xlsx")
    again = import_measurements(rotherham, tmp_path / "measurements.xlsx")
    assert (again.added, again.updated, again.unchanged) == (0, 0, 3)


@pytest.mark.parametrize(
    ("line", "column", "message"),
    [
        ("C8700,SCREEN,2025/26 Q1,96.5", "Practice code", "not an ODS practice code"),
        ("C87003,SCREEN,2025/26 Q5,96.5", "Period", "not a period"),
        ("C87003,SCREEN,2025/26 Q1,9x6", "Value", "not a number"),
        ("C87003,NOPE,2025/26 Q1,96.5", "KPI code", "not in the 2025/26 framework"),
        ("C87003,SCREEN,2025/26 Q1", "", "truncated row"),
        ("C87003,SCREEN,2025/26 Q2,", "Value", "no value"),
        ("C87003,SCREEN,2025/26 Q1,12", "KPI code", "appears twice with different values"),
    ],
)
def test_a_broken_long_file_is_refused_with_file_row_column(
    rotherham, tmp_path, line, column, message
):
    _framework(rotherham, FinancialYear(2025), ["SCREEN"])
    good = tmp_path / "good.csv"
    good.write_text(
        "Practice code,KPI code,Period,Value\nC87003,SCREEN,2025/26 Q1,96.5\n"
        "C87004,SCREEN,2025/26 Q1,90\n",
        encoding="utf-8",
    )
    import_measurements(rotherham, good)
    snapshot = database_snapshot(rotherham)
    broken = tmp_path / "broken.csv"
    if "appears twice" in message:  # a fourth line repeating the first with another value
        broken.write_text(good.read_text() + line + "\n", encoding="utf-8")
    else:
        copy_with_line_changed(good, broken, 2, lambda _: line + "\n")
    with pytest.raises(ImportRejected) as rejected:
        import_measurements(rotherham, broken)
    [problem] = rejected.value.reports[0].errors
    assert problem.file == broken.name and problem.row in (2, 4)
    assert problem.column == column and message in problem.message
    assert f"{broken.name}:{problem.row}" in str(rejected.value)
    assert database_snapshot(rotherham) == snapshot


def test_a_broken_real_file_changes_nothing(workspace, files, kpi_files, tmp_path):
    import_practices(workspace, files["epraccur"])
    rows = list(csv.DictReader(kpi_files["immunisations"].open(encoding="utf-8-sig")))
    _framework(
        workspace,
        FinancialYear(2019),
        sorted({immunisation_kpi_code(row["Age"], row["Item"]) for row in rows}),
    )
    snapshot = database_snapshot(workspace)
    broken = copy_with_line_changed(
        kpi_files["immunisations"],
        tmp_path / "imms.csv",
        10,
        lambda text: text.replace(",35,38,", ",3S,38,"),
    )
    with pytest.raises(ImportRejected) as rejected:
        import_measurements(workspace, broken)
    assert "imms.csv:10:Numerator: '3S' is not a number" in str(rejected.value)
    truncated = copy_with_line_changed(
        kpi_files["qof"], tmp_path / "qof.csv", 50, lambda text: text[:40] + "\n"
    )
    with pytest.raises(ImportRejected, match="qof.csv:50: has"):
        import_measurements(workspace, truncated, period=Period(FinancialYear(2019)))
    assert database_snapshot(workspace) == snapshot


def test_wrong_files_and_roles_are_refused(rotherham, sign_in_as, files, tmp_path):
    with pytest.raises(BadInput, match="no column"):
        import_measurements(rotherham, files["registrations"], "long")
    with pytest.raises(BadInput, match="not a CSV"):
        pdf = tmp_path / "x.csv"
        pdf.write_bytes(b"%PDF-1.4")
        import_measurements(rotherham, pdf)
    viewer = sign_in_as("vera", Role.VIEWER)
    with pytest.raises(PermissionDenied):
        import_measurements(viewer, files["registrations"])


def test_one_audit_entry_per_import(rotherham, tmp_path):
    _framework(rotherham, FinancialYear(2025), ["SCREEN"])
    path = tmp_path / "m.csv"
    path.write_text("practice_code,kpi_code,period,value\nC87003,SCREEN,2025/26 Q1,96.5\n")
    import_measurements(rotherham, path)
    path.write_text("practice_code,kpi_code,period,value\nC87003,SCREEN,2025/26 Q1,97\n")
    report = import_measurements(rotherham, path)
    assert report.updated == 1
    with unit_of_work(rotherham.engine) as session:
        audits = session.scalars(
            select(AuditEntry).where(AuditEntry.entity_type == "kpi_measurement")
        ).all()
    assert len(audits) == 2
    assert audits[-1].details["updated"][0]["after"][0] == 97_000_000


def test_framework_copy_forward_keeps_targets(rotherham):
    _framework(rotherham, FinancialYear(2025), ["SCREEN"], target="92.5", band="2.5")
    result = copy_framework_forward(rotherham, FinancialYear(2025))
    assert result.kpis_copied == ("SCREEN",)
    [kpi] = load_framework(rotherham, FinancialYear(2026)).kpis
    assert (kpi.target, kpi.amber_band) == (Decimal("92.5"), Decimal("2.5"))
    again = copy_framework_forward(rotherham, FinancialYear(2025))
    assert again.kpis_copied == () and again.already_there == ("SCREEN",)
