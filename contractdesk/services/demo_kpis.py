"""The demo's KPIs: Rotherham's year-one standards (Demand management, Cancer referral, Health
improvement) and Patient safety, in 2023/24, copied forward to 2024/25 and 2025/26.

Real measurements where the published data has them: QOF CVD achievement (2023/24) and CQC
ratings (the April 2024 file, as 2024/25) for Rotherham's practices, from resources/demo. The
rest — demand management and cancer referral quarters, childhood immunisations (the published
file is West Sussex's), QOF 2024/25 — is generated, reproducibly, and imported under a source
marked as demo data.
"""

from __future__ import annotations

import csv
import random
import tempfile
from decimal import Decimal
from pathlib import Path

from contractdesk.domain.financial_year import FinancialYear
from contractdesk.domain.kpi_period import Period
from contractdesk.domain.kpi_rules import Direction, StandardKind, Unit
from contractdesk.resources import resource_path
from contractdesk.services.kpi_framework import copy_framework_forward, create_kpi, create_standard
from contractdesk.services.kpi_import import import_measurements
from contractdesk.services.practices import list_practices
from contractdesk.services.workspace import Workspace

FIRST_YEAR = FinancialYear(2023)
DEMO_KPI_FILES = {
    "qof": ("demo", "qof_cvd_achievement_03L.csv"),
    "cqc": ("demo", "cqc_ratings_03L_2024.csv"),
}
HIGHER, LOWER = Direction.HIGHER_IS_BETTER, Direction.LOWER_IS_BETTER

STANDARDS = (
    ("DEMAND", "Demand management", StandardKind.MINIMUM),
    ("CANCER", "Cancer referral", StandardKind.MINIMUM),
    ("HEALTH", "Health improvement", StandardKind.DEVELOPMENTAL),
    ("SAFETY", "Patient safety", StandardKind.MINIMUM),
)

# code, standard, name, unit, direction, target, amber band, (typical value, spread) or None
KPIS = (
    ("DM-OPFU", "DEMAND", "Outpatient follow-ups per 1,000 patients (quarter)",
     Unit.PER_1000, LOWER, "45", "5", ("39", "6")),
    ("DM-CHILD-SAME-DAY", "DEMAND",
     "Children under 12 contacting before 6pm assessed the same day",
     Unit.PERCENT, HIGHER, "95", "5", ("97.5", "3")),
    ("DM-AE", "DEMAND", "A&E attendances per 1,000 patients (quarter)",
     Unit.PER_1000, LOWER, "70", "10", ("60", "9")),
    ("CR-2WW-CONV", "CANCER", "Two-week-wait referrals diagnosed with cancer",
     Unit.PERCENT, HIGHER, "7", "1.5", ("8.2", "1.4")),
    ("CR-SAFETY-NET", "CANCER", "Urgent referrals safety-netted within 14 days",
     Unit.PERCENT, HIGHER, "90", "5", ("94.5", "4")),
    ("QOF-AF", "HEALTH", "QOF atrial fibrillation achievement", Unit.PERCENT, HIGHER,
     "90", "10", None),
    ("QOF-CHD", "HEALTH", "QOF coronary heart disease achievement", Unit.PERCENT, HIGHER,
     "90", "10", None),
    ("QOF-HYP", "HEALTH", "QOF hypertension achievement", Unit.PERCENT, HIGHER,
     "90", "10", None),
    ("QOF-STIA", "HEALTH", "QOF stroke and TIA achievement", Unit.PERCENT, HIGHER,
     "90", "10", None),
    ("IMM-12M-DTAPIPVHIBHEPB", "HEALTH", "6-in-1 vaccine by 12 months", Unit.PERCENT, HIGHER,
     "95", "5", ("94", "3")),
    ("IMM-24M-MMR1", "HEALTH", "MMR first dose by 24 months", Unit.PERCENT, HIGHER,
     "95", "5", ("92", "4")),
    ("CQC-RATING", "SAFETY", "CQC overall rating (4 outstanding … 1 inadequate)",
     Unit.SCORE, HIGHER, "3", "1", None),
)  # fmt: skip

