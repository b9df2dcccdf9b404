"""`contractdesk` with no command (the desktop app) and `contractdesk demo`."""

from __future__ import annotations

import argparse
from pathlib import Path

from contractdesk.app_paths import default_demo_database_path
from contractdesk.cli.session import database_argument
from contractdesk.errors import BadInput
from contractdesk.services.workspace import default_login


def build_demo(arguments: argparse.Namespace) -> int:
    from contractdesk.services.demo import build_demo_database

    db = getattr(arguments, "db", None)
    if db and "://" in db:
        raise BadInput("the demo database is a SQLite file: give --db a file path")
    target = Path(db) if db else default_demo_database_path()
    if arguments.if_missing and target.exists():
        print(f"demo database already at {target}")
        return 0
    path = build_demo_database(target, getattr(arguments, "user", None) or default_login())
    print(f"demo database built at {path}")
    return 0


def start_desktop(arguments: argparse.Namespace) -> int:
    try:
        from contractdesk.gui.application import run_desktop
    except ModuleNotFoundError as error:
        if error.name and error.name.startswith("contractdesk.gui"):
            raise BadInput("this build has no desktop app; see `contractdesk --help`") from None
        raise
    return run_desktop(database_argument(arguments), getattr(arguments, "user", None))
