"""Make the letter for an issued notice or a sanction: choose the folder, write it (never over
a letter on record: a new version on request), then preview it for printing."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from contractdesk.errors import KnownError
from contractdesk.services.workspace import Workspace

FOLDER_SETTING = "letters/folder"


def make_letter_for(parent: QWidget, workspace: Workspace, reference: str) -> QWidget | None:
    """Returns the preview dialog shown, or None when nothing was made."""
    from contractdesk.gui.letter_preview import LetterPreviewDialog
    from contractdesk.services.letters import LettersExist, make_notice_letter

    saved = QSettings().value(FOLDER_SETTING)
    folder = QFileDialog.getExistingDirectory(
        parent, f"Folder for the letter {reference}", saved if isinstance(saved, str) else ""
    )
    if not folder:
        return None
    QSettings().setValue(FOLDER_SETTING, folder)
    try:
        try:
            path = make_notice_letter(workspace, reference, Path(folder))
        except LettersExist as exists:
            answer = QMessageBox.question(
                parent, "Letter already made", f"{exists}\n\nMake a new version beside it?"
            )
            if answer != QMessageBox.StandardButton.Yes:
                return None
            path = make_notice_letter(workspace, reference, Path(folder), new_versions=True)
    except KnownError as error:
        QMessageBox.warning(parent, "ContractDesk", str(error))
        return None
    preview = LetterPreviewDialog(path, parent)
    preview.open()
    return preview
