"""`contractdesk users list|set-role`."""

from __future__ import annotations

import argparse
import dataclasses

from contractdesk.cli.output import write_rows
from contractdesk.cli.session import open_from
from contractdesk.domain.roles import Role
from contractdesk.services import users


def list_users(arguments: argparse.Namespace) -> int:
    workspace = open_from(arguments, must_exist=True)
    try:
        rows = [dataclasses.asdict(user) for user in users.list_users(workspace)]
    finally:
        workspace.close()
    write_rows(rows, ("login", "display_name", "role", "active"), arguments.format)
    return 0


def set_role(arguments: argparse.Namespace) -> int:
    workspace = open_from(arguments)
    try:
        known = {user.login for user in users.list_users(workspace)}
        user = users.set_role(workspace, arguments.login, Role(arguments.role))
    finally:
        workspace.close()
    if user.login in known:
        print(f"{user.login} is now {user.role}")
    else:
        print(f"added {user.login}, a user not seen before, as {user.role} (check the spelling)")
    return 0
