"""Recovery plans: actions with owners, due dates and milestones, and progress notes."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from contractdesk.domain.roles import Role
from contractdesk.errors import BadInput, NotFound
from contractdesk.services.audit import record_change
from contractdesk.services.practices import find_practice
from contractdesk.services.references import find_by_reference, next_reference
from contractdesk.services.workspace import Workspace
from contractdesk.store.models import (
    Concern,
    Notice,
    Practice,
    RecoveryAction,
    RecoveryNote,
    RecoveryPlan,
)
from contractdesk.store.unit_of_work import unit_of_work


@dataclass(frozen=True)
class ActionEntry:
    number: int  # 1, 2, … in the order they were added: how the plan's actions are named
    description: str
    owner: str
    due_on: date
    milestone: str | None
    done_on: date | None
    overdue: bool


@dataclass(frozen=True)
class NoteEntry:
    written_on: date
    author: str
    text: str


@dataclass(frozen=True)
class PlanEntry:
    reference: str
    practice_code: str
    practice_name: str
    title: str
    agreed_on: date
    status: str
    closed_on: date | None
    concern_reference: str | None
    notice_reference: str | None
    actions: tuple[ActionEntry, ...]
    notes: tuple[NoteEntry, ...]

    @property
    def overdue_actions(self) -> tuple[ActionEntry, ...]:
        return tuple(action for action in self.actions if action.overdue)


def create_plan(
    workspace: Workspace,
    practice_code: str,
    *,
    title: str,
    agreed_on: date,
    concern_reference: str | None = None,
    notice_reference: str | None = None,
) -> PlanEntry:
    workspace.require(Role.OFFICER, "make recovery plans")
    if not title.strip():
        raise BadInput("Give the plan a title.")
    with unit_of_work(workspace.engine, write=True) as session:
        practice = find_practice(session, practice_code)
        links = {}
        for field, table, reference in (
            ("concern_id", Concern, concern_reference),
            ("notice_id", Notice, notice_reference),
        ):
            if reference:
                record = find_by_reference(session, table, reference)
                if record.practice_id != practice.id:
                    raise BadInput(f"{reference} is about another practice.")
                links[field] = record.id
        plan = RecoveryPlan(
            reference=next_reference(session, RecoveryPlan, "RP", practice),
            practice_id=practice.id,
            title=title.strip(),
            agreed_on=agreed_on,
            status="open",
            **links,
        )
        session.add(plan)
        session.flush()
        _audit(session, workspace, plan, "create", {"title": plan.title, "agreed_on": agreed_on})
        return _entry(session, plan, date.today())


def add_action(
    workspace: Workspace,
    plan_reference: str,
    *,
    description: str,
    owner: str,
    due_on: date,
    milestone: str | None = None,
) -> PlanEntry:
    workspace.require(Role.OFFICER, "change recovery plans")
    if not description.strip() or not owner.strip():
        raise BadInput("An action needs a description and an owner.")
    with unit_of_work(workspace.engine, write=True) as session:
        plan = _open_plan(session, plan_reference)
        if due_on < plan.agreed_on:
            raise BadInput(
                f"The action cannot be due before the plan was agreed ({plan.agreed_on})."
            )
        session.add(
            RecoveryAction(
                plan_id=plan.id,
                description=description.strip(),
                owner=owner.strip(),
                due_on=due_on,
                milestone=(milestone or "").strip() or None,
                status="open",
            )
        )
        session.flush()
        _audit(
            session,
            workspace,
            plan,
            "add_action",
            {"description": description, "owner": owner, "due_on": due_on},
        )
        return _entry(session, plan, date.today())


def complete_action(
    workspace: Workspace, plan_reference: str, number: int, *, done_on: date
) -> PlanEntry:
    workspace.require(Role.OFFICER, "change recovery plans")
    with unit_of_work(workspace.engine, write=True) as session:
        plan = _open_plan(session, plan_reference)
        actions = _actions(session, plan)
        if not 1 <= number <= len(actions):
            raise NotFound(f"{plan.reference} has no action {number}.")
        action = actions[number - 1]
        if action.status == "done":
            raise BadInput(f"Action {number} of {plan.reference} is already done.")
        action.status, action.done_on = "done", done_on
        session.flush()
        _audit(session, workspace, plan, "complete_action", {"action": number, "done_on": done_on})
        return _entry(session, plan, date.today())


def add_note(
    workspace: Workspace, plan_reference: str, *, text: str, written_on: date
) -> PlanEntry:
    workspace.require(Role.OFFICER, "write progress notes")
    if not text.strip():
        raise BadInput("The note is empty.")
    with unit_of_work(workspace.engine, write=True) as session:
        plan = find_by_reference(session, RecoveryPlan, plan_reference)
        session.add(
            RecoveryNote(
                plan_id=plan.id, written_on=written_on, author=workspace.user.login, text=text
            )
        )
        session.flush()
        _audit(session, workspace, plan, "note", {"written_on": written_on, "text": text})
        return _entry(session, plan, date.today())


def close_plan(workspace: Workspace, plan_reference: str, *, closed_on: date) -> PlanEntry:
    workspace.require(Role.OFFICER, "close recovery plans")
    with unit_of_work(workspace.engine, write=True) as session:
        plan = _open_plan(session, plan_reference)
        plan.status, plan.closed_on = "closed", closed_on
        session.flush()
        _audit(session, workspace, plan, "close", {"closed_on": closed_on})
        return _entry(session, plan, date.today())


def list_plans(
    workspace: Workspace,
    *,
    practice_code: str | None = None,
    open_only: bool = False,
    today: date | None = None,
) -> list[PlanEntry]:
    today = today or date.today()
    with unit_of_work(workspace.engine) as session:
        query = select(RecoveryPlan)
        if practice_code:
            practice = find_practice(session, practice_code)
            query = query.where(RecoveryPlan.practice_id == practice.id)
        if open_only:
            query = query.where(RecoveryPlan.status == "open")
        query = query.order_by(RecoveryPlan.agreed_on, RecoveryPlan.reference)
        return [_entry(session, plan, today) for plan in session.scalars(query)]


def _open_plan(session: Session, reference: str) -> RecoveryPlan:
    plan = find_by_reference(session, RecoveryPlan, reference)
    if plan.status != "open":
        raise BadInput(f"Recovery plan {plan.reference} is closed.")
    return plan


def _actions(session: Session, plan: RecoveryPlan) -> list[RecoveryAction]:
    return list(
        session.scalars(
            select(RecoveryAction)
            .where(RecoveryAction.plan_id == plan.id)
            .order_by(RecoveryAction.created_at)
        )
    )


def _audit(session: Session, workspace: Workspace, plan: RecoveryPlan, action: str, after) -> None:  # type: ignore[no-untyped-def]
    record_change(
        session,
        workspace.user.login,
        action=action,
        entity=plan,
        entity_key=plan.reference,
        after=after,
        summary=f"{action.replace('_', ' ')}: recovery plan {plan.reference}",
    )


def _entry(session: Session, plan: RecoveryPlan, today: date) -> PlanEntry:
    practice = session.get(Practice, plan.practice_id)
    concern = session.get(Concern, plan.concern_id) if plan.concern_id else None
    notice = session.get(Notice, plan.notice_id) if plan.notice_id else None
    notes = session.scalars(
        select(RecoveryNote)
        .where(RecoveryNote.plan_id == plan.id)
        .order_by(RecoveryNote.written_on, RecoveryNote.created_at)
    )
    return PlanEntry(
        reference=plan.reference,
        practice_code=practice.ods_code,
        practice_name=practice.name,
        title=plan.title,
        agreed_on=plan.agreed_on,
        status=plan.status,
        closed_on=plan.closed_on,
        concern_reference=concern.reference if concern else None,
        notice_reference=notice.reference if notice else None,
        actions=tuple(
            ActionEntry(
                number=number,
                description=action.description,
                owner=action.owner,
                due_on=action.due_on,
                milestone=action.milestone,
                done_on=action.done_on,
                overdue=action.status == "open" and plan.status == "open" and action.due_on < today,
            )
            for number, action in enumerate(_actions(session, plan), start=1)
        ),
        notes=tuple(NoteEntry(note.written_on, note.author, note.text) for note in notes),
    )
