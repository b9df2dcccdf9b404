"""`contractdesk letters annual|notice`."""

from __future__ import annotations

import argparse
import sys

from contractdesk.cli.session import area_codes, open_from
from contractdesk.services.letters import make_annual_letters, make_notice_letter


def annual_letters(arguments: argparse.Namespace) -> int:
    workspace = open_from(arguments, must_exist=True)

    def progress(done: int, total: int) -> None:
        if sys.stderr.isatty():
            print(f"\r{done}/{total} letters", end="", file=sys.stderr, flush=True)

    try:
        batch = make_annual_letters(
            workspace,
            arguments.year,
            arguments.out,
            practices=arguments.practice,
            areas=area_codes(arguments),
            combined=arguments.combined,
            new_versions=arguments.new_version,
            workers=arguments.workers,
            progress=progress,
        )
    finally:
        workspace.close()
    if sys.stderr.isatty():
        print(file=sys.stderr)
    print(f"Wrote {len(batch.written)} letter(s) to {batch.folder}")
    if batch.combined:
        print(f"Combined for printing: {batch.combined}")
    return 0


def notice_letter(arguments: argparse.Namespace) -> int:
    workspace = open_from(arguments, must_exist=True)
    try:
        path = make_notice_letter(
            workspace, arguments.notice_id, arguments.out, new_versions=arguments.new_version
        )
    finally:
        workspace.close()
    print(f"Wrote {path}")
    return 0
