"""Opening the database the command line names, as the user it names."""

from __future__ import annotations

import argparse

from contractdesk.app_paths import default_demo_database_path
from contractdesk.errors import BadInput
from contractdesk.services.workspace import Workspace, open_workspace


def database_argument(arguments: argparse.Namespace) -> str | None:
    db = getattr(arguments, "db", None)
    if getattr(arguments, "demo", False):
        if db:
            raise BadInput("give either --db or --demo, not both")
        return str(default_demo_database_path())
    return db


def open_from(arguments: argparse.Namespace) -> Workspace:
    return open_workspace(database_argument(arguments), getattr(arguments, "user", None))
