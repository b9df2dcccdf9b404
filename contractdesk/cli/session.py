"""Opening the database the command line names, as the user it names."""

from __future__ import annotations

import argparse

from contractdesk.app_paths import default_demo_database_path
from contractdesk.domain.identifiers import is_commissioner_code
from contractdesk.errors import BadInput
from contractdesk.services.workspace import Workspace, open_workspace


def database_argument(arguments: argparse.Namespace) -> str | None:
    db = getattr(arguments, "db", None)
    if getattr(arguments, "demo", False):
        if db:
            raise BadInput("give either --db or --demo, not both")
        return str(default_demo_database_path())
    return db


def open_from(arguments: argparse.Namespace, *, must_exist: bool = False) -> Workspace:
    """Open the database the arguments name. Commands that only read pass `must_exist`, so a
    mistyped path is an error rather than a new, empty database."""
    # Here, not at the top: the desktop app's start-up uses this module without SQLAlchemy.
    from contractdesk.store.engine import require_existing_file, resolve_database_url

    database = database_argument(arguments)
    if must_exist:
        require_existing_file(resolve_database_url(database))
    return open_workspace(database, getattr(arguments, "user", None))


def area_codes(arguments: argparse.Namespace) -> list[str]:
    """The `--area` codes, upper-cased and checked for the form of a sub-ICB/CCG code."""
    codes = [code.strip().upper() for code in getattr(arguments, "area", [])]
    malformed = [code for code in codes if not is_commissioner_code(code)]
    if malformed:
        raise BadInput(f"{', '.join(malformed)}: not a commissioner area code such as 03L")
    return codes
