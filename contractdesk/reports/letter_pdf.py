"""Letters as A4 PDFs, laid out with reportlab's platypus.

Takes plain data (`LetterContent`), never a database row, so a worker process can render
letters from pickled content. Every piece of text is escaped before it becomes a Paragraph:
"St Mary's & <Park> Surgery" prints exactly so, and markup in data is never interpreted.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Frame,
    KeepTogether,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from contractdesk.domain.letter_template import Block
from contractdesk.reports.letter_grid import PADDING as GRID_PADDING
from contractdesk.reports.letter_grid import AddressBlock, LetterGrid

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
    first_frame = Frame(
        MARGIN, bottom, body_width, height - bottom - MARGIN - HEADER_HEIGHT, id="first"
    )
    later_frame = Frame(MARGIN, bottom, body_width, height - bottom - MARGIN, id="later")
    document.addPageTemplates(
        [
            PageTemplate("first", [first_frame], onPage=first_page, autoNextPageTemplate="later"),
            PageTemplate("later", [later_frame], onPage=later_page),
        ]
    )
    document.build(_story(content, letterhead, first_frame._width))
    return buffer.getvalue()


def write_letter(path: Path, content: LetterContent, letterhead: Letterhead) -> bytes:
    """Render and write to `path` through a temporary name; returns the bytes written."""
    data = render_letter(content, letterhead)
    partial = path.with_name(f".{path.name}.partial")
    partial.write_bytes(data)
    partial.replace(path)
    return data


def _story(content: LetterContent, letterhead: Letterhead, width: float) -> list:
    styles = _styles()
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
    story.append(Paragraph(_text(content.subject), styles["subject"]))
    story.extend(_blocks(content.blocks, styles))
    for table in content.tables:
        story.extend(_table(table, styles, width))
    story.extend(_blocks(content.closing_blocks, styles))
    story.append(
        KeepTogether(
            [
                Spacer(0, 6 * mm),
                _fixed("Yours sincerely,", "body"),
                Spacer(0, 14 * mm),
                _fixed(letterhead.officer_name, "bold"),
                _fixed(letterhead.officer_title, "body"),
                _fixed(letterhead.commissioner_name, "body"),
            ]
        )
    )
    return story


def _blocks(blocks: Sequence[Block], styles) -> list:  # type: ignore[no-untyped-def]
    flowables: list = []
    for block in blocks:
        if block.heading:
            flowables.append(_fixed(block.heading, "heading"))
        for paragraph in block.text.split("\n\n"):
            if paragraph.strip():
                flowables.append(Paragraph(_text(paragraph), styles["body"]))
    return flowables


def _table(table: LetterTable, styles, width: float) -> list:  # type: ignore[no-untyped-def]
    heading = _fixed(table.heading, "heading")
    intro = [Paragraph(_text(table.intro), styles["body"])] if table.intro else []
    if not table.rows:
        return [CondPageBreak(KEEP_WITH_HEADING), heading, *intro, _fixed(table.empty_text, "body")]
    widths = [
        width * share for share in table.widths or [1 / len(table.columns)] * len(table.columns)
    ]
    grid = _grid(table, widths)
    if grid is not None:
        flowables = [CondPageBreak(KEEP_WITH_HEADING), heading, *intro, grid]
        return flowables + ([_fixed(table.note, "note")] if table.note else [])
    data = [
        [
            _cell(name, styles["cell_bold"], column)
            for name, column in zip(table.columns, widths, strict=True)
        ]
    ]
    data += [
        [_cell(value, styles["cell"], column) for value, column in zip(row, widths, strict=True)]
        for row in table.rows
    ]
    commands = [
        ("GRID", (0, 0), (-1, -1), 0.4, colors.HexColor("#B0B0B0")),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#E8EEF7")),
        ("FONT", (0, 0), (-1, 0), "Helvetica-Bold", CELL_FONT_SIZE, CELL_LEADING),
        ("FONT", (0, 1), (-1, -1), "Helvetica", CELL_FONT_SIZE, CELL_LEADING),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
    ]
    if table.rag_column is not None:
        for number, row in enumerate(table.rows, start=1):
            fill = RAG_FILLS.get(row[table.rag_column].split(" (")[0].strip().lower())
            if fill is not None:
                commands.append(
                    ("BACKGROUND", (table.rag_column, number), (table.rag_column, number), fill)
                )
    body = Table(
        data,
        colWidths=widths,
        repeatRows=1,
        style=TableStyle(commands),
    )
    body.spaceAfter = 6
    flowables = [CondPageBreak(KEEP_WITH_HEADING), heading, *intro, body]
    if table.note:
        flowables.append(_fixed(table.note, "note"))
    # A heading never ends a page: it moves on with the table's first rows.
    return flowables


def _grid(table: LetterTable, widths: list[float]) -> LetterGrid | None:
    """The lean grid when every cell fits its column on one line, else None (a Table)."""
    size = CELL_FONT_SIZE
    for line in (table.columns, *table.rows):
        for text, width in zip(line, widths, strict=True):
            room = width - 2 * GRID_PADDING
            if "\n" in text or (
                len(text) * size > room and stringWidth(text, "Helvetica-Bold", size) > room
            ):
                return None
    fills = {}
    if table.rag_column is not None:
        for number, row in enumerate(table.rows):
            fill = RAG_FILLS.get(row[table.rag_column].split(" (")[0].strip().lower())
            if fill is not None:
                fills[(number, table.rag_column)] = fill
    return LetterGrid(
        widths, table.columns, table.rows, fills, font_size=size, leading=CELL_LEADING
    )


def _letterhead(canvas, letterhead: Letterhead) -> None:  # type: ignore[no-untyped-def]
    width, height = A4
    top = height - MARGIN
    if letterhead.logo_path:
        logo = _logo(letterhead.logo_path)
        logo_width, logo_height = logo.getSize()
        shown_height = 18 * mm
        shown_width = shown_height * logo_width / logo_height
        canvas.drawImage(logo, MARGIN, top - shown_height, shown_width, shown_height, mask="auto")
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


@lru_cache(maxsize=512)
def _fixed(text: str, style: str) -> Paragraph:
    """A Paragraph for text most letters share (headings, the signature): parsed once per
    process. A flowable that fits is wrapped afresh in each letter, so sharing it is safe."""
    return Paragraph(_text(text), _styles()[style])


def _cell(text: str, style: ParagraphStyle, column_width: float):  # type: ignore[no-untyped-def]
    """Plain text when it fits the column (a table draws plain strings as they are, never as
    markup, and far faster than a Paragraph); an escaped Paragraph when it must wrap."""
    room = column_width - 8
    # No Helvetica glyph is wider than its point size: short text fits without measuring.
    if "\n" not in text and (
        len(text) * style.fontSize <= room
        or stringWidth(text, style.fontName, style.fontSize) <= room
    ):
        return text
    return Paragraph(_text(text), style)


@lru_cache(maxsize=4)
def _logo(path: str) -> ImageReader:
    # Decoded once per process, not once per letter.
    return ImageReader(path)


@lru_cache(maxsize=1)
def _styles() -> dict[str, ParagraphStyle]:
    body = ParagraphStyle("body", fontName="Helvetica", fontSize=10, leading=13.5, spaceAfter=5)
    return {
        "body": body,
        "right": ParagraphStyle("right", parent=body, alignment=TA_RIGHT),
        "bold": ParagraphStyle("bold", parent=body, fontName="Helvetica-Bold", spaceAfter=0),
        "subject": ParagraphStyle(
            "subject", parent=body, fontName="Helvetica-Bold", fontSize=12, spaceAfter=8
        ),
        "heading": ParagraphStyle(
            "heading",
            parent=body,
            fontName="Helvetica-Bold",
            fontSize=10.5,
            spaceBefore=8,
            spaceAfter=4,
            textColor=colors.HexColor("#003087"),
        ),
        "note": ParagraphStyle(
            "note", parent=body, fontSize=8, leading=10, textColor=colors.HexColor("#444444")
        ),
        "cell": ParagraphStyle("cell", parent=body, fontSize=8.5, leading=10.5, spaceAfter=0),
        "cell_bold": ParagraphStyle(
            "cell_bold",
            parent=body,
            fontName="Helvetica-Bold",
            fontSize=8.5,
            leading=10.5,
            spaceAfter=0,
        ),
    }


def _text(value: str) -> str:
    """Plain text made safe for a Paragraph: &, < and > escaped, line breaks kept."""
    return escape(value).replace("\n", "<br/>")
