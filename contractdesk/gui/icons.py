"""Icons from resources/icons, found through the one resource locator."""

from __future__ import annotations

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QStyle

from contractdesk.resources import resource_path

# Until a section has its own drawing in resources/icons, one of the style's standard icons.
_STANDARD_ICONS = {
    "signups": QStyle.StandardPixmap.SP_FileDialogDetailedView,
    "subcontracts": QStyle.StandardPixmap.SP_FileLinkIcon,
    "services": QStyle.StandardPixmap.SP_FileDialogListView,
}


def app_icon() -> QIcon:
    return QIcon(str(resource_path("icons", "contractdesk.svg")))


def section_icon(name: str) -> QIcon:
    """The navigation icon for a section, e.g. `section_icon("practices")`."""
    try:
        return QIcon(str(resource_path("icons", f"{name}.svg")))
    except FileNotFoundError:
        if name not in _STANDARD_ICONS:
            raise
        return QApplication.style().standardIcon(_STANDARD_ICONS[name])
