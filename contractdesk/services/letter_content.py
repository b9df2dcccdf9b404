"""What goes into letters, gathered from the database in set-wide reads (thousands of
practices at once), as plain `LetterContent` that worker processes can render."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Collection, Iterator
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from contractdesk.domain.financial_year import FinancialYear
from contractdesk.domain.letter_template import LetterKind, LetterTemplate
from contractdesk.domain.money import format_pence
from contractdesk.domain.notices import GIVEN, NoticeStatus
from contractdesk.domain.whole_contract import CellState
from contractdesk.errors import BadInput
from contractdesk.reports.letter_pdf import LetterContent, Letterhead, LetterTable
from contractdesk.resources import resource_path
from contractdesk.services.funding import funding_year, payment_years
from contractdesk.services.notices import NoticeEntry, list_notices
from contractdesk.services.recovery_plans import list_plans
from contractdesk.services.signup_matrix import load_signup_matrix
from contractdesk.services.subcontracts import list_subcontracts
from contractdesk.services.team_settings import all_settings
from contractdesk.services.workspace import Workspace
from contractdesk.store.models import CommissionerArea, Locality, Practice
from contractdesk.store.unit_of_work import unit_of_work

DEFAULT_ADDRESSEE = "The Practice Manager"  # for a practice with no lead contact recorded

STATE_WORDS = {
    CellState.ACCEPTED: "Signed up",
    CellState.SUBCONTRACTED: "Sub-contracted",
    CellState.SUBCONTRACT_PENDING: "Gap: sub-contract awaiting approval",
    CellState.OFFERED: "Gap: offer not answered",
    CellState.DECLINED: "Gap: declined",
    CellState.ENDED: "Gap: sign-up ended",
    CellState.NOT_OFFERED: "Not offered",
}


@dataclass(frozen=True)
class PlannedLetter:
    """A letter to make: the practice, the file it goes to, and what it says."""

    practice_code: str
    file_name: str
    content: LetterContent


@dataclass(frozen=True)
class AnnualLetters:
    """A year's annual letters: the practices and their files, known at once; the contents put
    together one by one when asked for, so the first letters can be rendering while the rest
    are still being gathered."""

    practice_codes: tuple[str, ...]
    file_names: tuple[str, ...]
    make_contents: Callable[[], Iterator[LetterContent]]  # in the order of practice_codes


def letterhead(workspace: Workspace) -> Letterhead:
    settings = all_settings(workspace)
    logo = settings["letter_logo"]
    return Letterhead(
        commissioner_name=settings["commissioner_name"],
        address_lines=tuple(line.strip() for line in settings["commissioner_address"].split("|")),
        logo_path=str(resource_path("letters", "logo.jpg")) if logo == "default" else logo,
        officer_name=workspace.user.display_name,
        officer_title=settings["letter_signatory_title"],
    )


def annual_file_name(practice_code: str, year: FinancialYear) -> str:
    return f"{practice_code}_{LetterKind.ANNUAL.slug}_{year.slug()}.pdf"


def plan_annual_letters(
    workspace: Workspace,
    year: FinancialYear,
    template: LetterTemplate,
    *,
    practices: Collection[str] = (),
    areas: Collection[str] = (),
    letter_date: date | None = None,
) -> AnnualLetters:
    """One letter per open practice (of `practices` / `areas` if given) for the year."""
    letter_date = letter_date or date.today()
    wanted = {code.strip().upper() for code in practices}
    register = practice_addresses(workspace, areas)
    if wanted:
        missing = wanted - set(register)
        if missing:
            raise BadInput(f"Not in the register (or closed): {', '.join(sorted(missing))}")
        register = {code: row for code, row in register.items() if code in wanted}
    if not register:
        raise BadInput("No practices to write to.")

    def contents() -> Iterator[LetterContent]:
        # The set-wide reads happen here, on the first letter asked for, not when planning.
        settings = all_settings(workspace)
        matrix = load_signup_matrix(workspace, year, areas=areas, today=letter_date)
        rows = {row.ods_code: row for row in matrix.rows}
        delivered_by = _subcontractors(workspace, year, letter_date)
        notices = _notices(workspace, year, letter_date)
        actions = _actions(workspace, letter_date)
        funding = _funding(workspace, year)
        kpis = _kpi_review(workspace, year, areas)
        kpi_rows = kpis.rows_by_code() if kpis is not None else {}
        locality_averages = _locality_averages(kpis)
        funding_rows = {row.ods_code: row for row in funding.practices} if funding else {}
        for code, practice in register.items():
            row = rows.get(code)
            signed = sum(state is CellState.ACCEPTED for state in row.states) if row else 0
            values = {
                "practice_name": practice["name"],
                "practice_code": code,
                "contract_type": practice["contract_type"],
                "locality": practice["locality"] or "the area",
                "lead_contact": practice["lead_contact"],
                "commissioner_name": settings["commissioner_name"],
                "officer_name": workspace.user.display_name,
                "letter_date": f"{letter_date:%d %B %Y}".lstrip("0"),
                "reference": _annual_reference(code, year),
                "financial_year": str(year),
                "services_signed": str(signed),
                "compliance": row.compliance.describe()
                if row and matrix.required_codes
                else ("not assessed: the year has no required services"),
                "overall_rag": _overall_words(kpis, kpi_rows.get(code)),
            }
            blocks = template.fill(values)
            tables = [
                _services_table(matrix, row, delivered_by.get(code, {})),
                _kpi_table(kpis, kpi_rows.get(code), locality_averages),
                _notices_table(notices.get(code, [])),
                _funding_table(funding, funding_rows.get(code), year),
                _actions_table(actions.get(code, [])),
            ]
            content = LetterContent(
                practice_code=code,
                reference=values["reference"],
                letter_date=letter_date,
                recipient_lines=practice["recipient_lines"],
                subject=f"{practice['name']} ({code}): annual review {year}",
                blocks=tuple(block for block in blocks if not block.after_tables),
                tables=tuple(tables),
                closing_blocks=tuple(block for block in blocks if block.after_tables),
                title=f"Annual review {year}: {practice['name']}",
            )
            yield content

    return AnnualLetters(
        practice_codes=tuple(register),
        file_names=tuple(annual_file_name(code, year) for code in register),
        make_contents=contents,
    )


def _annual_reference(code: str, year: FinancialYear) -> str:
    return f"{code}/{year.slug()}/AR"


def practice_addresses(
    workspace: Workspace, areas: Collection[str], codes: Collection[str] = ()
) -> dict[str, dict]:
    """Open practices by code: name, address lines, contract type, locality, and whom a
    letter goes to (the lead contact, or the practice manager) with its address block."""
    practice, area, locality = Practice.__table__, CommissionerArea.__table__, Locality.__table__
    query = (
        select(
            practice.c.ods_code,
            practice.c.name,
            practice.c.address_line1,
            practice.c.address_line2,
            practice.c.address_line3,
            practice.c.address_line4,
            practice.c.address_line5,
            practice.c.postcode,
            practice.c.contract_type,
            locality.c.name,
            practice.c.lead_contact,
            practice.c.lead_contact_role,
        )
        .select_from(
            practice.outerjoin(area, practice.c.area_id == area.c.id).outerjoin(
                locality, practice.c.locality_id == locality.c.id
            )
        )
        .where(practice.c.status != "closed")
        .order_by(practice.c.ods_code)
    )
    if areas:
        query = query.where(area.c.code.in_(list(areas)))
    if codes:
        query = query.where(practice.c.ods_code.in_(list(codes)))
    with unit_of_work(workspace.engine) as session:
        found = {}
        for (
            code,
            name,
            *lines,
            postcode,
            kind,
            locality_name,
            lead,
            role,
        ) in session.connection().execute(query):
            addressee = lead or DEFAULT_ADDRESSEE
            address = tuple(part for part in (*lines, postcode) if part)
            found[code] = {
                "name": name,
                "address": address,
                "contract_type": kind,
                "locality": locality_name,
                "lead_contact": addressee,
                # The role goes under a named contact ("Dr A Patel" / "Practice Manager").
                "recipient_lines": tuple(
                    line for line in (addressee, role if lead else None, name, *address) if line
                ),
            }
        return found


def _subcontractors(workspace: Workspace, year: FinancialYear, today: date):  # type: ignore[no-untyped-def]
    """contractor → service code → the practice delivering it for them."""
    found: dict[str, dict[str, str]] = defaultdict(dict)
    for entry in list_subcontracts(workspace, year=year, today=today):
        for code in entry.service_codes:
            found[entry.contractor_code][code] = (
                f"{entry.subcontractor_name} ({entry.subcontractor_code})"
            )
    return found


def _notices(workspace: Workspace, year: FinancialYear, today: date) -> dict[str, list]:
    """Per practice: notices given in the year, or still open."""
    found: dict[str, list[NoticeEntry]] = defaultdict(list)
    for notice in list_notices(workspace, today=today):
        open_now = notice.status in (NoticeStatus.ISSUED, NoticeStatus.NOT_REMEDIED)
        in_year = notice.given_on is not None and notice.given_on in year
        if notice.status in GIVEN and (open_now or in_year):
            found[notice.practice_code].append(notice)
    return found


def _actions(workspace: Workspace, today: date) -> dict[str, list]:
    found: dict[str, list] = defaultdict(list)
    for plan in list_plans(workspace, open_only=True, today=today):
        for action in plan.actions:
            if action.done_on is None:
                found[plan.practice_code].append((plan, action))
    return found


def _funding(workspace: Workspace, year: FinancialYear):  # type: ignore[no-untyped-def]
    """The practices' funding in the latest payments year up to `year`, with the PMS premium
    worked out as the Funding section does (None when no payments are on record)."""
    paid = [paid_year for paid_year in payment_years(workspace) if paid_year <= year]
    if not paid:
        return None
    return funding_year(workspace, max(paid))


def _kpi_review(workspace: Workspace, year: FinancialYear, areas: Collection[str]):  # type: ignore[no-untyped-def]
    """The year's KPI review (a year's value: its annual figure, else its latest quarter), or
    None when the year has no KPIs."""
    from contractdesk.services.kpi_review import load_kpi_review

    review = load_kpi_review(workspace, year, areas=areas)
    return review if review.kpis else None


def _overall_words(review, row) -> str:  # type: ignore[no-untyped-def]
    if review is None:
        return "not assessed (no KPIs for the year)"
    if row is None:
        return "not assessed (no measurements)"
    return row.overall.label.lower()


def _locality_averages(review) -> dict[str | None, list[tuple[str, str]]]:  # type: ignore[no-untyped-def]
    """Per locality, each KPI's target and locality average as the letters show them: worked
    out once per locality, not once per letter."""
    if review is None:
        return {}
    targets = [kpi.unit.format(kpi.target) for kpi in review.kpis]
    return {
        locality: [
            (target, kpi.unit.format(local.mean))
            for kpi, target, local in zip(review.kpis, targets, benchmarks, strict=True)
        ]
        for locality, benchmarks in review.benchmarks_by_locality().items()
    }


def _kpi_table(review, row, by_locality: dict) -> LetterTable:  # type: ignore[no-untyped-def]
    """Each KPI: the practice's value, the target, its locality's average, the traffic light."""
    title = "Standards and KPIs"
    if review is None:
        return LetterTable(heading=title, columns=("KPI",), rows=(), empty_text="No KPIs were set.")
    if row is None:
        return LetterTable(
            heading=title, columns=("KPI",), rows=(), empty_text="No measurements are on record."
        )
    shared = by_locality[row.locality_code]
    lines = []
    for kpi, cell, (target, average) in zip(review.kpis, row.cells, shared, strict=True):
        rag = cell.rag.label + (" (slipping)" if cell.slipping else "")
        lines.append((kpi.name, kpi.unit.format(cell.value), target, average, rag))
    return LetterTable(
        heading=f"{title} {review.year}",
        columns=("KPI", "Practice", "Target", "Locality average", "Rating"),
        rows=tuple(lines),
        rag_column=4,
        widths=(0.40, 0.13, 0.13, 0.18, 0.16),
        note=review.overall_rule,
    )


def _services_table(matrix, row, delivered_by: dict[str, str]) -> LetterTable:  # type: ignore[no-untyped-def]
    """The services the practice delivers itself, in a sentence; the rest (sub-contracted,
    gaps) in the table, where the reader's eye should go."""
    delivered, lines = [], []
    if row is not None:
        for service, state in zip(matrix.services, row.states, strict=True):
            if state is CellState.NOT_OFFERED and not service.required:
                continue
            if state is CellState.ACCEPTED:
                delivered.append(service.name)
                continue
            words = STATE_WORDS[state]
            if state is CellState.SUBCONTRACTED and service.code in delivered_by:
                words = f"Sub-contracted to {delivered_by[service.code]}"
            lines.append((service.name, "yes" if service.required else "no", words))
    intro = (
        f"Signed up and delivered by the practice ({len(delivered)}): {', '.join(delivered)}."
        if delivered
        else None
    )
    return LetterTable(
        heading=f"Quality contract services {matrix.year}",
        columns=("Service", "Required", "Status"),
        rows=tuple(lines),
        intro=intro,
        empty_text=(
            "Every service offered is delivered by the practice itself."
            if delivered
            else "No services were offered to the practice this year."
        ),
        widths=(0.45, 0.12, 0.43),
    )


