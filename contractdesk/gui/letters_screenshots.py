"""Screenshots of the Letters section, a letter's preview and the wording editor (called from
contractdesk.gui.screenshots on the demo database)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication


def capture_letters(window: Any, folder: Path, save: Callable[[Any, str], None]) -> None:
    from contractdesk.gui.letter_preview import LetterPreviewDialog
    from contractdesk.gui.letter_template_dialog import LetterTemplateDialog

    out = folder / "letters"
    out.mkdir()
    page = window.show_section("letters")
    page.year_combo.setCurrentIndex(page.year_combo.findText("2025/26"))
    page.locality_radio.setChecked(True)
    page.folder_edit.setText(str(out))
    page.combined_check.setChecked(True)
    page.make_button.click()
    # Wait in an event loop, not a processEvents() spin (PySide6 6.12 crashes on long spins).
    if page.operation is not None and page.operation.is_running:
        loop = QEventLoop()
        page.operation.finished.connect(loop.quit)
        loop.exec()
    QApplication.processEvents()
    save(window.grab(), "letters.png")
    page.file_list.setCurrentIndex(page.files.index(1))
    preview = LetterPreviewDialog(out / page.files.stringList()[1], window)
    preview.show()
    QTimer.singleShot(500, preview.view.viewport().update)  # QtPdf renders pages asynchronously
    loop = QEventLoop()
    QTimer.singleShot(800, loop.quit)
    loop.exec()
    save(preview.grab(), "letter_preview.png")
    preview.close()
    editor = LetterTemplateDialog(page._workspace, _annual(), page.year_combo.currentData(), window)
    editor.show()
    QApplication.processEvents()
    save(editor.grab(), "letter_wording.png")
    editor.close()


def _annual():  # type: ignore[no-untyped-def]
    from contractdesk.domain.letter_template import LetterKind

    return LetterKind.ANNUAL
