"""How the practice form reaches its KPI tab: through a lazy page, so that the KPI modules and
QtCharts load only when the tab is first looked at (the main window's KPIs section is one of
its lazy sections)."""

from __future__ import annotations

from PySide6.QtWidgets import QTabWidget, QWidget

from contractdesk.gui.lazy_page import LazyPage
from contractdesk.services.workspace import Workspace

KPI_TAB_TITLE = "KPIs"


def add_kpi_tab(tabs: QTabWidget, workspace: Workspace, ods_code: str) -> LazyPage:
    def build() -> QWidget:
        from contractdesk.gui.practice_kpi_tab import PracticeKpiTab

        return PracticeKpiTab(workspace, ods_code)

    page = LazyPage(build)
    tabs.addTab(page, KPI_TAB_TITLE)
    return page
