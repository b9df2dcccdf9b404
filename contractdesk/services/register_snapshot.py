"""The practice register as it stands, for the desktop app to paint before the database is open.

Opening a database means importing SQLAlchemy, which alone takes about twice as long as a bare Qt
window. When a SQLite file is ready to use as it is (this code's schema, a user who has signed
in before), start-up reads the register with `sqlite3` instead, shows it, and opens the
workspace right after (`RegisterSnapshot.open_workspace`). Everything else (a server, a new
file, an upgrade, a first sign-in) takes the usual path: `read_register_snapshot` says None.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from contractdesk.domain.roles import Role
from contractdesk.services.practice_summary import PracticeSummary
from contractdesk.services.workspace import SignedInUser, Workspace, default_login, open_workspace
from contractdesk.store.database_location import database_setting, sqlite_file_named
from contractdesk.store.register_snapshot import read_register


@dataclass(frozen=True)
class RegisterSnapshot:
    """The register of a SQLite file and who is signing in to it, read without opening it.

    `description`, `is_sqlite` and `user` are what the workspace will have once it is open.
    """

    path: Path
    user: SignedInUser
    rows: list[PracticeSummary]

    @property
    def description(self) -> str:
        return str(self.path)

    @property
    def is_sqlite(self) -> bool:
        return True

    def open_workspace(self) -> Workspace:
        """Open the same file as the same user the usual way (schema check, sign-in)."""
        return open_workspace(str(self.path), self.user.login)


def read_register_snapshot(db: str | None, login: str | None) -> RegisterSnapshot | None:
    """The register `open_workspace(db, login)` would show, or None if that open has work to
    do first (or is not of a SQLite file)."""
    path = sqlite_file_named(database_setting(db))
    if path is None:
        return None
    stored = read_register(path, login or default_login(), PracticeSummary)
    if stored is None:
        return None
    user = SignedInUser(stored.user.login, stored.user.display_name, Role(stored.user.role))
    return RegisterSnapshot(path, user, stored.rows)
