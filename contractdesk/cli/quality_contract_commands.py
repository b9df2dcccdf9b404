"""`contractdesk services|signups|compliance|subcontracts`."""

from __future__ import annotations

import argparse
import sys

from contractdesk.cli.output import write_rows
from contractdesk.cli.session import area_codes, open_from
from contractdesk.domain.money import format_pence
from contractdesk.domain.subcontracting import SubcontractStatus
from contractdesk.services import service_catalogue, signup_export, signup_matrix, subcontracts

SERVICE_COLUMNS = ("code", "name", "kind", "funding_basis", "price", "required", "retired")
COMPLIANCE_COLUMNS = (
    "ods_code",
    "name",
    "locality",
    "compliant",
    "gaps",
    "declined_required",
)
SUBCONTRACT_COLUMNS = (
    "reference",
    "year",
    "contractor",
    "subcontractor",
    "services",
    "start",
    "end",
    "notified",
    "objection_deadline",
    "days_left",
    "status",
    "decision",
)


def list_services(arguments: argparse.Namespace) -> int:
    workspace = open_from(arguments, must_exist=True)
    try:
        services = service_catalogue.list_services(workspace, arguments.year)
    finally:
        workspace.close()
    rows = [
        {
            "code": s.code,
            "name": s.name,
            "kind": s.kind.value,
            "funding_basis": s.funding_basis.label,
            "price": format_pence(s.price_pence),
            "required": "yes" if s.required else "no",
            "retired": "yes" if s.retired else "no",
        }
        for s in services
    ]
    write_rows(rows, SERVICE_COLUMNS, arguments.format)
    return 0


def copy_forward(arguments: argparse.Namespace) -> int:
    workspace = open_from(arguments, must_exist=True)
    try:
        result = service_catalogue.copy_catalogue_forward(workspace, arguments.year)
    finally:
        workspace.close()
    print(f"Copied {len(result.copied)} service(s) into {result.to_year}.")
    if result.already_there:
        print(f"Already in {result.to_year}, left as they were: {', '.join(result.already_there)}")
    return 0


def export_signups(arguments: argparse.Namespace) -> int:
    workspace = open_from(arguments, must_exist=True)
    try:
        path = signup_export.export_signups(
            workspace, arguments.year, arguments.out, areas=area_codes(arguments)
        )
    finally:
        workspace.close()
    print(f"Wrote {path}")
    return 0


def compliance(arguments: argparse.Namespace) -> int:
    workspace = open_from(arguments, must_exist=True)
    try:
        matrix = signup_matrix.load_signup_matrix(
            workspace, arguments.year, areas=area_codes(arguments)
        )
    finally:
        workspace.close()
    if not matrix.required_codes:
        print(f"{arguments.year} has no required services: nothing to check.", file=sys.stderr)
    rows = [
        {
            "ods_code": row.ods_code,
            "name": row.name,
            "locality": row.locality_name,
            "compliant": "yes" if row.compliance.compliant else "no",
            "gaps": _codes(row.compliance.gaps, arguments.format),
            "declined_required": _codes(row.compliance.declined_required, arguments.format),
        }
        for row in matrix.rows
        if not (arguments.gaps_only and row.compliance.compliant)
    ]
    write_rows(rows, COMPLIANCE_COLUMNS, arguments.format)
    return 0


def list_subcontracts(arguments: argparse.Namespace) -> int:
    workspace = open_from(arguments, must_exist=True)
    try:
        entries = subcontracts.list_subcontracts(
            workspace,
            statuses=[SubcontractStatus(status) for status in arguments.status or ()],
            practice_code=arguments.practice,
            year=arguments.year,
        )
    finally:
        workspace.close()
    rows = [
        {
            "reference": entry.reference,
            "year": str(entry.financial_year),
            "contractor": entry.contractor_code,
            "subcontractor": entry.subcontractor_code,
            "services": _codes(entry.service_codes, arguments.format),
            "start": entry.start_date,
            "end": entry.end_date,
            "notified": entry.notified_on,
            "objection_deadline": entry.objection_deadline,
            "days_left": entry.days_left_to_object,
            "status": entry.status.value,
            "decision": entry.decision.value,
        }
        for entry in entries
    ]
    write_rows(rows, SUBCONTRACT_COLUMNS, arguments.format)
    return 0


def _codes(codes, fmt: str):  # type: ignore[no-untyped-def]
    """Lists stay lists in JSON; a table or CSV cell gets them joined."""
    return list(codes) if fmt == "json" else " ".join(codes)
