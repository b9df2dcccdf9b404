"""A lean platypus flowable for the letters' tables.

reportlab's `Table` handles spans, per-cell styles and nested flowables, and pays for that on
every cell of every letter (most of a letter's layout time). These tables need none of it: a
header row, plain text cells (wrapped within their column when long), a fill on some cells, a
grid. The grid is drawn in one call and the text as one text object; a page break repeats the
header. Text is drawn as it is, never parsed as markup.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib.colors import Color
from reportlab.platypus import Flowable

from contractdesk.reports.letter_text import text_width, wrap_lines

PADDING = 3  # left and right of the text in a cell
ROW_PADDING = 2  # above and below it
MIN_LINES_SPLIT = 3  # a row split across pages leaves at least this many lines before the break
GRID_COLOUR = Color(0xB0 / 255, 0xB0 / 255, 0xB0 / 255)
HEADER_FILL = Color(0xE8 / 255, 0xEE / 255, 0xF7 / 255)
HEADER_FONT, CELL_FONT = "Helvetica-Bold", "Helvetica"
ADDRESS_GAP = 18  # between the address and the date and reference beside it


class LetterGrid(Flowable):
    def __init__(
        self,
        widths: Sequence[float],
        header: Sequence[str],
        rows: Sequence[Sequence[str]],
        fills: dict[tuple[int, int], Color] | None = None,  # (row, column) → fill
        *,
        font_size: float,
        leading: float,
    ) -> None:
        super().__init__()
        self._widths = list(widths)
        self._header = list(header)
        self._rows = [list(row) for row in rows]
        self._fills = fills or {}
        self._size = font_size
        self._leading = leading
        self.spaceAfter = 6
        self._header_lines = self._cell_lines(self._header, HEADER_FONT)
        self._row_lines = [self._cell_lines(row, CELL_FONT) for row in self._rows]
        self._heights = [self._height(self._header_lines)] + [
            self._height(lines) for lines in self._row_lines
        ]

    def _cell_lines(self, texts: Sequence[str], font: str) -> list[tuple[str, ...]]:
        return [
            wrap_lines(text, font, self._size, width - 2 * PADDING)
            for text, width in zip(texts, self._widths, strict=True)
        ]

    def _height(self, cells: list[tuple[str, ...]]) -> float:
        return max(len(lines) for lines in cells) * self._leading + 2 * ROW_PADDING

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width = sum(self._widths)
        self.height = sum(self._heights)
        return self.width, self.height

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        room = available_height - self._heights[0]
        fit = 0
        for height in self._heights[1:]:
            if height > room:
                break
            room -= height
            fit += 1
        if fit == 0:
            return self._split_first_row(room)
        if fit >= len(self._rows):
            return []
        first = {key: fill for key, fill in self._fills.items() if key[0] < fit}
        rest = {(row - fit, col): fill for (row, col), fill in self._fills.items() if row >= fit}
        return [self._part(self._rows[:fit], first), self._part(self._rows[fit:], rest)]

    def _split_first_row(self, room: float) -> list[Flowable]:
        """A first row too tall for the room left is split between its lines, if at least
        MIN_LINES_SPLIT of them fit here (a row taller than a page could not go anywhere);
        otherwise the table moves on whole."""
        lines_fit = int((room - 2 * ROW_PADDING) // self._leading)
        cells = self._row_lines[0]
        if lines_fit < MIN_LINES_SPLIT or max(len(lines) for lines in cells) <= lines_fit:
            return []
        # The parts keep this wrapping: their lines joined by line breaks wrap back to them.
        here = ["\n".join(lines[:lines_fit]) for lines in cells]
        there = ["\n".join(lines[lines_fit:]) for lines in cells]
        first = {key: fill for key, fill in self._fills.items() if key[0] == 0}
        return [self._part([here], first), self._part([there, *self._rows[1:]], self._fills)]

    def _part(self, rows: list, fills: dict) -> LetterGrid:  # type: ignore[type-arg]
        return LetterGrid(
            self._widths, self._header, rows, fills, font_size=self._size, leading=self._leading
        )

    def draw(self) -> None:
        canvas = self.canv
        xs = [0.0]
        for width in self._widths:
            xs.append(xs[-1] + width)
        ys = [self.height]
        for height in self._heights:
            ys.append(ys[-1] - height)
        canvas.saveState()
        canvas.setFillColor(HEADER_FILL)
        canvas.rect(0, ys[1], xs[-1], self._heights[0], stroke=0, fill=1)
        for (row, column), fill in self._fills.items():
            canvas.setFillColor(fill)
            canvas.rect(xs[column], ys[row + 2], self._widths[column], self._heights[row + 1], 0, 1)
        canvas.setStrokeColor(GRID_COLOUR)
        canvas.setLineWidth(0.4)
        canvas.grid(xs, ys)
        # The first baseline: a one-line row's text sits centred, taller rows' at the top.
        # Text goes row by row (a reader's order: a screen reader or a copy reads a row
        # whole); drawing by column is ~8 % faster but reads as columns.
        drop = ROW_PADDING + self._leading / 2 + 0.35 * self._size
        text = canvas.beginText()
        text.setFillColorRGB(0, 0, 0)
        text.setFont(HEADER_FONT, self._size, self._leading)
        for number, cells in enumerate([self._header_lines, *self._row_lines]):
            if number == 1:
                text.setFont(CELL_FONT, self._size, self._leading)
            for x, lines in zip(xs, cells, strict=False):
                text.setTextOrigin(x + PADDING, ys[number] - drop)
                for line in lines:
                    text.textLine(line)
        canvas.drawText(text)
        canvas.restoreState()


class AddressBlock(Flowable):
    """The recipient's lines on the left and the date and reference on the right, as plain
    strings (one draw each, never markup)."""

    def __init__(
        self, left: Sequence[str], right: Sequence[str], *, font_size: float, leading: float
    ) -> None:
        super().__init__()
        self._left, self._right = list(left), list(right)
        self._left_lines = self._left
        self._size, self._leading = font_size, leading

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width = available_width
        # A long line on the left (a contact's role, a practice's name) wraps short of the
        # date and reference rather than running into them.
        right = max((text_width(line, CELL_FONT, self._size) for line in self._right), default=0)
        room = available_width - right - ADDRESS_GAP
        self._left_lines = [
            part for line in self._left for part in wrap_lines(line, CELL_FONT, self._size, room)
        ]
        self.height = self._leading * max(len(self._left_lines), len(self._right))
        return self.width, self.height

    def draw(self) -> None:
        canvas = self.canv
        canvas.saveState()
        canvas.setFillColorRGB(0, 0, 0)  # the page's footer leaves its grey behind
        canvas.setFont("Helvetica", self._size)
        first = self.height - self._size
        for number, line in enumerate(self._left_lines):
            canvas.drawString(0, first - number * self._leading, line)
        for number, line in enumerate(self._right):
            canvas.drawRightString(self.width, first - number * self._leading, line)
        canvas.restoreState()
