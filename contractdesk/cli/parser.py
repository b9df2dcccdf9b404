"""The command line's shape. Handlers are imported only when their command runs, so that
`contractdesk --version` and the desktop app's start-up pay for nothing they do not use."""

from __future__ import annotations

import argparse
import importlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

from contractdesk import __version__
from contractdesk.cli.kpi_parser import add_kpi_commands
from contractdesk.cli.letters_parser import add_letters_commands
from contractdesk.cli.notices_parser import add_notices_commands
from contractdesk.cli.output import FORMATS
from contractdesk.cli.quality_contract_parser import add_quality_contract_commands


def _lazy(module: str, function: str) -> Callable[[argparse.Namespace], int | None]:
    def run(arguments: argparse.Namespace) -> int | None:
        handler = getattr(importlib.import_module(f"contractdesk.cli.{module}"), function)
        return handler(arguments)

    return run


def _connection_options(suppress: bool) -> argparse.ArgumentParser:
    """--db/--user/--demo, accepted before or after the command."""
    default: Any = argparse.SUPPRESS if suppress else None
    options = argparse.ArgumentParser(add_help=False)
    group = options.add_argument_group("database and user")
    group.add_argument(
        "--db",
        metavar="PATH_OR_URL",
        default=default,
        help="SQLite file or postgresql+psycopg:// URL (default: $CONTRACTDESK_DATABASE_URL, "
        "else the file in your user data folder)",
    )
    group.add_argument(
        "--demo",
        action="store_true",
        default=default,
        help="use the demo database (see `contractdesk demo`)",
    )
    group.add_argument(
        "--user",
        metavar="NAME",
        default=default,
        help="sign in as NAME instead of your operating-system login",
    )
    return options


def _area_option(parser: argparse.ArgumentParser, what: str) -> None:
    parser.add_argument(
        "--area",
        metavar="CODE",
        action="append",
        default=[],
        help=f"only {what} of this commissioner area (sub-ICB code such as 03L); repeatable",
    )


def _format_option(parser: argparse.ArgumentParser, choices: tuple[str, ...] = FORMATS) -> None:
    parser.add_argument("--format", choices=choices, default="table", help="output format")


def build_parser() -> argparse.ArgumentParser:
    common = _connection_options(suppress=True)
    parser = argparse.ArgumentParser(
        prog="contractdesk",
        description="ContractDesk: GP contract management for NHS commissioners. "
        "With no command, starts the desktop app.",
        parents=[_connection_options(suppress=False)],
    )
    parser.add_argument("--version", action="version", version=f"ContractDesk {__version__}")
    parser.set_defaults(handler=_lazy("app_commands", "start_desktop"))
    commands = parser.add_subparsers(title="commands", metavar="COMMAND")

    demo = commands.add_parser("demo", parents=[common], help="(re)build the demo database")
    demo.add_argument(
        "--if-missing",
        action="store_true",
        help="build only when the demo database does not exist yet",
    )
    demo.set_defaults(handler=_lazy("app_commands", "build_demo"))

    db = commands.add_parser("db", help="upgrade, back up or check the database")
    db_commands = db.add_subparsers(title="db commands", metavar="ACTION", required=True)
    upgrade = db_commands.add_parser(
        "upgrade", parents=[common], help="bring the schema to this version (admins)"
    )
    upgrade.set_defaults(handler=_lazy("database_commands", "upgrade"))
    backup = db_commands.add_parser("backup", parents=[common], help="copy a SQLite database")
    backup.add_argument("out", type=Path, metavar="OUT")
    backup.set_defaults(handler=_lazy("database_commands", "backup"))
    check = db_commands.add_parser(
        "check", parents=[common], help="check the schema revision and integrity"
    )
    check.set_defaults(handler=_lazy("database_commands", "check"))

    imports = commands.add_parser("import", help="import NHS data files")
    import_kinds = imports.add_subparsers(title="what to import", metavar="KIND", required=True)
    practices = import_kinds.add_parser(
        "practices", parents=[common], help="practices from the ODS epraccur.csv extract"
    )
    practices.add_argument("file", type=Path, metavar="FILE")
    _area_option(practices, "import the practices")
    practices.set_defaults(handler=_lazy("import_commands", "import_practices"))
    list_sizes = import_kinds.add_parser(
        "list-sizes",
        parents=[common],
        help="registered patients from NHS Digital's gp-reg-pat-prac-all CSV",
    )
    list_sizes.add_argument("file", type=Path, metavar="FILE")
    _area_option(list_sizes, "import the list sizes")
    list_sizes.set_defaults(handler=_lazy("import_commands", "import_list_sizes"))
    payments = import_kinds.add_parser(
        "payments",
        parents=[common],
        help="NHS Payments to General Practice CSVs, one or more years",
    )
    payments.add_argument("files", type=Path, nargs="+", metavar="FILE")
    _area_option(payments, "import the payments")
    payments.add_argument(
        "--year", metavar="YYYY/YY", help="the financial year, when the file name does not say it"
    )
    payments.set_defaults(handler=_lazy("import_commands", "import_payments"))

    register = commands.add_parser("practices", help="the practice register")
    register_commands = register.add_subparsers(
        title="practices commands", metavar="ACTION", required=True
    )
    listing = register_commands.add_parser("list", parents=[common], help="list practices")
    _area_option(listing, "list the practices")
    _format_option(listing)
    listing.set_defaults(handler=_lazy("practice_commands", "list_practices"))
    show = register_commands.add_parser("show", parents=[common], help="one practice in full")
    show.add_argument("code", metavar="CODE", help="ODS practice code, e.g. C87003")
    _format_option(show, ("table", "json"))
    show.set_defaults(handler=_lazy("practice_commands", "show_practice"))
    contact = register_commands.add_parser(
        "set-contact",
        parents=[common],
        help="whom letters go to: the practice's lead contact, their role, an email",
    )
    contact.add_argument("code", metavar="CODE", help="ODS practice code, e.g. C87003")
    contact.add_argument("--name", help='e.g. "Dr Asha Patel" (an empty value clears it)')
    contact.add_argument("--role", help='e.g. "Practice Manager"')
    contact.add_argument("--email", help="e.g. a.patel@nhs.net")
    contact.set_defaults(handler=_lazy("practice_commands", "set_contact"))

    add_quality_contract_commands(commands, common, _lazy, _area_option, _format_option)
    add_notices_commands(commands, common, _lazy, _format_option)
    add_letters_commands(commands, common, _lazy, _area_option)
    _funding_commands(commands, common)
    add_kpi_commands(commands, common, _lazy, _area_option, _format_option)

    users = commands.add_parser("users", help="who may use this database, and their roles")
    user_commands = users.add_subparsers(title="users commands", metavar="ACTION", required=True)
    user_list = user_commands.add_parser("list", parents=[common], help="list users")
    _format_option(user_list)
    user_list.set_defaults(handler=_lazy("user_commands", "list_users"))
    set_role = user_commands.add_parser(
        "set-role", parents=[common], help="add a user or change their role (admins)"
    )
    set_role.add_argument("login", metavar="LOGIN")
    set_role.add_argument("role", choices=("viewer", "officer", "approver", "admin"))
    set_role.set_defaults(handler=_lazy("user_commands", "set_role"))
    return parser


