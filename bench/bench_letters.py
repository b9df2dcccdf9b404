"""Letters benchmark (issue 7): not a timed test, a printed table.

Builds England's practices with the quality contract for 2025/26 (as bench_quality_contract
does), then, in the same run:

- two floors, each a bare reportlab platypus loop on one core straight from constant Python
  values: the issue's anchor, a simple two-page letter (a heading, paragraphs, one 15-row
  table); and the annual letter's own two-page layout (logo, letterhead, address, paragraphs,
  the services, KPI and funding tables);
- ContractDesk end to end from the database (gathering, rendering, writing, logging) with one
  worker process, and with one per core.

The machine is shared and its speed drifts by tens of per cent within minutes, so the runs
alternate with the floors: each ContractDesk run is set against the floors measured just before
and just after it, over several rounds, and the median ratio is reported.

    .venv/bin/python bench/bench_letters.py [--letters 7000] [--rounds 3] [--floor-letters 1000]
"""

from __future__ import annotations

import argparse
import io
import os
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
ROOT = Path(__file__).resolve().parent.parent


def bare_same_layout_loop(count: int) -> float:
    """Letters per second from reportlab alone: the annual letter's layout (logo and
    letterhead, address, a page of paragraphs, the services, KPI, notices and funding tables,
    signature; two pages) built from constant Python values: no database, no template, no
    escaping, no files, one process."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table

    from contractdesk.resources import resource_path

    styles = getSampleStyleSheet()
    # By file name, as ContractDesk draws it (cheaper than an ImageReader, which has reportlab
    # decode and hash the pixels in every letter): the floor is not made slow on purpose.
    logo = str(resource_path("letters", "logo.jpg"))
    words = "The practice signed up to the quality contract and met most of its targets. " * 4
    kpis = [[f"KPI {n}", "55.1", "45.0", "44.1", "Red"] for n in range(12)]
    funding = [[f"Payment line {n}", "£1,277,794.14"] for n in range(9)]
    red = [
        ("BACKGROUND", (4, 1), (4, -1), colors.pink),
        ("GRID", (0, 0), (-1, -1), 0.4, colors.grey),
    ]
    started = time.perf_counter()
    for number in range(count):
        buffer = io.BytesIO()
        document = SimpleDocTemplate(buffer, pagesize=A4, topMargin=58 * mm)

        def first(canvas, doc, number=number):  # type: ignore[no-untyped-def]
            canvas.drawImage(logo, 20 * mm, 262 * mm, 60 * mm, 18 * mm)
            canvas.setFont("Helvetica-Bold", 11)
            canvas.drawRightString(190 * mm, 276 * mm, "Commissioner")
            canvas.drawString(20 * mm, 12 * mm, f"C{number:05d} page {doc.page}")

        def later(canvas, doc, number=number):  # type: ignore[no-untyped-def]
            canvas.drawString(20 * mm, 12 * mm, f"C{number:05d} page {doc.page}")

        story = [
            Table([["The Practice Manager\nPractice\nStreet\nTown\nS60 1AA", "1 May 2026"]]),
            Spacer(0, 8 * mm),
            Paragraph(f"Practice {number}: annual review 2025/26", styles["Heading2"]),
        ]
        for heading in ("Annual review", "The quality contract", "Standards and KPIs"):
            story += [Paragraph(heading, styles["Heading4"]), Paragraph(words, styles["Normal"])]
        story += [
            Paragraph("Quality contract services", styles["Heading4"]),
            Paragraph(words, styles["Normal"]),
        ]
        story += [
            Table(
                [["Service", "Required", "Status"], ["Minor surgery", "yes", "Gap"]], style=red[1:]
            )
        ]
        story += [Paragraph("Standards and KPIs", styles["Heading4"])]
        story += [Table([["KPI", "Practice", "Target", "Locality", "Rating"], *kpis], style=red)]
        story += [Paragraph("Notices", styles["Heading4"]), Paragraph("None.", styles["Normal"])]
        story += [
            Paragraph("Funding", styles["Heading4"]),
            Table([["Item", "Amount"], *funding], style=red[1:]),
        ]
        story += [
            Paragraph("Agreed actions", styles["Heading4"]),
            Paragraph(words, styles["Normal"]),
        ]
        story += [Paragraph("Yours sincerely,", styles["Normal"]), Spacer(0, 14 * mm)]
        story += [
            Paragraph(line, styles["Normal"]) for line in ("Officer", "Title", "Commissioner")
        ]
        document.build(story, first, later)
        buffer.getvalue()
    return count / (time.perf_counter() - started)


def bare_simple_loop(count: int) -> float:
    """The issue's anchor: a simple two-page letter (a heading, paragraphs, one 15-row table)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.lib.units import mm
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Table

    styles = getSampleStyleSheet()
    rows = [[f"Service {n}", "yes", "Signed up"] for n in range(15)]
    started = time.perf_counter()
    for number in range(count):
        buffer = io.BytesIO()
        document = SimpleDocTemplate(buffer, pagesize=A4, topMargin=58 * mm)

        def page(canvas, doc, number=number):  # type: ignore[no-untyped-def]
            canvas.setFont("Helvetica-Bold", 11)
            canvas.drawRightString(190 * mm, 280 * mm, "Commissioner")
            canvas.drawString(20 * mm, 12 * mm, f"C{number:05d} page {doc.page}")

        story = [Paragraph(f"Practice {number}: annual review", styles["Heading2"])]
        story += [Paragraph("Lorem ipsum dolor sit amet " * 12, styles["Normal"]) for _ in range(4)]
        story.append(Table(rows))
        story.append(PageBreak())
        story += [Paragraph("Lorem ipsum dolor sit amet " * 12, styles["Normal"]) for _ in range(3)]
        document.build(story, page, page)
        buffer.getvalue()
    return count / (time.perf_counter() - started)


