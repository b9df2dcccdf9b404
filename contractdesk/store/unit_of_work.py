"""A unit of work: one session, one transaction, committed whole or rolled back whole."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Engine
from sqlalchemy.orm import Session

from contractdesk.store.engine import WRITE_OPTION
from contractdesk.store.errors import plain_database_errors


@contextmanager
def unit_of_work(engine: Engine, *, write: bool = False) -> Iterator[Session]:
    """Yield a session inside a transaction; commit on success, roll back on any exception."""
    bind = engine.execution_options(**{WRITE_OPTION: True}) if write else engine
    with (
        plain_database_errors(engine.url),
        Session(bind, expire_on_commit=False) as session,
        session.begin(),
    ):
        yield session
