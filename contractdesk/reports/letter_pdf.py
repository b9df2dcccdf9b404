"""Letters as A4 PDFs, laid out with reportlab's platypus.

Takes plain data (`LetterContent`), never a database row, so a worker process can render
letters from pickled content. Text is drawn as plain strings by the letters' own flowables
(`letter_text`, `letter_grid`), never parsed as markup: "St Mary's & <Park> Surgery" prints
exactly so.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path

from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Frame,
    KeepTogether,
    PageTemplate,
    Spacer,
)

from contractdesk.domain.letter_template import Block
from contractdesk.reports.letter_grid import AddressBlock, LetterGrid
from contractdesk.reports.letter_text import PlainText, TextStyle

# Images (the logo) go into the PDF as binary, not as ASCII85 text: a quarter smaller, and
# no encoding pass per letter. PDF readers take either.
rl_config.useA85 = 0

RAG_FILLS = {
    "green": colors.HexColor("#C6EFCE"),
    "amber": colors.HexColor("#FFEB9C"),
    "red": colors.HexColor("#FFC7CE"),
    "no data": colors.HexColor("#E7E6E6"),
}
MARGIN = 20 * mm
KEEP_WITH_HEADING = 30 * mm  # room a heading needs below it, else it starts a new page
CELL_FONT_SIZE = 8.5
CELL_LEADING = 10.5
HEADER_HEIGHT = 38 * mm
FRAME_PADDING = 6  # reportlab's default, stated: the tables' width depends on it


@dataclass(frozen=True)
class Letterhead:
    commissioner_name: str
    address_lines: tuple[str, ...]
    logo_path: str | None
    officer_name: str
    officer_title: str


@dataclass(frozen=True)
class LetterTable:
    heading: str
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    # The column whose text is a traffic light (green/amber/red/no data), coloured as well.
    rag_column: int | None = None
    empty_text: str = "None."
    widths: tuple[float, ...] | None = None  # shares of the text width
    note: str | None = None  # a line under the table (e.g. how a figure is worked out)
    intro: str | None = None  # a paragraph between the heading and the table


@dataclass(frozen=True)
class LetterContent:
    practice_code: str
    reference: str
    letter_date: date
    recipient_lines: tuple[str, ...]
    subject: str
    blocks: tuple[Block, ...]  # before the tables
    tables: tuple[LetterTable, ...] = ()
    closing_blocks: tuple[Block, ...] = ()  # after the tables, before the signature
    title: str = field(default="")  # the PDF's document title


def render_letter(content: LetterContent, letterhead: Letterhead) -> bytes:
    buffer = io.BytesIO()
    document = BaseDocTemplate(
        buffer,
        pagesize=A4,
        title=content.title or content.subject,
        author=letterhead.commissioner_name,
        subject=content.reference,
    )
    width, height = A4
    body_width = width - 2 * MARGIN
    bottom = MARGIN + 6 * mm

    def first_page(canvas, doc):  # type: ignore[no-untyped-def]
        _letterhead(canvas, letterhead)
        _footer(canvas, doc, content)

    def later_page(canvas, doc):  # type: ignore[no-untyped-def]
        _footer(canvas, doc, content)

    # The letterhead takes room on the first page only; later pages start near the top.
    padding = {f"{side}Padding": FRAME_PADDING for side in ("left", "right", "top", "bottom")}
    first_frame = Frame(
        MARGIN, bottom, body_width, height - bottom - MARGIN - HEADER_HEIGHT, id="first", **padding
    )
    later_frame = Frame(MARGIN, bottom, body_width, height - bottom - MARGIN, id="later", **padding)
    document.addPageTemplates(
        [
            PageTemplate("first", [first_frame], onPage=first_page, autoNextPageTemplate="later"),
            PageTemplate("later", [later_frame], onPage=later_page),
        ]
    )
    # Tables span the width text gets: the frame's less its padding (6 pt each side).
    text_width = body_width - 2 * FRAME_PADDING
    document.build(_story(content, letterhead, text_width))
    return buffer.getvalue()


def write_letter(path: Path, content: LetterContent, letterhead: Letterhead) -> bytes:
    """Render and write to `path` through a temporary name; returns the bytes written."""
    data = render_letter(content, letterhead)
    partial = path.with_name(f".{path.name}.partial")
    try:
        partial.write_bytes(data)
        if path.exists():  # made by someone else since the batch checked the names
            raise FileExistsError(f"{path} appeared while the letters were being made.")
        partial.replace(path)
    finally:
        partial.unlink(missing_ok=True)
    return data


def _story(content: LetterContent, letterhead: Letterhead, width: float) -> list:
    story: list = []
    dated = content.letter_date.strftime("%d %B %Y").lstrip("0")
    story.append(
        AddressBlock(
            content.recipient_lines,
            (dated, f"Our reference: {content.reference}"),
            font_size=10,
            leading=13.5,
        )
    )
    story.append(Spacer(0, 8 * mm))
    story.append(_plain(content.subject, "subject"))
    story.extend(_blocks(content.blocks))
    for table in content.tables:
        story.extend(_table(table, width))
    story.extend(_blocks(content.closing_blocks))
    story.append(
        KeepTogether(
            [
                Spacer(0, 6 * mm),
                _plain("Yours sincerely,", "body"),
                Spacer(0, 14 * mm),
                _plain(letterhead.officer_name, "bold"),
                _plain(letterhead.officer_title, "line"),
                _plain(letterhead.commissioner_name, "line"),
            ]
        )
    )
    return story


def _blocks(blocks: Sequence[Block]) -> list:
    flowables: list = []
    for block in blocks:
        if block.heading:
            flowables.append(_plain(block.heading, "heading"))
        for paragraph in block.text.split("\n\n"):
            if paragraph.strip():
                flowables.append(_plain(paragraph, "body"))
    return flowables


def _table(table: LetterTable, width: float) -> list:
    # A heading never ends a page: it moves on with the table's first rows.
    flowables = [CondPageBreak(KEEP_WITH_HEADING), _plain(table.heading, "heading")]
    if table.intro:
        flowables.append(_plain(table.intro, "body"))
    if not table.rows:
        return [*flowables, _plain(table.empty_text, "body")]
    widths = [
        width * share for share in table.widths or [1 / len(table.columns)] * len(table.columns)
    ]
    fills = {}
    if table.rag_column is not None:
        for number, row in enumerate(table.rows):
            fill = RAG_FILLS.get(row[table.rag_column].split(" (")[0].strip().lower())
            if fill is not None:
                fills[(number, table.rag_column)] = fill
    flowables.append(
        LetterGrid(
            widths,
            table.columns,
            table.rows,
            fills,
            font_size=CELL_FONT_SIZE,
            leading=CELL_LEADING,
        )
    )
    if table.note:
        flowables.append(_plain(table.note, "note"))
    return flowables


def _letterhead(canvas, letterhead: Letterhead) -> None:  # type: ignore[no-untyped-def]
    width, height = A4
    top = height - MARGIN
    if letterhead.logo_path:
        logo_width, logo_height = _logo_size(letterhead.logo_path)
        shown_height = 18 * mm
        shown_width = shown_height * logo_width / logo_height
        # By file name: reportlab then names the image by its path, where an ImageReader has
        # its pixels decoded and hashed in every letter; a JPEG goes into the PDF as it is.
        canvas.drawImage(
            letterhead.logo_path, MARGIN, top - shown_height, shown_width, shown_height, mask="auto"
        )
    canvas.setFont("Helvetica-Bold", 11)
    canvas.drawRightString(width - MARGIN, top - 4 * mm, letterhead.commissioner_name)
    canvas.setFont("Helvetica", 8.5)
    for number, line in enumerate(letterhead.address_lines):
        canvas.drawRightString(width - MARGIN, top - (9 + 4 * number) * mm, line)


def _footer(canvas, doc, content: LetterContent) -> None:  # type: ignore[no-untyped-def]
    width, _ = A4
    canvas.setFont("Helvetica", 8)
    canvas.setFillColor(colors.HexColor("#555555"))
    canvas.drawString(MARGIN, MARGIN - 2 * mm, f"{content.practice_code}  ·  {content.reference}")
    canvas.drawRightString(width - MARGIN, MARGIN - 2 * mm, f"Page {doc.page}")


def _plain(text: str, style: str) -> PlainText:
    return PlainText(text, STYLES[style])


@lru_cache(maxsize=4)
def _logo_size(path: str) -> tuple[int, int]:
    return ImageReader(path).getSize()


_BODY = TextStyle("Helvetica", 10, 13.5, space_after=5)
_HEADING_BLUE = colors.HexColor("#003087")
_NOTE_GREY = colors.HexColor("#444444")
STYLES = {
    "body": _BODY,
    "bold": TextStyle("Helvetica-Bold", 10, 13.5),
    "line": TextStyle("Helvetica", 10, 13.5),  # the signature's lines, one under another
    "subject": TextStyle("Helvetica-Bold", 12, 13.5, space_after=8),
    "heading": TextStyle(
        "Helvetica-Bold", 10.5, 13.5, space_before=8, space_after=4, colour=_HEADING_BLUE
    ),
    "note": TextStyle("Helvetica", 8, 10, space_after=5, colour=_NOTE_GREY),
}
