"""The practice detail's Letters tab: every letter issued to the practice, from the
correspondence log, with a preview of the file kept."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from contractdesk.gui.row_table_model import SORT_ROLE, RowTableModel
from contractdesk.services.correspondence import LoggedLetter, practice_letters
from contractdesk.services.workspace import Workspace

TITLES = ("Issued", "Kind", "Year", "File", "By", "SHA-256")


class PracticeLettersModel(RowTableModel[LoggedLetter]):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(TITLES, parent=parent)

    def cell(self, row: LoggedLetter, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ToolTipRole and column == 3:
            return str(row.path)
        if role not in (Qt.ItemDataRole.DisplayRole, SORT_ROLE):
            return None
        values = (
            row.issued_at.strftime("%d %b %Y %H:%M"),
            row.kind.label,
            str(row.financial_year or ""),
            row.file_name,
            row.issued_by,
            row.sha256[:12],
        )
        if role == SORT_ROLE and column == 0:
            return row.issued_at.isoformat()
        return values[column]


class PracticeLettersView(QWidget):
    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self.model = PracticeLettersModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().hide()
        self.preview_button = QPushButton("&Preview / print…")
        self.empty_label = QLabel("No letters have been issued to this practice.")
        self.dialog: QWidget | None = None
        buttons = QHBoxLayout()
        buttons.addWidget(self.empty_label, 1)
        buttons.addWidget(self.preview_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.preview_button.clicked.connect(self._on_preview)
        self.table.doubleClicked.connect(self._on_preview)

    def show_practice(self, ods_code: str) -> None:
        letters = practice_letters(self._workspace, ods_code)
        self.model.set_rows(letters)
        self.table.resizeColumnsToContents()
        self.empty_label.setVisible(not letters)
        self.preview_button.setEnabled(bool(letters))

    def _on_preview(self) -> None:
        rows = self.table.selectionModel().selectedRows() or [self.model.index(0, 0)]
        if not rows or not rows[0].isValid():
            return
        letter = self.model.row_at(rows[0].row())
        if not letter.path.exists():
            QMessageBox.warning(self, "ContractDesk", f"The letter is no longer at {letter.path}.")
            return
        from contractdesk.gui.letter_preview import LetterPreviewDialog  # QtPdf on first use

        self.dialog = LetterPreviewDialog(letter.path, self)
        self.dialog.open()
