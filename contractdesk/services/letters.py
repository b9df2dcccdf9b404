"""Making letters: annual review letters for one practice or thousands, and notice letters;
each written letter goes in the correspondence log. A logged file is never overwritten."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy import insert, select

from contractdesk.domain.financial_year import FinancialYear
from contractdesk.domain.letter_template import LetterKind
from contractdesk.domain.roles import Role
from contractdesk.errors import BadInput
from contractdesk.reports.letter_batch import WrittenLetter, render_all
from contractdesk.reports.letter_pdf import write_letter
from contractdesk.services.audit import record_change
from contractdesk.services.letter_content import letterhead, plan_annual_letters
from contractdesk.services.letter_notice import plan_notice_letter
from contractdesk.services.letter_templates import load_template
from contractdesk.services.workspace import Workspace
from contractdesk.store.models import Correspondence, Practice
from contractdesk.store.unit_of_work import unit_of_work


class LettersExist(BadInput):
    """Letters of these names are in the folder already (and are never overwritten)."""

    def __init__(self, message: str, names: list[str]) -> None:
        super().__init__(message)
        self.names = names


@dataclass(frozen=True)
class LetterBatch:
    folder: Path
    written: tuple[str, ...]  # file names, in practice order
    combined: Path | None
    cancelled: bool


def make_annual_letters(
    workspace: Workspace,
    year: FinancialYear,
    folder: Path,
    *,
    practices: Collection[str] = (),
    areas: Collection[str] = (),
    combined: Path | None = None,
    new_versions: bool = False,
    letter_date: date | None = None,
    workers: int | None = None,
    progress: Callable[[int, int], None] | None = None,
    is_cancelled: Callable[[], bool] | None = None,
) -> LetterBatch:
    """One PDF per practice in `folder` (and, if asked, one combined PDF for printing).

    A file already there is refused, naming it, unless `new_versions`: then the new letter
    goes beside it as `…_v2.pdf`. After a cancel, the letters finished are kept and logged.
    """
    workspace.require(Role.OFFICER, "issue letters")
    folder = _folder(folder)
    template = load_template(workspace, LetterKind.ANNUAL, year)
    planned = plan_annual_letters(
        workspace, year, template, practices=practices, areas=areas, letter_date=letter_date
    )
    names = _free_names(planned.file_names, folder, new_versions)
    if combined is not None:
        combined = Path(combined)
        if combined.exists():
            raise BadInput(f"{combined} exists; choose a new name for the combined PDF.")
    written = render_all(
        folder,
        letterhead(workspace),
        zip(names, planned.make_contents(), strict=True),
        total=len(names),
        workers=workers or os.cpu_count() or 1,
        progress=progress,
        is_cancelled=is_cancelled,
    )
    practice_of = dict(zip(names, planned.practice_codes, strict=True))
    order = {name: index for index, name in enumerate(names)}
    written.sort(key=lambda letter: order[letter.file_name])
    _log(
        workspace,
        folder,
        LetterKind.ANNUAL,
        year,
        [(practice_of[letter.file_name], letter) for letter in written],
    )
    cancelled = len(written) < len(names)
    if combined is not None and not cancelled:
        _combine(combined, [folder / letter.file_name for letter in written])
    return LetterBatch(
        folder=folder,
        written=tuple(letter.file_name for letter in written),
        combined=combined if combined is not None and not cancelled else None,
        cancelled=cancelled,
    )


def make_notice_letter(
    workspace: Workspace, reference: str, folder: Path, *, new_versions: bool = False
) -> Path:
    """The letter for a notice (remedial, breach) or a sanction, by its reference."""
    workspace.require(Role.OFFICER, "issue letters")
    folder = _folder(folder)
    kind, planned, notice_id = plan_notice_letter(workspace, reference)
    [name] = _free_names([planned.file_name], folder, new_versions)
    data = write_letter(folder / name, planned.content, letterhead(workspace))
    written = WrittenLetter(name, hashlib.sha256(data).hexdigest(), len(data))
    _log(workspace, folder, kind, None, [(planned.practice_code, written)], notice_id=notice_id)
    return folder / name


def _folder(folder: Path) -> Path:
    folder = Path(folder).expanduser().resolve()
    if not folder.is_dir():
        raise BadInput(f"The folder {folder} does not exist.")
    return folder


def _free_names(names: Sequence[str], folder: Path, new_versions: bool) -> list[str]:
    taken = [name for name in names if (folder / name).exists()]
    if taken and not new_versions:
        shown = ", ".join(taken[:5]) + (f" and {len(taken) - 5} more" if len(taken) > 5 else "")
        raise LettersExist(
            f"{len(taken)} letter(s) already exist in {folder} ({shown}); letters on record are "
            "never overwritten. Choose another folder, or make new versions beside them.",
            taken,
        )
    free = []
    for wanted in names:
        name = wanted
        version = 1
        while (folder / name).exists():
            version += 1
            name = wanted.replace(".pdf", f"_v{version}.pdf")
        free.append(name)
    return free


def _log(
    workspace: Workspace,
    folder: Path,
    kind: LetterKind,
    year: FinancialYear | None,
    letters: list[tuple[str, WrittenLetter]],  # (practice code, the letter written)
    notice_id=None,  # type: ignore[no-untyped-def]
) -> None:
    """Record the letters written; if that fails, remove them, so the folder and the log never
    disagree."""
    if not letters:
        return
    try:
        with unit_of_work(workspace.engine, write=True) as session:
            ids = dict(
                session.execute(
                    select(Practice.ods_code, Practice.id).where(
                        Practice.ods_code.in_([code for code, _ in letters])
                    )
                ).all()
            )
            # One executemany for thousands of letters, not an ORM object each.
            session.execute(
                insert(Correspondence),
                [
                    {
                        "practice_id": ids[code],
                        "kind": kind.value,
                        "financial_year": year,
                        "notice_id": notice_id,
                        "folder": str(folder),
                        "file_name": written.file_name,
                        "sha256": written.sha256,
                        "issued_by": workspace.user.login,
                    }
                    for code, written in letters
                ],
            )
            record_change(
                session,
                workspace.user.login,
                action="letters",
                entity_type="correspondence",
                entity_key=f"{kind.value} {year or ''}".strip(),
                details={
                    "folder": str(folder),
                    "letters": len(letters),
                    "files": [written.file_name for _, written in letters][:50],
                },
                summary=f"made {len(letters)} {kind.label} letter(s) in {folder}",
            )
    except BaseException:
        for _, written in letters:
            (folder / written.file_name).unlink(missing_ok=True)
        raise


def _combine(path: Path, files: list[Path]) -> None:
    from pypdf import PdfWriter

    writer = PdfWriter()
    for file in files:
        writer.append(str(file))
    partial = path.with_name(f".{path.name}.partial")
    with partial.open("wb") as stream:
        writer.write(stream)
    partial.replace(path)
