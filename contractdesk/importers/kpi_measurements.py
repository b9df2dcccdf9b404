"""Readers for KPI measurements: long form (CSV or Excel: practice, KPI, period, value or
numerator and denominator) and three real published files (QOF CVD achievement, childhood
immunisations, CQC ratings), each turned into the same long-form records.

A reader checks what the file alone can tell (codes, periods, numbers); whether a KPI exists in
the year's framework and a practice in the register is for the import service to decide.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import NamedTuple

from contractdesk.domain.identifiers import is_practice_code
from contractdesk.domain.kpi_period import Period
from contractdesk.domain.kpi_rules import SCALE, parse_decimal, parse_millionths, to_millionths
from contractdesk.errors import BadInput
from contractdesk.importers.payments import normalise_header
from contractdesk.importers.progress import ROWS_PER_REPORT, Progress, no_progress, reading_stage
from contractdesk.importers.report import ImportReport, RowProblem
from contractdesk.importers.source_file import CsvSource, read_csv


class MeasurementFormat(StrEnum):
    AUTO = "auto"
    LONG = "long"
    QOF = "qof"
    IMMUNISATIONS = "immunisations"
    CQC = "cqc"


class MeasurementRecord(NamedTuple):
    """One value as the file gives it (a tuple: an import may read a million of them).

    Numbers are exact integer millionths (see kpi_rules.to_millionths) and the period is its
    `Period.key`: plain integers keep a million rows quick. `value` is in the KPI's unit;
    when it is None the service computes it from the numerator and denominator.
    """

    ods_code: str
    kpi_code: str
    period_key: int
    value: int | None
    numerator: int | None
    denominator: int | None
    row: int
    column: str  # the column a problem with the KPI or value is reported against


@dataclass
class MeasurementsResult:
    report: ImportReport
    format: MeasurementFormat
    source_name: str
    records: list[MeasurementRecord] = field(default_factory=list)
    # Wide files name a KPI per column: a KPI missing from the framework skips its values
    # rather than refusing the file (the framework need not adopt every published indicator).
    unknown_kpi_is_skip: bool = False


QOF_CONDITIONS = ("AF", "BP", "CHD", "CHOL", "HF", "HYP", "LVSD", "PAD", "STIA")
CQC_SCORES = {"outstanding": 4, "good": 3, "requires improvement": 2, "inadequate": 1}
_NOT_GIVEN = frozenset({"", "NA", "N/A", "-", "NULL"})
_LONG_COLUMNS = {
    "practice": ("practice code", "ods code", "practice", "ods"),
    "kpi": ("kpi code", "kpi", "indicator code", "indicator"),
    "period": ("period",),
    "value": ("value",),
    "numerator": ("numerator",),
    "denominator": ("denominator",),
}


def qof_kpi_code(condition: str) -> str:
    return f"QOF-{condition}"


def immunisation_kpi_code(age: str, item: str) -> str:
    """`12 months`, `DTaPIPVHibHepB` → IMM-12M-DTAPIPVHIBHEPB (the file's own item names)."""
    number, _, unit = age.strip().partition(" ")
    slug = re.sub(r"[^0-9A-Z]+", "", item.upper())
    return f"IMM-{number}{unit[:1].upper()}-{slug}"[:30]


CQC_KPI_CODE = "CQC-RATING"


def read_measurements(
    path: Path,
    fmt: MeasurementFormat = MeasurementFormat.AUTO,
    period: Period | None = None,
    progress: Progress = no_progress,
) -> MeasurementsResult:
    """Read and check every row; the report's errors say file:row:column for each problem."""
    path = Path(path)
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        if fmt not in (MeasurementFormat.AUTO, MeasurementFormat.LONG):
            raise BadInput(f"{path.name}: only long-form measurements are read from Excel")
        source = _read_workbook(path)
        fmt = MeasurementFormat.LONG
    else:
        source = read_csv(path)
        if fmt is MeasurementFormat.AUTO:
            fmt = _detect(source.rows[0])
    report = ImportReport(
        kind=f"kpi measurements ({fmt.value})", file=source.name, sha256=source.sha256
    )
    result = MeasurementsResult(
        report=report,
        format=fmt,
        source_name=f"{source.name} (sha256 {source.sha256[:12]})",
        unknown_kpi_is_skip=fmt is not MeasurementFormat.LONG,
    )
    if len(source.rows) < 2:
        raise BadInput(f"{source.name}: the file has a header row but no measurements")
    reader = {
        MeasurementFormat.LONG: _read_long,
        MeasurementFormat.QOF: _read_qof,
        MeasurementFormat.IMMUNISATIONS: _read_immunisations,
        MeasurementFormat.CQC: _read_cqc,
    }[fmt]
    if fmt in (MeasurementFormat.QOF, MeasurementFormat.CQC) and period is None:
        raise BadInput(
            f"{source.name}: this file does not say which period it covers; name it "
            "(on the command line: --period 2023/24)"
        )
    if fmt in (MeasurementFormat.LONG, MeasurementFormat.IMMUNISATIONS) and period is not None:
        raise BadInput(f"{source.name}: this file names its own periods; --period is not used")
    reader(source, result, period, progress)
    return result


def _detect(header: list[str]) -> MeasurementFormat:
    names = {normalise_header(name) for name in header}
    if "achievement af" in names:
        return MeasurementFormat.QOF
    if {"ods code", "item", "numerator", "denominator", "age"} <= names:
        return MeasurementFormat.IMMUNISATIONS
    if "latest rating" in names:
        return MeasurementFormat.CQC
    return MeasurementFormat.LONG


def _columns(source: CsvSource, wanted: dict[str, str]) -> dict[str, int]:
    """Find columns by normalised name; missing ones refuse the file, naming them."""
    header = [normalise_header(name) for name in source.rows[0]]
    found = {}
    for key, name in wanted.items():
        if name in header:
            found[key] = header.index(name)
    missing = [name for key, name in wanted.items() if key not in found]
    if missing:
        raise BadInput(f"{source.name}: no column {', '.join(missing)} in the header row")
    return found


def _read_long(
    source: CsvSource, result: MeasurementsResult, _: Period | None, progress: Progress
) -> None:
    report, name = result.report, source.name
    header = source.rows[0]
    normalised = [normalise_header(text) for text in header]
    index: dict[str, int] = {}
    for key, aliases in _LONG_COLUMNS.items():
        for alias in aliases:
            if alias in normalised:
                index[key] = normalised.index(alias)
                break
    missing = [
        aliases[0]
        for key, aliases in _LONG_COLUMNS.items()
        if key in ("practice", "kpi", "period") and key not in index
    ]
    if missing:
        raise BadInput(
            f"{name}: not long-form KPI measurements: no column {', '.join(missing)} "
            "(expected practice code, KPI code, period, and value or numerator and denominator)"
        )
    if "value" not in index and not ("numerator" in index and "denominator" in index):
        raise BadInput(f"{name}: no value column, nor numerator and denominator columns")
    labels = {key: header[position].strip() for key, position in index.items()}
    practice_at, kpi_at, period_at = index["practice"], index["kpi"], index["period"]
    value_at, numerator_at, denominator_at = (
        index.get("value"),
        index.get("numerator"),
        index.get("denominator"),
    )
    if numerator_at is None or denominator_at is None:
        numerator_at = denominator_at = None  # a rate needs both
    periods: dict[str, int | str] = {}  # the text of a period: its key, or what is wrong
    codes: dict[str, str | None] = {}  # the text of a practice code: the code, None if bad
    kpi_codes: dict[str, str] = {}
    errors, records = report.errors, result.records
    total, stage = len(source.rows), reading_stage(name)
    width = len(header)
    append = records.append
    not_given = _NOT_GIVEN
    kpi_label = labels["kpi"]
    # A million rows may come through here: cells are worked on in place and what a cell's
    # text means (a code, a period) is worked out once per distinct text.
    for number, row in enumerate(source.rows[1:], start=2):
        if not number % ROWS_PER_REPORT:
            progress(number, total, stage)
        if len(row) != width:
            if not "".join(row).strip():
                report.skipped.append(RowProblem(name, number, "", "blank row"))
                continue
            errors.append(
                RowProblem(
                    name, number, "", f"has {len(row)} columns, expected {width} (truncated row?)"
                )
            )
            continue
        failed = False
        text = row[practice_at]
        code = codes.get(text, "")
        if code == "":
            cleaned = text.strip().upper()
            code = codes[text] = cleaned if is_practice_code(cleaned) else None
        if code is None:
            errors.append(
                RowProblem(
                    name,
                    number,
                    labels["practice"],
                    f"{text.strip()!r} is not an ODS practice code",
                )
            )
            failed = True
        text = row[kpi_at]
        kpi_code = kpi_codes.get(text)
        if kpi_code is None:
            kpi_code = kpi_codes[text] = text.strip().upper()
        if not kpi_code:
            errors.append(RowProblem(name, number, labels["kpi"], "no KPI code"))
            failed = True
        text = row[period_at]
        period = periods.get(text)
        if period is None:
            try:
                period = Period.parse(text).key
            except ValueError as error:
                period = str(error)
            periods[text] = period
        if period.__class__ is str:
            errors.append(RowProblem(name, number, labels["period"], period))
            failed = True
        value = numerator = denominator = None
        try:
            column = "value"
            if value_at is not None:
                text = row[value_at]
                if text not in not_given and text.strip() not in not_given:
                    value = parse_millionths(text)
            if numerator_at is not None:
                column = "numerator"
                text = row[numerator_at]
                if text not in not_given and text.strip() not in not_given:
                    numerator = parse_millionths(text)
                column = "denominator"
                text = row[denominator_at]
                if text not in not_given and text.strip() not in not_given:
                    denominator = parse_millionths(text)
        except ValueError as error:
            errors.append(RowProblem(name, number, labels[column], str(error)))
            continue
        if value is None and (numerator is None or denominator is None):
            errors.append(
                RowProblem(
                    name,
                    number,
                    labels.get("value", labels.get("numerator", "")),
                    "no value, and not both a numerator and a denominator",
                )
            )
            continue
        if failed:
            continue
        # A plain tuple in MeasurementRecord's order: a NamedTuple's __new__ is Python code.
        append((code, kpi_code, period, value, numerator, denominator, number, kpi_label))
    report.rows_read = len(source.rows) - 1
    progress(total, total, stage)


def _read_qof(
    source: CsvSource, result: MeasurementsResult, period: Period | None, progress: Progress
) -> None:
    report, name = result.report, source.name
    wanted = {"practice": "practice code"} | {
        condition: f"achievement {condition.lower()}" for condition in QOF_CONDITIONS
    }
    index = _columns(source, wanted)
    header = source.rows[0]
    for number, row in _rows(source, result, progress):
        code = row[index["practice"]].strip().upper()
        if all(cell.strip() in _NOT_GIVEN for cell in row[1:]):
            # The file ends with a row of NA under its R row number.
            report.skipped.append(RowProblem(name, number, "", "blank row (every cell NA)"))
            continue
        if not is_practice_code(code):
            report.errors.append(
                RowProblem(
                    name, number, header[index["practice"]], f"{code!r} is not an ODS practice code"
                )
            )
            continue
        for condition in QOF_CONDITIONS:
            column = header[index[condition]]
            text = row[index[condition]].strip()
            if text in _NOT_GIVEN:
                report.skipped.append(RowProblem(name, number, column, "no value (NA)"))
                continue
            try:
                value = parse_decimal(text)
            except ValueError as error:
                report.errors.append(RowProblem(name, number, column, str(error)))
                continue
            result.records.append(
                MeasurementRecord(
                    code,
                    qof_kpi_code(condition),
                    period.key,
                    to_millionths(value),
                    None,
                    None,
                    number,
                    column,
                )
            )


def _read_immunisations(
    source: CsvSource, result: MeasurementsResult, _: Period | None, progress: Progress
) -> None:
    report, name = result.report, source.name
    index = _columns(
        source,
        {
            "year": "year",
            "practice": "ods code",
            "age": "age",
            "item": "item",
            "numerator": "numerator",
            "denominator": "denominator",
            "proportion": "proportion",
        },
    )
    header = source.rows[0]
    for number, row in _rows(source, result, progress):
        code = row[index["practice"]].strip().upper()
        problems = []
        if not is_practice_code(code):
            problems.append(("practice", f"{code!r} is not an ODS practice code"))
        try:
            period = Period(Period.parse(row[index["year"]]).year)
        except ValueError as error:
            problems.append(("year", str(error)))
        cells = {}
        for key in ("numerator", "denominator", "proportion"):
            text = row[index[key]].strip()
            try:
                cells[key] = None if text in _NOT_GIVEN else parse_decimal(text)
            except ValueError as error:
                problems.append((key, str(error)))
        if problems:
            report.errors.extend(
                RowProblem(name, number, header[index[key]], text) for key, text in problems
            )
            continue
        kpi_code = immunisation_kpi_code(row[index["age"]], row[index["item"]])
        numerator, denominator, proportion = (
            cells["numerator"],
            cells["denominator"],
            cells["proportion"],
        )
        item_column = header[index["item"]]
        if denominator == 0:
            report.skipped.append(
                RowProblem(name, number, header[index["denominator"]], "no eligible patients")
            )
        elif numerator is not None and denominator is not None:
            result.records.append(
                MeasurementRecord(
                    code,
                    kpi_code,
                    period.key,
                    None,
                    to_millionths(numerator),
                    to_millionths(denominator),
                    number,
                    item_column,
                )
            )
        elif proportion is not None:
            # A few rows give only the proportion (a fraction of one): the value in percent.
            result.records.append(
                MeasurementRecord(
                    code,
                    kpi_code,
                    period.key,
                    to_millionths(proportion * 100),
                    None,
                    None,
                    number,
                    item_column,
                )
            )
        else:
            report.skipped.append(
                RowProblem(name, number, header[index["proportion"]], "no value (NA)")
            )


def _read_cqc(
    source: CsvSource, result: MeasurementsResult, period: Period | None, progress: Progress
) -> None:
    """One rating per practice: where the file rates a practice twice, the later rating (by
    its Year) stands and the earlier is skipped. CQC locations that are branch sites (a
    practice code with a site number) or have no practice code are skipped: the practice's
    own rating is on its own row."""
    report, name = result.report, source.name
    index = _columns(
        source, {"practice": "practice code", "rating": "latest rating", "year": "year"}
    )
    header = source.rows[0]
    column = header[index["rating"]]
    code_column = header[index["practice"]]
    latest: dict[str, tuple[str, int, int]] = {}  # code: (year, position in records, row)
    for number, row in _rows(source, result, progress):
        code = row[index["practice"]].strip().upper()
        if code in _NOT_GIVEN:
            report.skipped.append(RowProblem(name, number, code_column, "no practice code"))
            continue
        if not is_practice_code(code):
            if len(code) == 9 and is_practice_code(code[:6]) and code[6:].isdigit():
                report.skipped.append(
                    RowProblem(name, number, code_column, "a branch site, not a practice")
                )
            else:
                report.errors.append(
                    RowProblem(name, number, code_column, f"{code!r} is not an ODS practice code")
                )
            continue
        rating = row[index["rating"]].strip()
        score = CQC_SCORES.get(rating.lower())
        if score is None:
            if rating in _NOT_GIVEN:
                report.skipped.append(RowProblem(name, number, column, "no rating"))
            else:
                report.errors.append(
                    RowProblem(name, number, column, f"{rating!r} is not a CQC rating")
                )
            continue
        record = MeasurementRecord(
            code, CQC_KPI_CODE, period.key, score * SCALE, None, None, number, column
        )
        rated_in = row[index["year"]].strip()
        earlier = latest.get(code)
        if earlier is None:
            latest[code] = (rated_in, len(result.records), number)
            result.records.append(record)
        elif rated_in > earlier[0]:
            report.skipped.append(
                RowProblem(name, earlier[2], column, "superseded by a later rating")
            )
            result.records[earlier[1]] = record
            latest[code] = (rated_in, earlier[1], number)
        else:
            report.skipped.append(RowProblem(name, number, column, "superseded by a later rating"))


def _rows(source: CsvSource, result: MeasurementsResult, progress: Progress):  # type: ignore[no-untyped-def]
    """The data rows with their line numbers; blank rows skipped, short rows refused."""
    report, name = result.report, source.name
    width = len(source.rows[0])
    total, stage = len(source.rows), reading_stage(name)
    for number, row in enumerate(source.rows[1:], start=2):
        report.rows_read += 1
        if not number % ROWS_PER_REPORT:
            progress(number, total, stage)
        if not "".join(row).strip():
            report.skipped.append(RowProblem(name, number, "", "blank row"))
            continue
        if len(row) != width:
            report.errors.append(
                RowProblem(
                    name, number, "", f"has {len(row)} columns, expected {width} (truncated row?)"
                )
            )
            continue
        yield number, row
    progress(total, total, stage)


def _read_workbook(path: Path) -> CsvSource:
    """The first sheet of a workbook as text rows, hashed like a CSV for the audit."""
    import hashlib

    from openpyxl import load_workbook

    try:
        data = path.read_bytes()
    except OSError as error:
        raise BadInput(f"{path}: cannot be read ({error.strerror})") from None
    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds for a damaged file
        raise BadInput(f"{path.name}: not a readable Excel workbook ({error})") from None
    try:
        sheet = workbook.worksheets[0]
        rows = [[_cell_text(value) for value in row] for row in sheet.iter_rows(values_only=True)]
    finally:
        workbook.close()
    while rows and not any(rows[-1]):
        rows.pop()
    if not rows:
        raise BadInput(f"{path.name}: the first sheet is empty")
    width = len(rows[0])
    rows = [row[:width] + [""] * (width - len(row)) for row in rows]
    return CsvSource(path=path, sha256=hashlib.sha256(data).hexdigest(), rows=rows)


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return repr(value) if not value.is_integer() else str(int(value))
    return str(value)
