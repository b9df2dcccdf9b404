"""The command line's quality-contract commands: services, signups, compliance, subcontracts."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path

from contractdesk.domain.financial_year import FinancialYear

SUBCONTRACT_STATUSES = ("pending", "approved", "active", "objected", "ended")

Lazy = Callable[[str, str], Callable[[argparse.Namespace], int | None]]
AddOption = Callable[..., None]


def financial_year(text: str) -> FinancialYear:
    """An argparse type: a bad year is a usage error naming the expected form."""
    try:
        return FinancialYear.parse(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def add_quality_contract_commands(
    commands, common: argparse.ArgumentParser, lazy: Lazy, area: AddOption, fmt: AddOption
) -> None:  # type: ignore[no-untyped-def]
    handlers = "quality_contract_commands"

    services = commands.add_parser("services", help="the service catalogue of a financial year")
    service_commands = services.add_subparsers(
        title="services commands", metavar="ACTION", required=True
    )
    listing = service_commands.add_parser("list", parents=[common], help="list a year's services")
    _year_option(listing)
    fmt(listing)
    listing.set_defaults(handler=lazy(handlers, "list_services"))
    copy = service_commands.add_parser(
        "copy-forward", parents=[common], help="copy a year's services into the next year"
    )
    _year_option(copy, help_text="the year to copy from")
    copy.set_defaults(handler=lazy(handlers, "copy_forward"))

    signups = commands.add_parser("signups", help="practices' sign-ups to the services")
    signup_commands = signups.add_subparsers(
        title="signups commands", metavar="ACTION", required=True
    )
    export = signup_commands.add_parser(
        "export", parents=[common], help="the sign-up matrix and its gaps as an Excel workbook"
    )
    export.add_argument(
        "--year",
        type=financial_year,
        action="append",
        required=True,
        metavar="YYYY/YY",
        help="financial year, e.g. 2025/26; repeat for one sheet per year",
    )
    export.add_argument("out", type=Path, metavar="OUT.xlsx")
    area(export, "export the practices")
    export.set_defaults(handler=lazy(handlers, "export_signups"))

    compliance = commands.add_parser(
        "compliance", parents=[common], help="each practice against the whole contract"
    )
    _year_option(compliance)
    area(compliance, "report the practices")
    compliance.add_argument(
        "--gaps-only", action="store_true", help="only the practices that are not compliant"
    )
    fmt(compliance)
    compliance.set_defaults(handler=lazy(handlers, "compliance"))

    subcontracts = commands.add_parser("subcontracts", help="sub-contracting arrangements")
    subcontract_commands = subcontracts.add_subparsers(
        title="subcontracts commands", metavar="ACTION", required=True
    )
    arrangements = subcontract_commands.add_parser(
        "list", parents=[common], help="arrangements with their status and deadlines"
    )
    arrangements.add_argument("--status", choices=SUBCONTRACT_STATUSES, action="append")
    arrangements.add_argument(
        "--practice", metavar="CODE", help="only this practice's (either side)"
    )
    arrangements.add_argument("--year", type=financial_year, metavar="YYYY/YY")
    fmt(arrangements)
    arrangements.set_defaults(handler=lazy(handlers, "list_subcontracts"))


def _year_option(parser: argparse.ArgumentParser, help_text: str = "financial year, e.g. 2025/26"):  # type: ignore[no-untyped-def]
    parser.add_argument(
        "--year", type=financial_year, required=True, metavar="YYYY/YY", help=help_text
    )
