"""The letter layout on its own: long tables split across pages with their header repeated,
and text drawn exactly as given, in the lean grid and in the wrapping table alike."""

import io
from datetime import date

from pypdf import PdfReader

from contractdesk.domain.letter_template import Block
from contractdesk.reports.letter_pdf import LetterContent, Letterhead, LetterTable, render_letter

HEAD = Letterhead("Commissioner & <Co>", ("1 Street",), None, "Officer", "Title")


def pages_of(content):
    return [
        page.extract_text() for page in PdfReader(io.BytesIO(render_letter(content, HEAD))).pages
    ]


def content(table):
    return LetterContent(
        practice_code="C87003",
        reference="C87003/2025-26/AR",
        letter_date=date(2026, 5, 14),
        recipient_lines=("The Practice Manager", "St Mary's & <Park> Surgery"),
        subject="Subject",
        blocks=(Block("Heading", "Body"),),
        tables=(table,),
    )


def test_a_long_one_line_table_splits_with_its_header_on_every_page():
    rows = tuple((f"Line {number:03d} & <b>", "Amber") for number in range(120))
    pages = pages_of(content(LetterTable("Long", ("Item", "Rating"), rows, rag_column=1)))
    assert len(pages) >= 3
    text = "\n".join(pages)
    assert all(f"Line {number:03d} & <b>" in text for number in range(120))
    assert all("Item" in page and "Rating" in page for page in pages[1:-1])
    assert "St Mary's & <Park> Surgery" in pages[0]
    assert all("C87003" in page for page in pages)


def test_cells_too_long_for_one_line_wrap_and_keep_their_text():
    long_text = "A very long description of an agreed action & its <owner> " * 3
    pages = pages_of(content(LetterTable("Actions", ("Action", "Due"), ((long_text, "1 May"),))))
    assert " ".join(long_text.split()) in " ".join(" ".join(pages).split())
