"""The escalation tables of a practice: its timeline, its recovery plans and a plan's actions."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import Qt

from contractdesk.gui.row_table_model import SORT_ROLE, RowTableModel
from contractdesk.gui.urgency import OVERDUE_BRUSH, TEXT_BRUSH, days_left_text, urgency_style
from contractdesk.services.escalation_timeline import TimelineEvent
from contractdesk.services.notices import NoticeEntry
from contractdesk.services.recovery_plans import ActionEntry, PlanEntry

DATE_COLUMN, EVENT_REFERENCE_COLUMN, WHAT_COLUMN = 0, 1, 2
TIMELINE_TITLES = ("Date", "Reference", "What happened")


class TimelineTableModel(RowTableModel[TimelineEvent]):
    """A practice's events in date order (as `practice_timeline` gives them)."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(TIMELINE_TITLES, parent=parent)

    def cell(self, event: TimelineEvent, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return (f"{event.day:%d %b %Y}", event.reference, event.what)[column]
        if role == SORT_ROLE:
            return (event.day.toordinal(), event.reference, event.what.casefold())[column]
        if role == Qt.ItemDataRole.ToolTipRole and column == WHAT_COLUMN:
            return event.what
        return None


PLAN_REFERENCE_COLUMN, PLAN_TITLE_COLUMN, AGREED_COLUMN, PLAN_STATUS_COLUMN, PROGRESS_COLUMN = (
    range(5)
)
PLAN_TITLES = ("Reference", "Plan", "Agreed", "Status", "Actions")


class PlanTableModel(RowTableModel[PlanEntry]):
    """Recovery plans; the Actions column says how many are done and overdue."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(PLAN_TITLES, parent=parent)

    def cell(self, plan: PlanEntry, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return _plan_text(plan, column)
        if role == SORT_ROLE:
            if column == AGREED_COLUMN:
                return plan.agreed_on.toordinal()
            return _plan_text(plan, column).casefold()
        if column == PROGRESS_COLUMN and plan.overdue_actions:
            if role == Qt.ItemDataRole.BackgroundRole:
                return OVERDUE_BRUSH
            if role == Qt.ItemDataRole.ForegroundRole:
                return TEXT_BRUSH
        return None


def _plan_text(plan: PlanEntry, column: int) -> str:
    if column == PLAN_REFERENCE_COLUMN:
        return plan.reference
    if column == PLAN_TITLE_COLUMN:
        return plan.title
    if column == AGREED_COLUMN:
        return f"{plan.agreed_on:%d %b %Y}"
    if column == PLAN_STATUS_COLUMN:
        return plan.status if plan.closed_on is None else f"closed {plan.closed_on:%d %b %Y}"
    if column == PROGRESS_COLUMN:
        done = sum(action.done_on is not None for action in plan.actions)
        late = len(plan.overdue_actions)
        return f"{done} of {len(plan.actions)} done" + (f", {late} overdue" if late else "")
    return ""


# Done next to Due, where "overdue" shows; the milestone, often long, last.
NUMBER_COLUMN, ACTION_COLUMN, OWNER_COLUMN, DUE_COLUMN, DONE_COLUMN, MILESTONE_COLUMN = range(6)
ACTION_TITLES = ("No.", "Action", "Owner", "Due", "Done", "Milestone")


class ActionTableModel(RowTableModel[ActionEntry]):
    """A recovery plan's actions; an overdue one says so in its Done column, in red."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(ACTION_TITLES, frozenset({NUMBER_COLUMN}), parent)

    def cell(self, action: ActionEntry, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return _action_text(action, column)
        if role == SORT_ROLE:
            if column == NUMBER_COLUMN:
                return action.number
            if column == DUE_COLUMN:
                return action.due_on.toordinal()
            return _action_text(action, column).casefold()
        if role == Qt.ItemDataRole.ToolTipRole and column == ACTION_COLUMN:
            return action.description
        if column in (DUE_COLUMN, DONE_COLUMN) and action.overdue:
            if role == Qt.ItemDataRole.BackgroundRole:
                return OVERDUE_BRUSH
            if role == Qt.ItemDataRole.ForegroundRole:
                return TEXT_BRUSH
        return None


def _action_text(action: ActionEntry, column: int) -> str:
    if column == NUMBER_COLUMN:
        return str(action.number)
    if column == ACTION_COLUMN:
        return action.description
    if column == OWNER_COLUMN:
        return action.owner
    if column == DUE_COLUMN:
        return f"{action.due_on:%d %b %Y}"
    if column == MILESTONE_COLUMN:
        return action.milestone or ""
    if column == DONE_COLUMN:
        if action.done_on is not None:
            return f"{action.done_on:%d %b %Y}"
        return "overdue" if action.overdue else "open"
    return ""


@dataclass(frozen=True)
class StandingRecord:
    """A notice or recovery plan of the practice, as one line: where it stands now."""

    reference: str
    what: str
    state: str
    next_date: date | None
    days_left: int | None  # to a running deadline or the next action due (negative: overdue)


def standing_records(
    notices: list[NoticeEntry], plans: list[PlanEntry], today: date
) -> list[StandingRecord]:
    """The practice's notices, then its recovery plans, each with its next date."""
    records = []
    for notice in notices:
        days = notice.days_to_deadline
        state = notice.status.label + (f", {days_left_text(days)}" if days is not None else "")
        records.append(
            StandingRecord(
                notice.reference,
                f"{notice.kind.label}: {notice.breach}",
                state,
                notice.deadline if days is not None else notice.given_on,
                days,
            )
        )
    for plan in plans:
        waiting = [action for action in plan.actions if action.done_on is None]
        next_due = min((action.due_on for action in waiting), default=None)
        done = len(plan.actions) - len(waiting)
        late = len(plan.overdue_actions)
        state = f"{plan.status}, {done} of {len(plan.actions)} action(s) done" + (
            f", {late} overdue" if late else ""
        )
        running = plan.status == "open" and next_due is not None
        records.append(
            StandingRecord(
                plan.reference,
                f"recovery plan: {plan.title}",
                state,
                next_due if running else plan.closed_on,
                (next_due - today).days if running and next_due else None,
            )
        )
    return records


STANDING_REFERENCE_COLUMN, STANDING_STATE_COLUMN, NEXT_DATE_COLUMN, STANDING_WHAT_COLUMN = range(4)
STANDING_TITLES = ("Reference", "Where it stands", "Next date", "What")


class StandingTableModel(RowTableModel[StandingRecord]):
    """A practice's notices and plans; a running deadline near or past is coloured, and says so."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(STANDING_TITLES, parent=parent)

    def cell(self, record: StandingRecord, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return _standing_text(record, column)
        if role == SORT_ROLE:
            if column == NEXT_DATE_COLUMN:
                return record.next_date.toordinal() if record.next_date else None
            return _standing_text(record, column).casefold()
        if role == Qt.ItemDataRole.ToolTipRole and column == STANDING_WHAT_COLUMN:
            return record.what
        if column == STANDING_STATE_COLUMN:
            return urgency_style(record.days_left, role)
        return None


def _standing_text(record: StandingRecord, column: int) -> str:
    if column == STANDING_REFERENCE_COLUMN:
        return record.reference
    if column == STANDING_STATE_COLUMN:
        return record.state
    if column == NEXT_DATE_COLUMN:
        return f"{record.next_date:%d %b %Y}" if record.next_date else ""
    if column == STANDING_WHAT_COLUMN:
        return record.what
    return ""
