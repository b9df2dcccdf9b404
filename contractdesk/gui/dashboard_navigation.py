"""Where a dashboard item leads: each kind of item opens its record in its own section."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from contractdesk.domain.financial_year import FinancialYear

if TYPE_CHECKING:
    from contractdesk.gui.main_window import MainWindow
    from contractdesk.services.dashboard import DashboardItem


def open_dashboard_item(window: MainWindow, item: DashboardItem) -> Any:
    """Show the item's record and return the page, editor or message box showing it."""
    kind, key = item.target_kind, item.target_key
    if kind == "notice":
        page = window.show_section("notices")
        page.select_reference(key)  # type: ignore[attr-defined]
        return page
    if kind == "subcontract":
        page = window.show_section("subcontracts")
        page.select_reference(key)  # type: ignore[attr-defined]
        return page
    if kind == "offers":
        page = window.show_section("signups")
        page.set_year(FinancialYear.parse(key))  # type: ignore[attr-defined]
        return page
    if kind in ("plan", "practice") and item.practice_code:
        # The editor opens over the dashboard, as from the register; closing it comes back.
        from contractdesk.gui.practice_editor import ESCALATION_TAB

        editor = window.practice_register.open_practice(item.practice_code)
        if kind == "plan":
            editor.ui.tabs.setCurrentIndex(ESCALATION_TAB)
            editor.escalation.select_plan(key)
        return editor
    # A performance-cycle date belongs to no record: say what it is.
    box = QMessageBox(
        QMessageBox.Icon.Information,
        item.category,
        f"{item.title}\n{item.detail}",
        QMessageBox.StandardButton.Ok,
        window,
    )
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box
