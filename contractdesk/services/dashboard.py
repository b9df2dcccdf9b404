"""The officer's dashboard: what needs action, soonest first, each item naming the record it
opens. Each part of the app contributes through a provider; parts not built contribute nothing.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from contractdesk.domain.financial_year import FinancialYear
from contractdesk.domain.notices import NoticeKind, NoticeStatus
from contractdesk.domain.performance_cycle import upcoming_events
from contractdesk.domain.service_catalogue import SignupStatus
from contractdesk.domain.subcontracting import SubcontractStatus
from contractdesk.services.notices import list_notices
from contractdesk.services.offers import list_offers
from contractdesk.services.recovery_plans import list_plans
from contractdesk.services.signup_matrix import load_signup_matrix
from contractdesk.services.subcontracts import list_subcontracts
from contractdesk.services.workspace import Workspace

HORIZON_DAYS = 30  # dated items due within this many days are shown, and everything overdue


@dataclass(frozen=True)
class DashboardItem:
    due: date
    category: str
    title: str
    detail: str
    practice_code: str | None
    target_kind: str  # what opens: notice, subcontract, offers, plan, practice, cycle
    target_key: str
    overdue: bool = False


Provider = Callable[[Workspace, date], list[DashboardItem]]


def dashboard(workspace: Workspace, as_of: date | None = None) -> list[DashboardItem]:
    """Overdue items first (oldest first), then the rest by due date."""
    as_of = as_of or date.today()
    items = [item for provider in PROVIDERS for item in provider(workspace, as_of)]
    return sorted(items, key=lambda item: (not item.overdue, item.due, item.category, item.title))


def _remedial_deadlines(workspace: Workspace, as_of: date) -> list[DashboardItem]:
    items = []
    for notice in list_notices(workspace, statuses=(NoticeStatus.ISSUED,), today=as_of):
        if notice.kind is not NoticeKind.REMEDIAL or notice.deadline is None:
            continue
        days = (notice.deadline - as_of).days
        if days > HORIZON_DAYS:
            continue
        when = (
            f"passed {-days} day(s) ago"
            if days < 0
            else ("today" if days == 0 else f"in {days} day(s)")
        )
        items.append(
            DashboardItem(
                due=notice.deadline,
                category="Remedial notice",
                title=f"{notice.reference} {notice.practice_name}: deadline {when}",
                detail=notice.breach,
                practice_code=notice.practice_code,
                target_kind="notice",
                target_key=notice.reference,
                overdue=days < 0,
            )
        )
    return items


def _objection_windows(workspace: Workspace, as_of: date) -> list[DashboardItem]:
    items = []
    pending = list_subcontracts(workspace, statuses=[SubcontractStatus.PENDING], today=as_of)
    for entry in pending:
        days = entry.days_left_to_object
        if days is None or days > HORIZON_DAYS:
            continue
        when = (
            f"closed {-days} day(s) ago without a decision"
            if days < 0
            else f"closes {'today' if days == 0 else f'in {days} day(s)'}"
        )
        items.append(
            DashboardItem(
                due=entry.objection_deadline,
                category="Sub-contract",
                title=f"{entry.contractor_code} → {entry.subcontractor_code} "
                f"({', '.join(entry.service_codes)}): objection window {when}",
                detail=entry.premises_address,
                practice_code=entry.contractor_code,
                target_kind="subcontract",
                target_key=entry.reference,
                overdue=days < 0,
            )
        )
    return items


def _unanswered_offers(workspace: Workspace, as_of: date) -> list[DashboardItem]:
    """Offers past their response deadline: one item per year and deadline, naming the
    practices and services (an officer chases a practice, not a cell)."""
    items = []
    for year in (FinancialYear.containing(as_of), FinancialYear.containing(as_of).next()):
        late: dict[date, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
        for offer in list_offers(workspace, year):
            if offer.status is SignupStatus.OFFERED and offer.response_deadline < as_of:
                late[offer.response_deadline][offer.practice_code].append(offer.service_code)
        for deadline, by_practice in sorted(late.items()):
            offers = sum(len(codes) for codes in by_practice.values())
            items.append(
                DashboardItem(
                    due=deadline,
                    category="Offer",
                    title=f"{len(by_practice)} practice(s) have not answered {offers} offer(s) "
                    f"for {year}; the deadline was {deadline:%d %b %Y}",
                    detail="; ".join(
                        f"{practice}: {', '.join(codes)}"
                        for practice, codes in sorted(by_practice.items())
                    ),
                    practice_code=next(iter(by_practice)) if len(by_practice) == 1 else None,
                    target_kind="offers",
                    target_key=str(year),
                    overdue=True,
                )
            )
    return items


def _overdue_actions(workspace: Workspace, as_of: date) -> list[DashboardItem]:
    items = []
    for plan in list_plans(workspace, open_only=True, today=as_of):
        for action in plan.actions:
            soon = action.done_on is None and action.due_on <= as_of + timedelta(days=HORIZON_DAYS)
            if not (action.overdue or soon):
                continue
            items.append(
                DashboardItem(
                    due=action.due_on,
                    category="Recovery plan",
                    title=f"{plan.reference} {plan.practice_name}: action {action.number} "
                    f"({action.owner}) {'overdue' if action.overdue else 'due'}",
                    detail=action.description,
                    practice_code=plan.practice_code,
                    target_kind="plan",
                    target_key=plan.reference,
                    overdue=action.overdue,
                )
            )
    return items


def _not_compliant(workspace: Workspace, as_of: date) -> list[DashboardItem]:
    year = FinancialYear.containing(as_of)
    matrix = load_signup_matrix(workspace, year, today=as_of)
    if not matrix.required_codes:
        return []
    return [
        DashboardItem(
            due=as_of,
            category="Whole contract",
            title=f"{row.ods_code} {row.name}: not compliant in {year}",
            detail=row.compliance.describe(),
            practice_code=row.ods_code,
            target_kind="practice",
            target_key=row.ods_code,
        )
        for row in matrix.rows
        if not row.compliance.compliant
    ]


def _kpis_red_or_slipping(workspace: Workspace, as_of: date) -> list[DashboardItem]:
    """Practices red overall, or slipping on a KPI even while green, in the latest quarter
    measured up to `as_of` (see the fall before the failure)."""
    from contractdesk.domain.kpi_rules import Rag
    from contractdesk.services.kpi_review import latest_quarter_with_data, load_kpi_review

    period = latest_quarter_with_data(workspace)
    while period is not None and period.first_day > as_of:
        period = period.previous()
    if period is None:
        return []
    review = load_kpi_review(workspace, period.year, period=period)
    items = []
    for row in review.rows:
        reds = [
            kpi.code
            for kpi, cell in zip(review.kpis, row.cells, strict=True)
            if cell.rag is Rag.RED
        ]
        slipping = [
            kpi.code for kpi, cell in zip(review.kpis, row.cells, strict=True) if cell.slipping
        ]
        if row.overall is not Rag.RED and not slipping:
            continue
        parts = []
        if reds:
            parts.append(f"red on {', '.join(reds)}")
        if slipping:
            parts.append(f"slipping on {', '.join(slipping)}")
        items.append(
            DashboardItem(
                due=as_of,
                category="KPIs",
                title=f"{row.ods_code} {row.name}: {'; '.join(parts)} ({period})",
                detail=f"Overall {row.overall.label.lower()} in {period}",
                practice_code=row.ods_code,
                target_kind="practice",
                target_key=row.ods_code,
            )
        )
    return items


def _performance_cycle(workspace: Workspace, as_of: date) -> list[DashboardItem]:
    return [
        DashboardItem(
            due=max(event.starts, as_of),
            category="Performance cycle",
            title=event.title,
            detail=f"{event.starts:%d %b} – {event.ends:%d %b %Y}"
            if event.starts != event.ends
            else f"{event.starts:%d %b %Y}",
            practice_code=None,
            target_kind="cycle",
            target_key=event.title,
        )
        for event in upcoming_events(as_of)
    ]


PROVIDERS: list[Provider] = [
    _remedial_deadlines,
    _objection_windows,
    _unanswered_offers,
    _overdue_actions,
    _not_compliant,
    _kpis_red_or_slipping,
    _performance_cycle,
]
