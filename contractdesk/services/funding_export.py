"""The PMS premium review plan and its locality fairness table as formatted Excel workbooks."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

from contractdesk.domain.fairness import Fairness
from contractdesk.errors import BadInput
from contractdesk.services.funding_plan import PlanReport

POUNDS = "£#,##0.00;[Red]-£#,##0.00"
PER_PATIENT = "£#,##0.00"
PATIENTS = "#,##0.00"
SHARE = "0.0%"


def export_plan(report: PlanReport, path: Path) -> Path:
    """The plan (year by year and practice by practice) and its fairness, one sheet each."""
    from openpyxl import Workbook

    workbook = Workbook()
    _summary_sheet(workbook.active, report)
    _practices_sheet(workbook.create_sheet("Practices"), report)
    _fairness_sheet(workbook.create_sheet("Fairness"), report.fairness, report)
    return _save(workbook, path)


def export_fairness(report: PlanReport, path: Path) -> Path:
    from openpyxl import Workbook

    workbook = Workbook()
    _fairness_sheet(workbook.active, report.fairness, report)
    return _save(workbook, path)


def pounds(pence: int | None) -> Decimal | None:
    return None if pence is None else Decimal(pence) / 100


def _save(workbook: Any, path: Path) -> Path:
    try:
        workbook.save(path)
    except OSError as error:
        raise BadInput(f"{path}: cannot be written ({error.strerror})") from None
    return path


def _title(sheet: Any, title: str, report: PlanReport) -> int:
    from openpyxl.styles import Font

    draft = report.draft
    sheet["A1"] = title
    sheet["A1"].font = Font(bold=True, size=14)
    lines = [
        f"Commissioner area {draft.area_code}; {draft.offer_name}; "
        f"{draft.years} years from {draft.start_year}",
        report.basis_description,
    ]
    for number, line in enumerate(lines, start=2):
        sheet.cell(row=number, column=1, value=line).font = Font(italic=True)
    return len(lines) + 3


def _header(sheet: Any, row: int, names: list[str]) -> None:
    from openpyxl.styles import Alignment, Font, PatternFill

    fill = PatternFill("solid", fgColor="DDEBF7")
    for column, name in enumerate(names, start=1):
        cell = sheet.cell(row=row, column=column, value=name)
        cell.font = Font(bold=True)
        cell.fill = fill
        cell.alignment = Alignment(wrap_text=True, vertical="top")


def _put(sheet: Any, row: int, values: list[Any], formats: list[str | None]) -> None:
    for column, (value, number_format) in enumerate(zip(values, formats, strict=True), start=1):
        cell = sheet.cell(row=row, column=column, value=value)
        if number_format:
            cell.number_format = number_format


def _widths(sheet: Any, widths: list[int]) -> None:
    from openpyxl.utils import get_column_letter

    for column, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(column)].width = width


def _summary_sheet(sheet: Any, report: PlanReport) -> None:
    from openpyxl.styles import Font

    sheet.title = "Plan"
    plan, draft = report.plan, report.draft
    row = _title(sheet, "PMS premium review: reinvestment plan", report)
    settings = [
        ("First year's share", float(draft.first_year_share) if draft.first_year_share else None),
        ("Cap on a practice's yearly loss (share of total income)", float(draft.yearly_loss_cap)),
        ("Share of freed money held back", float(draft.held_back_share)),
        ("Money reinvested in", ", ".join(draft.settings().receiving_areas)),
    ]
    for label, value in settings:
        sheet.cell(row=row, column=1, value=label)
        cell = sheet.cell(row=row, column=2, value=value if value is not None else "equal steps")
        if isinstance(value, float):
            cell.number_format = SHARE
        row += 1
    row += 1
    _header(
        sheet,
        row,
        [
            "Year",
            "Share of premium freed",
            "Freed",
            "Reinvested",
            "Held back",
            f"{draft.offer_name} £ per weighted patient",
            "Balances",
        ],
    )
    sheet.freeze_panes = sheet.cell(row=row + 1, column=1)
    for year in plan.years:
        row += 1
        _put(
            sheet,
            row,
            [
                str(year.year),
                float(year.cumulative_share),
                pounds(year.freed_pence),
                pounds(year.reinvested_pence),
                pounds(year.held_back_pence),
                year.offer_pence_per_weighted_patient,
                "yes" if year.balances else "NO",
            ],
            [None, SHARE, POUNDS, POUNDS, POUNDS, "£#,##0.0000", None],
        )
    row += 2
    still = sum(plan.still_to_free.values())
    sheet.cell(row=row, column=1, value="Premium the cap leaves to free after the plan")
    sheet.cell(row=row, column=3, value=pounds(still)).number_format = POUNDS
    for code, reason in sorted(plan.exemptions.items()):
        row += 1
        sheet.cell(row=row, column=1, value=f"Exempt: {code}").font = Font(bold=True)
        sheet.cell(row=row, column=2, value=reason)
    _widths(sheet, [34, 16, 18, 18, 18, 22, 10])


def _practices_sheet(sheet: Any, report: PlanReport) -> None:
    plan = report.plan
    row = _title(sheet, "PMS premium review: each practice, each year", report)
    names = [
        "ODS code",
        "Practice",
        "Area",
        "Locality",
        "Contract",
        "Weighted patients",
        "Total income (base year)",
        "PMS premium",
        "Special population (kept out)",
        "Signs the offer",
    ]
    for year in plan.years:
        names += [f"{year.year} loss", f"{year.year} gain", f"{year.year} net"]
    _header(sheet, row, names)
    sheet.freeze_panes = sheet.cell(row=row + 1, column=3)
    first = row + 1
    by_year = [{entry.ods_code: entry for entry in year.practices} for year in plan.years]
    for practice in plan.practices:
        row += 1
        funding = report.practice(practice.ods_code)
        values: list[Any] = [
            practice.ods_code,
            practice.name,
            practice.area_code,
            practice.locality,
            funding.contract_type,
            practice.weighted_patients,
            pounds(practice.total_income_pence),
            pounds(practice.premium_pence),
            practice.special_population_reason or "",
            "yes" if practice.signs_offer else "no",
        ]
        formats: list[str | None] = [None] * 5 + [PATIENTS, POUNDS, POUNDS, None, None]
        for entries in by_year:
            entry = entries[practice.ods_code]
            values += [pounds(-entry.loss_pence), pounds(entry.gain_pence), pounds(entry.net_pence)]
            formats += [POUNDS] * 3
        _put(sheet, row, values, formats)
    row += 1
    totals: list[Any] = ["Total", "", "", "", "", None, None, None, "", ""]
    for year in plan.years:
        totals += [
            pounds(-year.freed_pence),
            pounds(year.reinvested_pence),
            pounds(year.reinvested_pence - year.freed_pence),
        ]
    _put(sheet, row, totals, [None] * 10 + [POUNDS] * (3 * len(plan.years)))
    from openpyxl.styles import Font

    for cell in sheet[row]:
        cell.font = Font(bold=True)
    sheet.auto_filter.ref = f"A{first - 1}:{sheet.cell(row=row - 1, column=len(names)).coordinate}"
    _widths(sheet, [10, 40, 7, 32, 9, 12, 16, 14, 26, 9] + [14] * (3 * len(plan.years)))


def _fairness_sheet(sheet: Any, fairness: Fairness, report: PlanReport) -> None:
    from openpyxl.styles import Font

    sheet.title = "Fairness"
    row = _title(sheet, "Locality fairness: spend per weighted patient", report)
    _header(
        sheet,
        row,
        [
            "Locality",
            "Practices",
            "Weighted patients",
            "Spend before",
            "Before £ per weighted patient",
            "Spend after (last plan year)",
            "After £ per weighted patient",
        ],
    )
    sheet.freeze_panes = sheet.cell(row=row + 1, column=2)
    for locality in fairness.localities:
        row += 1
        _put(
            sheet,
            row,
            [
                locality.locality,
                locality.practices,
                locality.weighted_patients,
                pounds(locality.before_pence),
                locality.before_per_weighted_patient,
                pounds(locality.after_pence),
                locality.after_per_weighted_patient,
            ],
            [None, "0", PATIENTS, POUNDS, PER_PATIENT, POUNDS, PER_PATIENT],
        )
    row += 2
    _header(sheet, row, ["Spread across localities", "Before", "After"])
    for label, attribute, number_format in (
        ("Minimum £ per weighted patient", "minimum", PER_PATIENT),
        ("Maximum £ per weighted patient", "maximum", PER_PATIENT),
        ("Ratio maximum / minimum", "ratio", "0.0000"),
        ("Coefficient of variation", "coefficient_of_variation", "0.00%"),
    ):
        row += 1
        sheet.cell(row=row, column=1, value=label).font = Font(bold=True)
        for column, spread in ((2, fairness.before), (3, fairness.after)):
            value = getattr(spread, attribute) if spread else None
            sheet.cell(row=row, column=column, value=value).number_format = number_format
    _widths(sheet, [36, 12, 16, 18, 16, 20, 16])
