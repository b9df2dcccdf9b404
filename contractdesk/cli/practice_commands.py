"""`contractdesk practices list|show`."""

from __future__ import annotations

import argparse
import dataclasses

from contractdesk.cli.output import write_record, write_rows
from contractdesk.cli.session import area_codes, open_from
from contractdesk.services.practices import get_practice
from contractdesk.services.practices import list_practices as load_practices

LIST_COLUMNS = (
    "ods_code",
    "name",
    "postcode",
    "area_code",
    "locality_code",
    "locality_name",
    "contract_type",
    "status",
    "registered_patients",
    "weighted_patients",
    "list_size_date",
)


def list_practices(arguments: argparse.Namespace) -> int:
    workspace = open_from(arguments, must_exist=True)
    try:
        practices = load_practices(workspace, area_codes(arguments))
    finally:
        workspace.close()
    write_rows(
        [dataclasses.asdict(practice) for practice in practices], LIST_COLUMNS, arguments.format
    )
    return 0


def show_practice(arguments: argparse.Namespace) -> int:
    workspace = open_from(arguments, must_exist=True)
    try:
        practice = get_practice(workspace, arguments.code.strip().upper())
    finally:
        workspace.close()
    record = dataclasses.asdict(practice)
    record["list_sizes"] = [dataclasses.asdict(entry) for entry in practice.list_sizes]
    write_record(record, arguments.format)
    return 0
