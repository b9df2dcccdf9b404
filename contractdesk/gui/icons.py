"""Icons from resources/icons, found through the one resource locator."""

from __future__ import annotations

from PySide6.QtGui import QIcon

from contractdesk.resources import resource_path


def app_icon() -> QIcon:
    return QIcon(str(resource_path("icons", "contractdesk.svg")))


def section_icon(name: str) -> QIcon:
    """The navigation icon for a section, e.g. `section_icon("practices")`."""
    return QIcon(str(resource_path("icons", f"{name}.svg")))
