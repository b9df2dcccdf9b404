"""The command line's KPI commands: kpis import, review, list and copy-forward."""

from __future__ import annotations

import argparse
from pathlib import Path

from contractdesk.cli.quality_contract_parser import AddOption, Lazy, financial_year

FORMATS = ("auto", "long", "qof", "immunisations", "cqc")


def add_kpi_commands(
    commands, common: argparse.ArgumentParser, lazy: Lazy, area: AddOption, fmt: AddOption
) -> None:  # type: ignore[no-untyped-def]
    handlers = "kpi_commands"
    kpis = commands.add_parser("kpis", help="standards, KPIs, measurements and the RAG review")
    kpi_commands = kpis.add_subparsers(title="kpis commands", metavar="ACTION", required=True)

    importing = kpi_commands.add_parser(
        "import", parents=[common], help="import measurements (long form CSV/Excel or real files)"
    )
    importing.add_argument("file", type=Path, metavar="FILE")
    importing.add_argument(
        "--format",
        choices=FORMATS,
        default="auto",
        help="long: practice code, KPI code, period, value or numerator and denominator; "
        "qof, immunisations, cqc: the published files (auto: recognised by the header)",
    )
    importing.add_argument(
        "--period",
        metavar="PERIOD",
        help="the period of a file that does not say (QOF, CQC), e.g. 2023/24 or 2023/24 Q4",
    )
    area(importing, "import the measurements")
    importing.set_defaults(handler=lazy(handlers, "import_measurements"))

    review = kpi_commands.add_parser(
        "review", parents=[common], help="every practice's KPIs with RAG, slipping and overall"
    )
    review.add_argument(
        "--year", type=financial_year, required=True, metavar="YYYY/YY", help="e.g. 2025/26"
    )
    review.add_argument(
        "--period", metavar="Q1-Q4", help="a quarter of the year (default: the whole year)"
    )
    review.add_argument("--standard", metavar="CODE", help="only this standard's KPIs")
    review.add_argument(
        "--slipping",
        type=int,
        default=3,
        metavar="N",
        help="slipping: worse in each of the last N periods (default 3)",
    )
    area(review, "review the practices")
    fmt(review)
    review.set_defaults(handler=lazy(handlers, "review"))

    export = kpi_commands.add_parser(
        "export", parents=[common], help="the review grid as an Excel workbook, with colours"
    )
    export.add_argument("--year", type=financial_year, required=True, metavar="YYYY/YY")
    export.add_argument("--period", metavar="Q1-Q4", help="a quarter (default: the whole year)")
    export.add_argument("--standard", metavar="CODE", help="only this standard's KPIs")
    export.add_argument("out", type=Path, metavar="OUT.xlsx")
    area(export, "export the practices")
    export.set_defaults(handler=lazy(handlers, "export_review"))

    listing = kpi_commands.add_parser("list", parents=[common], help="a year's standards and KPIs")
    listing.add_argument("--year", type=financial_year, required=True, metavar="YYYY/YY")
    fmt(listing)
    listing.set_defaults(handler=lazy(handlers, "list_kpis"))

    copy = kpi_commands.add_parser(
        "copy-forward", parents=[common], help="copy a year's standards and KPIs into the next"
    )
    copy.add_argument("--year", type=financial_year, required=True, metavar="YYYY/YY")
    copy.set_defaults(handler=lazy(handlers, "copy_forward"))

    standard = kpi_commands.add_parser(
        "add-standard", parents=[common], help="add a standard to a year's framework"
    )
    standard.add_argument("--year", type=financial_year, required=True, metavar="YYYY/YY")
    standard.add_argument("code", metavar="CODE", help="e.g. DM")
    standard.add_argument("name", metavar="NAME", help='e.g. "Demand management"')
    standard.add_argument("kind", choices=("minimum", "developmental"))
    standard.set_defaults(handler=lazy(handlers, "add_standard"))

    kpi = kpi_commands.add_parser("add", parents=[common], help="add a KPI to a standard")
    kpi.add_argument("--year", type=financial_year, required=True, metavar="YYYY/YY")
    kpi.add_argument("code", metavar="CODE", help="e.g. DM-OPFU")
    kpi.add_argument("--standard", required=True, metavar="CODE")
    kpi.add_argument("--name", required=True)
    kpi.add_argument(
        "--unit", required=True, choices=("percent", "per_1000", "count", "days", "score")
    )
    kpi.add_argument("--direction", required=True, choices=("higher", "lower"))
    kpi.add_argument("--target", required=True, help="e.g. 95 (a percent) or 45.5")
    kpi.add_argument(
        "--amber-band", required=True, help="how far short of the target is still amber"
    )
    kpi.set_defaults(handler=lazy(handlers, "add_kpi"))

    target = kpi_commands.add_parser(
        "set-target", parents=[common], help="change a KPI's target and amber band"
    )
    target.add_argument("--year", type=financial_year, required=True, metavar="YYYY/YY")
    target.add_argument("code", metavar="CODE")
    target.add_argument("--target", required=True)
    target.add_argument("--amber-band", required=True)
    target.set_defaults(handler=lazy(handlers, "set_target"))
