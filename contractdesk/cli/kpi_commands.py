"""`contractdesk kpis import|review|list|copy-forward`."""

from __future__ import annotations

import argparse
import re
import sys

from contractdesk.cli.import_commands import _print as print_report
from contractdesk.cli.import_commands import _workspace
from contractdesk.cli.output import write_rows
from contractdesk.cli.session import area_codes, open_from
from contractdesk.domain.kpi_period import Period
from contractdesk.domain.kpi_rules import Rag
from contractdesk.errors import BadInput, NotFound
from contractdesk.services import kpi_export, kpi_framework, kpi_review
from contractdesk.services.kpi_import import import_measurements as run_import

KPI_COLUMNS = (
    "standard",
    "kind",
    "code",
    "name",
    "unit",
    "direction",
    "target",
    "amber_band",
)


def import_measurements(arguments: argparse.Namespace) -> int:
    period = _period(arguments.period) if arguments.period else None
    with _workspace(arguments) as workspace:
        print_report(
            run_import(
                workspace,
                arguments.file,
                arguments.format,
                period=period,
                areas=area_codes(arguments),
            )
        )
    return 0


def export_review(arguments: argparse.Namespace) -> int:
    workspace = open_from(arguments, must_exist=True)
    try:
        path = kpi_export.export_kpi_review(
            workspace,
            arguments.year,
            arguments.out,
            period=_review_period(arguments),
            areas=area_codes(arguments),
            standard=arguments.standard,
        )
    finally:
        workspace.close()
    print(f"Wrote {path}")
    return 0


def _review_period(arguments: argparse.Namespace) -> Period | None:
    """`--period Q1` (of --year) or a whole period such as `2025/26 Q1`."""
    if not arguments.period:
        return None
    text = arguments.period.strip()
    if re.fullmatch(r"[Qq][1-4]", text):
        return Period(arguments.year, int(text[1]))
    return _period(text)


def review(arguments: argparse.Namespace) -> int:
    period = _review_period(arguments)
    workspace = open_from(arguments, must_exist=True)
    try:
        result = kpi_review.load_kpi_review(
            workspace,
            arguments.year,
            period=period,
            areas=area_codes(arguments),
            standard=arguments.standard,
            slipping_periods=arguments.slipping,
        )
    finally:
        workspace.close()
    if not result.kpis:
        print(f"{arguments.year} has no KPIs: nothing to review.", file=sys.stderr)
    codes = [kpi.code for kpi in result.kpis]
    rows = []
    for row in result.rows:
        line = {
            "ods_code": row.ods_code,
            "name": row.name,
            "locality": row.locality_name,
            "overall": row.overall.label,
        }
        for kpi, cell in zip(result.kpis, row.cells, strict=True):
            if arguments.format == "json":
                line[kpi.code] = {
                    "value": cell.value,
                    "rag": cell.rag.label,
                    "slipping": cell.slipping,
                }
            else:
                text = cell.rag.label
                if cell.rag is not Rag.NO_DATA:
                    text = f"{kpi.unit.format(cell.value)} {text}"
                line[kpi.code] = text + (" slipping" if cell.slipping else "")
        rows.append(line)
    write_rows(rows, ("ods_code", "name", "locality", "overall", *codes), arguments.format)
    if arguments.format == "table":
        rule = kpi_review.QUARTER_RULE if result.period else kpi_review.YEAR_VALUE_RULE
        print(f"\n{result.overall_rule}\n{rule}")
    return 0


def list_kpis(arguments: argparse.Namespace) -> int:
    workspace = open_from(arguments, must_exist=True)
    try:
        framework = kpi_framework.load_framework(workspace, arguments.year)
    finally:
        workspace.close()
    rows = [
        {
            "standard": kpi.standard_name,
            "kind": kpi.standard_kind.value,
            "code": kpi.code,
            "name": kpi.name,
            "unit": kpi.unit.label,
            "direction": f"{kpi.direction.value} is better",
            "target": kpi.target.normalize(),
            "amber_band": kpi.amber_band.normalize(),
        }
        for kpi in framework.kpis
    ]
    write_rows(rows, KPI_COLUMNS, arguments.format)
    return 0


def copy_forward(arguments: argparse.Namespace) -> int:
    workspace = open_from(arguments, must_exist=True)
    try:
        result = kpi_framework.copy_framework_forward(workspace, arguments.year)
    finally:
        workspace.close()
    print(
        f"Copied {len(result.kpis_copied)} KPI(s) and {len(result.standards_copied)} "
        f"standard(s) into {result.to_year}."
    )
    if result.already_there:
        print(f"Already in {result.to_year}, left as they were: {', '.join(result.already_there)}")
    return 0


def _period(text: str) -> Period:
    try:
        return Period.parse(text)
    except ValueError as error:
        raise BadInput(str(error)) from None


def add_standard(arguments: argparse.Namespace) -> int:
    workspace = open_from(arguments, must_exist=True)
    try:
        entry = kpi_framework.create_standard(
            workspace, arguments.year, arguments.code, arguments.name, arguments.kind
        )
    finally:
        workspace.close()
    print(f"Added the {entry.kind.value} standard {entry.code} to {arguments.year}.")
    return 0


def add_kpi(arguments: argparse.Namespace) -> int:
    workspace = open_from(arguments, must_exist=True)
    try:
        entry = kpi_framework.create_kpi(
            workspace,
            arguments.year,
            arguments.code,
            standard_code=arguments.standard,
            name=arguments.name,
            unit=arguments.unit,
            direction=arguments.direction,
            target=arguments.target,
            amber_band=arguments.amber_band,
        )
    finally:
        workspace.close()
    print(f"Added {entry.code} to {entry.standard_code} in {arguments.year}.")
    return 0


def set_target(arguments: argparse.Namespace) -> int:
    workspace = open_from(arguments, must_exist=True)
    try:
        current = next(
            (
                kpi
                for kpi in kpi_framework.load_framework(workspace, arguments.year).kpis
                if kpi.code == arguments.code.strip().upper()
            ),
            None,
        )
        if current is None:
            raise NotFound(f"{arguments.year} has no KPI with the code {arguments.code}.")
        entry = kpi_framework.update_kpi_target(
            workspace,
            arguments.year,
            current.code,
            current.version,
            target=arguments.target,
            amber_band=arguments.amber_band,
        )
    finally:
        workspace.close()
    target, band = entry.unit.format(entry.target), entry.unit.format(entry.amber_band)
    print(f"{entry.code} in {arguments.year}: target {target}, amber band {band}.")
    return 0
