"""The sign-up matrix as an Excel workbook: per year, the matrix (frozen header, auto-filter,
the app's colours with the state as text) and a sheet listing the gaps against the whole
contract. Written in openpyxl's write-only mode: 7,000 × 20 cells stream straight to disk."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Protocol

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from contractdesk.domain.financial_year import FinancialYear
from contractdesk.domain.whole_contract import CellState, Compliance
from contractdesk.reports.palette import (
    COMPLIANT_FILL,
    NOT_COMPLIANT_FILL,
    STATE_FILLS,
    STATE_SHORT_TEXT,
)

FIXED_HEADERS = ("ODS code", "Practice", "Locality", "Whole contract")


class ServiceColumn(Protocol):
    code: str
    name: str
    required: bool


class MatrixLine(Protocol):
    ods_code: str
    name: str
    locality_name: str | None
    states: tuple[CellState, ...]
    compliance: Compliance


class YearMatrix(Protocol):
    year: FinancialYear
    services: Sequence[ServiceColumn]
    rows: Sequence[MatrixLine]


def write_signup_workbook(path: Path, matrices: Sequence[YearMatrix]) -> Path:
    """Write the workbook to a temporary name and move it into place, so a failure never
    leaves a half-written file where the officer expects the export."""
    workbook = Workbook(write_only=True)
    for matrix in matrices:
        _matrix_sheet(workbook, matrix)
        _gaps_sheet(workbook, matrix)
    partial = path.with_name(f".{path.name}.partial")
    try:
        workbook.save(partial)
        partial.replace(path)
    finally:
        partial.unlink(missing_ok=True)
    return path


def _matrix_sheet(workbook: Workbook, matrix: YearMatrix) -> None:
    sheet = workbook.create_sheet(f"Sign-ups {matrix.year.slug()}")
    services = list(matrix.services)
    headers = [*FIXED_HEADERS, *(_service_header(service) for service in services)]
    _prepare(sheet, headers, widths=[10, 38, 30, 16] + [14] * len(services), rows=len(matrix.rows))
    state_styles = {state: _styled(sheet, fill) for state, fill in STATE_FILLS.items()}
    compliant, not_compliant = _styled(sheet, COMPLIANT_FILL), _styled(sheet, NOT_COMPLIANT_FILL)
    sheet.append(_header_cells(sheet, headers))
    for row in matrix.rows:
        gaps = len(row.compliance.gaps)
        summary = "compliant" if not gaps else f"{gaps} gap{'s' if gaps > 1 else ''}"
        if row.compliance.flagged:
            summary += " (declined)"
        cells: list[object] = [row.ods_code, row.name, row.locality_name or ""]
        cells.append((compliant if not gaps else not_compliant)(summary))
        cells.extend(state_styles[state](STATE_SHORT_TEXT[state]) for state in row.states)
        sheet.append(cells)


def _gaps_sheet(workbook: Workbook, matrix: YearMatrix) -> None:
    sheet = workbook.create_sheet(f"Gaps {matrix.year.slug()}")
    names = {service.code: service.name for service in matrix.services}
    headers = ["ODS code", "Practice", "Locality", "Missing required service", "Declined it"]
    lines = [(row, code) for row in matrix.rows for code in row.compliance.gaps]
    _prepare(sheet, headers, widths=[10, 38, 30, 40, 12], rows=len(lines))
    sheet.append(_header_cells(sheet, headers))
    for row, code in lines:
        declined = "yes" if code in row.compliance.declined_required else ""
        sheet.append(
            [row.ods_code, row.name, row.locality_name or "", f"{code} {names[code]}", declined]
        )


def _prepare(sheet: Worksheet, headers: Sequence[str], *, widths: Sequence[int], rows: int) -> None:
    # Write-only sheets take their layout before the first row is written.
    sheet.freeze_panes = "C2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(headers))}{rows + 1}"
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width


def _service_header(service: ServiceColumn) -> str:
    return f"{service.code}{' *' if service.required else ''}\n{service.name}"


def _header_cells(sheet: Worksheet, headers: Sequence[str]) -> list[WriteOnlyCell]:
    cells = []
    for text in headers:
        cell = WriteOnlyCell(sheet, value=text)
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        cells.append(cell)
    return cells


def _styled(sheet: Worksheet, fill_colour: str):  # type: ignore[no-untyped-def]
    """A maker of cells sharing one fill object (openpyxl then stores the style once)."""
    fill = PatternFill("solid", start_color=fill_colour, end_color=fill_colour)

    def make(text: str) -> WriteOnlyCell:
        cell = WriteOnlyCell(sheet, value=text)
        cell.fill = fill
        return cell

    return make
