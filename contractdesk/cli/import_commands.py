"""`contractdesk import …`: print what each import did; refuse bad files with where and why."""

from __future__ import annotations

import argparse
import sys

from contractdesk.cli.session import area_codes, open_from
from contractdesk.domain.financial_year import FinancialYear
from contractdesk.errors import BadInput
from contractdesk.importers.report import ImportRejected, ImportReport
from contractdesk.services.list_size_import import import_list_sizes as run_list_sizes
from contractdesk.services.payment_import import import_payments as run_payments
from contractdesk.services.practice_import import import_practices as run_practices

SHOWN_PER_REASON = 5


def import_practices(arguments: argparse.Namespace) -> int:
    with _workspace(arguments) as workspace:
        _print(run_practices(workspace, arguments.file, area_codes(arguments)))
    return 0


def import_list_sizes(arguments: argparse.Namespace) -> int:
    with _workspace(arguments) as workspace:
        _print(run_list_sizes(workspace, arguments.file, area_codes(arguments)))
    return 0


def import_payments(arguments: argparse.Namespace) -> int:
    try:
        year = FinancialYear.parse(arguments.year) if arguments.year else None
    except ValueError as error:
        raise BadInput(str(error)) from None
    with _workspace(arguments) as workspace:
        for report in run_payments(workspace, arguments.files, area_codes(arguments), year):
            _print(report)
    return 0


class _workspace:
    """Open, and always close, the workspace; show the per-file reports of a refusal."""

    def __init__(self, arguments: argparse.Namespace) -> None:
        self.workspace = open_from(arguments)

    def __enter__(self):  # type: ignore[no-untyped-def]
        return self.workspace

    def __exit__(self, kind, error, trace):  # type: ignore[no-untyped-def]
        self.workspace.close()
        if isinstance(error, ImportRejected):
            for report in error.reports:
                if report.errors:
                    print(f"{report.file}: {len(report.errors)} problem(s)", file=sys.stderr)
        return False


def _print(report: ImportReport) -> None:
    print(report.summary())
    for reason, count in sorted(report.skipped_by_reason().items()):
        rows = [problem for problem in report.skipped if problem.message == reason]
        places = [f"{p.file}:{p.row}" + (f":{p.column}" if p.column else "") for p in rows]
        more = ", …" if count > SHOWN_PER_REASON else ""
        print(f"  skipped {count}: {reason} — {', '.join(places[:SHOWN_PER_REASON])}{more}")
