"""The wording of letters: the team's edited templates, else the defaults in resources/."""

from __future__ import annotations

import json
from collections.abc import Sequence
from functools import lru_cache

from sqlalchemy import select
from sqlalchemy.orm import Session

from contractdesk.domain.financial_year import FinancialYear
from contractdesk.domain.letter_template import Block, LetterKind, LetterTemplate, template_problems
from contractdesk.domain.roles import Role
from contractdesk.errors import BadInput
from contractdesk.resources import resource_path
from contractdesk.services.audit import record_change
from contractdesk.services.workspace import Workspace
from contractdesk.store.models import LetterTemplateRecord
from contractdesk.store.unit_of_work import unit_of_work


def default_template(kind: LetterKind) -> LetterTemplate:
    return LetterTemplate(kind, _defaults()[kind])


def load_template(
    workspace: Workspace, kind: LetterKind, year: FinancialYear | None = None
) -> LetterTemplate:
    """The year's own wording, else the kind's general wording, else the default."""
    with unit_of_work(workspace.engine) as session:
        return template_in(session, kind, year)


def template_in(session: Session, kind: LetterKind, year: FinancialYear | None) -> LetterTemplate:
    for wanted in dict.fromkeys((year, None)):
        record = _record(session, kind, wanted)
        if record is not None:
            return LetterTemplate(kind, tuple(_block(item) for item in record.blocks))
    return default_template(kind)


def save_template(
    workspace: Workspace,
    kind: LetterKind,
    blocks: Sequence[Block],
    year: FinancialYear | None = None,
) -> LetterTemplate:
    """Check the wording, then save it: an unknown field is refused here, not mid-batch."""
    workspace.require(Role.OFFICER, "edit letter templates")
    problems = template_problems(kind, blocks)
    if problems:
        raise BadInput("The template cannot be saved: " + "; ".join(problems))
    stored = [
        {"heading": block.heading, "text": block.text, "after_tables": block.after_tables}
        for block in blocks
    ]
    with unit_of_work(workspace.engine, write=True) as session:
        record = _record(session, kind, year)
        before = record.blocks if record is not None else None
        if record is None:
            record = LetterTemplateRecord(kind=kind.value, financial_year=year, blocks=stored)
            session.add(record)
        else:
            record.blocks = stored
        session.flush()
        record_change(
            session,
            workspace.user.login,
            action="save_template",
            entity=record,
            entity_key=f"{kind.value} {year or 'all years'}",
            before={"blocks": before} if before else None,
            after={"blocks": stored},
            summary=f"saved the {kind.label} letter template ({year or 'all years'})",
        )
    return LetterTemplate(kind, tuple(blocks))


def _record(
    session: Session, kind: LetterKind, year: FinancialYear | None
) -> LetterTemplateRecord | None:
    query = select(LetterTemplateRecord).where(LetterTemplateRecord.kind == kind.value)
    if year is None:
        query = query.where(LetterTemplateRecord.financial_year.is_(None))
    else:
        query = query.where(LetterTemplateRecord.financial_year == year)
    return session.scalar(query)


@lru_cache(maxsize=1)
def _defaults() -> dict[LetterKind, tuple[Block, ...]]:
    text = resource_path("letters", "templates.json").read_text(encoding="utf-8")
    return {
        LetterKind(kind): tuple(_block(item) for item in blocks)
        for kind, blocks in json.loads(text).items()
    }


def _block(item: dict) -> Block:
    return Block(item.get("heading"), item["text"], bool(item.get("after_tables", False)))
