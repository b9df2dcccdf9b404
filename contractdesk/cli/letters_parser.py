"""The command line's letters commands."""

from __future__ import annotations

from pathlib import Path

from contractdesk.cli.quality_contract_parser import financial_year


def add_letters_commands(commands, common, lazy, area) -> None:  # type: ignore[no-untyped-def]
    handlers = "letters_commands"
    letters = commands.add_parser("letters", help="annual review and notice letters as PDFs")
    letter_commands = letters.add_subparsers(
        title="letters commands", metavar="KIND", required=True
    )
    annual = letter_commands.add_parser(
        "annual", parents=[common], help="annual review letters for a year, one PDF a practice"
    )
    annual.add_argument("--year", type=financial_year, required=True, metavar="YYYY/YY")
    annual.add_argument("--out", type=Path, required=True, metavar="DIR", help="existing folder")
    annual.add_argument(
        "--practice",
        action="append",
        default=[],
        metavar="CODE",
        help="only this practice; repeatable (default: every open practice)",
    )
    area(annual, "write to the practices")
    annual.add_argument(
        "--combined", type=Path, metavar="FILE", help="also one PDF of every letter, for printing"
    )
    annual.add_argument(
        "--new-version",
        action="store_true",
        help="where a letter exists already, write …_v2.pdf beside it (never overwritten)",
    )
    annual.add_argument(
        "--workers", type=int, metavar="N", help="processes to use (default: every core)"
    )
    annual.set_defaults(handler=lazy(handlers, "annual_letters"))
    notice = letter_commands.add_parser(
        "notice", parents=[common], help="the letter for a notice or sanction (RN-…, BN-…, SN-…)"
    )
    notice.add_argument("notice_id", metavar="NOTICE_ID")
    notice.add_argument("--out", type=Path, required=True, metavar="DIR")
    notice.add_argument("--new-version", action="store_true")
    notice.set_defaults(handler=lazy(handlers, "notice_letter"))
