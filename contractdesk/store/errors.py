"""Turning the database driver's environment failures into a plain message for the user.

A locked file, a server that is down or a file that is not a database is the environment's
fault, not a bug: the user gets `DatabaseUnavailable` with the driver's one-line reason.
Integrity and programming errors are left alone; they are bugs and keep their traceback.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy.engine import URL
from sqlalchemy.exc import DatabaseError, InterfaceError, OperationalError

from contractdesk.errors import DatabaseUnavailable
from contractdesk.store.engine import describe


def is_environment_failure(error: BaseException) -> bool:
    return isinstance(error, OperationalError | InterfaceError) or type(error) is DatabaseError


@contextmanager
def plain_database_errors(url: URL) -> Iterator[None]:
    try:
        yield
    except (OperationalError, InterfaceError, DatabaseError) as error:
        if not is_environment_failure(error):
            raise
        reason = str(error.orig).strip().splitlines()[0] if error.orig else str(error)
        raise DatabaseUnavailable(f"Cannot use the database {describe(url)}: {reason}") from None
