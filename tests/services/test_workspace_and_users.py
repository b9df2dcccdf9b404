"""Signing in: the first user is admin, later newcomers are viewers; roles are enforced."""

import pytest

from contractdesk.domain.roles import Role
from contractdesk.errors import BadInput, PermissionDenied
from contractdesk.services import users
from contractdesk.services.practices import update_practice
from contractdesk.services.workspace import open_workspace


def test_first_user_is_admin_and_newcomers_are_viewers(database_url):
    first = open_workspace(database_url, "alice")
    second = open_workspace(database_url, "bob")
    try:
        assert first.user.role is Role.ADMIN
        assert second.user.role is Role.VIEWER
    finally:
        first.close()
        second.close()


def test_only_an_admin_changes_roles(workspace, database_url):
    viewer = open_workspace(database_url, "bob")
    try:
        with pytest.raises(PermissionDenied, match="admin"):
            users.set_role(viewer, "bob", Role.ADMIN)
        users.set_role(workspace, "bob", Role.OFFICER)
        assert {u.login: u.role for u in users.list_users(workspace)}["bob"] == "officer"
    finally:
        viewer.close()


def test_the_last_admin_cannot_be_demoted(workspace):
    with pytest.raises(BadInput, match="only admin"):
        users.set_role(workspace, workspace.user.login, Role.VIEWER)


def test_a_viewer_cannot_edit_a_practice(workspace, database_url):
    from contractdesk.services.practices import create_practice

    create_practice(workspace, "C87003", {"name": "Woodstock Bower"})
    viewer = open_workspace(database_url, "bob")
    try:
        with pytest.raises(PermissionDenied, match="viewer"):
            update_practice(viewer, "C87003", 1, {"name": "Changed"})
    finally:
        viewer.close()