def _funding_commands(commands: Any, common: argparse.ArgumentParser) -> None:
    funding = commands.add_parser("funding", help="PMS premium review: funding, premium, plans")
    actions = funding.add_subparsers(title="funding commands", metavar="ACTION", required=True)
    bases = ("baseline_less_core", "pms_balance")
    premium = actions.add_parser(
        "premium", parents=[common], help="funding and PMS premium per practice for a year"
    )
    premium.add_argument("--year", required=True, metavar="YYYY/YY")
    _area_option(premium, "practices")
    _format_option(premium)
    premium.add_argument(
        "--basis", choices=bases, default="baseline_less_core", help="how the premium is found"
    )
    premium.set_defaults(handler=_lazy("funding_commands", "premium"))

    plan = actions.add_parser(
        "plan", parents=[common], help="the area's premium review plan, year by year"
    )
    _area_option(plan, "this area's plan (one area)")
    plan.add_argument("--start", metavar="YYYY/YY", help="the plan's first year")
    plan.add_argument("--years", type=int, help="years of the glide path (at least 4)")
    plan.add_argument("--base-year", metavar="YYYY/YY", help="the payments year the plan uses")
    plan.add_argument("--first-year-share", metavar="SHARE", help="e.g. 0.1 or 10%%")
    plan.add_argument("--cap", metavar="SHARE", help="cap on a practice's yearly loss, e.g. 3%%")
    plan.add_argument("--held-back", metavar="SHARE", help="share of freed money held back")
    plan.add_argument("--basis", choices=bases, help="how the premium is found")
    plan.add_argument(
        "--exempt",
        action="append",
        default=[],
        metavar="CODE=REASON",
        help="keep a practice serving a special population out of the reduction; repeatable",
    )
    plan.add_argument(
        "--reinvest-in",
        action="append",
        default=[],
        metavar="CODE",
        help="an area whose practices receive the freed money (default: the plan's own); "
        "repeatable",
    )
    plan.add_argument(
        "--agreed",
        action="append",
        default=[],
        metavar="CODE",
        help="an area whose agreement to moving the money is on record; repeatable",
    )
    plan.add_argument("--out", type=Path, metavar="FILE.xlsx", help="also write an Excel workbook")
    _format_option(plan, ("table", "json"))
    plan.set_defaults(handler=_lazy("funding_commands", "plan"))

    rate = actions.add_parser(
        "set-rate", parents=[common], help="core funding per weighted patient for a year"
    )
    rate.add_argument("year", metavar="YYYY/YY")
    rate.add_argument("pounds", metavar="POUNDS", help="e.g. 78.53")
    rate.add_argument("--note", help="where the figure comes from")
    rate.set_defaults(handler=_lazy("funding_commands", "set_rate"))