KPIS = 12


def add_kpis_and_payments(workspace, year) -> None:  # type: ignore[no-untyped-def]
    """What a real year's letter shows beyond the sign-ups: 12 KPIs with four quarters of
    measurements for every open practice, and the payments of 2022-23 for the funding table."""
    import random

    from sqlalchemy import select

    from contractdesk.services.kpi_framework import create_kpi, create_standard
    from contractdesk.services.kpi_import import practice_numbers
    from contractdesk.services.payment_import import import_payments
    from contractdesk.store.models import Kpi, KpiSource, Practice
    from contractdesk.store.unit_of_work import unit_of_work

    import_payments(
        workspace,
        [ROOT / "tests" / "data" / "real" / "nhs_payments_gp" / "nhs_payments_gp_2022-23.csv"],
    )
    create_standard(workspace, year, "MIN", "Minimum", "minimum")
    for number in range(KPIS):
        create_kpi(
            workspace,
            year,
            f"K{number:02d}",
            standard_code="MIN",
            name=f"Key performance indicator {number}",
            unit="percent",
            direction="higher" if number % 3 else "lower",
            target="80" if number % 3 else "20",
            amber_band="5",
        )
    chance = random.Random(7)
    with unit_of_work(workspace.engine, write=True) as session:
        ids = session.scalars(select(Practice.id).where(Practice.status == "active")).all()
        numbers = sorted(practice_numbers(session, ids).values())
        kpis = list(session.scalars(select(Kpi.number).where(Kpi.financial_year == year)))
        session.execute(KpiSource.__table__.insert().values(number=1, name="bench", is_demo=True))
        rows = [
            (
                year.start_year * 10 + quarter,
                kpi,
                practice,
                60_000_000 + chance.randrange(40_000_000),
                None,
                None,
                1,
            )
            for quarter in (1, 2, 3, 4)
            for kpi in kpis
            for practice in numbers
        ]
        session.connection().exec_driver_sql(
            "INSERT INTO kpi_measurement (period, kpi_number, practice_number, value_millionths,"
            " numerator_millionths, denominator_millionths, source_number)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            rows,
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--letters", type=int, default=7000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--floor-letters", type=int, default=1000)
    options = parser.parse_args()
    from bench_quality_contract import build

    from contractdesk.services.letters import make_annual_letters
    from contractdesk.services.practices import list_practices

    cores = os.cpu_count() or 1
    floor_size = options.floor_letters
    floors: list[tuple[float, float]] = []  # (simple, same layout), before and after each run
    runs: list[tuple[int, float]] = []  # (workers, letters/s)
    with tempfile.TemporaryDirectory() as folder:
        workspace, year, _ = build(Path(folder) / "england.sqlite")
        add_kpis_and_payments(workspace, year)
        try:
            codes = [p.ods_code for p in list_practices(workspace) if p.status != "closed"]
            codes = codes[: options.letters]
            floors.append((bare_simple_loop(floor_size), bare_same_layout_loop(floor_size)))
            for round_number in range(options.rounds):
                for workers in (1, cores):
                    out = Path(folder) / f"letters-{round_number}-{workers}"
                    out.mkdir()
                    started = time.perf_counter()
                    batch = make_annual_letters(
                        workspace,
                        year,
                        out,
                        practices=codes,
                        letter_date=date(2026, 5, 14),
                        workers=workers,
                    )
                    runs.append((workers, len(batch.written) / (time.perf_counter() - started)))
                    floors.append((bare_simple_loop(floor_size), bare_same_layout_loop(floor_size)))
        finally:
            workspace.close()
    print(f"letters per ContractDesk run {len(codes)}; floors over {floor_size} letters each")
    print("each run is set against the mean of the floors measured just before and just after it")
    print()
    print(
        f"{'run':>3} {'workers':>7} {'letters/s':>10} {'simple':>8} {'layout':>8} {'x simple':>9} "
        f"{'x layout':>9}"
    )
    ratios: dict[int, list[tuple[float, float]]] = {1: [], cores: []}
    for number, (workers, rate) in enumerate(runs):
        simple = (floors[number][0] + floors[number + 1][0]) / 2
        layout = (floors[number][1] + floors[number + 1][1]) / 2
        ratios[workers].append((rate / simple, rate / layout))
        print(
            f"{number + 1:>3} {workers:>7} {rate:>10.1f} {simple:>8.1f} {layout:>8.1f} "
            f"{rate / simple:>8.2f}x {rate / layout:>8.2f}x"
        )
    print()
    for workers, found in ratios.items():
        print(
            f"{workers} worker(s), median of {len(found)}: "
            f"{statistics.median(r[0] for r in found):.2f}x the simple letter, "
            f"{statistics.median(r[1] for r in found):.2f}x the same layout"
        )
    print(f"python {sys.version.split()[0]}, {cores} cores")


if __name__ == "__main__":
    main()
