"""`letters annual|notice` on the demo database: what the PDFs say is what the database holds."""

from pypdf import PdfReader

from contractdesk.cli import main
from contractdesk.domain.financial_year import FinancialYear
from contractdesk.services.kpi_review import load_kpi_review
from contractdesk.services.workspace import open_workspace


def text_of(path):
    return " ".join(" ".join(page.extract_text() for page in PdfReader(path).pages).split())


def test_annual_letters_carry_the_kpi_results_against_target_and_locality(demo, tmp_path, capsys):
    arguments = ["--db", demo, "--user", "tester", "letters", "annual", "--year", "2025/26"]
    arguments += ["--out", str(tmp_path)]
    assert main([*arguments, "--practice", "C87004", "--practice", "C87013"]) == 0
    assert "Wrote 2 letter(s)" in capsys.readouterr().out
    workspace = open_workspace(demo, "tester")
    try:
        review = load_kpi_review(workspace, FinancialYear(2025))
    finally:
        workspace.close()
    for code in ("C87004", "C87013"):
        text = text_of(tmp_path / f"{code}_annual-review_2025-26.pdf")
        row = review.row(code)
        local = review.locality_benchmarks(row.locality_code)
        assert f"the year is rated {row.overall.label.lower()}" in text
        for kpi, cell, mean in zip(review.kpis, row.cells, local, strict=True):
            expected = (
                f"{kpi.unit.format(cell.value)} {kpi.unit.format(kpi.target)} "
                f"{kpi.unit.format(mean.mean)} {cell.rag.label}"
            )
            assert expected in text, (code, kpi.code)
    flagged = text_of(tmp_path / "C87013_annual-review_2025-26.pdf")
    assert "RN-C87013-1 remedial notice" in flagged  # notices issued or open
    assert "PMS premium" in flagged


def test_a_notice_letter_and_a_missing_notice(demo, tmp_path, capsys):
    arguments = ["--db", demo, "--user", "tester", "letters", "notice"]
    assert main([*arguments, "BN-C87013-1", "--out", str(tmp_path)]) == 0
    text = text_of(tmp_path / "C87013_breach-notice_BN-C87013-1.pdf")
    assert "not capable of remedy" in text and "must not repeat this breach" in text
    capsys.readouterr()
    assert main([*arguments, "RN-C99999-1", "--out", str(tmp_path)]) == 2
    assert "No notice with the reference RN-C99999-1" in capsys.readouterr().err
