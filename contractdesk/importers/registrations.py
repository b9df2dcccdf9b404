"""Reader for NHS Digital's *Patients Registered at a GP Practice* totals (gp-reg-pat-prac-all).

One row per practice with SEX and AGE `ALL`; EXTRACT_DATE like `01JAN2021` or `01May2022`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from pathlib import Path

from contractdesk.domain.identifiers import is_practice_code
from contractdesk.errors import BadInput
from contractdesk.importers.progress import ROWS_PER_REPORT, Progress, no_progress, reading_stage
from contractdesk.importers.records import ListSizeRecord
from contractdesk.importers.report import ImportReport, RowProblem
from contractdesk.importers.source_file import read_csv

REQUIRED_COLUMNS = ("EXTRACT_DATE", "CODE", "NUMBER_OF_PATIENTS")
SOURCE_NAME = "NHS Digital Patients Registered at a GP Practice"


@dataclass
class RegistrationsResult:
    report: ImportReport
    list_sizes: list[ListSizeRecord]


def read_registrations(path: Path, progress: Progress = no_progress) -> RegistrationsResult:
    source = read_csv(path)
    file_name = source.name
    total, stage = len(source.rows), reading_stage(file_name)
    progress(0, total, stage)
    report = ImportReport(kind="list-sizes", file=file_name, sha256=source.sha256)
    header = [cell.strip().upper() for cell in source.rows[0]]
    missing = [name for name in REQUIRED_COLUMNS if name not in header]
    if missing:
        raise BadInput(
            f"{file_name}: this does not look like a registered-patients file "
            f"(gp-reg-pat-prac-all): no column {', '.join(missing)} in the header row"
        )
    position = {name: header.index(name) for name in header}
    records: list[ListSizeRecord] = []
    seen: dict[str, int] = {}
    extract_dates: dict[str, date] = {}
    for number, row in enumerate(source.rows[1:], start=2):
        report.rows_read += 1
        if not number % ROWS_PER_REPORT:
            progress(number, total, stage)

        def fail(column: str, message: str, row_number: int = number) -> None:
            report.errors.append(RowProblem(file_name, row_number, column, message))

        if not any(cell.strip() for cell in row):
            report.skipped.append(RowProblem(file_name, number, "", "blank row"))
            continue
        if len(row) != len(header):
            fail("", f"has {len(row)} columns, expected {len(header)} (truncated row?)")
            continue
        cells = {name: row[index].strip() for name, index in position.items()}
        if cells.get("SEX", "ALL").upper() != "ALL" or cells.get("AGE", "ALL").upper() != "ALL":
            report.skipped.append(RowProblem(file_name, number, "SEX", "not an all-persons total"))
            continue
        code = cells["CODE"]
        if not is_practice_code(code):
            fail("CODE", f"{code!r} is not an ODS practice code (a letter and 5 digits)")
            continue
        as_of = extract_dates.get(cells["EXTRACT_DATE"])
        if as_of is None:
            try:
                as_of = datetime.strptime(cells["EXTRACT_DATE"], "%d%b%Y").date()
            except ValueError:
                fail("EXTRACT_DATE", f"{cells['EXTRACT_DATE']!r} is not a date like 01MAY2022")
                continue
            extract_dates[cells["EXTRACT_DATE"]] = as_of
        try:
            patients = Decimal(cells["NUMBER_OF_PATIENTS"])
            if patients < 0 or not patients.is_finite():
                raise InvalidOperation
        except InvalidOperation:
            fail("NUMBER_OF_PATIENTS", f"{cells['NUMBER_OF_PATIENTS']!r} is not a patient count")
            continue
        if code in seen:
            fail("CODE", f"{code} appears twice (first at row {seen[code]})")
            continue
        seen[code] = number
        records.append(
            ListSizeRecord(
                ods_code=code,
                as_of=as_of,
                registered_patients=patients,
                weighted_patients=None,
                source=f"{SOURCE_NAME}, {as_of:%d %b %Y}",
            )
        )
    if report.rows_read == 0:
        raise BadInput(f"{file_name}: the file has a header row but no practices")
    progress(total, total, stage)
    return RegistrationsResult(report=report, list_sizes=records)
