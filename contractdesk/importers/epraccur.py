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
from contractdesk.importers.progress import ROWS_PER_REPORT, Progress, no_progress, reading_stage
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
# The 0-based indexes of the cells read for a skipped row's decision.
_SETTING, _COMMISSIONER = 25, 14


@dataclass
class EpraccurResult:
    report: ImportReport
    practices: list[PracticeRecord]


def read_epraccur(
    path: Path, areas: Collection[str] = (), progress: Progress = no_progress
) -> EpraccurResult:
    source = read_csv(path)
    file_name = source.name
    total, stage = len(source.rows), reading_stage(file_name)
    progress(0, total, stage)
    report = ImportReport(kind="practices", file=file_name, sha256=source.sha256)
    _check_shape(source.name, source.rows[0])
    practices: list[PracticeRecord] = []
    seen: dict[str, int] = {}
    errors, skipped = report.errors, report.skipped
    # Half the rows of all England are other organisations: each is skipped with one
    # comparison and no per-row formatting, since the loop runs 16,000 times per import.
    not_a_practice = "not a GP practice (prescribing setting is not 4)"
    setting_column = _column_label(_SETTING + 1)
    for number, row in enumerate(source.rows, start=1):
        if not number % ROWS_PER_REPORT:
            progress(number, total, stage)
        if len(row) != COLUMN_COUNT:
            if any(cell.strip() for cell in row):
                errors.append(
                    _problem(
                        file_name,
                        number,
                        0,
                        f"has {len(row)} columns, expected {COLUMN_COUNT} (truncated row?)",
                    )
                )
            else:
                skipped.append(_problem(file_name, number, 0, "blank row"))
            continue
        setting = row[_SETTING]
        if setting != GP_PRACTICE_SETTING and setting.strip() != GP_PRACTICE_SETTING:
            skipped.append(RowProblem(file_name, number, setting_column, not_a_practice))
            continue
        if areas and row[_COMMISSIONER].strip() not in areas:
            skipped.append(
                _problem(file_name, number, 15, "outside the requested commissioner areas")
            )
            continue
        errors_before = len(errors)
        record = _practice_from(row, file_name, number, errors)
        if record is None or len(errors) > errors_before:
            continue
        if record.ods_code in seen:
            errors.append(
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
    report.rows_read = total
    progress(total, total, stage)
    return EpraccurResult(report=report, practices=practices)


def _check_shape(file_name: str, first_row: list[str]) -> None:
    if len(first_row) != COLUMN_COUNT or first_row[0].strip().lower() in {"code", "org code"}:
        raise BadInput(
            f"{file_name}: this does not look like an ODS epraccur file "
            f"(expected {COLUMN_COUNT} columns and no header row; the first row has "
            f"{len(first_row)} columns starting {first_row[:3]!r})"
        )


def _column_label(position: int) -> str:
    return f"{position} ({COLUMN_NAMES.get(position, 'column')})" if position else ""


def _problem(file_name: str, row: int, position: int, message: str) -> RowProblem:
    return RowProblem(file_name, row, _column_label(position), message)


def _practice_from(
    row: list[str], file_name: str, number: int, errors: list[RowProblem]
) -> PracticeRecord | None:
    """The practice in a row, or None with the reasons appended to `errors`.

    Only the cells a practice is built from are stripped; failures are appended in place
    rather than through a per-row closure.
    """
    code = row[0].strip()
    if not is_practice_code(code):
        errors.append(
            _problem(
                file_name,
                number,
                1,
                f"{code!r} is not an ODS practice code (a letter and 5 digits)",
            )
        )
    name = row[1].strip()
    if not name:
        errors.append(_problem(file_name, number, 2, "the practice has no name"))
    status = None
    try:
        status = PracticeStatus.from_ods(row[12])
    except ValueError as error:
        errors.append(_problem(file_name, number, 13, str(error)))
    open_date = _ods_date(row[10].strip(), file_name, number, 11, errors)
    close_date = _ods_date(row[11].strip(), file_name, number, 12, errors)
    if open_date and close_date and close_date < open_date:
        errors.append(
            _problem(
                file_name, number, 12, f"close date {close_date} is before open date {open_date}"
            )
        )
    postcode_text = row[9].strip()
    postcode = normalise_postcode(postcode_text) if postcode_text else None
    if postcode_text and postcode is None:
        errors.append(_problem(file_name, number, 10, f"{postcode_text!r} is not a UK postcode"))
    if status is None:
        return None
    return PracticeRecord(
        code,
        name,
        (
            row[4].strip() or None,
            row[5].strip() or None,
            row[6].strip() or None,
            row[7].strip() or None,
            row[8].strip() or None,
        ),
        postcode,
        row[17].strip() or None,
        status.value,
        open_date,
        close_date,
        row[14].strip(),
    )


def _ods_date(
    text: str, file_name: str, number: int, position: int, errors: list[RowProblem]
) -> date | None:
    if not text:
        return None
    known = _DATES.get(text)
    if known is not None:
        return known
    # Sliced by hand: strptime would be most of the import's time on 16,000 rows.
    if len(text) == 8 and text.isdigit():
        try:
            day = _DATES[text] = date(int(text[:4]), int(text[4:6]), int(text[6:]))
            return day
        except ValueError:
            pass
    errors.append(
        _problem(file_name, number, position, f"{text!r} is not a date in the form CCYYMMDD")
    )
    return None


# Open dates repeat (thousands of practices opened on 1 April 1974); valid ones are kept.
_DATES: dict[str, date] = {}
