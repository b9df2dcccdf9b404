"""Sub-contracts: the commissioner's 28 days, who decides, chains, and the whole-contract rule."""

from datetime import date

import pytest

from contractdesk.domain.roles import Role
from contractdesk.domain.subcontracting import Decision, ObjectionGround, SubcontractStatus
from contractdesk.domain.whole_contract import CellState
from contractdesk.errors import BadInput, PermissionDenied
from contractdesk.services.offers import offer_service, record_response
from contractdesk.services.signup_matrix import load_signup_matrix
from contractdesk.services.subcontracts import (
    decide_subcontract,
    end_subcontract,
    get_subcontract,
    list_subcontracts,
    notify_subcontract,
)

NOTIFIED = date(2025, 4, 14)
DAY_28 = date(2025, 5, 12)
DAY_29 = date(2025, 5, 13)
START = date(2025, 6, 2)
IN_MAY = date(2025, 5, 1)


@pytest.fixture
def signed_up(rotherham, catalogue):
    """Dearne Valley and Raven PCNs offered the three required services; everyone accepts
    except C87005 (declines minor surgery) and C87622 (APMS; declines minor surgery)."""
    for code in ("PHLEB", "MINOR-SURG", "IMMS"):
        offer_service(
            rotherham,
            catalogue,
            code,
            start=catalogue.first_day,
            end=catalogue.last_day,
            response_deadline=date(2025, 3, 31),
            localities=["U36780", "U88280"],
            today=date(2025, 3, 1),
        )
        for practice in ("C87005", "C87017", "C87029", "C87007", "C87622"):
            declines = code == "MINOR-SURG" and practice in ("C87005", "C87622")
            record_response(
                rotherham,
                catalogue,
                code,
                practice,
                accepted=not declines,
                responded_on=date(2025, 3, 20),
            )
    return catalogue


def notify(workspace, year, contractor="C87005", subcontractor="C87017", **changes):
    values = dict(
        year=year,
        contractor=contractor,
        subcontractor=subcontractor,
        service_codes=["MINOR-SURG"],
        premises_address="Dearne Valley Health Centre, S63 7EZ",
        start=START,
        end=year.last_day,
        notified_on=NOTIFIED,
        today=NOTIFIED,
    )
    return notify_subcontract(workspace, **(values | changes))


def compliance_of(workspace, year, practice, today=IN_MAY):
    return load_signup_matrix(workspace, year, today=today).row(practice)


def test_a_notified_arrangement_waits_28_days_and_does_not_yet_cover_the_gap(rotherham, signed_up):
    entry = notify(rotherham, signed_up)
    assert entry.status is SubcontractStatus.PENDING
    assert entry.objection_deadline == DAY_28 and entry.days_left_to_object == 28
    assert entry.duration_days == 303  # 2 June to 31 March, both days counted
    row = compliance_of(rotherham, signed_up, "C87005")
    assert not row.compliance.compliant and row.compliance.gaps == ("MINOR-SURG",)
    services = [s.code for s in load_signup_matrix(rotherham, signed_up).services]
    assert row.states[services.index("MINOR-SURG")] is CellState.SUBCONTRACT_PENDING


def test_approval_covers_the_service_but_the_decline_stays_flagged(rotherham, signed_up):
    entry = notify(rotherham, signed_up)
    approved = decide_subcontract(
        rotherham, entry.reference, approve=True, decided_on=date(2025, 4, 20), today=IN_MAY
    )
    assert approved.decision is Decision.APPROVED and approved.status is SubcontractStatus.APPROVED
    assert get_subcontract(rotherham, entry.reference, today=START).status is (
        SubcontractStatus.ACTIVE
    )
    row = compliance_of(rotherham, signed_up, "C87005")
    assert row.compliance.compliant and row.compliance.declined_required == ("MINOR-SURG",)
    with pytest.raises(BadInput, match="already been approved"):
        decide_subcontract(rotherham, entry.reference, approve=True, decided_on=IN_MAY)


def test_an_objection_on_day_28_is_taken_and_on_day_29_refused(rotherham, signed_up):
    entry = notify(rotherham, signed_up)
    with pytest.raises(BadInput, match="28 days to object ended on 12 May 2025"):
        decide_subcontract(
            rotherham,
            entry.reference,
            approve=False,
            decided_on=DAY_29,
            ground=ObjectionGround.PATIENT_SAFETY,
        )
    objected = decide_subcontract(
        rotherham,
        entry.reference,
        approve=False,
        decided_on=DAY_28,
        ground=ObjectionGround.FINANCIAL_LOSS,
    )
    assert objected.status is SubcontractStatus.OBJECTED and objected.ended_on is None
    assert objected.objection_ground is ObjectionGround.FINANCIAL_LOSS
    assert not compliance_of(rotherham, signed_up, "C87005").compliance.compliant


def test_an_objection_needs_a_ground_and_other_needs_words(rotherham, signed_up):
    entry = notify(rotherham, signed_up)
    with pytest.raises(BadInput, match="needs its ground"):
        decide_subcontract(rotherham, entry.reference, approve=False, decided_on=IN_MAY)
    with pytest.raises(BadInput, match="other ground"):
        decide_subcontract(
            rotherham,
            entry.reference,
            approve=False,
            decided_on=IN_MAY,
            ground=ObjectionGround.OTHER,
        )
    assert get_subcontract(rotherham, entry.reference).decision is Decision.PENDING


