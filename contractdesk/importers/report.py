"""What an import did, row by row, in words a user can act on."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import NamedTuple

from contractdesk.errors import BadInput


class RowProblem(NamedTuple):
    """A row that was skipped or is wrong: `file:row:column: message` (rows count from 1).

    A tuple rather than a frozen dataclass: an import of all England skips 8,000 rows, and a
    frozen dataclass costs three times as much to make.
    """

    file: str
    row: int
    column: str
    message: str

    def __str__(self) -> str:
        column = f":{self.column}" if self.column else ""
        return f"{self.file}:{self.row}{column}: {self.message}"


@dataclass
class ImportReport:
    kind: str
    file: str
    sha256: str
    rows_read: int = 0
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped: list[RowProblem] = field(default_factory=list)
    errors: list[RowProblem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors

    def skipped_by_reason(self) -> Counter[str]:
        return Counter(problem.message for problem in self.skipped)

    def summary(self) -> str:
        return (
            f"{self.file}: {self.rows_read} rows read; {self.added} added, {self.updated} updated, "
            f"{self.unchanged} unchanged, {len(self.skipped)} skipped"
        )

    def as_dict(self) -> dict[str, object]:
        return {
            "kind": self.kind,
            "file": self.file,
            "sha256": self.sha256,
            "rows_read": self.rows_read,
            "added": self.added,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "skipped": dict(self.skipped_by_reason()),
            "errors": [str(problem) for problem in self.errors],
        }


class ImportRejected(BadInput):
    """The file has errors; nothing was written. `reports` say where."""

    def __init__(self, reports: list[ImportReport]) -> None:
        errors = [problem for report in reports for problem in report.errors]
        shown = "\n".join(f"  {problem}" for problem in errors[:20])
        more = f"\n  … and {len(errors) - 20} more" if len(errors) > 20 else ""
        super().__init__(
            f"Import refused: {len(errors)} problem(s) found; the database was not changed.\n"
            f"{shown}{more}"
        )
        self.reports = reports
