"""`contractdesk notices list`, `contractdesk dashboard`, `contractdesk settings`."""

from __future__ import annotations

import argparse
import dataclasses
from datetime import date

from contractdesk.cli.output import write_json, write_rows
from contractdesk.cli.session import open_from
from contractdesk.domain.notices import NoticeStatus
from contractdesk.domain.settings import SETTINGS
from contractdesk.services import dashboard as dashboard_service
from contractdesk.services import notices, team_settings

NOTICE_COLUMNS = (
    "reference",
    "practice",
    "kind",
    "status",
    "given_on",
    "deadline",
    "days_left",
    "further_breach",
    "breach",
)
DASHBOARD_COLUMNS = ("due", "category", "title", "practice", "opens")


def list_notices(arguments: argparse.Namespace) -> int:
    workspace = open_from(arguments, must_exist=True)
    try:
        entries = notices.list_notices(
            workspace,
            statuses=tuple(NoticeStatus(status) for status in arguments.status or ()),
            overdue=arguments.overdue,
            practice_code=arguments.practice,
            today=arguments.as_of,
        )
    finally:
        workspace.close()
    rows = [
        {
            "reference": entry.reference,
            "practice": entry.practice_code,
            "kind": entry.kind.value,
            "status": entry.status.value,
            "given_on": entry.given_on,
            "deadline": entry.deadline,
            "days_left": entry.days_to_deadline,
            "further_breach": entry.further_breach.reason if entry.further_breach else "",
            "breach": entry.breach,
        }
        for entry in entries
    ]
    write_rows(rows, NOTICE_COLUMNS, arguments.format)
    return 0


def dashboard(arguments: argparse.Namespace) -> int:
    workspace = open_from(arguments, must_exist=True)
    try:
        items = dashboard_service.dashboard(workspace, arguments.as_of or date.today())
    finally:
        workspace.close()
    if arguments.format == "json":
        write_json([dataclasses.asdict(item) for item in items])
        return 0
    rows = [
        {
            "due": ("OVERDUE " if item.overdue else "") + item.due.isoformat(),
            "category": item.category,
            "title": item.title,
            "practice": item.practice_code,
            "opens": f"{item.target_kind} {item.target_key}",
        }
        for item in items
    ]
    write_rows(rows, DASHBOARD_COLUMNS, "table")
    return 0


def list_settings(arguments: argparse.Namespace) -> int:
    workspace = open_from(arguments, must_exist=True)
    try:
        values = team_settings.all_settings(workspace)
    finally:
        workspace.close()
    rows = [
        {
            "key": key,
            "value": values[key],
            "default": declaration.default,
            "unverified": "yes" if declaration.unverified else "",
            "meaning": declaration.description,
        }
        for key, declaration in SETTINGS.items()
    ]
    write_rows(rows, ("key", "value", "default", "unverified", "meaning"), arguments.format)
    return 0


def set_setting(arguments: argparse.Namespace) -> int:
    workspace = open_from(arguments, must_exist=True)
    try:
        value = team_settings.change_setting(workspace, arguments.key, arguments.value)
    finally:
        workspace.close()
    print(f"{arguments.key} = {value}")
    return 0
