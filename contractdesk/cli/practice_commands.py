"""`contractdesk practices list|show|set-contact`."""

from __future__ import annotations

import argparse
import dataclasses

from contractdesk.cli.output import write_record, write_rows
from contractdesk.cli.session import area_codes, open_from
from contractdesk.errors import BadInput
from contractdesk.services.letter_content import DEFAULT_ADDRESSEE
from contractdesk.services.practices import get_practice, update_practice
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


def set_contact(arguments: argparse.Namespace) -> int:
    given = {
        "lead_contact": arguments.name,
        "lead_contact_role": arguments.role,
        "email": arguments.email,
    }
    changes = {field: value for field, value in given.items() if value is not None}
    if not changes:
        raise BadInput("Give --name, --role or --email (an empty value clears it).")
    code = arguments.code.strip().upper()
    workspace = open_from(arguments, must_exist=True)
    try:
        current = get_practice(workspace, code)
        practice = update_practice(workspace, code, current.version, changes)
    finally:
        workspace.close()
    role = (
        f", {practice.lead_contact_role}"
        if practice.lead_contact and practice.lead_contact_role
        else ""
    )
    email = f" <{practice.email}>" if practice.email else ""
    print(f"{code}: letters go to {practice.lead_contact or DEFAULT_ADDRESSEE}{role}{email}")
    return 0
