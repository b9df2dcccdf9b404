"""An open database and the user signed in to it: what every service is called with.

Importing this module costs nothing beyond the standard library: the desktop app names these
types at start-up, before SQLAlchemy is loaded (see `register_snapshot`). The store is imported
when a database is actually opened.
"""

from __future__ import annotations

import getpass
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from contractdesk.domain.roles import Role
from contractdesk.errors import DatabaseUnavailable, PermissionDenied

if TYPE_CHECKING:
    from sqlalchemy import Engine
    from sqlalchemy.engine import URL


@dataclass(frozen=True)
class SignedInUser:
    login: str
    display_name: str
    role: Role


@dataclass
class Workspace:
    engine: Engine
    url: URL
    user: SignedInUser
    # The copy made before an automatic upgrade of a SQLite file, if one was made on open.
    upgrade_backup: Path | None = None

    @property
    def description(self) -> str:
        from contractdesk.store.engine import describe

        return describe(self.url)

    @property
    def is_sqlite(self) -> bool:
        return self.url.get_backend_name() == "sqlite"

    def require(self, role: Role, action: str) -> None:
        """Refuse `action` unless the signed-in user's role reaches `role`."""
        if not self.user.role.can_act_as(role):
            raise PermissionDenied(
                f"{self.user.login} is a {self.user.role.value} and cannot {action}; "
                f"that needs the {role.value} role."
            )

    def close(self) -> None:
        self.engine.dispose()


def open_workspace(db: str | None = None, login: str | None = None) -> Workspace:
    """Open (and on SQLite, upgrade after a backup) the database, and sign the user in."""
    from contractdesk.store.engine import make_engine, resolve_database_url, sqlite_path
    from contractdesk.store.errors import plain_database_errors
    from contractdesk.store.migrate import ensure_schema

    url = resolve_database_url(db)
    path = sqlite_path(url)
    if path is not None and not path.parent.exists():
        raise DatabaseUnavailable(f"The folder for the database does not exist: {path.parent}")
    engine = make_engine(url)
    try:
        with plain_database_errors(url):
            backup = ensure_schema(engine, allow_upgrade=path is not None)
            user = sign_in(engine, login or default_login())
    except BaseException:
        engine.dispose()
        raise
    return Workspace(engine=engine, url=url, user=user, upgrade_backup=backup)


def default_login() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no login name in some containers and services
        return "unknown"


def sign_in(engine: Engine, login: str) -> SignedInUser:
    """The first user of a new database is its admin; a newcomer later starts as a viewer."""
    from sqlalchemy import func, select, text

    from contractdesk.services.audit import record_change
    from contractdesk.store.models import AppUser
    from contractdesk.store.unit_of_work import unit_of_work

    with unit_of_work(engine, write=True) as session:
        if engine.dialect.name == "postgresql":
            # Two first sign-ins at once must not both find no users and both become admin.
            session.execute(text("LOCK TABLE app_user IN SHARE ROW EXCLUSIVE MODE"))
        user = session.scalar(select(AppUser).where(AppUser.login == login))
        if user is None:
            is_first = session.scalar(select(func.count()).select_from(AppUser)) == 0
            user = AppUser(
                login=login,
                display_name=login,
                role=(Role.ADMIN if is_first else Role.VIEWER).value,
            )
            session.add(user)
            session.flush()
            record_change(
                session,
                login,
                action="create",
                entity=user,
                entity_key=login,
                after={"login": login, "role": user.role},
                summary=f"user {login} first signed in, as {user.role}",
            )
        if not user.active:
            raise PermissionDenied(f"The account {login} has been deactivated in this database.")
        return SignedInUser(login=user.login, display_name=user.display_name, role=Role(user.role))
