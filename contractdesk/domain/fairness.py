"""Locality fairness: spend per weighted patient by locality, and how widely it spreads.

The PMS review aims to distribute funding more fairly by locality; this measures it with the
minimum, maximum, their ratio and the coefficient of variation (standard deviation over the
mean, across localities, each locality counting once).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, localcontext

NO_LOCALITY = "(no locality)"
_PENNY = Decimal("0.01")


@dataclass(frozen=True)
class LocalitySpend:
    locality: str
    practices: int
    weighted_patients: Decimal
    before_pence: int
    after_pence: int

    @property
    def before_per_weighted_patient(self) -> Decimal | None:
        return _per_patient(self.before_pence, self.weighted_patients)

    @property
    def after_per_weighted_patient(self) -> Decimal | None:
        return _per_patient(self.after_pence, self.weighted_patients)


@dataclass(frozen=True)
class Spread:
    minimum: Decimal
    maximum: Decimal
    ratio: Decimal  # maximum / minimum
    coefficient_of_variation: Decimal  # population standard deviation / mean


@dataclass(frozen=True)
class Fairness:
    localities: tuple[LocalitySpend, ...]
    before: Spread | None
    after: Spread | None


def locality_fairness(
    practices: Iterable[tuple[str | None, Decimal | None, int, int]],
) -> Fairness:
    """From (locality, weighted patients, spend before, spend after) per practice."""
    totals: dict[str, list] = {}
    for locality, weighted, before, after in practices:
        entry = totals.setdefault(locality or NO_LOCALITY, [0, Decimal(0), 0, 0])
        entry[0] += 1
        entry[1] += weighted or 0
        entry[2] += before
        entry[3] += after
    localities = tuple(
        LocalitySpend(name, count, weighted, before, after)
        for name, (count, weighted, before, after) in sorted(totals.items())
    )
    return Fairness(
        localities,
        spread([s.before_per_weighted_patient for s in localities]),
        spread([s.after_per_weighted_patient for s in localities]),
    )


def spread(values: Iterable[Decimal | None]) -> Spread | None:
    known = [value for value in values if value is not None]
    if not known:
        return None
    with localcontext() as context:
        context.prec = 28
        mean = sum(known, Decimal(0)) / len(known)
        variance = sum(((value - mean) ** 2 for value in known), Decimal(0)) / len(known)
        deviation = variance.sqrt()
        minimum, maximum = min(known), max(known)
        ratio = maximum / minimum if minimum else Decimal(0)
        variation = deviation / mean if mean else Decimal(0)
    return Spread(
        minimum,
        maximum,
        ratio.quantize(Decimal("0.0001"), rounding=ROUND_HALF_UP),
        variation.quantize(Decimal("0.0001"), rounding=ROUND_HALF_UP),
    )


def _per_patient(pence: int, patients: Decimal) -> Decimal | None:
    if not patients:
        return None
    return (Decimal(pence) / 100 / patients).quantize(_PENNY, rounding=ROUND_HALF_UP)
