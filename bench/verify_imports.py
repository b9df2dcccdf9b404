"""Check the imports' results on all England: `python bench/verify_imports.py [--postgresql URL]`.

Counts the issue states (8655 practices added / 8030 skipped, re-import all unchanged;
payments 2022-23: 6663 added, 6 not in the register) and that the stored
`total_payments_pence` add up to the file's own "Total NHS Payments to General Practice".
"""

from __future__ import annotations

import argparse
import csv
import sys
import tempfile
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_imports import (  # noqa: E402
    EPRACCUR,
    LOGIN,
    PAYMENTS_2022,
    PostgresDatabases,
    SqliteDatabases,
)
from sqlalchemy import func, select  # noqa: E402

from contractdesk.services.payment_import import import_payments  # noqa: E402
from contractdesk.services.practice_import import import_practices  # noqa: E402
from contractdesk.services.workspace import open_workspace  # noqa: E402
from contractdesk.store.models import AuditEntry, PracticePaymentYear  # noqa: E402


def expect(what: str, got: object, wanted: object) -> None:
    print(
        f"  {'ok ' if got == wanted else 'BAD'} {what}: {got!r}"
        + ("" if got == wanted else f" (wanted {wanted!r})")
    )
    if got != wanted:
        raise SystemExit(1)


def file_total_pence() -> int:
    with PAYMENTS_2022.open(newline="", encoding="utf-8-sig") as file:
        rows = list(csv.DictReader(file))
    return int(sum(Decimal(row["Total NHS Payments to General Practice"]) for row in rows) * 100)


def verify(label: str, databases) -> None:
    print(label)
    with databases.fresh() as url:
        workspace = open_workspace(url, LOGIN)
        try:
            report = import_practices(workspace, EPRACCUR)
            expect("practices added", report.added, 8655)
            expect("practices skipped", len(report.skipped), 8030)
            expect("first skip", str(report.skipped[0]).split(":")[0], EPRACCUR.name)
            again = import_practices(workspace, EPRACCUR)
            expect(
                "re-import unchanged", (again.unchanged, again.added, again.updated), (8655, 0, 0)
            )
            (payments,) = import_payments(workspace, [PAYMENTS_2022])
            expect("payments added", payments.added, 6663)
            expect(
                "payments skipped",
                dict(payments.skipped_by_reason()),
                {"not in the practice register (import epraccur first)": 6},
            )
            (repeat,) = import_payments(workspace, [PAYMENTS_2022])
            expect(
                "payments re-import", (repeat.added, repeat.updated, repeat.unchanged), (0, 0, 6663)
            )
            with workspace.engine.connect() as connection:
                stored = connection.scalar(
                    select(func.sum(PracticePaymentYear.total_payments_pence))
                )
                audits = connection.execute(
                    select(AuditEntry.entity_type, AuditEntry.entity_key, AuditEntry.details).where(
                        AuditEntry.action == "import"
                    )
                ).all()
            # The six practices not in the register are not stored: add their rows back.
            with PAYMENTS_2022.open(newline="", encoding="utf-8-sig") as file:
                skipped_rows = {problem.row for problem in payments.skipped}
                missing = sum(
                    int(Decimal(row["Total NHS Payments to General Practice"]) * 100)
                    for number, row in enumerate(csv.DictReader(file), start=2)
                    if number in skipped_rows
                )
            expect(
                "sum of total_payments_pence + skipped rows = file",
                stored + missing,
                file_total_pence(),
            )
            expect(
                "audit entries (practices, payments; a re-import changes nothing, so none)",
                [(kind, key) for kind, key, _ in audits],
                [
                    ("practice", EPRACCUR.name),
                    ("practice_payment_year", PAYMENTS_2022.name),
                ],
            )
            expect("audit names the sha256", audits[0][2]["report"]["sha256"], report.sha256)
            expect("audit lists the added", len(audits[0][2]["added"]), 8655)
        finally:
            workspace.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--postgresql", metavar="URL")
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        verify("SQLite", SqliteDatabases(Path(folder)))
    if arguments.postgresql:
        verify("PostgreSQL", PostgresDatabases(arguments.postgresql))


if __name__ == "__main__":
    main()
