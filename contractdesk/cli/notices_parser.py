"""The command line's notices, dashboard and settings commands."""

from __future__ import annotations

import argparse
from datetime import date

from contractdesk.domain.notices import NoticeStatus


def iso_date(text: str) -> date:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date like 2026-05-01") from None


def add_notices_commands(commands, common, lazy, fmt) -> None:  # type: ignore[no-untyped-def]
    handlers = "notices_commands"
    notices = commands.add_parser("notices", help="remedial and breach notices")
    notice_commands = notices.add_subparsers(
        title="notices commands", metavar="ACTION", required=True
    )
    listing = notice_commands.add_parser(
        "list", parents=[common], help="notices, soonest deadline first"
    )
    listing.add_argument(
        "--status", choices=[status.value for status in NoticeStatus], action="append"
    )
    listing.add_argument(
        "--overdue", action="store_true", help="only issued remedial notices past their deadline"
    )
    listing.add_argument("--practice", metavar="CODE")
    listing.add_argument("--as-of", type=iso_date, metavar="DATE", help="today, for deadlines")
    fmt(listing)
    listing.set_defaults(handler=lazy(handlers, "list_notices"))

    board = commands.add_parser(
        "dashboard", parents=[common], help="what needs action, soonest first"
    )
    board.add_argument(
        "--as-of", type=iso_date, metavar="DATE", help="the day to look from (default today)"
    )
    fmt(board, ("table", "json"))
    board.set_defaults(handler=lazy(handlers, "dashboard"))

    settings = commands.add_parser("settings", help="the settings the team shares")
    setting_commands = settings.add_subparsers(
        title="settings commands", metavar="ACTION", required=True
    )
    shown = setting_commands.add_parser("list", parents=[common], help="every setting")
    fmt(shown)
    shown.set_defaults(handler=lazy(handlers, "list_settings"))
    change = setting_commands.add_parser("set", parents=[common], help="change one (admins)")
    change.add_argument("key", metavar="KEY")
    change.add_argument("value", metavar="VALUE")
    change.set_defaults(handler=lazy(handlers, "set_setting"))
