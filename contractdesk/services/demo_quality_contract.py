"""The demo's quality contract: Rotherham's 2025/26 services (DOMAIN.md), offered to every open
practice, with responses and sub-contracts; 2026/27 copied forward and partly answered.

The services and their requirement are Rotherham's; the prices, responses and sub-contracts
are made up for the demo (each audit entry here says so).
"""

from __future__ import annotations

from datetime import date

from contractdesk.domain.financial_year import FinancialYear
from contractdesk.domain.service_catalogue import FundingBasis, ServiceKind
from contractdesk.domain.subcontracting import ObjectionGround
from contractdesk.services.offers import offer_service, record_response
from contractdesk.services.practices import list_practices
from contractdesk.services.service_catalogue import copy_catalogue_forward, create_service
from contractdesk.services.subcontracts import decide_subcontract, notify_subcontract
from contractdesk.services.workspace import Workspace

FIRST_YEAR = FinancialYear(2025)
PER_WEIGHTED = FundingBasis.PER_WEIGHTED_PATIENT
PER_ITEM = FundingBasis.PER_ITEM
PER_REGISTERED = FundingBasis.PER_REGISTERED_PATIENT

# code, name, kind, funding basis, demo price in pence
ROTHERHAM_QUALITY_CONTRACT = (
    ("CASE-MGMT", "Case management", ServiceKind.LES, PER_WEIGHTED, 210),
    ("ANTICOAG", "Anti-coagulation", ServiceKind.LES, PER_ITEM, 9500),
    ("PSA", "PSA monitoring", ServiceKind.LES, PER_ITEM, 1200),
    ("SHARED-CARE", "Shared care (e.g. DMARDs)", ServiceKind.LES, PER_ITEM, 6800),
    ("PHLEB", "Phlebotomy", ServiceKind.LES, PER_WEIGHTED, 95),
    ("AURAL", "Aural care", ServiceKind.LES, PER_ITEM, 1850),
    ("SUTURE", "Suture removal", ServiceKind.LES, PER_ITEM, 1100),
    ("PRESCRIBING", "Prescribing LIS", ServiceKind.LES, PER_WEIGHTED, 150),
    ("MINOR-SURG", "Minor surgery", ServiceKind.LES, PER_ITEM, 5300),
    ("JOINT-INJ", "Joint injections", ServiceKind.LES, PER_ITEM, 4100),
    ("PESSARY", "Ring pessary changes", ServiceKind.LES, PER_ITEM, 2900),
    ("HEALTH-CHECK", "Health checks", ServiceKind.PUBLIC_HEALTH, PER_ITEM, 2400),
    ("ALCOHOL", "Alcohol", ServiceKind.PUBLIC_HEALTH, PER_ITEM, 1500),
    ("SCREENING", "Screening", ServiceKind.PUBLIC_HEALTH, PER_REGISTERED, 40),
    ("IMMS", "Immunisation/vaccinations", ServiceKind.PUBLIC_HEALTH, PER_REGISTERED, 75),
)


def add_demo_quality_contract(workspace: Workspace) -> None:
    for code, name, kind, basis, price in ROTHERHAM_QUALITY_CONTRACT:
        create_service(
            workspace,
            FIRST_YEAR,
            code,
            {
                "name": name,
                "kind": kind.value,
                "funding_basis": basis.value,
                "price_pence": price,
                "required": True,
                "spec_reference": f"Rotherham quality contract {FIRST_YEAR}: {name}",
            },
        )
    open_practices = [p for p in list_practices(workspace) if p.status == "active"]
    localities = sorted({p.locality_code for p in open_practices if p.locality_code})
    # The one practice without a PCN is offered by name, so it is not left out.
    lone = [p.ods_code for p in open_practices if not p.locality_code]
    _offer_year(workspace, FIRST_YEAR, localities, lone, sent=date(2025, 2, 3))
    codes = [p.ods_code for p in open_practices]
    _answer_year(workspace, FIRST_YEAR, codes, answered=date(2025, 3, 10))
    _demo_subcontracts(workspace, open_practices)

    next_year = FIRST_YEAR.next()
    copy_catalogue_forward(workspace, FIRST_YEAR)
    _offer_year(workspace, next_year, localities, lone, sent=date(2026, 2, 2))
    # A few practices had not answered a handful of offers by the demo's date.
    _answer_year(workspace, next_year, codes[:-3], answered=date(2026, 3, 9))
    _pending_subcontract(workspace, next_year, open_practices)


def _offer_year(
    workspace: Workspace, year: FinancialYear, localities: list[str], lone: list[str], sent: date
) -> None:
    for code, *_ in ROTHERHAM_QUALITY_CONTRACT:
        offer_service(
            workspace,
            year,
            code,
            start=year.first_day,
            end=year.last_day,
            response_deadline=date(year.start_year, 3, 20),
            localities=localities,
            practices=lone,
            today=sent,
        )


def _answer_year(workspace: Workspace, year: FinancialYear, practices: list[str], answered: date):
    # Demo pattern: most accept everything; every seventh practice declines minor surgery and
    # every eleventh declines joint injections.
    for index, practice in enumerate(practices):
        for code, *_ in ROTHERHAM_QUALITY_CONTRACT:
            declines = (code == "MINOR-SURG" and index % 7 == 3) or (
                code == "JOINT-INJ" and index % 11 == 5
            )
            record_response(
                workspace,
                year,
                code,
                practice,
                accepted=not declines,
                responded_on=answered,
                note="demo data" if declines else None,
            )


def _demo_subcontracts(workspace: Workspace, practices) -> None:  # type: ignore[no-untyped-def]
    """Two practices that declined minor surgery arrange it with a neighbour in their PCN: one
    approved, one objected to."""
    decliners = [p.ods_code for index, p in enumerate(practices) if index % 7 == 3]
    for contractor, approve in zip(decliners, (True, False), strict=False):
        entry = _notify(
            workspace,
            FIRST_YEAR,
            practices,
            contractor,
            start=date(2025, 6, 2),
            notified_on=date(2025, 4, 14),
        )
        decide_subcontract(
            workspace,
            entry.reference,
            approve=approve,
            decided_on=date(2025, 5, 6),
            ground=None if approve else ObjectionGround.PATIENT_SAFETY,
            detail=None if approve else "demo data: premises not registered for minor surgery",
            today=date(2025, 5, 6),
        )


def _pending_subcontract(workspace: Workspace, year: FinancialYear, practices) -> None:  # type: ignore[no-untyped-def]
    """One arrangement still inside its 28 days, so the demo shows a deadline to watch."""
    decliners = [p.ods_code for index, p in enumerate(practices) if index % 7 == 3]
    if len(decliners) > 2:
        _notify(
            workspace,
            year,
            practices,
            decliners[2],
            start=date(2026, 12, 14),
            notified_on=date(2026, 11, 10),
        )


def _notify(workspace: Workspace, year, practices, contractor, *, start, notified_on):  # type: ignore[no-untyped-def]
    by_code = {p.ods_code: p for p in practices}
    locality = by_code[contractor].locality_code
    neighbour = next(
        p
        for index, p in enumerate(practices)
        if p.ods_code != contractor and p.locality_code == locality and index % 7 != 3
    )
    return notify_subcontract(
        workspace,
        year=year,
        contractor=contractor,
        subcontractor=neighbour.ods_code,
        service_codes=["MINOR-SURG"],
        premises_address=f"{neighbour.name}, {neighbour.postcode}",
        start=start,
        end=year.last_day,
        notified_on=notified_on,
        today=notified_on,
    )
