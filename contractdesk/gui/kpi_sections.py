"""How the main window and the practice form reach the KPI views: through lazy pages and
tabs, so that the KPI modules and QtCharts load only when first looked at."""

from __future__ import annotations

from PySide6.QtWidgets import QTabWidget, QWidget

from contractdesk.gui.lazy_page import LazyPage
from contractdesk.services.workspace import Workspace

KPI_SECTION_KEY, KPI_SECTION_TITLE = "kpis", "KPIs"
KPI_TAB_TITLE = "KPIs"


def kpi_section(workspace: Workspace) -> LazyPage:
    def build() -> QWidget:
        from contractdesk.gui.kpi_page import KpiPage

        return KpiPage(workspace)

    return LazyPage(build)


def add_kpi_tab(tabs: QTabWidget, workspace: Workspace, ods_code: str) -> LazyPage:
    def build() -> QWidget:
        from contractdesk.gui.practice_kpi_tab import PracticeKpiTab

        return PracticeKpiTab(workspace, ods_code)

    page = LazyPage(build)
    tabs.addTab(page, KPI_TAB_TITLE)
    return page
