"""The report of an import: what it added and skipped, or why a file was refused, row by row."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from PySide6.QtGui import QFont, QTextDocument
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from contractdesk.importers.report import ImportReport, RowProblem

EXAMPLES_PER_REASON = 3
ERRORS_SHOWN = 200


class ImportReportDialog(QDialog):
    """Shown after an import ends, or is refused (`rejected`: nothing was written)."""

    def __init__(
        self,
        what: str,
        reports: Sequence[ImportReport],
        *,
        rejected: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Import {what}: {'refused' if rejected else 'done'}")
        self.heading_label = QLabel(_heading(what, reports, rejected))
        self.heading_label.setWordWrap(True)
        font = QFont(self.heading_label.font())
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.heading_label.setFont(font)
        self.details = QTextBrowser()
        self.details.setOpenLinks(False)
        self.details.setHtml("".join(_report_html(report, rejected) for report in reports))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading_label)
        layout.addWidget(self.details, 1)
        layout.addWidget(buttons)
        self.resize(640, 400)

    def plain_text(self) -> str:
        """The heading and details without markup (what a screen reader or a test sees)."""
        document = QTextDocument()
        document.setHtml(self.details.toHtml())
        return f"{self.heading_label.text()}\n{document.toPlainText()}"


def _heading(what: str, reports: Sequence[ImportReport], rejected: bool) -> str:
    if rejected:
        count = sum(len(report.errors) for report in reports)
        return (
            f"The {what} import was refused: {count} problem(s) found. "
            "The database was not changed; correct the file and import it again."
        )
    added = sum(report.added for report in reports)
    updated = sum(report.updated for report in reports)
    unchanged = sum(report.unchanged for report in reports)
    return f"Imported {what}: {added:,} added, {updated:,} updated, {unchanged:,} unchanged."


def _report_html(report: ImportReport, rejected: bool) -> str:
    parts = [f"<h3>{escape(report.file)}</h3>"]
    if rejected:
        parts.append(_errors_html(report.errors))
        return "".join(parts)
    counts = (
        ("Rows read", report.rows_read),
        ("Added", report.added),
        ("Updated", report.updated),
        ("Unchanged", report.unchanged),
        ("Skipped", len(report.skipped)),
    )
    cells = "".join(
        f'<tr><td>{label}</td><td align="right">&nbsp;&nbsp;{value:,}</td></tr>'
        for label, value in counts
    )
    parts.append(f'<table cellspacing="2">{cells}</table>')
    parts.append(_skipped_html(report.skipped))
    return "".join(parts)


def _skipped_html(skipped: Sequence[RowProblem]) -> str:
    if not skipped:
        return ""
    examples: dict[str, list[RowProblem]] = {}
    counts: dict[str, int] = {}
    for problem in skipped:
        counts[problem.message] = counts.get(problem.message, 0) + 1
        shown = examples.setdefault(problem.message, [])
        if len(shown) < EXAMPLES_PER_REASON:
            shown.append(problem)
    items = []
    for reason, count in sorted(counts.items(), key=lambda item: -item[1]):
        places = ", ".join(_place(problem) for problem in examples[reason])
        more = ", …" if count > EXAMPLES_PER_REASON else ""
        items.append(
            f"<li><b>{count:,}</b> {escape(reason)}<br>"
            f"<i>for example {escape(places)}{more}</i></li>"
        )
    return f"<p><b>Skipped, by reason</b></p><ul>{''.join(items)}</ul>"


def _errors_html(errors: Sequence[RowProblem]) -> str:
    if not errors:
        return "<p>No problems in this file.</p>"
    items = "".join(
        f"<li><code>{escape(_place(problem))}</code>: {escape(problem.message)}</li>"
        for problem in errors[:ERRORS_SHOWN]
    )
    more = (
        f"<p>… and {len(errors) - ERRORS_SHOWN:,} more.</p>" if len(errors) > ERRORS_SHOWN else ""
    )
    return f"<p><b>{len(errors):,} problem(s)</b></p><ul>{items}</ul>{more}"


def _place(problem: RowProblem) -> str:
    """`file:row:column`, as the command line prints it."""
    column = f":{problem.column}" if problem.column else ""
    return f"{problem.file}:{problem.row}{column}"
