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
from contractdesk.domain.money import pounds_to_pence
from contractdesk.domain.practice import ContractType
from contractdesk.errors import BadInput
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
    path: Path, areas: Collection[str] = (), year: FinancialYear | None = None
) -> PaymentsResult:
    source = read_csv(path)
    file_name = source.name
    financial_year = year or year_from_file_name(path)
    if financial_year is None:
        raise BadInput(
            f"{file_name}: the financial year is not in the file name (like 2022-23); "
            "give it with --year"
        )
    report = ImportReport(kind="payments", file=file_name, sha256=source.sha256)
    header = source.rows[0]
    columns = _locate_columns(file_name, header)
    payment_columns = list(range(columns[LAST_IDENTITY_COLUMN] + 1, len(header)))
    line_names = [header[index].strip() for index in payment_columns]
    named = {
        field: next((columns[name] for name in names if name in columns), None)
        for field, names in NAMED_LINES.items()
    }
    source_label = f"{SOURCE_NAME} {financial_year}"
    records: list[PaymentYearRecord] = []
    seen: dict[str, int] = {}
    for number, row in enumerate(source.rows[1:], start=2):
        report.rows_read += 1
        errors_before = len(report.errors)

        def fail(index: int | None, message: str, row_number: int = number) -> None:
            column = header[index].strip() if index is not None else ""
            report.errors.append(RowProblem(file_name, row_number, column, message))

        if not any(cell.strip() for cell in row):
            report.skipped.append(RowProblem(file_name, number, "", "blank row"))
            continue
        if len(row) != len(header):
            fail(None, f"has {len(row)} columns, expected {len(header)} (truncated row?)")
            continue
        area_code = row[columns["ccg code"]].strip()
        if areas and area_code not in areas:
            report.skipped.append(
                RowProblem(
                    file_name, number, "CCG Code", "outside the requested commissioner areas"
                )
            )
            continue
        code = row[columns["practice code"]].strip()
        if not is_practice_code(code):
            fail(columns["practice code"], f"{code!r} is not an ODS practice code")
        try:
            contract_type = ContractType.parse(row[columns["contract type"]])
        except ValueError as error:
            fail(columns["contract type"], str(error))
            contract_type = ContractType.UNKNOWN
        registered = _patients(
            row, columns["number of registered patients last known figure"], fail
        )
        weighted = _patients(row, columns["number of weighted patients last known figure"], fail)
        lines: dict[str, int] = {}
        for index, name in zip(payment_columns, line_names, strict=True):
            text = row[index].strip()
            if not text or text in {"-", "N/A", "NA"}:
                continue
            try:
                lines[name] = pounds_to_pence(text)
            except ValueError:
                fail(index, f"{text!r} is not an amount in pounds")
        if len(report.errors) > errors_before:
            continue
        if code in seen:
            fail(columns["practice code"], f"{code} appears twice (first at row {seen[code]})")
            continue
        seen[code] = number
        pcn_code = _cell(row, columns.get("pcn code"))
        records.append(
            PaymentYearRecord(
                ods_code=code,
                financial_year=financial_year,
                area_code=area_code,
                area_name=_cell(row, columns.get("area name")) or area_code,
                pcn_code=pcn_code,
                pcn_name=_cell(row, columns.get("pcn name")) if pcn_code else None,
                contract_type=contract_type.value,
                dispensing=_dispensing(_cell(row, columns.get("dispensing practice"))),
                registered_patients=registered,
                weighted_patients=weighted,
                payment_lines=lines,
                **{
                    field: (lines.get(header[index].strip()) if index is not None else None)
                    for field, index in named.items()
                },
                source=source_label,
            )
        )
    return PaymentsResult(report=report, financial_year=financial_year, payments=records)


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


def _cell(row: list[str], index: int | None) -> str | None:
    if index is None:
        return None
    return row[index].strip() or None


def _patients(row: list[str], index: int, fail) -> Decimal | None:  # type: ignore[no-untyped-def]
    text = row[index].strip()
    if not text or text in {"-", "N/A", "NA"}:
        return None
    try:
        value = Decimal(text.replace(",", ""))
        if not value.is_finite() or value < 0:
            raise InvalidOperation
    except InvalidOperation:
        fail(index, f"{text!r} is not a number of patients")
        return None
    return value


def _dispensing(text: str | None) -> bool | None:
    if text is None:
        return None
    return {"yes": True, "no": False}.get(text.lower())
