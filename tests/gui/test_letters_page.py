"""The Letters section: letters made in the background, listed, previewed and printed; the
wording editor refusing an unknown field; viewers kept out."""

from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QMessageBox

from contractdesk.domain.financial_year import FinancialYear
from contractdesk.domain.letter_template import Block, LetterKind
from contractdesk.gui.letter_preview import LetterPreviewDialog, print_pdf
from contractdesk.gui.letter_template_dialog import LetterTemplateDialog
from contractdesk.gui.letter_template_text import blocks_to_text, text_to_blocks
from contractdesk.gui.letters_page import LettersPage
from contractdesk.services.correspondence import practice_letters
from contractdesk.services.letter_templates import default_template, load_template

YEAR = FinancialYear(2025)


def make(qtbot, page, folder: Path, codes: str):
    page.year_combo.setCurrentIndex(page.year_combo.findText(str(YEAR)))
    page.practices_radio.setChecked(True)
    page.practices_edit.setText(codes)
    page.folder_edit.setText(str(folder))
    page.make_button.click()
    qtbot.waitUntil(lambda: not page.operation.is_running, timeout=30_000)


def test_letters_are_made_listed_and_previewed(qtbot, demo_workspace, tmp_path):
    page = LettersPage(demo_workspace)
    qtbot.addWidget(page)
    make(qtbot, page, tmp_path, "C87005, c87007")
    assert page.files.stringList() == [
        "C87005_annual-review_2025-26.pdf",
        "C87007_annual-review_2025-26.pdf",
    ]
    assert "2 letter(s)" in page.result_label.text()
    assert [letter.file_name for letter in practice_letters(demo_workspace, "C87007")] == [
        "C87007_annual-review_2025-26.pdf"
    ]
    page.preview_button.click()
    preview = page.dialog
    assert isinstance(preview, LetterPreviewDialog)
    assert preview.document.pageCount() == len(
        PdfReader(tmp_path / page.files.stringList()[0]).pages
    )
    preview.close()


def test_existing_letters_are_kept_and_new_versions_made_on_request(
    qtbot, demo_workspace, tmp_path, monkeypatch
):
    page = LettersPage(demo_workspace)
    qtbot.addWidget(page)
    make(qtbot, page, tmp_path, "C87005")
    asked = []

    def answer(*arguments):
        asked.append(arguments[2])
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", answer)
    page.make_button.click()
    qtbot.waitUntil(lambda: page.files.stringList() == ["C87005_annual-review_2025-26_v2.pdf"])
    assert "never overwritten" in asked[0]
    assert sorted(p.name for p in tmp_path.glob("*.pdf")) == [
        "C87005_annual-review_2025-26.pdf",
        "C87005_annual-review_2025-26_v2.pdf",
    ]


def test_a_letter_prints_every_page(qtbot, demo_workspace, tmp_path):
    page = LettersPage(demo_workspace)
    qtbot.addWidget(page)
    make(qtbot, page, tmp_path, "C87007")
    dialog = LetterPreviewDialog(tmp_path / page.files.stringList()[0])
    qtbot.addWidget(dialog)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    assert print_pdf(dialog.document, printer) == dialog.document.pageCount() >= 2
    assert len(PdfReader(tmp_path / "printed.pdf").pages) == dialog.document.pageCount()


def test_a_viewer_cannot_make_letters(qtbot, sign_in_as):
    page = LettersPage(sign_in_as("vera"))
    qtbot.addWidget(page)
    assert not page.make_button.isEnabled()
    assert "officer" in page.make_button.toolTip()


def test_the_wording_editor_refuses_an_unknown_field_and_keeps_the_text(
    qtbot, demo_workspace, monkeypatch
):
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: warnings.append(a[2]))
    dialog = LetterTemplateDialog(demo_workspace, LetterKind.ANNUAL, YEAR)
    qtbot.addWidget(dialog)
    dialog.editor.setPlainText("## Hello\nDear {lead_contact} of {practise_name}")
    dialog.buttons.accepted.emit()
    assert "no field called {practise_name}" in warnings[0]
    assert "{practise_name}" in dialog.editor.toPlainText()
    assert load_template(demo_workspace, LetterKind.ANNUAL, YEAR) == default_template(
        LetterKind.ANNUAL
    )
    dialog.editor.setPlainText("## Hello\nDear {lead_contact} of {practice_name}")
    dialog.buttons.accepted.emit()
    saved = load_template(demo_workspace, LetterKind.ANNUAL, YEAR)
    assert saved.blocks == (Block("Hello", "Dear {lead_contact} of {practice_name}"),)


@pytest.mark.parametrize("kind", list(LetterKind))
def test_template_text_round_trips(kind):
    blocks = default_template(kind).blocks
    assert tuple(text_to_blocks(blocks_to_text(blocks))) == blocks


def test_template_text_reads_headings_and_closing_paragraphs():
    text = "Opening words\n## -\nNo heading\n## [after tables] Closing\nBye {practice_name}"
    assert text_to_blocks(text) == [
        Block(None, "Opening words"),
        Block(None, "No heading"),
        Block("Closing", "Bye {practice_name}", after_tables=True),
    ]


def test_the_practice_letters_tab_lists_the_log(qtbot, demo_workspace, tmp_path):
    from contractdesk.gui.practice_letters_view import PracticeLettersView

    page = LettersPage(demo_workspace)
    qtbot.addWidget(page)
    make(qtbot, page, tmp_path, "C87005")
    view = PracticeLettersView(demo_workspace)
    qtbot.addWidget(view)
    view.show_practice("C87005")
    assert view.model.rowCount() == 1
    assert view.model.index(0, 3).data() == "C87005_annual-review_2025-26.pdf"
    assert view.empty_label.isHidden()
    view.show_practice("C87002")
    assert view.model.rowCount() == 0 and not view.preview_button.isEnabled()


def test_the_window_has_a_letters_section_and_the_practice_a_letters_tab(qtbot, demo_workspace):
    from contractdesk.gui.main_window import MainWindow
    from contractdesk.gui.practice_editor import LETTERS_TAB

    window = MainWindow(demo_workspace, section="practices")
    qtbot.addWidget(window)
    assert isinstance(window.show_section("letters"), LettersPage)
    window.show_section("practices")
    editor = window.practice_register.open_practice("C87005")
    assert editor.ui.tabs.tabText(LETTERS_TAB) == "Letters"


def test_an_issued_notice_gets_its_letter_from_the_notices_section(
    qtbot, demo_workspace, tmp_path, monkeypatch
):
    from PySide6.QtWidgets import QFileDialog

    from contractdesk.gui.notices_page import NoticesPage

    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a: str(tmp_path))
    page = NoticesPage(demo_workspace)
    qtbot.addWidget(page)
    page.select_reference("RN-C87013-1")
    assert page.letter_button.isEnabled()
    page.letter_button.click()
    assert isinstance(page.dialog, LetterPreviewDialog)
    assert page.dialog.path.name == "C87013_remedial-notice_RN-C87013-1.pdf"
    assert "This is a remedial notice" in PdfReader(page.dialog.path).pages[0].extract_text()
    page.dialog.close()
