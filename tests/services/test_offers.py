"""Offers and sign-ups: equality of opportunity, responses, reissue, ending."""

from datetime import date

import pytest

from contractdesk.domain.roles import Role
from contractdesk.domain.service_catalogue import SignupStatus
from contractdesk.errors import BadInput, NotFound, PermissionDenied
from contractdesk.services.audit_log import recent_entries
from contractdesk.services.offers import (
    end_signup,
    get_offer,
    list_offers,
    offer_service,
    record_response,
    reissue_offer,
)

SENT = date(2025, 3, 1)
DEADLINE = date(2025, 3, 31)
DEARNE_VALLEY = "U36780"  # C87005, C87017, C87029


def offer(workspace, year, code="PHLEB", **targets):
    return offer_service(
        workspace,
        year,
        code,
        start=year.first_day,
        end=year.last_day,
        response_deadline=DEADLINE,
        today=SENT,
        **targets,
    )


def test_a_locality_offer_goes_to_every_open_practice_of_it(rotherham, catalogue):
    result = offer(rotherham, catalogue, localities=[DEARNE_VALLEY])
    assert result.offered == ("C87005", "C87017", "C87029") and result.left_out == ()
    offers = list_offers(rotherham, catalogue)
    assert {o.practice_code for o in offers} == {"C87005", "C87017", "C87029"}
    assert all(o.status is SignupStatus.OFFERED and o.offered_on == SENT for o in offers)


def test_offering_to_some_of_a_locality_needs_a_reason_and_names_who_was_left_out(
    rotherham, catalogue
):
    with pytest.raises(BadInput, match=r"equality of opportunity.*C87017, C87029"):
        offer(rotherham, catalogue, practices=["C87005"])
    assert list_offers(rotherham, catalogue) == []  # nothing half-done
    result = offer(rotherham, catalogue, practices=["C87005"], reason="only one with a nurse")
    assert result.offered == ("C87005",) and result.left_out == ("C87017", "C87029")
    assert get_offer(rotherham, catalogue, "PHLEB", "C87005").selection_reason == (
        "only one with a nurse"
    )
    entry = recent_entries(rotherham, entity_type="service")[0]
    assert entry.action == "offer" and entry.details["left_out"] == ["C87017", "C87029"]


def test_practices_already_offered_are_not_left_out_nor_offered_twice(rotherham, catalogue):
    offer(rotherham, catalogue, practices=["C87005"], reason="pilot")
    again = offer(rotherham, catalogue, localities=[DEARNE_VALLEY])
    assert again.offered == ("C87017", "C87029") and again.already_offered == ("C87005",)
    third = offer(rotherham, catalogue, practices=["C87017"])  # nobody left out now
    assert third.offered == () and third.left_out == ()


def test_unknown_closed_and_out_of_year_targets_are_refused(rotherham, catalogue):
    with pytest.raises(NotFound, match="C99999"):
        offer(rotherham, catalogue, practices=["C99999"])
    with pytest.raises(BadInput, match="Closed practices"):
        offer(rotherham, catalogue, practices=["C87023"])
    with pytest.raises(NotFound, match="locality"):
        offer(rotherham, catalogue, localities=["U00000"])
    with pytest.raises(BadInput, match="inside 2025/26"):
        offer_service(
            rotherham,
            catalogue,
            "PHLEB",
            start=date(2025, 4, 1),
            end=date(2026, 4, 1),
            response_deadline=DEADLINE,
            localities=[DEARNE_VALLEY],
        )
    with pytest.raises(BadInput, match="Choose the practices"):
        offer(rotherham, catalogue)


def test_accept_decline_reissue_and_end(rotherham, catalogue):
    offer(rotherham, catalogue, localities=[DEARNE_VALLEY])
    accepted = record_response(
        rotherham, catalogue, "PHLEB", "C87005", accepted=True, responded_on=date(2025, 3, 10)
    )
    assert accepted.status is SignupStatus.ACCEPTED
    assert accepted.responded_by == rotherham.user.login
    with pytest.raises(BadInput, match="already accepted"):
        record_response(
            rotherham, catalogue, "PHLEB", "C87005", accepted=False, responded_on=date(2025, 3, 11)
        )
    declined = record_response(
        rotherham,
        catalogue,
        "PHLEB",
        "C87017",
        accepted=False,
        responded_on=DEADLINE,  # the last day still counts
        note="no phlebotomist",
    )
    assert declined.status is SignupStatus.DECLINED and declined.response_note == "no phlebotomist"
    with pytest.raises(BadInput, match="deadline to respond was 2025-03-31"):
        record_response(
            rotherham, catalogue, "PHLEB", "C87029", accepted=True, responded_on=date(2025, 4, 1)
        )
    with pytest.raises(BadInput, match="Only a declined or lapsed offer"):
        reissue_offer(rotherham, catalogue, "PHLEB", "C87005", response_deadline=date(2025, 6, 30))
    again = reissue_offer(
        rotherham,
        catalogue,
        "PHLEB",
        "C87017",
        response_deadline=date(2025, 6, 30),
        today=date(2025, 5, 1),
    )
    assert again.status is SignupStatus.OFFERED and again.responded_on is None
    # A lapsed offer (no answer by its deadline) can be reissued too.
    reissue_offer(
        rotherham,
        catalogue,
        "PHLEB",
        "C87029",
        response_deadline=date(2025, 6, 30),
        today=date(2025, 5, 1),
    )
    with pytest.raises(BadInput, match="reason"):
        end_signup(rotherham, catalogue, "PHLEB", "C87005", ended_on=date(2025, 9, 30), reason=" ")
    with pytest.raises(BadInput, match="within the sign-up"):
        end_signup(rotherham, catalogue, "PHLEB", "C87005", ended_on=date(2026, 4, 1), reason="x")
    ended = end_signup(
        rotherham, catalogue, "PHLEB", "C87005", ended_on=date(2025, 9, 30), reason="nurse left"
    )
    assert ended.status is SignupStatus.ENDED and ended.end_reason == "nurse left"
    actions = [e.action for e in recent_entries(rotherham, entity_type="service_offer")]
    assert actions == ["end", "reissue", "reissue", "declined", "accepted"]


def test_a_viewer_cannot_offer_or_record(rotherham, catalogue, sign_in_as):
    offer(rotherham, catalogue, localities=[DEARNE_VALLEY])
    viewer = sign_in_as("vera", Role.VIEWER)
    with pytest.raises(PermissionDenied):
        offer(viewer, catalogue, localities=["U88280"])
    with pytest.raises(PermissionDenied):
        record_response(
            viewer, catalogue, "PHLEB", "C87005", accepted=True, responded_on=date(2025, 3, 10)
        )
    assert get_offer(viewer, catalogue, "PHLEB", "C87005").status is SignupStatus.OFFERED
