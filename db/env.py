"""Alembic environment for ContractDesk.

The app passes an open connection in `config.attributes["connection"]` (see
contractdesk.store.migrate); the `alembic` command line can instead use `-x url=...` or
CONTRACTDESK_DATABASE_URL.
"""

from alembic import context
from sqlalchemy import create_engine

from contractdesk.store.engine import resolve_database_url
from contractdesk.store.models import Base

target_metadata = Base.metadata


def _run(connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        # SQLite cannot ALTER most things in place; batch mode copies the table instead.
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


connection = context.config.attributes.get("connection")
if connection is not None:
    _run(connection)
else:
    url = context.get_x_argument(as_dictionary=True).get("url")
    engine = create_engine(resolve_database_url(url))
    with engine.begin() as new_connection:
        _run(new_connection)
