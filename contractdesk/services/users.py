"""Users of a database and their roles; only an admin changes roles."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select

from contractdesk.domain.roles import Role
from contractdesk.errors import BadInput
from contractdesk.services.audit import record_change
from contractdesk.services.workspace import Workspace
from contractdesk.store.models import AppUser
from contractdesk.store.unit_of_work import unit_of_work


@dataclass(frozen=True)
class UserInfo:
    login: str
    display_name: str
    role: str
    active: bool


def list_users(workspace: Workspace) -> list[UserInfo]:
    with unit_of_work(workspace.engine) as session:
        users = session.scalars(select(AppUser).order_by(AppUser.login))
        return [UserInfo(u.login, u.display_name, u.role, u.active) for u in users]


def set_role(workspace: Workspace, login: str, role: Role) -> UserInfo:
    """Give `login` the role, adding the user if new. The last admin cannot be demoted."""
    workspace.require(Role.ADMIN, "change users' roles")
    with unit_of_work(workspace.engine, write=True) as session:
        user = session.scalar(select(AppUser).where(AppUser.login == login))
        before = None if user is None else {"role": user.role}
        if user is None:
            user = AppUser(login=login, display_name=login, role=role.value)
            session.add(user)
        elif user.role == Role.ADMIN.value and role != Role.ADMIN:
            admins = session.scalar(
                select(func.count()).select_from(AppUser).where(AppUser.role == Role.ADMIN.value)
            )
            if admins == 1:
                raise BadInput(f"{login} is the only admin; make someone else admin first.")
        user.role = role.value
        session.flush()
        record_change(
            session,
            workspace.user.login,
            action="create" if before is None else "update",
            entity=user,
            entity_key=login,
            before=before,
            after={"role": role.value},
            summary=f"{login} is now {role.value}",
        )
        return UserInfo(user.login, user.display_name, user.role, user.active)
