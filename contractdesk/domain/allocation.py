"""Sharing a sum of pence in proportion to weights, exactly to the penny (largest remainder)."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal


def allocate_pence(total: int, weights: Sequence[Decimal | int]) -> list[int]:
    """Shares of `total` (pence, ≥ 0) in proportion to `weights` (≥ 0) summing to `total`.

    Each share is first rounded down; the pennies left go one each to the largest remainders,
    ties to the earlier weight, so the same inputs always give the same shares.
    """
    if total < 0:
        raise ValueError("cannot allocate a negative sum")
    scaled = [_hundredths(weight) for weight in weights]
    whole = sum(scaled)
    if whole == 0:
        if total:
            raise ValueError("cannot allocate a sum between nothing")
        return [0] * len(scaled)
    shares = []
    remainders = []
    for index, weight in enumerate(scaled):
        share, remainder = divmod(total * weight, whole)
        shares.append(share)
        remainders.append((-remainder, index))
    left = total - sum(shares)
    for _, index in sorted(remainders)[:left]:
        shares[index] += 1
    return shares


def _hundredths(weight: Decimal | int) -> int:
    """Weights (weighted patients to two places) as exact whole hundredths."""
    value = Decimal(weight) * 100
    if value < 0 or value != value.to_integral_value():
        raise ValueError(f"weight {weight} must be ≥ 0 with at most two decimal places")
    return int(value)
