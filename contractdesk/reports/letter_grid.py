"""A lean platypus flowable for the letters' tables whose every cell fits on one line.

reportlab's `Table` handles spans, per-cell styles and wrapped cells, and pays for that on
every cell of every letter (most of a letter's layout time). These tables need none of it: a
header row, plain one-line cells, a fill on some cells, a grid. The grid is drawn in one call,
the text cell by cell; a page break repeats the header. Text is drawn with `drawString`, never
parsed as markup.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib.colors import Color
from reportlab.platypus import Flowable

PADDING = 3
GRID_COLOUR = Color(0xB0 / 255, 0xB0 / 255, 0xB0 / 255)
HEADER_FILL = Color(0xE8 / 255, 0xEE / 255, 0xF7 / 255)


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
        self._row_height = leading + 2 * 2
        self.spaceAfter = 6

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width = sum(self._widths)
        self.height = self._row_height * (len(self._rows) + 1)
        return self.width, self.height

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        fit = int(available_height // self._row_height) - 1  # rows below the header
        if fit < 2 or fit >= len(self._rows):
            return []
        first = {key: fill for key, fill in self._fills.items() if key[0] < fit}
        rest = {(row - fit, col): fill for (row, col), fill in self._fills.items() if row >= fit}
        return [self._part(self._rows[:fit], first), self._part(self._rows[fit:], rest)]

    def _part(self, rows: list, fills: dict) -> LetterGrid:  # type: ignore[type-arg]
        return LetterGrid(
            self._widths,
            self._header,
            rows,
            fills,
            font_size=self._size,
            leading=self._row_height - 4,
        )

    def draw(self) -> None:
        canvas = self.canv
        step = self._row_height
        top = self.height
        xs = [0.0]
        for width in self._widths:
            xs.append(xs[-1] + width)
        canvas.saveState()
        canvas.setFillColor(HEADER_FILL)
        canvas.rect(0, top - step, xs[-1], step, stroke=0, fill=1)
        for (row, column), fill in self._fills.items():
            canvas.setFillColor(fill)
            canvas.rect(xs[column], top - step * (row + 2), self._widths[column], step, 0, 1)
        canvas.setStrokeColor(GRID_COLOUR)
        canvas.setLineWidth(0.4)
        canvas.grid(xs, [top - step * line for line in range(len(self._rows) + 2)])
        canvas.setFillColorRGB(0, 0, 0)
        # Text centred in its row: the baseline sits below the middle by a third of the size.
        lift = (step - self._size * 0.7) / 2
        canvas.setFont("Helvetica-Bold", self._size)
        for x, text in zip(xs, self._header, strict=False):
            canvas.drawString(x + PADDING, top - step + lift, text)
        canvas.setFont("Helvetica", self._size)
        for number, row in enumerate(self._rows, start=2):
            y = top - step * number + lift
            for x, text in zip(xs, row, strict=False):
                canvas.drawString(x + PADDING, y, text)
        canvas.restoreState()


class AddressBlock(Flowable):
    """The recipient's lines on the left and the date and reference on the right, as plain
    strings (one draw each, never markup)."""

    def __init__(
        self, left: Sequence[str], right: Sequence[str], *, font_size: float, leading: float
    ) -> None:
        super().__init__()
        self._left, self._right = list(left), list(right)
        self._size, self._leading = font_size, leading

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width = available_width
        self.height = self._leading * max(len(self._left), len(self._right))
        return self.width, self.height

    def draw(self) -> None:
        canvas = self.canv
        canvas.saveState()
        canvas.setFillColorRGB(0, 0, 0)  # the page's footer leaves its grey behind
        canvas.setFont("Helvetica", self._size)
        first = self.height - self._size
        for number, line in enumerate(self._left):
            canvas.drawString(0, first - number * self._leading, line)
        for number, line in enumerate(self._right):
            canvas.drawRightString(self.width, first - number * self._leading, line)
        canvas.restoreState()
