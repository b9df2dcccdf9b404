"""A section page built the first time it is shown, so its modules load only when wanted.

The Funding section brings QtCharts, openpyxl and the review's services: none of that may
slow the app's start-up, so the main window holds this placeholder until the officer opens it.
"""

from __future__ import annotations

import importlib
from typing import Any

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QVBoxLayout, QWidget


class LazyPage(QWidget):
    """Builds `module.factory(*arguments)` into itself on its first showEvent."""

    def __init__(self, module: str, factory: str, *arguments: Any) -> None:
        super().__init__()
        self._recipe = (module, factory, arguments)
        self.page: Any = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)

    def build(self) -> Any:
        """The real page, built now if it was not yet."""
        if self.page is None:
            module, factory, arguments = self._recipe
            self.page = getattr(importlib.import_module(module), factory)(*arguments)
            self.layout().addWidget(self.page)
        return self.page

    def reload(self) -> None:
        """Refresh the page if it exists; one not built yet reads fresh data when it is."""
        if self.page is not None:
            self.page.reload()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        self.build()
        super().showEvent(event)
