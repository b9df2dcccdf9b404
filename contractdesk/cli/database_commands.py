"""`contractdesk db upgrade|backup|check`."""

from __future__ import annotations

import argparse

from contractdesk.cli.session import database_argument
from contractdesk.services import database_admin
from contractdesk.services.workspace import default_login


def upgrade(arguments: argparse.Namespace) -> int:
    result = database_admin.upgrade_database(
        database_argument(arguments), getattr(arguments, "user", None) or default_login()
    )
    if result.from_revision == result.to_revision:
        print(f"{result.database}: already at schema {result.to_revision}")
    else:
        print(
            f"{result.database}: upgraded from {result.from_revision or 'empty'} "
            f"to {result.to_revision}"
        )
    if result.backup:
        print(f"backup of the previous version: {result.backup}")
    return 0


def backup(arguments: argparse.Namespace) -> int:
    path = database_admin.backup_database(database_argument(arguments), arguments.out)
    print(f"backed up to {path}")
    return 0


def check(arguments: argparse.Namespace) -> int:
    result = database_admin.check_database(database_argument(arguments))
    print(f"database: {result.database}")
    print(f"schema:   {result.revision or 'empty'} (this version needs {result.expected_revision})")
    for table, count in result.counts.items():
        print(f"  {table}: {count} rows")
    for problem in result.problems:
        print(f"PROBLEM: {problem}")
    print("ok" if result.ok else f"{len(result.problems)} problem(s)")
    return 0 if result.ok else 2
