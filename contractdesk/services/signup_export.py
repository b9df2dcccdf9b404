"""Export the sign-up matrix of one or more years to Excel."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from datetime import date
from pathlib import Path

from contractdesk.domain.financial_year import FinancialYear
from contractdesk.errors import BadInput
from contractdesk.reports.signup_workbook import write_signup_workbook
from contractdesk.services.signup_matrix import load_signup_matrix
from contractdesk.services.workspace import Workspace


def export_signups(
    workspace: Workspace,
    years: FinancialYear | Sequence[FinancialYear],
    path: Path,
    *,
    areas: Collection[str] = (),
    today: date | None = None,
) -> Path:
    """One matrix sheet and one gaps sheet per year; returns the path written."""
    years = [years] if isinstance(years, FinancialYear) else list(years)
    path = Path(path)
    if path.suffix.lower() != ".xlsx":
        raise BadInput(f"{path.name}: the export is an Excel workbook; give a name ending .xlsx")
    if not path.parent.is_dir():
        raise BadInput(f"The folder {path.parent} does not exist.")
    matrices = [load_signup_matrix(workspace, year, areas=areas, today=today) for year in years]
    empty = [str(matrix.year) for matrix in matrices if not matrix.services]
    if empty:
        raise BadInput(f"No services in the catalogue for {', '.join(empty)}: nothing to export.")
    return write_signup_workbook(path, matrices)