def _notices_table(notices: list) -> LetterTable:
    return LetterTable(
        heading="Notices issued or open",
        columns=("Reference", "Kind", "Given", "Deadline", "Status"),
        rows=tuple(
            (
                notice.reference,
                notice.kind.label,
                f"{notice.given_on:%d %b %Y}" if notice.given_on else "",
                f"{notice.deadline:%d %b %Y}" if notice.deadline else "",
                notice.status.label,
            )
            for notice in notices
        ),
        empty_text="No notices were issued this year and none is open.",
        widths=(0.2, 0.22, 0.18, 0.18, 0.22),
    )


def _funding_table(funding, row, year: FinancialYear) -> LetterTable:  # type: ignore[no-untyped-def]
    if row is None:
        return LetterTable(
            heading="Funding",
            columns=("Item", "Amount"),
            rows=(),
            empty_text="No payments are on record for the practice.",
        )
    lines = [
        ("Global Sum", row.global_sum_pence),
        ("MPIG correction factor", row.mpig_pence),
        ("Balance of PMS expenditure", row.pms_balance_pence),
        ("QOF", row.qof_pence),
        ("Enhanced services", row.enhanced_services_pence),
        ("Local schemes", row.local_services_pence),
        ("Premises", row.premises_pence),
        ("Total payments", row.total_pence),
    ]
    rows = [(name, format_pence(value)) for name, value in lines if value]
    if row.per_weighted_patient is not None:
        rows.append(("Total per weighted patient", f"£{row.per_weighted_patient:,.2f}"))
    if row.contract_type == "PMS" and row.premium_pence is not None:
        rows.append(
            (
                "GMS equivalent (core funding × weighted list)",
                format_pence(row.gms_equivalent_pence),
            )
        )
        rows.append(("PMS premium", format_pence(row.premium_pence)))
    source = f"NHS Payments to General Practice {funding.financial_year}"
    heading = (
        f"Funding ({source})"
        if funding.financial_year == year
        else f"Funding (latest on record: {source})"
    )
    return LetterTable(
        heading=heading,
        columns=("Item", "Amount"),
        rows=tuple(rows),
        widths=(0.7, 0.3),
        note=funding.basis_description if row.contract_type == "PMS" else None,
    )


def _actions_table(actions: list) -> LetterTable:
    return LetterTable(
        heading="Agreed actions",
        columns=("Plan", "Action", "Owner", "Due"),
        rows=tuple(
            (plan.reference, action.description, action.owner, f"{action.due_on:%d %b %Y}")
            for plan, action in actions
        ),
        empty_text="No actions are outstanding.",
        widths=(0.18, 0.5, 0.16, 0.16),
    )
