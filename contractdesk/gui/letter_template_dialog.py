"""Edit the wording of a kind of letter: the text on the left, the fields it may use on the
right (double-click inserts one). Saving checks every field; a refusal keeps the text."""

from __future__ import annotations

from PySide6.QtGui import QFont, QKeySequence, QShortcut, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListView,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from contractdesk.domain.financial_year import FinancialYear
from contractdesk.domain.letter_template import FIELDS_BY_KIND, LetterKind
from contractdesk.domain.roles import Role
from contractdesk.errors import KnownError
from contractdesk.gui.letter_template_text import blocks_to_text, text_to_blocks
from contractdesk.services.letter_templates import default_template, load_template, save_template
from contractdesk.services.workspace import Workspace

HELP = (
    "Each paragraph starts with a line '## Heading' ('## -' for none; '## [after tables] …' for "
    "the closing paragraphs). Fields in braces, e.g. {practice_name}, are filled for each "
    "practice; write {{ or }} for a brace itself."
)


class LetterTemplateDialog(QDialog):
    def __init__(
        self,
        workspace: Workspace,
        kind: LetterKind,
        year: FinancialYear | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self._kind = kind
        self._year = year
        self.setWindowTitle(f"Wording of the {kind.label} letter" + (f" ({year})" if year else ""))
        self.editor = QPlainTextEdit()
        self.editor.setFont(QFont("monospace"))
        self.editor.setPlainText(blocks_to_text(load_template(workspace, kind, year).blocks))
        self.fields = QListView()
        self.field_model = QStandardItemModel(self)
        for name, meaning in FIELDS_BY_KIND[kind].items():
            item = QStandardItem(f"{{{name}}}")
            item.setToolTip(meaning)
            item.setEditable(False)
            self.field_model.appendRow(item)
        self.fields.setModel(self.field_model)
        self.reset_button = QPushButton("Back to the &default wording")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.addButton(self.reset_button, QDialogButtonBox.ButtonRole.ResetRole)
        can_edit = workspace.user.role.can_act_as(Role.OFFICER)
        self.editor.setReadOnly(not can_edit)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(can_edit)
        self.reset_button.setEnabled(can_edit)
        note = QLabel(HELP)
        note.setWordWrap(True)
        side = QVBoxLayout()
        side.addWidget(QLabel("Fields (double-click to insert):"))
        side.addWidget(self.fields)
        row = QHBoxLayout()
        row.addWidget(self.editor, 3)
        row.addLayout(side, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addLayout(row, 1)
        layout.addWidget(self.buttons)
        self.resize(980, 640)
        self._connect_signals()

    def _connect_signals(self) -> None:
        self.buttons.accepted.connect(self._on_save)
        self.buttons.rejected.connect(self.reject)
        self.reset_button.clicked.connect(self._on_reset)
        self.fields.doubleClicked.connect(self._on_field_chosen)
        QShortcut(QKeySequence.StandardKey.Save, self, activated=self._on_save)

    def _on_field_chosen(self, index) -> None:  # type: ignore[no-untyped-def]
        self.editor.insertPlainText(index.data())
        self.editor.setFocus()

    def _on_reset(self) -> None:
        self.editor.setPlainText(blocks_to_text(default_template(self._kind).blocks))

    def _on_save(self) -> None:
        try:
            save_template(
                self._workspace, self._kind, text_to_blocks(self.editor.toPlainText()), self._year
            )
        except KnownError as error:
            QMessageBox.warning(self, "The wording was not saved", str(error))
            return
        self.accept()
