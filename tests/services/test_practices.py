"""Editing a practice: validation, audit, and the stale-version conflict."""

from datetime import date

import pytest

from contractdesk.errors import BadInput, ConflictError, NotFound
from contractdesk.services.practice_history import practice_history
from contractdesk.services.practices import (
    create_practice,
    get_practice,
    list_practices,
    update_practice,
)
from contractdesk.services.workspace import open_workspace


@pytest.fixture
def practice(workspace):
    return create_practice(
        workspace,
        "C87003",
        {
            "name": "Woodstock Bower Group Practice",
            "postcode": "s61 1ah",
            "contract_type": "PMS",
            "open_date": date(1974, 4, 1),
        },
    )


def test_a_new_practice_is_listed_with_a_normalised_postcode(workspace, practice):
    assert practice.postcode == "S61 1AH"
    assert [p.ods_code for p in list_practices(workspace)] == ["C87003"]


def test_duplicate_and_malformed_codes_are_refused(workspace, practice):
    with pytest.raises(BadInput, match="already exists"):
        create_practice(workspace, "C87003", {"name": "Again"})
    with pytest.raises(BadInput, match="ODS practice code"):
        create_practice(workspace, "C8700", {"name": "Short code"})


def test_an_edit_is_saved_versioned_and_audited(workspace, practice):
    saved = update_practice(workspace, "C87003", practice.version, {"phone": "01709 560005"})
    assert saved.phone == "01709 560005"
    assert saved.version == practice.version + 1
    history = practice_history(workspace, "C87003")
    assert history[0].action == "update"
    assert history[0].before == {"phone": None}
    assert history[0].after == {"phone": "01709 560005"}
    assert history[0].user_login == workspace.user.login


def test_a_stale_save_is_refused_with_the_other_users_values(workspace, database_url, practice):
    other = open_workspace(database_url, "bob")
    try:
        from contractdesk.domain.roles import Role
        from contractdesk.services.users import set_role

        set_role(workspace, "bob", Role.OFFICER)
        other.close()
        other = open_workspace(database_url, "bob")
        update_practice(other, "C87003", practice.version, {"name": "Bob's name"})
        with pytest.raises(ConflictError) as conflict:
            update_practice(workspace, "C87003", practice.version, {"name": "Alice's name"})
        assert conflict.value.current.name == "Bob's name"
        assert get_practice(workspace, "C87003").name == "Bob's name"
    finally:
        other.close()


def test_invalid_edits_change_nothing(workspace, practice):
    with pytest.raises(BadInput, match="close date"):
        update_practice(workspace, "C87003", practice.version, {"close_date": date(1970, 1, 1)})
    with pytest.raises(BadInput, match="postcode"):
        update_practice(workspace, "C87003", practice.version, {"postcode": "nowhere"})
    with pytest.raises(BadInput, match="cannot be edited"):
        update_practice(workspace, "C87003", practice.version, {"ods_code": "C99999"})
    # Longer than its column: a message on every database (PostgreSQL would refuse the row).
    with pytest.raises(BadInput, match="At most 100 characters"):
        update_practice(workspace, "C87003", practice.version, {"lead_contact": "D" * 150})
    assert get_practice(workspace, "C87003") == practice


def test_unknown_practice(workspace):
    with pytest.raises(NotFound, match="C99999"):
        get_practice(workspace, "C99999")


def test_an_officer_records_a_list_size_and_it_shows_in_the_history(workspace, practice):
    from decimal import Decimal

    from contractdesk.services.list_sizes import record_list_size

    record_list_size(workspace, "C87003", date(2026, 4, 1), Decimal("11200"), None)
    detail = get_practice(workspace, "C87003")
    assert detail.list_sizes[0].registered_patients == Decimal("11200")
    assert detail.list_sizes[0].source == f"entered by {workspace.user.login}"
    assert practice_history(workspace, "C87003")[0].summary == "recorded list size at 01 Apr 2026"
    with pytest.raises(BadInput, match="negative"):
        record_list_size(workspace, "C87003", date(2026, 4, 1), Decimal("-1"), None)


def test_history_includes_the_imports_that_changed_the_practice(workspace, real_data):
    from contractdesk.services.practice_import import import_practices
    from contractdesk.services.practices import practice_code_taken

    assert not practice_code_taken(workspace, "C87003")
    import_practices(workspace, real_data / "ods" / "epraccur_2025-09.csv", ["03L"])
    assert practice_code_taken(workspace, "C87003")
    [entry] = practice_history(workspace, "C87003")
    assert entry.action == "import" and "epraccur_2025-09.csv" in entry.summary
