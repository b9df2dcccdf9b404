"""Plain text for the letters: wrapped at spaces and drawn as it is, never parsed as markup.

reportlab's `Paragraph` parses its text as markup and measures every word of every line each
time it is wrapped; a letter's paragraphs need neither (one font, left aligned, plain text from
the database that must print verbatim). Here words are measured once per process — the same
template words recur in thousands of letters — and a paragraph is drawn as one text object.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.lib.colors import Color, black
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable

_WIDTHS: dict[tuple[str, float], dict[str, float]] = {}
_WRAPPED: dict[tuple[str, str, float, float], tuple[str, ...]] = {}
_MOST_WORDS = 200_000  # a cache bound far above a national run's distinct words
WIDEST_GLYPH = 1.02  # in ems: Helvetica's widest ("@") is 1.015
_LONGEST_KEPT, _MOST_KEPT = 120, 50_000  # wrapped lines kept: short texts, a few MB at most


@dataclass(frozen=True)
class TextStyle:
    font: str
    size: float
    leading: float
    space_before: float = 0
    space_after: float = 0
    colour: Color = black


def text_width(text: str, font: str, size: float) -> float:
    widths = _WIDTHS.setdefault((font, size), {})
    width = widths.get(text)
    if width is None:
        if len(widths) > _MOST_WORDS:
            widths.clear()
        width = widths[text] = stringWidth(text, font, size)
    return width


def wrap_lines(text: str, font: str, size: float, width: float) -> tuple[str, ...]:
    """Lines of at most `width` points: runs of white space become one space, a line break in
    the text is kept, and a word wider than the line is broken between characters."""
    if len(text) > _LONGEST_KEPT:
        return tuple(_wrap(text, font, size, width))  # a paragraph: seldom the same twice
    key = (text, font, size, width)
    lines = _WRAPPED.get(key)
    if lines is None:
        # Most cells and headings recur in every letter ("yes", "no data", a KPI's name).
        if len(_WRAPPED) > _MOST_KEPT:
            _WRAPPED.clear()
        lines = _WRAPPED[key] = tuple(_wrap(text, font, size, width))
    return lines


def _wrap(text: str, font: str, size: float, width: float) -> list[str]:
    if "\n" not in text and len(text) * size * WIDEST_GLYPH <= width:
        return [" ".join(text.split())]  # fits whatever its letters: no need to measure
    space = text_width(" ", font, size)
    lines: list[str] = []
    for given_line in text.split("\n"):
        words = given_line.split()
        if not words:
            lines.append("")
            continue
        current: list[str] = []
        used = 0.0
        for word in words:
            measured = text_width(word, font, size)
            if current and used + space + measured <= width:
                current.append(word)
                used += space + measured
                continue
            if current:
                lines.append(" ".join(current))
            if measured > width:
                *whole, word = _break_word(word, font, size, width)
                lines.extend(whole)
                measured = text_width(word, font, size)
            current, used = [word], measured
        lines.append(" ".join(current))
    return lines


def _break_word(word: str, font: str, size: float, width: float) -> list[str]:
    pieces, piece = [], ""
    for character in word:
        if piece and stringWidth(piece + character, font, size) > width:
            pieces.append(piece)
            piece = ""
        piece += character
    return [*pieces, piece]


def draw_lines(canvas, lines: Sequence[str], x: float, top: float, style: TextStyle) -> None:  # type: ignore[no-untyped-def]
    """`lines` as one text object, the first baseline one font size below `top`."""
    text = canvas.beginText(x, top - style.size)
    text.setFont(style.font, style.size, style.leading)
    text.setFillColor(style.colour)
    for line in lines:
        text.textLine(line)
    canvas.drawText(text)


class PlainText(Flowable):
    """A paragraph of plain text in one style. It splits between lines across pages, never
    leaving a single line of it behind at the foot of a page."""

    def __init__(self, text: str, style: TextStyle) -> None:
        super().__init__()
        self.text = text
        self.style = style
        self.spaceBefore = style.space_before
        self.spaceAfter = style.space_after
        self._lines: tuple[str, ...] = ()
        self._wrapped_width: float | None = None

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        if self._wrapped_width != available_width:
            style = self.style
            self._lines = wrap_lines(self.text, style.font, style.size, available_width)
            self._wrapped_width = available_width
        self.width = available_width
        self.height = self.style.leading * len(self._lines)
        return self.width, self.height

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        self.wrap(available_width, available_height)
        fit = int(available_height // self.style.leading)
        if fit < 2 or fit >= len(self._lines):
            return []
        # The parts keep this wrapping: their lines joined by line breaks wrap back to them.
        first = PlainText("\n".join(self._lines[:fit]), self.style)
        rest = PlainText("\n".join(self._lines[fit:]), self.style)
        first.spaceAfter = 0
        rest.spaceBefore = 0
        return [first, rest]

    def draw(self) -> None:
        draw_lines(self.canv, self._lines, 0, self.height, self.style)
