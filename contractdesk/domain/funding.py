"""PMS premium review figures: the GMS-equivalent sum, the PMS premium, payments per patient.

Pure rules on integer pence and Decimal patients (DOMAIN.md, "PMS premium review"). The
premium is the PMS baseline less what the practice would earn under GMS for the same weighted
list (core funding per weighted patient × weighted patients).
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum

# Rotherham's core funding per weighted patient, £78.53: the default until a year has its own.
DEFAULT_CORE_PENCE_PER_WEIGHTED_PATIENT = 7853
_PENNY = Decimal("0.01")


class PremiumBasis(StrEnum):
    """How a practice's PMS premium is found from what NHS Payments to General Practice holds.

    The published files have no PMS baseline. For a PMS practice the Balance of PMS
    Expenditure is its contract payment (its Global Sum and MPIG are nil), so it stands in for
    the baseline; the literal alternative takes the whole balance as the premium.
    """

    BASELINE_LESS_CORE = "baseline_less_core"
    PMS_BALANCE = "pms_balance"

    @property
    def description(self) -> str:
        if self is PremiumBasis.BASELINE_LESS_CORE:
            return (
                "PMS premium = PMS baseline less core funding × weighted list; the PMS baseline "
                "is proxied by the file's Balance of PMS Expenditure (plus any Global Sum and MPIG)"
            )
        return "PMS premium proxied by the file's whole Balance of PMS Expenditure"


def round_pence(amount: Decimal) -> int:
    """Whole pence, halves away from zero (as payment schedules round)."""
    return int(amount.quantize(Decimal(1), rounding=ROUND_HALF_UP))


def gms_equivalent_pence(core_pence_per_weighted_patient: int, weighted_patients: Decimal) -> int:
    """What the practice would earn under GMS core funding for its weighted list."""
    return round_pence(core_pence_per_weighted_patient * weighted_patients)


def pms_baseline_pence(global_sum: int | None, mpig: int | None, pms_balance: int | None) -> int:
    """The PMS baseline as far as the payments file shows it (core contract payments)."""
    return (global_sum or 0) + (mpig or 0) + (pms_balance or 0)


def pms_premium_pence(
    contract_type: str,
    weighted_patients: Decimal | None,
    global_sum: int | None,
    mpig: int | None,
    pms_balance: int | None,
    core_pence_per_weighted_patient: int,
    basis: PremiumBasis = PremiumBasis.BASELINE_LESS_CORE,
) -> int | None:
    """The premium of a PMS practice (may be negative: below the GMS equivalent); None for
    GMS and APMS practices, or without a weighted list."""
    if contract_type != "PMS" or weighted_patients is None:
        return None
    if basis is PremiumBasis.PMS_BALANCE:
        return pms_balance or 0
    baseline = pms_baseline_pence(global_sum, mpig, pms_balance)
    return baseline - gms_equivalent_pence(core_pence_per_weighted_patient, weighted_patients)


def per_patient(pence: int | None, patients: Decimal | None) -> Decimal | None:
    """Pounds per patient to the penny (None when either is unknown or there are no patients)."""
    if pence is None or not patients:
        return None
    return (Decimal(pence) / 100 / patients).quantize(_PENNY, rounding=ROUND_HALF_UP)


def other_payments_pence(total: int | None, *named: int | None) -> int | None:
    """What the total holds beyond the named lines (enhanced services, seniority, drugs …)."""
    if total is None:
        return None
    return total - sum(amount or 0 for amount in named)
