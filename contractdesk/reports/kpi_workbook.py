"""The KPI review grid as an Excel workbook: practices × KPIs with the RAG colours and the RAG
word beside each value, worst first, a frozen header and auto-filter; a second sheet with the
KPIs' targets and the area's benchmarks, and the rule for the overall RAG. Write-only mode."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Protocol

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from contractdesk.domain.kpi_rules import Benchmark, Rag
from contractdesk.reports.palette import RAG_FILLS

FIXED_HEADERS = ("ODS code", "Practice", "Locality", "Overall")


class Column(Protocol):
    code: str
    name: str
    standard_name: str
    target: object
    amber_band: object

    @property
    def unit(self): ...  # type: ignore[no-untyped-def]

    @property
    def direction(self): ...  # type: ignore[no-untyped-def]


class Review(Protocol):
    title: str
    kpis: Sequence[Column]
    rows: Sequence[object]
    area_benchmarks: Sequence[Benchmark]
    overall_rule: str


def cell_text(unit, cell) -> str:  # type: ignore[no-untyped-def]
    """`96.0% Green`, `45.1 Amber slipping`, `No data`: the value and the RAG in words."""
    if cell.rag is Rag.NO_DATA:
        return "No data"
    text = f"{unit.format(cell.value)} {cell.rag.label}"
    return f"{text} slipping" if cell.slipping else text


def write_kpi_workbook(path: Path, review: Review, extra_rules: Sequence[str] = ()) -> Path:
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(review.title.replace("/", "-")[:31])
    headers = [*FIXED_HEADERS, *(f"{kpi.code}\n{kpi.name}" for kpi in review.kpis)]
    sheet.freeze_panes = "C2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(headers))}{len(review.rows) + 1}"
    for index, width in enumerate([10, 38, 30, 10] + [18] * len(review.kpis), start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    fills = {rag: PatternFill("solid", start_color=c, end_color=c) for rag, c in RAG_FILLS.items()}

    def styled(text: str, rag: Rag) -> WriteOnlyCell:
        cell = WriteOnlyCell(sheet, value=text)
        cell.fill = fills[rag]
        return cell

    sheet.append([_bold(sheet, text) for text in headers])
    for row in review.rows:
        cells: list[object] = [row.ods_code, row.name, row.locality_name or ""]
        cells.append(styled(row.overall.label, row.overall))
        cells.extend(
            styled(cell_text(kpi.unit, cell), cell.rag)
            for kpi, cell in zip(review.kpis, row.cells, strict=True)
        )
        sheet.append(cells)
    targets = workbook.create_sheet("Targets and benchmarks")
    titles = ["KPI", "Name", "Standard", "Unit", "Better", "Target", "Amber band",
              "Practices with data", "Area mean", "Area median"]  # fmt: skip
    for index, width in enumerate([22, 50, 24, 14, 10, 10, 12, 12, 12, 12], start=1):
        targets.column_dimensions[get_column_letter(index)].width = width
    targets.append([_bold(targets, text) for text in titles])
    for kpi, stats in zip(review.kpis, review.area_benchmarks, strict=True):
        targets.append(
            [
                kpi.code,
                kpi.name,
                kpi.standard_name,
                kpi.unit.label,
                kpi.direction.value,
                kpi.unit.format(kpi.target),
                str(kpi.amber_band.normalize()),
                stats.count,
                kpi.unit.format(stats.mean) if stats.mean is not None else "",
                kpi.unit.format(stats.median) if stats.median is not None else "",
            ]
        )
    targets.append([])
    for rule in (review.overall_rule, *extra_rules):
        targets.append([rule])
    partial = path.with_name(f".{path.name}.partial")
    try:
        workbook.save(partial)
        partial.replace(path)
    finally:
        partial.unlink(missing_ok=True)
    return path


def _bold(sheet, text: str) -> WriteOnlyCell:  # type: ignore[no-untyped-def]
    cell = WriteOnlyCell(sheet, value=text)
    cell.font = Font(bold=True)
    cell.alignment = Alignment(wrap_text=True, vertical="top")
    return cell
