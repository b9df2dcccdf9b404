"""Letters benchmark (issue 7): not a timed test, a printed table.

Builds England's practices with the quality contract for 2025/26 (as bench_quality_contract
does), then, in the same run:

- the floor: a bare reportlab platypus loop making a comparable two-page letter (letterhead,
  paragraphs, a 15-row table, a second page) straight from Python values, on one core;
- ContractDesk end to end from the database (gathering, rendering, writing, logging) with one
  worker process, and with one per core.

    .venv/bin/python bench/bench_letters.py [--letters 7000]
"""

from __future__ import annotations

import argparse
import io
import os
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))


def bare_loop(count: int) -> float:
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--letters", type=int, default=7000)
    options = parser.parse_args()
    from bench_quality_contract import build

    from contractdesk.services.letters import make_annual_letters
    from contractdesk.services.practices import list_practices

    with tempfile.TemporaryDirectory() as folder:
        workspace, year, _ = build(Path(folder) / "england.sqlite")
        try:
            codes = [p.ods_code for p in list_practices(workspace) if p.status != "closed"]
            codes = codes[: options.letters]
            bare = bare_loop(min(len(codes), 2000))
            rates = {}
            for workers in (1, os.cpu_count() or 1):
                out = Path(folder) / f"letters-{workers}"
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
                rates[workers] = len(batch.written) / (time.perf_counter() - started)
        finally:
            workspace.close()
    print(f"{'letters per run':58} {len(codes)}")
    print(f"{'bare reportlab loop, two-page letter, one core':58} {bare:7.1f} letters/s")
    for workers, rate in rates.items():
        label = f"ContractDesk from the database, {workers} worker(s)"
        print(f"{label:58} {rate:7.1f} letters/s  {rate / bare:.2f}x the bare loop")
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} cores")


if __name__ == "__main__":
    main()
