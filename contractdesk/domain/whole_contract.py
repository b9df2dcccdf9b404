"""The whole-contract rule: every required service delivered by the practice or an approved
sub-contractor (DOMAIN.md, "Services and sign-ups")."""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum

from contractdesk.domain.service_catalogue import SignupStatus


class CellState(StrEnum):
    """What the sign-up matrix shows for one practice and one service."""

    NOT_OFFERED = "not offered"
    OFFERED = "offered"
    ACCEPTED = "accepted"
    DECLINED = "declined"
    ENDED = "ended"
    SUBCONTRACTED = "sub-contracted"
    SUBCONTRACT_PENDING = "sub-contract pending"

    @property
    def delivers(self) -> bool:
        """Whether the service is covered for the whole-contract rule."""
        return self in (CellState.ACCEPTED, CellState.SUBCONTRACTED)


_DELIVERING = frozenset(state for state in CellState if state.delivers)


def cell_state(
    signup: SignupStatus | None, *, subcontracted: bool = False, subcontract_pending: bool = False
) -> CellState:
    """The practice's own acceptance comes first; otherwise an approved, active sub-contract
    covers the service; a sub-contract still awaiting the commissioner does not."""
    if signup is SignupStatus.ACCEPTED:
        return CellState.ACCEPTED
    if subcontracted:
        return CellState.SUBCONTRACTED
    if subcontract_pending:
        return CellState.SUBCONTRACT_PENDING
    if signup is None:
        return CellState.NOT_OFFERED
    return CellState(signup.value)


@dataclass(frozen=True)
class Compliance:
    """One practice's standing against the whole contract for a year."""

    gaps: tuple[str, ...]  # required services neither accepted nor sub-contracted
    declined_required: tuple[str, ...]  # flagged even when a sub-contract covers them

    @property
    def compliant(self) -> bool:
        return not self.gaps

    @property
    def flagged(self) -> bool:
        return bool(self.declined_required)

    def describe(self) -> str:
        text = "compliant" if self.compliant else "not compliant: missing " + ", ".join(self.gaps)
        if self.declined_required:
            text += "; declined " + ", ".join(self.declined_required)
        return text


def assess_compliance(
    required: Sequence[str], states: Mapping[str, CellState], declined: Collection[str] = ()
) -> Compliance:
    """`required`: the year's required service codes in display order; `states`: the practice's
    cell per service code (a missing code means not offered); `declined`: the services whose
    offer the practice declined. A practice that declined and then arranged a sub-contract is
    still flagged: the officer should see that it chose not to deliver the service itself."""
    gaps = tuple(code for code in required if states.get(code) not in _DELIVERING)
    flagged = tuple(code for code in required if code in declined)
    return Compliance(gaps=gaps, declined_required=flagged)
