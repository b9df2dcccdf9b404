"""What a notice letter says: a remedial or breach notice, or a sanction, by its reference,
with the legal content DOMAIN.md lists and the earlier notices behind a further breach."""

from __future__ import annotations

import uuid
from datetime import date

from contractdesk.domain.letter_template import LetterKind
from contractdesk.domain.money import format_pence
from contractdesk.domain.notices import NoticeKind, NoticeStatus
from contractdesk.domain.sanctions import SanctionKind
from contractdesk.errors import BadInput, NotFound
from contractdesk.reports.letter_pdf import LetterContent, LetterTable
from contractdesk.services.letter_content import PlannedLetter, practice_addresses
from contractdesk.services.letter_templates import load_template
from contractdesk.services.notices import get_notice
from contractdesk.services.references import find_by_reference
from contractdesk.services.sanctions import list_sanctions
from contractdesk.services.team_settings import all_settings
from contractdesk.services.workspace import Workspace
from contractdesk.store.models import Notice
from contractdesk.store.unit_of_work import unit_of_work


def plan_notice_letter(
    workspace: Workspace, reference: str, letter_date: date | None = None
) -> tuple[LetterKind, PlannedLetter, uuid.UUID | None]:
    reference = reference.strip().upper()
    letter_date = letter_date or date.today()
    if reference.startswith("SN-"):
        return _sanction_letter(workspace, reference, letter_date)
    notice = get_notice(workspace, reference, today=letter_date)
    if notice.status in (NoticeStatus.DRAFT, NoticeStatus.WITHDRAWN):
        raise BadInput(f"{reference} is {notice.status.label}: only an issued notice is sent.")
    kind = LetterKind.REMEDIAL if notice.kind is NoticeKind.REMEDIAL else LetterKind.BREACH
    period = (notice.deadline - notice.given_on).days if notice.deadline else None
    practice = _addressee(workspace, notice.practice_code)
    values = _common(workspace, practice, notice.practice_code, reference, letter_date)
    values |= {
        "notice_reference": reference,
        "breach": notice.breach + (f" ({notice.clause})" if notice.clause else ""),
        "steps_required": notice.steps_required or "",
        "given_on": _day(notice.given_on),
        "deadline": _day(notice.deadline),
        "notice_period": str(period or ""),
    }
    tables = []
    if notice.short_reason is not None:
        tables.append(
            LetterTable(
                heading="Why the notice period is shorter than usual",
                columns=("Ground", "Reason"),
                rows=((notice.short_reason.label, notice.short_reason_detail or ""),),
                widths=(0.4, 0.6),
            )
        )
    if notice.further_breach is not None:
        tables.append(
            LetterTable(
                heading="Earlier notices on record",
                columns=("Reference", "Kind", "Given", "Breach"),
                rows=tuple(
                    (earlier.reference, earlier.kind.label, _day(earlier.given_on), earlier.breach)
                    for earlier in notice.further_breach.earlier
                    if earlier.reference != reference
                ),
                widths=(0.18, 0.2, 0.17, 0.45),
            )
        )
    with unit_of_work(workspace.engine) as session:
        notice_id = find_by_reference(session, Notice, reference).id
    planned = _planned(
        workspace, kind, practice, notice.practice_code, reference, values, tables, letter_date
    )
    return kind, planned, notice_id


def _sanction_letter(workspace: Workspace, reference: str, letter_date: date):  # type: ignore[no-untyped-def]
    sanction = next(
        (
            entry
            for entry in list_sanctions(workspace, today=letter_date)
            if entry.reference == reference
        ),
        None,
    )
    if sanction is None:
        raise NotFound(f"No sanction with the reference {reference}.")
    what = f"{sanction.kind.label.capitalize()}: {sanction.obligation}"
    if sanction.kind is SanctionKind.WITHHOLD and sanction.amount_pence:
        what += f" — {format_pence(sanction.amount_pence)}"
    if sanction.ends_on:
        what += f", until {_day(sanction.ends_on)}"
    practice = _addressee(workspace, sanction.practice_code)
    values = _common(workspace, practice, sanction.practice_code, reference, letter_date)
    values |= {
        "notice_reference": reference,
        "breach": what,
        "steps_required": "",
        "given_on": _day(sanction.notice_given_on),
        "deadline": _day(sanction.effective_from),
        "notice_period": str((sanction.effective_from - sanction.notice_given_on).days),
    }
    planned = _planned(
        workspace,
        LetterKind.SANCTION,
        practice,
        sanction.practice_code,
        reference,
        values,
        [],
        letter_date,
    )
    return LetterKind.SANCTION, planned, None


def _addressee(workspace: Workspace, code: str) -> dict:
    """The practice the letter goes to (only an open practice is written to)."""
    practice = practice_addresses(workspace, (), codes=[code]).get(code)
    if practice is None:
        raise BadInput(f"{code} is closed or not in the register: no letter is sent.")
    return practice


def _common(
    workspace: Workspace, practice: dict, code: str, reference: str, letter_date: date
) -> dict:
    return {
        "practice_name": practice["name"],
        "practice_code": code,
        "contract_type": practice["contract_type"],
        "locality": practice["locality"] or "the area",
        "lead_contact": practice["lead_contact"],
        "commissioner_name": all_settings(workspace)["commissioner_name"],
        "officer_name": workspace.user.display_name,
        "letter_date": _day(letter_date),
        "reference": reference,
    }


def _planned(
    workspace, kind, practice, code, reference, values, tables, letter_date
) -> PlannedLetter:  # type: ignore[no-untyped-def]
    blocks = load_template(workspace, kind).fill(values)
    content = LetterContent(
        practice_code=code,
        reference=reference,
        letter_date=letter_date,
        recipient_lines=practice["recipient_lines"],
        subject=f"{kind.label.capitalize()} {reference}: {practice['name']} ({code})",
        blocks=tuple(block for block in blocks if not block.after_tables),
        tables=tuple(tables),
        closing_blocks=tuple(block for block in blocks if block.after_tables),
        title=f"{kind.label.capitalize()} {reference}",
    )
    return PlannedLetter(code, f"{code}_{kind.slug}_{reference}.pdf", content)


def _day(day: date | None) -> str:
    return f"{day:%d %B %Y}".lstrip("0") if day else ""
