"""Export the KPI review grid of a period to Excel, with its colours."""

from __future__ import annotations

from collections.abc import Collection
from pathlib import Path

from contractdesk.domain.financial_year import FinancialYear
from contractdesk.domain.kpi_period import Period
from contractdesk.errors import BadInput
from contractdesk.reports.kpi_workbook import write_kpi_workbook
from contractdesk.services.kpi_review import YEAR_VALUE_RULE, KpiReview, load_kpi_review
from contractdesk.services.workspace import Workspace


def export_kpi_review(
    workspace: Workspace,
    year: FinancialYear,
    path: Path,
    *,
    period: Period | None = None,
    areas: Collection[str] = (),
    standard: str | None = None,
    review: KpiReview | None = None,
) -> Path:
    """Write the review (the one given, as shown on screen, or loaded now) to `path`."""
    path = Path(path)
    if path.suffix.lower() != ".xlsx":
        raise BadInput(f"{path.name}: the export is an Excel workbook; give a name ending .xlsx")
    if not path.parent.is_dir():
        raise BadInput(f"The folder {path.parent} does not exist.")
    if review is None:
        review = load_kpi_review(workspace, year, period=period, areas=areas, standard=standard)
    if not review.kpis:
        raise BadInput(f"No KPIs in the {year} framework: nothing to export.")
    return write_kpi_workbook(path, review, [YEAR_VALUE_RULE])
