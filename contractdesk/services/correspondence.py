"""The correspondence log: the letters issued to a practice (read without loading the PDF
engine, so the practice detail opens quickly)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import select

from contractdesk.domain.financial_year import FinancialYear
from contractdesk.domain.letter_template import LetterKind
from contractdesk.services.workspace import Workspace
from contractdesk.store.models import Correspondence, Practice
from contractdesk.store.unit_of_work import unit_of_work


@dataclass(frozen=True)
class LoggedLetter:
    practice_code: str
    kind: LetterKind
    financial_year: FinancialYear | None
    file_name: str
    folder: str
    sha256: str
    issued_at: datetime
    issued_by: str

    @property
    def path(self) -> Path:
        return Path(self.folder) / self.file_name


def practice_letters(workspace: Workspace, practice_code: str) -> list[LoggedLetter]:
    """The practice's correspondence, newest first."""
    query = (
        select(Correspondence, Practice.ods_code)
        .join(Practice, Correspondence.practice_id == Practice.id)
        .where(Practice.ods_code == practice_code.strip().upper())
        .order_by(Correspondence.issued_at.desc(), Correspondence.file_name)
    )
    with unit_of_work(workspace.engine) as session:
        return [
            LoggedLetter(
                practice_code=code,
                kind=LetterKind(entry.kind),
                financial_year=entry.financial_year,
                file_name=entry.file_name,
                folder=entry.folder,
                sha256=entry.sha256,
                issued_at=entry.issued_at,
                issued_by=entry.issued_by,
            )
            for entry, code in session.execute(query)
        ]