def test_an_objection_after_the_start_ends_the_arrangement_that_day(rotherham, signed_up):
    entry = notify(rotherham, signed_up, start=date(2025, 4, 21))
    objected = decide_subcontract(
        rotherham,
        entry.reference,
        approve=False,
        decided_on=date(2025, 5, 2),
        ground=ObjectionGround.OTHER,
        detail="premises not registered with the CQC for surgical procedures",
    )
    assert objected.ended_on == date(2025, 5, 2)


def test_only_an_approver_decides(rotherham, signed_up, sign_in_as):
    entry = notify(rotherham, signed_up)
    officer = sign_in_as("olive", Role.OFFICER)
    with pytest.raises(PermissionDenied, match="approver"):
        decide_subcontract(officer, entry.reference, approve=True, decided_on=IN_MAY)
    approver = sign_in_as("arthur", Role.APPROVER)
    decided = decide_subcontract(approver, entry.reference, approve=True, decided_on=IN_MAY)
    assert decided.decided_by == "arthur"


def test_an_apms_contractor_needs_approval_before_the_start(rotherham, signed_up):
    entry = notify(rotherham, signed_up, contractor="C87622", subcontractor="C87007")
    with pytest.raises(BadInput, match="APMS"):
        decide_subcontract(rotherham, entry.reference, approve=True, decided_on=date(2025, 6, 3))
    decide_subcontract(rotherham, entry.reference, approve=True, decided_on=START)


def test_rules_refuse_self_unaccepted_chains_and_duplicates(rotherham, signed_up):
    with pytest.raises(BadInput, match="cannot sub-contract to itself"):
        notify(rotherham, signed_up, subcontractor="C87005")
    with pytest.raises(BadInput, match="C87622 has not accepted MINOR-SURG"):
        notify(rotherham, signed_up, subcontractor="C87622")
    entry = notify(rotherham, signed_up)
    decide_subcontract(rotherham, entry.reference, approve=True, decided_on=IN_MAY)
    with pytest.raises(BadInput, match="already has MINOR-SURG under another sub-contract"):
        notify(rotherham, signed_up, subcontractor="C87029")
    # A chain: C87017 delivers minor surgery for C87005 and may not pass it on...
    with pytest.raises(BadInput, match="no chains"):
        notify(rotherham, signed_up, contractor="C87017", subcontractor="C87029")
    # ...nor may anyone sub-contract it to C87005, which has it delivered by someone else.
    with pytest.raises(BadInput, match="no chains"):
        notify(rotherham, signed_up, contractor="C87029", subcontractor="C87005")


def test_a_retired_service_cannot_be_sub_contracted(rotherham, signed_up):
    from contractdesk.services.service_catalogue import retire_service

    retire_service(rotherham, signed_up, "MINOR-SURG")
    with pytest.raises(BadInput, match="Retired services"):
        notify(rotherham, signed_up)


def test_ending_early_reopens_the_gap(rotherham, signed_up):
    entry = notify(rotherham, signed_up)
    decide_subcontract(rotherham, entry.reference, approve=True, decided_on=IN_MAY)
    end_subcontract(
        rotherham, entry.reference, ended_on=date(2025, 9, 30), reason="surgeon retired"
    )
    october = date(2025, 10, 1)
    assert not compliance_of(rotherham, signed_up, "C87005", today=october).compliance.compliant
    assert compliance_of(
        rotherham, signed_up, "C87005", today=date(2025, 9, 1)
    ).compliance.compliant


def test_the_list_filters_by_status_and_shows_a_practice_both_ways(rotherham, signed_up):
    waiting = notify(rotherham, signed_up)
    other = notify(rotherham, signed_up, contractor="C87622", subcontractor="C87007")
    decide_subcontract(rotherham, other.reference, approve=True, decided_on=IN_MAY, today=IN_MAY)
    pending = list_subcontracts(rotherham, statuses=[SubcontractStatus.PENDING], today=IN_MAY)
    assert [e.reference for e in pending] == [waiting.reference]
    assert [e.reference for e in list_subcontracts(rotherham, practice_code="C87017")] == [
        waiting.reference
    ]
    assert [e.reference for e in list_subcontracts(rotherham, practice_code="C87007")] == [
        other.reference
    ]
    everything = list_subcontracts(rotherham, today=IN_MAY)
    assert everything[0].reference == waiting.reference  # awaiting a decision comes first


def test_an_arrangement_is_found_by_the_start_of_its_reference(rotherham, signed_up):
    from contractdesk.errors import NotFound

    entry = notify(rotherham, signed_up)
    other = notify(rotherham, signed_up, contractor="C87622", subcontractor="C87029")
    dashed = f" {entry.reference[:4]}-{entry.reference[4:]} "
    for quoted in (entry.reference, entry.reference[:4].upper(), dashed):
        assert get_subcontract(rotherham, quoted).contractor_code == "C87005"
    assert get_subcontract(rotherham, other.reference).contractor_code == "C87622"
    with pytest.raises(BadInput, match="at least the first 4"):
        get_subcontract(rotherham, entry.reference[:3])
    with pytest.raises(NotFound):
        get_subcontract(rotherham, "zzzz-not-a-reference")
