"""`contractdesk funding premium|plan|set-rate`: the PMS premium review from the command line."""

from __future__ import annotations

import argparse
import dataclasses
import sys
from decimal import Decimal, InvalidOperation
from typing import Any

from contractdesk.cli.output import write_json, write_rows
from contractdesk.cli.session import area_codes, open_from
from contractdesk.domain.financial_year import FinancialYear
from contractdesk.domain.funding import PremiumBasis
from contractdesk.domain.money import pounds_to_pence
from contractdesk.errors import BadInput

PREMIUM_COLUMNS = (
    "ods_code",
    "name",
    "locality",
    "contract_type",
    "registered_patients",
    "weighted_patients",
    "total",
    "per_weighted_patient",
    "gms_equivalent",
    "premium",
    "premium_per_weighted_patient",
)
PLAN_COLUMNS = (
    "year",
    "share_freed",
    "freed",
    "reinvested",
    "held_back",
    "offer_per_weighted_patient",
    "balances",
)


def premium(arguments: argparse.Namespace) -> int:
    from contractdesk.services.funding import funding_year

    year = _year(arguments.year, "--year")
    basis = PremiumBasis(arguments.basis)
    workspace = open_from(arguments, must_exist=True)
    try:
        funding = funding_year(workspace, year, area_codes(arguments), basis)
    finally:
        workspace.close()
    rows = [
        {
            "ods_code": row.ods_code,
            "name": row.name,
            "locality": row.locality,
            "contract_type": row.contract_type,
            "registered_patients": row.registered_patients,
            "weighted_patients": row.weighted_patients,
            "total": _pounds(row.total_pence),
            "per_weighted_patient": row.per_weighted_patient,
            "gms_equivalent": _pounds(row.gms_equivalent_pence),
            "premium": _pounds(row.premium_pence),
            "premium_per_weighted_patient": row.premium_per_weighted_patient,
        }
        for row in funding.practices
    ]
    pms = [row for row in funding.practices if row.premium_pence is not None]
    totals = {
        "practices": len(rows),
        "pms_practices": len(pms),
        "total": _pounds(funding.total("total_pence")),
        "premium": _pounds(sum(row.premium_pence for row in pms)),
        "weighted_patients": sum((row.weighted_patients or 0 for row in funding.practices), 0),
    }
    if arguments.format == "json":
        write_json(
            {
                "financial_year": str(year),
                "areas": list(funding.areas),
                "basis": funding.basis_description,
                "core_funding_per_weighted_patient": _pounds(
                    funding.rate.pence_per_weighted_patient
                ),
                "practices": rows,
                "totals": totals,
            }
        )
        return 0
    if arguments.format == "csv":
        # The basis travels with every row, so a copied extract still says what it shows.
        for row in rows:
            row["basis"] = funding.basis.value
        write_rows(rows, (*PREMIUM_COLUMNS, "basis"), "csv")
        print(f"# {funding.basis_description}", file=sys.stderr)
        return 0
    print(f"{year} {', '.join(funding.areas) or 'all areas'}: {funding.basis_description}")
    write_rows(rows, PREMIUM_COLUMNS, "table")
    print(
        f"{totals['practices']} practices ({totals['pms_practices']} PMS); total payments "
        f"£{totals['total']:,}; PMS premium £{totals['premium']:,}"
    )
    return 0


