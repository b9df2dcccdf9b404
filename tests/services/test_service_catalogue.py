"""The service catalogue: add, edit, retire, delete only when unused, copy forward."""

from datetime import date

import pytest

from contractdesk.domain.roles import Role
from contractdesk.errors import BadInput, PermissionDenied
from contractdesk.services.audit_log import recent_entries
from contractdesk.services.offers import offer_service
from contractdesk.services.service_catalogue import (
    copy_catalogue_forward,
    create_service,
    delete_service,
    list_services,
    retire_service,
    update_service,
)

MAY = date(2025, 5, 1)


def test_the_years_services_are_listed_required_first(rotherham, catalogue):
    services = list_services(rotherham, catalogue)
    assert [s.code for s in services] == ["IMMS", "MINOR-SURG", "PHLEB", "WEIGHT"]
    assert [s.required for s in services] == [True, True, True, False]
    assert list_services(rotherham, catalogue.next()) == []


def test_bad_fields_and_duplicate_codes_are_refused(rotherham, catalogue):
    values = {"name": "X", "kind": "LES", "funding_basis": "per_item", "price_pence": 100}
    with pytest.raises(BadInput, match="already has a service with the code PHLEB"):
        create_service(rotherham, catalogue, "phleb", values)
    with pytest.raises(BadInput, match="price pence"):
        create_service(rotherham, catalogue, "NEW", values | {"price_pence": -1})
    with pytest.raises(BadInput, match="not a kind of service"):
        create_service(rotherham, catalogue, "NEW", values | {"kind": "XYZ"})
    with pytest.raises(BadInput, match="code"):
        create_service(rotherham, catalogue, "bad code!", values)


def test_a_viewer_cannot_change_the_catalogue(rotherham, catalogue, sign_in_as):
    viewer = sign_in_as("vera", Role.VIEWER)
    with pytest.raises(PermissionDenied, match="vera is a viewer"):
        retire_service(viewer, catalogue, "PHLEB")
    assert len(list_services(viewer, catalogue)) == 4  # reading is allowed


def test_a_price_change_is_versioned(rotherham, catalogue):
    phleb = next(s for s in list_services(rotherham, catalogue) if s.code == "PHLEB")
    changed = update_service(rotherham, catalogue, "PHLEB", phleb.version, {"price_pence": 1250})
    assert changed.price_pence == 1250 and changed.version == phleb.version + 1


def test_a_used_service_cannot_be_deleted_only_retired(rotherham, catalogue):
    offer_service(
        rotherham,
        catalogue,
        "PHLEB",
        start=catalogue.first_day,
        end=catalogue.last_day,
        response_deadline=date(2025, 5, 31),
        localities=["U36780"],
        today=MAY,
    )
    with pytest.raises(BadInput, match="retire it instead"):
        delete_service(rotherham, catalogue, "PHLEB")
    retired = retire_service(rotherham, catalogue, "PHLEB")
    assert retired.retired
    with pytest.raises(BadInput, match="retired and cannot be offered"):
        offer_service(
            rotherham,
            catalogue,
            "PHLEB",
            start=catalogue.first_day,
            end=catalogue.last_day,
            response_deadline=date(2025, 5, 31),
            localities=["U88280"],
            today=MAY,
        )
    delete_service(rotherham, catalogue, "WEIGHT")  # never offered: goes
    assert [s.code for s in list_services(rotherham, catalogue)] == ["IMMS", "MINOR-SURG", "PHLEB"]


def test_copy_forward_takes_the_services_not_retired_and_then_leaves_the_next_year_alone(
    rotherham, catalogue
):
    retire_service(rotherham, catalogue, "WEIGHT")
    result = copy_catalogue_forward(rotherham, catalogue)
    assert result.to_year == catalogue.next()
    assert result.copied == ("IMMS", "MINOR-SURG", "PHLEB")
    copied = {s.code: s for s in list_services(rotherham, catalogue.next())}
    assert copied["PHLEB"].price_pence == 1000 and copied["PHLEB"].required
    update_service(
        rotherham, catalogue.next(), "PHLEB", copied["PHLEB"].version, {"price_pence": 1100}
    )
    again = copy_catalogue_forward(rotherham, catalogue)
    assert again.copied == () and again.already_there == ("IMMS", "MINOR-SURG", "PHLEB")
    assert (
        next(s for s in list_services(rotherham, catalogue) if s.code == "PHLEB").price_pence
        == 1000
    )
    assert (
        next(s for s in list_services(rotherham, catalogue.next()) if s.code == "PHLEB").price_pence
        == 1100
    )


def test_catalogue_changes_are_audited(rotherham, catalogue):
    retire_service(rotherham, catalogue, "WEIGHT")
    entries = recent_entries(rotherham, entity_type="service")
    assert [entry.action for entry in entries[:2]] == ["retire", "create"]
    assert entries[0].entity_key == "2025/26 WEIGHT"
    assert entries[0].user_login == rotherham.user.login
