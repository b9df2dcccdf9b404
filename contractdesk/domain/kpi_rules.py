"""The rules of the KPI review: units and directions, the traffic light (RAG) of a value
against its target, a practice's overall RAG, the slipping flag and benchmark statistics.

Values are exact: Decimal, or integer millionths as stored (see `to_millionths`); never float.
The comparisons below need only ordering and addition, so they give the same answer for both.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from enum import IntEnum, StrEnum

# Values, numerators and denominators are kept to six decimal places, as integer millionths.
SCALE = 1_000_000
PLACES = Decimal("0.000001")

Number = Decimal | int


class StandardKind(StrEnum):
    """Minimum standards are contractual (failing one triggers formal intervention);
    developmental standards are aspirations the commissioner supports."""

    MINIMUM = "minimum"
    DEVELOPMENTAL = "developmental"

    @classmethod
    def parse(cls, text: str) -> StandardKind:
        try:
            return cls(text.strip().lower())
        except ValueError:
            raise ValueError(
                f"{text!r} is not a kind of standard (minimum or developmental)"
            ) from None


class Unit(StrEnum):
    PERCENT = "percent"
    PER_1000 = "per_1000"
    COUNT = "count"
    DAYS = "days"
    SCORE = "score"  # an ordinal scale, such as a CQC rating of 1 (inadequate) to 4

    @property
    def label(self) -> str:
        return _UNIT_LABELS[self]

    @property
    def multiplier(self) -> int | None:
        """What numerator ÷ denominator is multiplied by to give the value, for rates."""
        return {Unit.PERCENT: 100, Unit.PER_1000: 1000}.get(self)

    @classmethod
    def parse(cls, text: str) -> Unit:
        cleaned = text.strip().lower()
        for unit, label in _UNIT_LABELS.items():
            if cleaned in (unit.value, label.lower()):
                return unit
        raise ValueError(f"{text!r} is not a unit ({', '.join(unit.value for unit in Unit)})")

    def format(self, value: Number | None) -> str:
        if value is None:
            return "no data"
        decimal = from_millionths(value) if isinstance(value, int) else value
        shown = f"{decimal.quantize(Decimal('0.1')):f}"
        if self is Unit.PERCENT:
            return f"{shown}%"
        if self is Unit.DAYS:
            return f"{shown} days"
        return shown


_UNIT_LABELS = {
    Unit.PERCENT: "%",
    Unit.PER_1000: "rate per 1,000",
    Unit.COUNT: "count",
    Unit.DAYS: "days",
    Unit.SCORE: "score",
}


class Direction(StrEnum):
    HIGHER_IS_BETTER = "higher"
    LOWER_IS_BETTER = "lower"

    @classmethod
    def parse(cls, text: str) -> Direction:
        cleaned = text.strip().lower().split()[0] if text.strip() else ""
        try:
            return cls(cleaned)
        except ValueError:
            raise ValueError(f"{text!r} is not a direction (higher or lower is better)") from None

    def better(self, first: Number, second: Number) -> bool:
        """Whether `first` is strictly better than `second`."""
        return first > second if self is Direction.HIGHER_IS_BETTER else first < second


class Rag(IntEnum):
    """A traffic light; the order is worst first, so `min` of several is the worst. No data is
    a state of its own, sorted before red so that a gap is never mistaken for a pass."""

    NO_DATA = 0
    RED = 1
    AMBER = 2
    GREEN = 3

    @property
    def label(self) -> str:
        return {0: "No data", 1: "Red", 2: "Amber", 3: "Green"}[self.value]


def rag(value: Number | None, target: Number, amber_band: Number, direction: Direction) -> Rag:
    """Green meets the target (exactly on it is green); amber is short of it by at most the
    amber band (exactly on the band's edge is amber); red is beyond the band."""
    if value is None:
        return Rag.NO_DATA
    if direction is Direction.HIGHER_IS_BETTER:
        if value >= target:
            return Rag.GREEN
        return Rag.AMBER if value >= target - amber_band else Rag.RED
    if value <= target:
        return Rag.GREEN
    return Rag.AMBER if value <= target + amber_band else Rag.RED


OVERALL_RULE = (
    "Overall: red if any KPI of a minimum (contractual) standard is red; otherwise amber if any "
    "KPI is red or amber or has no data; green only when every KPI is green. No data at all "
    "is 'no data', never green."
)


def overall_rag(results: Iterable[tuple[Rag, StandardKind]]) -> Rag:
    """Combine a practice's KPI results for the year by OVERALL_RULE."""
    results = list(results)
    if not results or all(result is Rag.NO_DATA for result, _ in results):
        return Rag.NO_DATA
    if any(result is Rag.RED and kind is StandardKind.MINIMUM for result, kind in results):
        return Rag.RED
    if all(result is Rag.GREEN for result, _ in results):
        return Rag.GREEN
    return Rag.AMBER


DEFAULT_SLIPPING_PERIODS = 3


def is_slipping(
    values: Sequence[Number | None],
    direction: Direction,
    periods: int = DEFAULT_SLIPPING_PERIODS,
) -> bool:
    """Whether the practice worsened in each of the last `periods` periods, whatever its RAG:
    the DH guide's "see the fall before the failure".

    `values` are consecutive periods, oldest first, ending with the period under review. The
    last `periods` + 1 must all be present and each strictly worse than the one before; a gap
    or a period that held steady or improved ends the run.
    """
    if periods < 1:
        raise ValueError("slipping needs at least one period of change")
    count = len(values)
    if count < periods + 1:
        return False
    # A plain loop that stops at the first period that did not fall: the review runs this
    # for every cell of a 7,000 × 30 grid.
    higher = direction is Direction.HIGHER_IS_BETTER
    later = values[count - 1]
    if later is None:
        return False
    for index in range(count - 2, count - periods - 2, -1):
        earlier = values[index]
        if earlier is None or (later >= earlier if higher else later <= earlier):
            return False
        later = earlier
    return True


@dataclass(frozen=True)
class Benchmark:
    """Mean and median of a group of practices' values (exact; None when nobody has data)."""

    count: int
    mean: Decimal | None
    median: Decimal | None


def benchmark(values: Iterable[Number | None]) -> Benchmark:
    """Mean and median of the values present, to six places. Integer millionths (as stored)
    are added and sorted as integers and only the results become Decimals."""
    present = [value for value in values if value is not None]
    if not present:
        return Benchmark(0, None, None)
    millionths = all(isinstance(value, int) for value in present)
    present.sort()
    count = len(present)
    middle = count // 2
    if count % 2:
        median = Decimal(present[middle])
    else:
        median = (Decimal(present[middle - 1]) + Decimal(present[middle])) / 2
    mean = Decimal(sum(present)) / count
    if millionths:
        mean, median = mean.scaleb(-6), median.scaleb(-6)
    return Benchmark(count, mean.quantize(PLACES), median.quantize(PLACES))


def parse_decimal(text: str) -> Decimal:
    """A value as written in a file: `81.17`, `1,234`, `95%` (the % is dropped); a ValueError
    for anything else, including NaN and infinities."""
    cleaned = text.strip().replace(",", "").removesuffix("%").strip()
    if "_" in cleaned:  # Decimal reads 1_000 as a thousand; no published file means that
        raise ValueError(f"{text!r} is not a number")
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        raise ValueError(f"{text!r} is not a number") from None
    if not value.is_finite():
        raise ValueError(f"{text!r} is not a number")
    return value


_PLAIN_NUMBER = re.compile(r"-?[0-9]+(?:\.[0-9]{1,6})?")


def parse_millionths(text: str) -> int:
    """A value as written in a file, straight to integer millionths: the same answer as
    `to_millionths(parse_decimal(text))`, without a Decimal for the plain `93.1234` that a
    million-row import is made of."""
    if _PLAIN_NUMBER.fullmatch(text):
        dot = text.find(".")
        if dot < 0:
            return int(text) * SCALE
        return int(text[:dot] + text[dot + 1 :]) * _POWERS[len(text) - dot - 1]
    return to_millionths(parse_decimal(text))


# What a number with n decimal places is multiplied by to be in millionths.
_POWERS = {places: 10 ** (6 - places) for places in range(7)}


def to_millionths(value: Decimal) -> int:
    """The stored form: rounded half-even to six decimal places, as an integer."""
    return int(value.quantize(PLACES).scaleb(6))


def from_millionths(value: int) -> Decimal:
    return Decimal(value).scaleb(-6)


def rate(numerator: Decimal, denominator: Decimal, unit: Unit) -> Decimal:
    """The value of a rate KPI from its numerator and denominator (a count is their ratio)."""
    if denominator == 0:
        raise ValueError("the denominator is 0")
    return numerator * (unit.multiplier or 1) / denominator