def plan(arguments: argparse.Namespace) -> int:
    from contractdesk.services.funding_plan import compute_plan, load_plan

    [area] = area_codes(arguments) or [None]
    if area is None:
        raise BadInput("name the commissioner area: --area CODE")
    workspace = open_from(arguments, must_exist=True)
    try:
        draft = _with_options(load_plan(workspace, area), arguments)
        report = compute_plan(workspace, draft)
    finally:
        workspace.close()
    rows = [
        {
            "year": str(year.year),
            "share_freed": f"{float(year.cumulative_share):.1%}",
            "freed": _pounds(year.freed_pence),
            "reinvested": _pounds(year.reinvested_pence),
            "held_back": _pounds(year.held_back_pence),
            "offer_per_weighted_patient": year.offer_pence_per_weighted_patient,
            "balances": "yes" if year.balances else "NO",
        }
        for year in report.plan.years
    ]
    if arguments.out:
        from contractdesk.services.funding_export import export_plan

        export_plan(report, arguments.out)
    if arguments.format == "json":
        write_json(
            {
                "area": area,
                "basis": report.basis_description,
                "years": rows,
                "exemptions": report.plan.exemptions,
                "still_to_free_after_plan": _pounds(sum(report.plan.still_to_free.values())),
                "fairness": _fairness(report.fairness),
            }
        )
    else:
        print(f"{area} {draft.offer_name}: {report.basis_description}")
        write_rows(rows, PLAN_COLUMNS, "table")
        still = report.plan.still_to_free
        print(
            f"the cap of {float(draft.yearly_loss_cap):.1%} of income a year leaves "
            f"£{_pounds(sum(still.values())):,} of premium ({len(still)} practices) to free "
            "after the plan"
        )
        for code, reason in sorted(report.plan.exemptions.items()):
            print(f"kept out of the reduction: {code} ({reason})")
        fairness = report.fairness
        if fairness.before and fairness.after:
            print(
                f"locality spread of £ per weighted patient: ratio {fairness.before.ratio} -> "
                f"{fairness.after.ratio}, coefficient of variation "
                f"{fairness.before.coefficient_of_variation} -> "
                f"{fairness.after.coefficient_of_variation}"
            )
    if arguments.out:
        print(f"wrote {arguments.out}", file=sys.stderr)
    return 0


def set_rate(arguments: argparse.Namespace) -> int:
    from contractdesk.services.funding import set_core_rate

    year = _year(arguments.year, "YEAR")
    try:
        pence = pounds_to_pence(arguments.pounds)
    except ValueError as error:
        raise BadInput(str(error)) from None
    workspace = open_from(arguments, must_exist=True)
    try:
        rate = set_core_rate(workspace, year, pence, arguments.note or "")
    finally:
        workspace.close()
    print(f"{year}: {rate.description}")
    return 0


def _with_options(draft: Any, arguments: argparse.Namespace) -> Any:
    changes: dict[str, Any] = {}
    if arguments.start:
        changes["start_year"] = _year(arguments.start, "--start")
    if arguments.base_year:
        changes["base_year"] = _year(arguments.base_year, "--base-year")
    if arguments.years is not None:
        changes["years"] = arguments.years
    for option, name in (
        ("first_year_share", "first_year_share"),
        ("cap", "yearly_loss_cap"),
        ("held_back", "held_back_share"),
    ):
        value = getattr(arguments, option)
        if value is not None:
            changes[name] = _share(value, f"--{option.replace('_', '-')}")
    if arguments.basis:
        changes["premium_basis"] = PremiumBasis(arguments.basis)
    for option, name in (("reinvest_in", "reinvestment_areas"), ("agreed", "agreed_areas")):
        codes = [code.strip().upper() for code in getattr(arguments, option)]
        if codes:
            changes[name] = tuple(codes)
    if arguments.exempt:
        exemptions = dict(draft.exemptions)
        for text in arguments.exempt:
            code, _, reason = text.partition("=")
            if not reason.strip():
                raise BadInput(f"--exempt {text}: give CODE=REASON")
            exemptions[code.strip().upper()] = reason.strip()
        changes["exemptions"] = exemptions
    return dataclasses.replace(draft, **changes)


def _fairness(fairness: Any) -> dict[str, Any]:
    return {
        "localities": [
            {
                "locality": entry.locality,
                "weighted_patients": entry.weighted_patients,
                "before_per_weighted_patient": entry.before_per_weighted_patient,
                "after_per_weighted_patient": entry.after_per_weighted_patient,
            }
            for entry in fairness.localities
        ],
        "before": dataclasses.asdict(fairness.before) if fairness.before else None,
        "after": dataclasses.asdict(fairness.after) if fairness.after else None,
    }


def _year(text: str, option: str) -> FinancialYear:
    try:
        return FinancialYear.parse(text)
    except ValueError as error:
        raise BadInput(f"{option}: {error}") from None


def _share(text: str, option: str) -> Decimal:
    """`0.25` or `25%`."""
    try:
        value = Decimal(text.rstrip("%")) / (100 if text.endswith("%") else 1)
    except InvalidOperation:
        raise BadInput(f"{option}: {text!r} is not a share like 0.25 or 25%") from None
    return value


def _pounds(pence: int | None) -> Decimal | None:
    return None if pence is None else (Decimal(pence) / 100).quantize(Decimal("0.01"))
