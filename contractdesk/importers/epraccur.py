"""Reader for the ODS `epraccur.csv` extract: GP practices and prescribing cost centres.

27 quoted columns, no header. Only rows whose prescribing setting is 4 (GP practice) are
practices; the other organisations in the file are skipped and counted.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from contractdesk.domain.identifiers import is_practice_code, normalise_postcode
from contractdesk.domain.practice import PracticeStatus
from contractdesk.errors import BadInput
from contractdesk.importers.records import PracticeRecord
from contractdesk.importers.report import ImportReport, RowProblem
from contractdesk.importers.source_file import read_csv

COLUMN_COUNT = 27
# The ODS specification's names, for error messages (1-based positions in the file).
COLUMN_NAMES = {
    1: "Organisation code",
    2: "Name",
    10: "Postcode",
    11: "Open date",
    12: "Close date",
    13: "Status",
    15: "Commissioner",
    18: "Telephone",
    26: "Prescribing setting",
}
GP_PRACTICE_SETTING = "4"
# 0-based indexes of the columns a practice is built from.
_USED_COLUMNS = frozenset({0, 1, 4, 5, 6, 7, 8, 9, 10, 11, 12, 14, 17})


@dataclass
class EpraccurResult:
    report: ImportReport
    practices: list[PracticeRecord]


def read_epraccur(path: Path, areas: Collection[str] = ()) -> EpraccurResult:
    source = read_csv(path)
    file_name = source.name
    report = ImportReport(kind="practices", file=file_name, sha256=source.sha256)
    _check_shape(source.name, source.rows[0])
    practices: list[PracticeRecord] = []
    seen: dict[str, int] = {}
    for number, row in enumerate(source.rows, start=1):
        report.rows_read += 1
        if len(row) != COLUMN_COUNT:
            if any(cell.strip() for cell in row):
                report.errors.append(
                    _problem(
                        file_name,
                        number,
                        0,
                        f"has {len(row)} columns, expected {COLUMN_COUNT} (truncated row?)",
                    )
                )
            else:
                report.skipped.append(_problem(file_name, number, 0, "blank row"))
            continue
        # Most rows are other organisations: decide on them before cleaning every cell.
        if row[25].strip() != GP_PRACTICE_SETTING:
            report.skipped.append(
                _problem(
                    source.name, number, 26, "not a GP practice (prescribing setting is not 4)"
                )
            )
            continue
        if areas and row[14].strip() not in areas:
            report.skipped.append(
                _problem(file_name, number, 15, "outside the requested commissioner areas")
            )
            continue
        cells = [cell.strip() if index in _USED_COLUMNS else "" for index, cell in enumerate(row)]
        errors_before = len(report.errors)
        record = _practice_from(cells, file_name, number, report.errors)
        if record is None or len(report.errors) > errors_before:
            continue
        if record.ods_code in seen:
            report.errors.append(
                _problem(
                    file_name,
                    number,
                    1,
                    f"{record.ods_code} appears twice (first at row {seen[record.ods_code]})",
                )
            )
            continue
        seen[record.ods_code] = number
        practices.append(record)
    return EpraccurResult(report=report, practices=practices)


def _check_shape(file_name: str, first_row: list[str]) -> None:
    if len(first_row) != COLUMN_COUNT or first_row[0].strip().lower() in {"code", "org code"}:
        raise BadInput(
            f"{file_name}: this does not look like an ODS epraccur file "
            f"(expected {COLUMN_COUNT} columns and no header row; the first row has "
            f"{len(first_row)} columns starting {first_row[:3]!r})"
        )


def _problem(file_name: str, row: int, position: int, message: str) -> RowProblem:
    column = f"{position} ({COLUMN_NAMES.get(position, 'column')})" if position else ""
    return RowProblem(file_name, row, column, message)


def _practice_from(
    cells: list[str], file_name: str, row: int, errors: list[RowProblem]
) -> PracticeRecord | None:
    """The practice in a row, or None with the reasons appended to `errors`."""

    def fail(position: int, message: str) -> None:
        errors.append(_problem(file_name, row, position, message))

    code = cells[0]
    if not is_practice_code(code):
        fail(1, f"{code!r} is not an ODS practice code (a letter and 5 digits)")
    if not cells[1]:
        fail(2, "the practice has no name")
    status = None
    try:
        status = PracticeStatus.from_ods(cells[12])
    except ValueError as error:
        fail(13, str(error))
    open_date = _ods_date(cells[10], 11, fail)
    close_date = _ods_date(cells[11], 12, fail)
    if open_date and close_date and close_date < open_date:
        fail(12, f"close date {close_date} is before open date {open_date}")
    postcode = normalise_postcode(cells[9]) if cells[9] else None
    if cells[9] and postcode is None:
        fail(10, f"{cells[9]!r} is not a UK postcode")
    if status is None:
        return None
    return PracticeRecord(
        ods_code=code,
        name=cells[1],
        address_lines=tuple(cell or None for cell in cells[4:9]),  # type: ignore[arg-type]
        postcode=postcode,
        phone=cells[17] or None,
        status=status.value,
        open_date=open_date,
        close_date=close_date,
        area_code=cells[14],
    )


def _ods_date(text: str, position: int, fail) -> date | None:  # type: ignore[no-untyped-def]
    if not text:
        return None
    try:
        # Sliced by hand: strptime would be most of the import's time on 16,000 rows.
        if len(text) != 8 or not text.isdigit():
            raise ValueError
        return date(int(text[:4]), int(text[4:6]), int(text[6:]))
    except ValueError:
        fail(position, f"{text!r} is not a date in the form CCYYMMDD")
        return None
