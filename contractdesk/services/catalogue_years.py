"""The financial years that have a service catalogue (what the app's year choosers offer)."""

from __future__ import annotations

from sqlalchemy import select

from contractdesk.domain.financial_year import FinancialYear
from contractdesk.services.workspace import Workspace
from contractdesk.store.models import Service
from contractdesk.store.unit_of_work import unit_of_work


def catalogue_years(workspace: Workspace) -> list[FinancialYear]:
    """Every year with at least one service in its catalogue, oldest first."""
    query = select(Service.financial_year).distinct().order_by(Service.financial_year)
    with unit_of_work(workspace.engine) as session:
        return list(session.scalars(query))
