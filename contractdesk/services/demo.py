"""The demo database: NHS Rotherham (03L) from the real published files in resources/demo.

It is built in a temporary file and moved into place only when complete, so a failed build
never leaves a half-made demo; and it is never built over the working database.
"""

from __future__ import annotations

import os
import sqlite3
from contextlib import closing
from pathlib import Path

from contractdesk.app_paths import default_database_path
from contractdesk.domain.financial_year import FinancialYear
from contractdesk.errors import BadInput
from contractdesk.resources import resource_path
from contractdesk.services.audit import record_change
from contractdesk.services.demo_kpis import add_demo_kpis
from contractdesk.services.demo_notices import add_demo_notices
from contractdesk.services.demo_quality_contract import add_demo_quality_contract
from contractdesk.services.funding import set_core_rate
from contractdesk.services.list_size_import import import_list_sizes
from contractdesk.services.payment_import import import_payments
from contractdesk.services.practice_import import import_practices
from contractdesk.services.practices import get_practice, update_practice
from contractdesk.services.workspace import open_workspace
from contractdesk.store.unit_of_work import unit_of_work

DEMO_AREA = "03L"
DEMO_ACTION = "build-demo"
DEMO_FILES = {
    "practices": ("demo", "epraccur_03L_2025-09.csv"),
    "payments": ("demo", "nhs_payments_gp_03L_2022-23.csv"),
    "list_sizes": ("demo", "gp-reg-pat-prac-03L_2022-05.csv"),
}
# Every published year, for the funding history and the PMS premium review.
DEMO_PAYMENT_YEARS = tuple(f"{year}-{(year + 1) % 100:02d}" for year in range(2014, 2023))
# Invented lead contacts for a few practices (the ODS file names none), so the demo's letters
# show a named addressee beside the default "The Practice Manager".
DEMO_CONTACTS = {
    "C87002": ("Dr Asha Patel", "Practice Manager"),
    "C87005": ("Mrs Joan Whitaker", "Business Manager"),
    "C87029": ("Dr Tom Hague", "Senior Partner"),
}
# Rotherham's core funding per weighted patient (DOMAIN.md), set for the latest demo year.
DEMO_CORE_RATE = ("2022/23", 7853, "Rotherham's figure (the demo default)")


def build_demo_database(target: Path, login: str) -> Path:
    target = target.expanduser().resolve()
    _refuse_unsafe_target(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    building = target.with_name(f".{target.name}.building")
    _remove_database_files(building)
    workspace = open_workspace(str(building), login)
    try:
        import_practices(workspace, resource_path(*DEMO_FILES["practices"]), [DEMO_AREA])
        payment_files = [
            resource_path("demo", f"nhs_payments_gp_03L_{year}.csv") for year in DEMO_PAYMENT_YEARS
        ]
        import_payments(workspace, payment_files, [DEMO_AREA])
        import_list_sizes(workspace, resource_path(*DEMO_FILES["list_sizes"]), [DEMO_AREA])
        add_demo_quality_contract(workspace)
        add_demo_notices(workspace)
        year, pence, note = DEMO_CORE_RATE
        set_core_rate(workspace, FinancialYear.parse(year), pence, note)
        add_demo_kpis(workspace)
        for code, (name, role) in DEMO_CONTACTS.items():
            version = get_practice(workspace, code).version
            update_practice(
                workspace, code, version, {"lead_contact": name, "lead_contact_role": role}
            )
        with unit_of_work(workspace.engine, write=True) as session:
            record_change(
                session,
                login,
                action=DEMO_ACTION,
                entity_type="database",
                summary="built the Rotherham (03L) demo database from real NHS data",
            )
    finally:
        workspace.close()
    _remove_database_files(target)
    os.replace(building, target)
    return target


def _refuse_unsafe_target(target: Path) -> None:
    if target == default_database_path().resolve():
        raise BadInput(f"{target} is your working database; the demo is never built over it.")
    if not target.exists():
        return
    # Look, read-only and without signing in, so that a file that is not ours stays untouched.
    try:
        with closing(sqlite3.connect(f"{target.as_uri()}?mode=ro", uri=True)) as connection:
            tables = {
                row[0]
                for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
            }
            has_data = (
                "practice" in tables
                and connection.execute("SELECT 1 FROM practice LIMIT 1").fetchone()
            )
            is_demo = (
                "audit_log" in tables
                and connection.execute(
                    "SELECT 1 FROM audit_log WHERE action = ?", (DEMO_ACTION,)
                ).fetchone()
            )
    except sqlite3.DatabaseError:
        raise BadInput(f"{target} exists and is not a ContractDesk demo database.") from None
    if (tables and not {"practice", "audit_log"} <= tables) or (has_data and not is_demo):
        raise BadInput(f"{target} holds data that is not the demo; choose another file.")


def _remove_database_files(path: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
