"""Reader for *NHS Payments to General Practice* practice-level CSVs, 2014-15 to 2022-23.

The column set and some names change every year, so columns are found by a normalised name
(case, spaces and punctuation ignored). The file holds no year: it comes from the file name
(`…2022-23…`, `…22-23…`) unless the caller gives one.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path

from contractdesk.domain.financial_year import FinancialYear
from contractdesk.domain.identifiers import is_practice_code
from contractdesk.domain.money import plain_amounts_to_pence, pounds_to_pence
from contractdesk.domain.practice import ContractType
from contractdesk.errors import BadInput
from contractdesk.importers.progress import ROWS_PER_REPORT, Progress, no_progress, reading_stage
from contractdesk.importers.records import PaymentYearRecord
from contractdesk.importers.report import ImportReport, RowProblem
from contractdesk.importers.source_file import read_csv

SOURCE_NAME = "NHS Payments to General Practice"
# Payment columns start after this one in every year's file.
LAST_IDENTITY_COLUMN = "average payments per weighted patient"
REQUIRED = {
    "practice code": "Practice Code",
    "ccg code": "CCG Code",
    "contract type": "Contract Type",
    "number of registered patients last known figure": "Number of Registered Patients",
    "number of weighted patients last known figure": "Number of Weighted Patients",
    LAST_IDENTITY_COLUMN: "Average payments per weighted patient",
}
NAMED_LINES = {
    "global_sum_pence": ("global sum",),
    "mpig_pence": ("mpig correction factor",),
    "pms_balance_pence": ("balance of pms expenditure",),
    "qof_pence": ("total qof payments",),
    "local_services_pence": (
        "total local enhanced services",
        "total local incentive schemes",
        "local incentive schemes",
    ),
    "premises_pence": ("premises payments",),
    "total_payments_pence": ("total nhs payments to general practice",),
    "deductions_pence": ("deductions for pensions levies and prescription charge income",),
    "net_payments_pence": ("total nhs payments to general practice minus deductions",),
}
_YEAR_IN_NAME = re.compile(r"(?<!\d)(20\d{2}|\d{2})[-_](\d{2})(?!\d)")


@dataclass
class PaymentsResult:
    report: ImportReport
    financial_year: FinancialYear
    payments: list[PaymentYearRecord]
    # The payment columns' published names, in file order: what each record's amounts mean.
    line_names: tuple[str, ...] = ()


def normalise_header(name: str) -> str:
    return " ".join(re.sub(r"[^0-9a-z]+", " ", name.lower()).split())


def year_from_file_name(path: Path) -> FinancialYear | None:
    for match in _YEAR_IN_NAME.finditer(path.stem):
        start = match.group(1)
        start_year = int(start) if len(start) == 4 else 2000 + int(start)
        try:
            return FinancialYear.parse(f"{start_year}/{match.group(2)}")
        except ValueError:
            continue
    return None


def read_payments(
    path: Path,
    areas: Collection[str] = (),
    year: FinancialYear | None = None,
    progress: Progress = no_progress,
) -> PaymentsResult:
    source = read_csv(path)
    file_name = source.name
    total, stage = len(source.rows), reading_stage(file_name)
    progress(0, total, stage)
    named_year = year_from_file_name(path)
    if year is not None and named_year is not None and year != named_year:
        raise BadInput(
            f"{file_name}: the file name says {named_year} but the year given is {year}; "
            "a year's payments stored under another year would be wrong"
        )
    financial_year = year or named_year
    if financial_year is None:
        raise BadInput(
            f"{file_name}: the financial year is not in the file name (like 2022-23); "
            "name the year (on the command line: --year 2022/23)"
        )
    report = ImportReport(kind="payments", file=file_name, sha256=source.sha256)
    header = source.rows[0]
    columns = _locate_columns(file_name, header)
    payment_columns = list(range(columns[LAST_IDENTITY_COLUMN] + 1, len(header)))
    line_names = [header[index].strip() for index in payment_columns]
    first_payment = payment_columns[0] if payment_columns else len(header)
    # Where each named figure sits among a row's amounts (None: not in this year's file).
    named_offsets = [
        next((columns[name] - first_payment for name in names if name in columns), None)
        for names in NAMED_LINES.values()
    ]
    enhanced = _enhanced_services_columns(columns, first_payment)
    source_label = f"{SOURCE_NAME} {financial_year}"
    code_column = columns["practice code"]
    area_column = columns["ccg code"]
    contract_column = columns["contract type"]
    registered_column = columns["number of registered patients last known figure"]
    weighted_column = columns["number of weighted patients last known figure"]
    area_name_column = columns.get("area name")
    pcn_code_column = columns.get("pcn code")
    pcn_name_column = columns.get("pcn name")
    dispensing_column = columns.get("dispensing practice")
    errors = report.errors
    records: list[PaymentYearRecord] = []
    seen: dict[str, int] = {}
    # This loop runs for 65,000 rows of 50-odd amounts when all nine years are imported: it
    # works on the cells in place, and reads a row's amounts in one go where they are plain.
    for number, row in enumerate(source.rows[1:], start=2):
        report.rows_read += 1
        if not number % ROWS_PER_REPORT:
            progress(number, total, stage)
        errors_before = len(errors)
        if not "".join(row).strip():
            report.skipped.append(RowProblem(file_name, number, "", "blank row"))
            continue
        if len(row) != len(header):
            errors.append(
                RowProblem(
                    file_name,
                    number,
                    "",
                    f"has {len(row)} columns, expected {len(header)} (truncated row?)",
                )
            )
            continue
        area_code = row[area_column].strip()
        if areas and area_code not in areas:
            report.skipped.append(
                RowProblem(
                    file_name, number, "CCG Code", "outside the requested commissioner areas"
                )
            )
            continue
        code = row[code_column].strip()
        if not is_practice_code(code):
            _fail(
                errors,
                file_name,
                header,
                number,
                code_column,
                f"{code!r} is not an ODS practice code",
            )
        try:
            contract_type = ContractType.parse(row[contract_column])
        except ValueError as error:
            _fail(errors, file_name, header, number, contract_column, str(error))
            contract_type = ContractType.UNKNOWN
        registered = _patients(row, registered_column, errors, file_name, header, number)
        weighted = _patients(row, weighted_column, errors, file_name, header, number)
        amounts = plain_amounts_to_pence(row[first_payment:])
        if amounts is None:
            amounts = _amounts_cell_by_cell(row, first_payment, errors, file_name, header, number)
        if len(errors) > errors_before:
            continue
        if code in seen:
            _fail(
                errors,
                file_name,
                header,
                number,
                code_column,
                f"{code} appears twice (first at row {seen[code]})",
            )
            continue
        seen[code] = number
        pcn_code = _cell(row, pcn_code_column)
        if pcn_code is not None and " " in pcn_code:
            # 2022-23 writes `Unknown or no PCN` in the code column for 178 practices: that is
            # no PCN, not a locality (and too long for a PCN code on PostgreSQL).
            pcn_code = None
        records.append(
            PaymentYearRecord(
                code,
                financial_year,
                area_code,
                _cell(row, area_name_column) or area_code,
                pcn_code,
                _cell(row, pcn_name_column) if pcn_code else None,
                contract_type.value,
                _dispensing(_cell(row, dispensing_column)),
                registered,
                weighted,
                tuple(amounts),
                *[amounts[offset] if offset is not None else None for offset in named_offsets],
                _sum_of(amounts, enhanced),
                source_label,
                number,
            )
        )
    if report.rows_read == 0:
        raise BadInput(f"{file_name}: the file has a header row but no practices")
    progress(total, total, stage)
    return PaymentsResult(
        report=report,
        financial_year=financial_year,
        payments=records,
        line_names=tuple(line_names),
    )


_NOT_GIVEN = frozenset({"-", "N/A", "NA"})


def _fail(
    errors: list[RowProblem],
    file_name: str,
    header: list[str],
    number: int,
    index: int,
    message: str,
) -> None:
    errors.append(RowProblem(file_name, number, header[index].strip(), message))


def _locate_columns(file_name: str, header: list[str]) -> dict[str, int]:
    columns: dict[str, int] = {}
    for index, name in enumerate(header):
        columns.setdefault(normalise_header(name), index)
    missing = [label for key, label in REQUIRED.items() if key not in columns]
    if missing:
        raise BadInput(
            f"{file_name}: this does not look like an NHS Payments to General Practice file: "
            f"no column {', '.join(missing)} in the header row"
        )
    if "sub icb name" in columns and "code" in columns:
        # The 2022-23 file relabelled its geography: `Code` and `CCG NAME` are the PCN's.
        columns["area name"] = columns["sub icb name"]
        columns["pcn code"] = columns["code"]
        columns["pcn name"] = columns["ccg name"]
    else:
        columns["area name"] = columns.get("ccg name", columns["ccg code"])
    return columns


def _enhanced_services_columns(columns: dict[str, int], first_payment: int) -> range | None:
    """Where a row's national enhanced services are, as offsets among its amounts.

    2014-15 to 2016-17 give a `Total National Enhanced Services` column; later years list each
    directed enhanced service between `Total QOF Payments` and the local schemes' column.
    """
    total = columns.get("total national enhanced services")
    if total is not None:
        return range(total - first_payment, total - first_payment + 1)
    qof = columns.get("total qof payments")
    local = next(
        (columns[name] for name in NAMED_LINES["local_services_pence"] if name in columns), None
    )
    if qof is None or local is None or local <= qof + 1:
        return None
    return range(qof + 1 - first_payment, local - first_payment)


def _sum_of(amounts: list[int | None], offsets: range | None) -> int | None:
    if offsets is None:
        return None
    present = [amount for amount in amounts[offsets.start : offsets.stop] if amount is not None]
    return sum(present) if present else None


def _amounts_cell_by_cell(
    row: list[str],
    first_payment: int,
    errors: list[RowProblem],
    file_name: str,
    header: list[str],
    number: int,
) -> list[int | None]:
    """A row that is not all plain amounts: each cell read on its own, each bad one named."""
    amounts: list[int | None] = []
    for index, text in enumerate(row[first_payment:], first_payment):
        text = text.strip()
        if not text or text in _NOT_GIVEN:
            amounts.append(None)
            continue
        try:
            amounts.append(pounds_to_pence(text))
        except ValueError:
            amounts.append(None)
            _fail(errors, file_name, header, number, index, f"{text!r} is not an amount in pounds")
    return amounts


def _cell(row: list[str], index: int | None) -> str | None:
    if index is None:
        return None
    return row[index].strip() or None


def _patients(
    row: list[str],
    index: int,
    errors: list[RowProblem],
    file_name: str,
    header: list[str],
    number: int,
) -> Decimal | None:
    text = row[index].strip()
    if not text or text in _NOT_GIVEN:
        return None
    try:
        value = Decimal(text.replace(",", ""))
        if not value.is_finite() or value < 0:
            raise InvalidOperation
    except InvalidOperation:
        _fail(errors, file_name, header, number, index, f"{text!r} is not a number of patients")
        return None
    return value


def _dispensing(text: str | None) -> bool | None:
    if text is None:
        return None
    return {"yes": True, "no": False}.get(text.lower())
