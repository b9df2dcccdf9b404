"""The whole-contract rule: each required service accepted or covered by an approved
sub-contract; a declined required service is flagged."""

from contractdesk.domain.service_catalogue import SignupStatus
from contractdesk.domain.whole_contract import CellState, assess_compliance, cell_state

REQUIRED = ("PHLEB", "MINOR-SURG", "IMMS")


def test_the_practices_own_acceptance_comes_first_then_an_approved_subcontract():
    assert cell_state(SignupStatus.ACCEPTED, subcontracted=True) is CellState.ACCEPTED
    assert cell_state(SignupStatus.DECLINED, subcontracted=True) is CellState.SUBCONTRACTED
    assert cell_state(SignupStatus.DECLINED, subcontract_pending=True) is (
        CellState.SUBCONTRACT_PENDING
    )
    assert cell_state(None) is CellState.NOT_OFFERED
    assert cell_state(SignupStatus.OFFERED) is CellState.OFFERED
    assert cell_state(SignupStatus.ENDED) is CellState.ENDED


def test_every_required_service_covered_is_compliant():
    states = {
        "PHLEB": CellState.ACCEPTED,
        "MINOR-SURG": CellState.SUBCONTRACTED,
        "IMMS": CellState.ACCEPTED,
    }
    result = assess_compliance(REQUIRED, states)
    assert result.compliant and result.gaps == () and not result.flagged


def test_gaps_list_what_is_offered_pending_ended_or_never_offered():
    states = {
        "PHLEB": CellState.OFFERED,
        "MINOR-SURG": CellState.SUBCONTRACT_PENDING,
        "IMMS": CellState.ENDED,
    }
    assert assess_compliance(REQUIRED, states).gaps == REQUIRED
    assert assess_compliance(REQUIRED, {}).gaps == REQUIRED


def test_a_declined_required_service_is_flagged_even_when_a_subcontract_covers_it():
    states = dict.fromkeys(REQUIRED, CellState.ACCEPTED) | {"MINOR-SURG": CellState.SUBCONTRACTED}
    result = assess_compliance(REQUIRED, states, declined={"MINOR-SURG"})
    assert result.compliant and result.flagged
    assert result.describe() == "compliant; declined MINOR-SURG"
    uncovered = assess_compliance(
        REQUIRED, states | {"MINOR-SURG": CellState.DECLINED}, {"MINOR-SURG"}
    )
    assert uncovered.describe() == "not compliant: missing MINOR-SURG; declined MINOR-SURG"


def test_a_declined_service_that_is_not_required_is_not_flagged():
    states = dict.fromkeys(REQUIRED, CellState.ACCEPTED)
    assert not assess_compliance(REQUIRED, states, declined={"OPTIONAL"}).flagged
