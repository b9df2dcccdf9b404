"""How a practice's whole-contract compliance reads in the register and the sign-up matrix."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the domain type is only named in annotations
    from contractdesk.domain.whole_contract import Compliance


FLAG = "⚑"  # marks a practice that declined a required service
NOT_APPLICABLE = "—"


def compliance_text(compliance: Compliance | None, has_required: bool = True) -> str:
    """ "compliant", "1 gap", "3 gaps", with ⚑ first when a required service was declined;
    "—" for a year without required services or a practice outside the year's matrix."""
    if compliance is None or not has_required:
        return NOT_APPLICABLE
    count = len(compliance.gaps)
    text = "compliant" if not count else f"{count} gap" + ("" if count == 1 else "s")
    return f"{FLAG} {text}" if compliance.flagged else text


def compliance_tooltip(compliance: Compliance | None, has_required: bool = True) -> str:
    if not has_required:
        return "The year has no required services."
    if compliance is None:
        return "Not in the year's sign-ups (a closed practice)."
    if compliance.gaps:
        lines = ["Gaps (required, not accepted or sub-contracted): " + ", ".join(compliance.gaps)]
    else:
        lines = ["Compliant: every required service is accepted or sub-contracted."]
    if compliance.declined_required:
        lines.append(f"{FLAG} Declined required: " + ", ".join(compliance.declined_required))
    return "\n".join(lines)


def needs_attention(compliance: Compliance | None) -> bool:
    return compliance is not None and bool(compliance.gaps or compliance.declined_required)


def compliance_sort_key(compliance: Compliance | None) -> tuple[int, int]:
    if compliance is None:
        return (-1, 0)
    return (len(compliance.gaps), len(compliance.declined_required))
