"""Nobody can change or delete the audit log: the database itself refuses."""

import pytest
from sqlalchemy import select, text
from sqlalchemy.exc import DBAPIError

from contractdesk.store.models import AuditEntry
from contractdesk.store.unit_of_work import unit_of_work


def _entries(workspace):
    with unit_of_work(workspace.engine) as session:
        return session.scalars(select(AuditEntry.summary)).all()


def test_signing_in_first_is_audited(workspace):
    assert any("first signed in" in (summary or "") for summary in _entries(workspace))


@pytest.mark.parametrize(
    "statement",
    ["UPDATE audit_log SET user_login = 'someone else'", "DELETE FROM audit_log"],
)
def test_audit_entries_cannot_be_changed_or_deleted(workspace, statement):
    before = _entries(workspace)
    with pytest.raises(DBAPIError, match="append-only"), workspace.engine.begin() as connection:
        connection.execute(text(statement))
    assert _entries(workspace) == before


def test_the_orm_cannot_delete_an_entry_either(workspace):
    with (
        pytest.raises(DBAPIError, match="append-only"),
        unit_of_work(workspace.engine, write=True) as session,
    ):
        session.delete(session.scalars(select(AuditEntry)).first())


@pytest.mark.postgresql
def test_postgresql_refuses_truncate(workspace):
    if workspace.is_sqlite:
        pytest.skip("TRUNCATE is PostgreSQL's")
    with pytest.raises(DBAPIError, match="append-only"), workspace.engine.begin() as connection:
        connection.execute(text("TRUNCATE audit_log"))
