"""0003_funding turns each practice-year's JSON payment lines into a line set and amounts,
and back on downgrade, without losing a figure."""

import json
import uuid
from datetime import datetime

from alembic import command
from alembic.config import Config
from sqlalchemy import text

from contractdesk.resources import migrations_path
from contractdesk.store.engine import make_engine, resolve_database_url
from contractdesk.store.types import PenceList

NOW = datetime(2026, 11, 23, 12, 0)
LINES_A = {"Global Sum": 123456, "MPIG Correction factor": 0, "Seniority": -300}
# A blank cell was left out of the object; the enhanced services lie between QOF and local.
LINES_B = {
    "Global Sum": 99,
    "Total QOF Payments": 10,
    "Minor Surgery": 5,
    "Learning Disabilities": 7,
    "Local Incentive Schemes": 3,
}


def _config(connection) -> Config:
    config = Config()
    config.set_main_option("script_location", str(migrations_path()))
    config.attributes["connection"] = connection
    return config


def test_payment_lines_survive_the_upgrade_and_the_downgrade(database_url):
    engine = make_engine(resolve_database_url(database_url))
    with engine.begin() as connection:
        command.downgrade(_config(connection), "0001_initial")
    practice_ids = [uuid.uuid4() for _ in range(2)]
    with engine.begin() as connection:
        for number, (practice_id, lines) in enumerate(
            zip(practice_ids, (LINES_A, LINES_B), strict=True)
        ):
            connection.execute(
                text(
                    "INSERT INTO practice (id, ods_code, name, status, contract_type, dispensing,"
                    " version, created_at, updated_at) VALUES (:id, :code, 'P', 'active', 'PMS',"
                    " false, 1, :now, :now)"
                ),
                {"id": _id(connection, practice_id), "code": f"C8700{number}", "now": NOW},
            )
            connection.execute(
                text(
                    "INSERT INTO practice_payment_year (id, practice_id, financial_year,"
                    " contract_type, payment_lines, source, created_at, updated_at) VALUES"
                    " (:id, :practice, '2022/23', 'PMS', :lines, 'test', :now, :now)"
                ),
                {
                    "id": _id(connection, uuid.uuid4()),
                    "practice": _id(connection, practice_id),
                    "lines": json.dumps(lines),
                    "now": NOW,
                },
            )
    with engine.begin() as connection:
        command.upgrade(_config(connection), "head")
    with engine.connect() as connection:
        rows = connection.execute(
            text(
                "SELECT s.names, y.line_amounts FROM practice_payment_year y"
                " JOIN payment_line_set s ON s.id = y.line_set_id ORDER BY y.line_amounts"
            )
        ).all()
    converted = []
    for names, amounts in rows:
        names = names if isinstance(names, list) else json.loads(names)
        values = PenceList().process_result_value(amounts, engine.dialect)
        converted.append(dict(zip(names, values, strict=True)))
    assert sorted(converted, key=str) == sorted([LINES_A, LINES_B], key=str)
    with engine.connect() as connection:
        enhanced = connection.execute(
            text("SELECT enhanced_services_pence FROM practice_payment_year")
        ).scalars()
        assert sorted(enhanced, key=str) == [12, None]
    with engine.begin() as connection:
        command.downgrade(_config(connection), "0001_initial")
    with engine.connect() as connection:
        stored = connection.execute(text("SELECT payment_lines FROM practice_payment_year")).all()
    lines = [value if isinstance(value, dict) else json.loads(value) for (value,) in stored]
    assert sorted(lines, key=str) == sorted([LINES_A, LINES_B], key=str)
    with engine.begin() as connection:
        command.upgrade(_config(connection), "head")
    engine.dispose()


def _id(connection, value: uuid.UUID) -> object:
    """UUIDs as each database stores them: hex text on SQLite, native on PostgreSQL."""
    return value.hex if connection.dialect.name == "sqlite" else value
