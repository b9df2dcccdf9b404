"""Help → About: the version, the open database and the licence of the bundled NHS data."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from contractdesk import __version__
from contractdesk.gui.icons import app_icon

OGL_NOTICE = "Contains public sector information licensed under the Open Government Licence v3.0."
OGL_URL = "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/"


class AboutDialog(QDialog):
    def __init__(self, database_description: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("About ContractDesk")
        self.text_label = QLabel(_about_html(database_description), self)
        self.text_label.setTextFormat(Qt.TextFormat.RichText)
        self.text_label.setWordWrap(True)
        self.text_label.setOpenExternalLinks(True)
        self.text_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.text_label.setMinimumWidth(420)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok, self)
        buttons.accepted.connect(self.accept)
        icon_label = QLabel(self)
        icon_label.setPixmap(app_icon().pixmap(64, 64))
        icon_label.setAlignment(Qt.AlignmentFlag.AlignTop)
        content = QHBoxLayout()
        content.setSpacing(16)
        content.addWidget(icon_label)
        content.addWidget(self.text_label, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(content)
        layout.addWidget(buttons)

    def plain_text(self) -> str:
        """The dialog's words without markup (what a screen reader or a test sees)."""
        document = QTextDocument()
        document.setHtml(self.text_label.text())
        return document.toPlainText()


def _about_html(database_description: str) -> str:
    return (
        f"<h2>ContractDesk {escape(__version__)}</h2>"
        "<p>Contract management for NHS primary-care commissioners.</p>"
        "<p>Practice, payment and list-size data are published by NHS England.</p>"
        f"<p><b>Database:</b> {escape(database_description)}</p>"
        f'<p><a href="{OGL_URL}">{escape(OGL_NOTICE)}</a></p>'
    )
