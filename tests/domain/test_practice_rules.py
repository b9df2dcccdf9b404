from datetime import date

from contractdesk.domain.practice_rules import practice_field_errors
from contractdesk.domain.roles import Role


def test_a_valid_practice_has_no_errors():
    assert (
        practice_field_errors(
            {
                "ods_code": "C87003",
                "name": "Woodstock Bower",
                "postcode": "S61 1AH",
                "status": "active",
                "contract_type": "PMS",
                "open_date": date(1974, 4, 1),
            }
        )
        == {}
    )


def test_each_bad_field_is_named():
    errors = practice_field_errors(
        {
            "ods_code": "X1",
            "name": " ",
            "postcode": "nowhere",
            "status": "gone",
            "contract_type": "XMS",
            "registered_patients": -1,
        }
    )
    assert set(errors) == {
        "ods_code",
        "name",
        "postcode",
        "status",
        "contract_type",
        "registered_patients",
    }


def test_close_date_may_equal_but_not_precede_open_date():
    same_day = {"open_date": date(2020, 1, 1), "close_date": date(2020, 1, 1)}
    assert practice_field_errors(same_day) == {}
    before = {"open_date": date(2020, 1, 1), "close_date": date(2019, 12, 31)}
    assert "close_date" in practice_field_errors(before)


def test_roles_are_ordered():
    assert Role.ADMIN.can_act_as(Role.OFFICER)
    assert Role.APPROVER.can_act_as(Role.OFFICER)
    assert not Role.VIEWER.can_act_as(Role.OFFICER)
    assert not Role.OFFICER.can_act_as(Role.APPROVER)


def test_phone_numbers():
    assert practice_field_errors({"phone": "01709 560005"}) == {}
    assert practice_field_errors({"phone": "+44 (0)1709 560-005"}) == {}
    assert "phone" in practice_field_errors({"phone": "abc"})
    assert "phone" in practice_field_errors({"phone": "12"})


def test_email_addresses():
    assert practice_field_errors({"email": "a.patel@nhs.net"}) == {}
    assert practice_field_errors({"email": None}) == {}
    for typo in ("a.patel", "a.patel@nhs", "a patel@nhs.net", "a@b@nhs.net"):
        assert "email" in practice_field_errors({"email": typo}), typo


def test_text_longer_than_its_column_is_refused_with_the_limit():
    errors = practice_field_errors({"lead_contact": "x" * 101, "name": "N" * 200})
    assert errors == {"lead_contact": "At most 100 characters (101 given)."}
