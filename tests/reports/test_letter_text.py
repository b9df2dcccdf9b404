"""The letters' plain text: wrapped within its width, nothing lost or reordered, drawn as given
(never as markup), and split across pages without losing a line."""

import io
import re
from datetime import date

from pypdf import PdfReader
from reportlab.pdfbase.pdfmetrics import stringWidth

from contractdesk.domain.letter_template import Block
from contractdesk.reports.letter_pdf import LetterContent, Letterhead, LetterTable, render_letter
from contractdesk.reports.letter_text import wrap_lines

HEAD = Letterhead("Commissioner", ("1 Street",), None, "Officer", "Title")
TEXT = "St Mary's & <Park> Surgery met <b>most</b> of its targets; Ashby-de-la-Zouch Médical " * 9


def words_of(pages):
    return " ".join(" ".join(pages).split())


def render(blocks=(), tables=()):
    pdf = render_letter(
        LetterContent(
            practice_code="C87003",
            reference="C87003/2025-26/AR",
            letter_date=date(2026, 5, 14),
            recipient_lines=("The Practice Manager",),
            subject="Subject",
            blocks=tuple(blocks),
            tables=tuple(tables),
        ),
        HEAD,
    )
    return [page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages]


def test_every_line_fits_its_width_and_the_words_stay_in_order():
    lines = wrap_lines(TEXT, "Helvetica", 10, 200)
    assert len(lines) > 10
    assert all(stringWidth(line, "Helvetica", 10) <= 200 for line in lines)
    assert " ".join(lines) == " ".join(TEXT.split())


def test_a_line_break_in_the_text_is_kept_and_a_word_wider_than_the_line_is_broken():
    assert wrap_lines("First line\nSecond line", "Helvetica", 10, 500) == (
        "First line",
        "Second line",
    )
    address = "https://www.example.nhs.uk/" + "a-very-long-path/" * 8
    lines = wrap_lines(f"See {address} today", "Helvetica", 10, 150)
    assert all(stringWidth(line, "Helvetica", 10) <= 150 for line in lines)
    assert "".join(lines).replace(" ", "") == f"See{address}today"


def test_a_paragraph_longer_than_a_page_runs_on_to_the_next_with_every_word():
    long = " ".join(f"word{number}" for number in range(1200))
    pages = render(blocks=[Block("Heading", long), Block(None, "After <the> & long one")])
    assert len(pages) >= 2
    # Each word once, in order (the page footers come between the pages' text).
    assert [int(n) for n in re.findall(r"\bword(\d+)\b", words_of(pages))] == list(range(1200))
    assert "After <the> & long one" in pages[-1]


def test_table_rows_of_several_lines_split_across_pages_with_every_cell():
    rows = tuple(
        (f"Action {number}: " + "agree the plan & <review> it " * 4, f"{number} May")
        for number in range(60)
    )
    table = LetterTable("Actions", ("Action", "Due"), rows, widths=(0.7, 0.3))
    pages = render(tables=[table])
    assert len(pages) >= 3
    text = words_of(pages)
    for action, due in rows:
        assert " ".join(action.split()) in text
        assert due in text
    assert all("Action Due" in words_of([page]) for page in pages[1:])  # the header, repeated


def test_table_rows_taller_than_half_a_page_or_a_whole_page_keep_every_word():
    half = tuple((" ".join(f"h{row}w{n}" for n in range(700)), f"{row} May") for row in range(3))
    whole = ((" ".join(f"t0w{n}" for n in range(3000)), "1 June"),)
    pages = render(
        tables=[LetterTable("Actions", ("Action", "Due"), half + whole, widths=(0.7, 0.3))]
    )
    text = words_of(pages)
    for row in range(3):
        assert [int(n) for n in re.findall(rf"\bh{row}w(\d+)\b", text)] == list(range(700))
    assert [int(n) for n in re.findall(r"\bt0w(\d+)\b", text)] == list(range(3000))
    assert all("Action Due" in words_of([page]) for page in pages[1:])


def test_a_long_address_line_wraps_short_of_the_date_and_reference():
    role = "Practice Manager and Caldicott Guardian for the whole primary care network"
    pdf = render_letter(
        LetterContent(
            practice_code="C87003",
            reference="C87003/2025-26/AR",
            letter_date=date(2026, 5, 14),
            recipient_lines=("Dr Asha Patel", role, "ST ANN'S MEDICAL CENTRE"),
            subject="Subject",
            blocks=(),
        ),
        HEAD,
    )
    shown = []  # (text, x, y) of every string drawn on the first page

    def visit(text, _matrix, text_matrix, _fonts, _size):
        if text.strip():
            shown.append((text, text_matrix[4], text_matrix[5]))

    PdfReader(io.BytesIO(pdf)).pages[0].extract_text(visitor_text=visit)
    (reference,) = [item for item in shown if item[0].startswith("Our reference")]
    beside = [item for item in shown if abs(item[2] - reference[2]) < 1 and item is not reference]
    assert beside, "the left-hand line on the reference's row"
    for text, x, _ in beside:
        assert x + stringWidth(text, "Helvetica", 10) < reference[1]  # ends before it begins
    assert role in " ".join(" ".join(item[0] for item in shown).split())