QUARTERLY = ("DM-OPFU", "DM-CHILD-SAME-DAY", "DM-AE", "CR-2WW-CONV", "CR-SAFETY-NET")
QUARTERS = [
    Period(FinancialYear(year), quarter) for year in (2023, 2024) for quarter in (1, 2, 3, 4)
]
QUARTERS += [Period(FinancialYear(2025), 1), Period(FinancialYear(2025), 2)]
ANNUAL_GENERATED = {
    "IMM-12M-DTAPIPVHIBHEPB": (FinancialYear(2023), FinancialYear(2024)),
    "IMM-24M-MMR1": (FinancialYear(2023), FinancialYear(2024)),
}
QOF_NEXT_YEAR = FinancialYear(2024)


def add_demo_kpis(workspace: Workspace) -> None:
    for code, name, kind in STANDARDS:
        create_standard(workspace, FIRST_YEAR, code, name, kind)
    for code, standard, name, unit, direction, target, band, _ in KPIS:
        create_kpi(
            workspace,
            FIRST_YEAR,
            code,
            standard_code=standard,
            name=name,
            unit=unit,
            direction=direction,
            target=Decimal(target),
            amber_band=Decimal(band),
        )
    copy_framework_forward(workspace, FIRST_YEAR)
    copy_framework_forward(workspace, FIRST_YEAR.next())
    import_measurements(
        workspace, resource_path(*DEMO_KPI_FILES["qof"]), "qof", period=Period(FIRST_YEAR)
    )
    import_measurements(
        workspace, resource_path(*DEMO_KPI_FILES["cqc"]), "cqc", period=Period(FIRST_YEAR.next())
    )
    codes = [
        practice.ods_code for practice in list_practices(workspace) if practice.status != "closed"
    ]
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "demo-generated-kpi-values.csv"
        _write_generated(path, codes)
        import_measurements(workspace, path, "long", demo=True)


def _write_generated(path: Path, codes: list[str]) -> None:
    """A plausible random walk per practice and KPI, the same on every build; a few practices
    drift the wrong way for several quarters so the slipping flag has something to show."""
    generator = random.Random(20230401)
    settings = {code: (direction, typical) for code, _, _, _, direction, _, _, typical in KPIS}
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["practice_code", "kpi_code", "period", "value"])
        for practice in codes:
            drifting = generator.random() < 0.2
            for kpi in QUARTERLY:
                direction, (typical, spread) = settings[kpi]
                level = float(typical) + generator.gauss(0, float(spread) / 2)
                worse = -1 if direction is HIGHER else 1
                for number, period in enumerate(QUARTERS):
                    step = generator.gauss(0, float(spread) / 8)
                    if drifting and number >= len(QUARTERS) - 4:
                        step = worse * abs(step) + worse * float(spread) / 2.5
                    level += step
                    writer.writerow([practice, kpi, str(period), _value(level, kpi)])
            for kpi, years in ANNUAL_GENERATED.items():
                _, (typical, spread) = settings[kpi]
                for year in years:
                    value = float(typical) + generator.gauss(0, float(spread))
                    writer.writerow([practice, kpi, str(year), _value(value, kpi)])
            for kpi in ("QOF-AF", "QOF-CHD", "QOF-HYP", "QOF-STIA"):
                value = 93 + generator.gauss(0, 5)
                writer.writerow([practice, kpi, str(QOF_NEXT_YEAR), _value(value, kpi)])


def _value(level: float, kpi: str) -> str:
    """Percentages stay within 0–100 and rates above 0; one decimal place, as published."""
    settings = {code: unit for code, _, _, unit, *_ in KPIS}
    if settings[kpi] is Unit.PERCENT:
        level = min(100.0, level)
    return f"{max(0.0, level):.1f}"
