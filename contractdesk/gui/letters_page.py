"""The Letters section: annual review letters for one practice, a locality or every practice,
made in the background (progress and Cancel), then previewed and printed from here."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QSettings, QStringListModel, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from contractdesk.domain.letter_template import LetterKind
from contractdesk.domain.roles import Role
from contractdesk.errors import Cancelled, KnownError
from contractdesk.gui.background import BackgroundOp
from contractdesk.gui.letter_preview import LetterPreviewDialog
from contractdesk.gui.letter_template_dialog import LetterTemplateDialog
from contractdesk.gui.year_choice import default_year, fill_year_combo
from contractdesk.services.catalogue_years import catalogue_years
from contractdesk.services.letters import LetterBatch, LettersExist, make_annual_letters
from contractdesk.services.practices import list_practices
from contractdesk.services.workspace import Workspace

FOLDER_SETTING = "letters/folder"
LETTER_CHANGES = frozenset({"letters"})


class LettersPage(QWidget):
    letters_changed = Signal(object)  # frozenset[str]

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self._can_issue = workspace.user.role.can_act_as(Role.OFFICER)
        self.operation: BackgroundOp | None = None
        self.dialog: QWidget | None = None
        self.year_combo = QComboBox()
        self.all_radio = QRadioButton("Every open practice")
        self.locality_radio = QRadioButton("A locality:")
        self.locality_combo = QComboBox()
        self.practices_radio = QRadioButton("These practices:")
        self.practices_edit = QLineEdit()
        self.practices_edit.setPlaceholderText("ODS codes, e.g. C87003 C87005")
        self.folder_edit = QLineEdit()
        self.browse_button = QPushButton("&Browse…")
        self.combined_check = QCheckBox("Also one combined PDF of them all, for printing")
        self.make_button = QPushButton("&Make letters")
        self.wording_button = QPushButton("Edit &wording…")
        self.files = QStringListModel(self)
        self.file_list = QListView()
        self.preview_button = QPushButton("&Preview / print…")
        self.result_label = QLabel()
        self._batch: LetterBatch | None = None
        self._set_up_widgets()
        self._connect_signals()
        self._update_buttons()

    def _set_up_widgets(self) -> None:
        years = catalogue_years(self._workspace)
        fill_year_combo(self.year_combo, years, default_year(years))
        localities = sorted(
            {(p.locality_code, p.locality_name) for p in list_practices(self._workspace)}
            - {(None, None)},
            key=lambda item: item[1] or "",
        )
        for code, name in localities:
            self.locality_combo.addItem(f"{name} ({code})", code)
        self.all_radio.setChecked(True)
        folder = QSettings().value(FOLDER_SETTING)
        self.folder_edit.setText(folder if isinstance(folder, str) else str(Path.home()))
        self.file_list.setModel(self.files)
        self.file_list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        title = QLabel("Annual review letters")
        title.setObjectName("sectionTitle")
        form = QFormLayout()
        form.addRow("Financial &year:", self.year_combo)
        scope = QVBoxLayout()
        scope.addWidget(self.all_radio)
        for radio, field in (
            (self.locality_radio, self.locality_combo),
            (self.practices_radio, self.practices_edit),
        ):
            line = QHBoxLayout()
            line.addWidget(radio)
            line.addWidget(field, 1)
            scope.addLayout(line)
        form.addRow("To:", scope)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder_edit, 1)
        folder_row.addWidget(self.browse_button)
        form.addRow("Folder:", folder_row)
        form.addRow("", self.combined_check)
        actions = QHBoxLayout()
        actions.addWidget(self.make_button)
        actions.addWidget(self.wording_button)
        actions.addStretch(1)
        results = QHBoxLayout()
        results.addWidget(self.result_label, 1)
        results.addWidget(self.preview_button)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(form)
        layout.addLayout(actions)
        layout.addLayout(results)
        layout.addWidget(self.file_list, 1)
        if not self._can_issue:
            self.make_button.setToolTip("Making letters needs the officer role.")

    def _connect_signals(self) -> None:
        self.browse_button.clicked.connect(self._on_browse)
        self.make_button.clicked.connect(self._on_make)
        self.wording_button.clicked.connect(self._on_wording)
        self.preview_button.clicked.connect(self._on_preview)
        self.file_list.doubleClicked.connect(self._on_preview)
        self.file_list.selectionModel().selectionChanged.connect(self._update_buttons)
        for radio in (self.all_radio, self.locality_radio, self.practices_radio):
            radio.toggled.connect(self._update_buttons)

    def _update_buttons(self) -> None:
        self.make_button.setEnabled(self._can_issue and self.year_combo.count() > 0)
        self.locality_combo.setEnabled(self.locality_radio.isChecked())
        self.practices_edit.setEnabled(self.practices_radio.isChecked())
        self.preview_button.setEnabled(bool(self.file_list.selectionModel().selectedRows()))

    def _on_browse(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, "Folder for the letters", self.folder_edit.text()
        )
        if folder:
            self.folder_edit.setText(folder)

    def _on_wording(self) -> None:
        self.dialog = LetterTemplateDialog(
            self._workspace, LetterKind.ANNUAL, self.year_combo.currentData(), self
        )
        self.dialog.open()

    def _on_make(self, new_versions: bool = False) -> None:
        folder = Path(self.folder_edit.text().strip())
        combined = None
        year = self.year_combo.currentData()
        if self.combined_check.isChecked():
            combined = folder / f"annual-review_{year.slug()}_all.pdf"
        practices = re.findall(r"[A-Za-z]\d{5}", self.practices_edit.text())
        if self.practices_radio.isChecked() and not practices:
            QMessageBox.warning(self, "ContractDesk", "Type the ODS codes of the practices.")
            return
        areas_practices = (
            practices
            if self.practices_radio.isChecked()
            else self._locality_practices()
            if self.locality_radio.isChecked()
            else []
        )
        QSettings().setValue(FOLDER_SETTING, str(folder))
        workspace = self._workspace

        def op(progress):  # type: ignore[no-untyped-def]
            stop = {"requested": False}

            def report(done: int, total: int) -> None:
                try:
                    progress(done, total, "Writing letters")
                except Cancelled:
                    stop["requested"] = True  # keep the letters already made

            return make_annual_letters(
                workspace,
                year,
                folder,
                practices=areas_practices,
                combined=combined,
                new_versions=new_versions,
                progress=report,
                is_cancelled=lambda: stop["requested"],
            )

        self.operation = (
            BackgroundOp(self, op, label=f"Annual review letters {year}", changes=LETTER_CHANGES)
            .success(self._on_made)
            .failure(self._on_failed)
        )
        self.operation.changed.connect(self.letters_changed)
        self.operation.run_in_background()

    def _locality_practices(self) -> list[str]:
        code = self.locality_combo.currentData()
        return [
            p.ods_code
            for p in list_practices(self._workspace)
            if p.locality_code == code and p.status != "closed"
        ]

    def _on_failed(self, error: KnownError) -> None:
        if isinstance(error, LettersExist):
            answer = QMessageBox.question(
                self,
                "Letters already made",
                f"{error}\n\nMake new versions beside them (…_v2.pdf)?",
            )
            if answer == QMessageBox.StandardButton.Yes:
                self._on_make(new_versions=True)
            return
        QMessageBox.warning(self, "ContractDesk", str(error))

    def _on_made(self, batch: LetterBatch) -> None:
        self._batch = batch
        names = list(batch.written)
        if batch.combined is not None:
            names.insert(0, batch.combined.name)
        self.files.setStringList(names)
        text = f"{len(batch.written)} letter(s) in {batch.folder}"
        if batch.cancelled:
            text = f"Cancelled: {text} were made before it and are kept on record."
        self.result_label.setText(text)
        if batch.written:
            self.file_list.setCurrentIndex(self.files.index(0))
        self._update_buttons()

    def _on_preview(self) -> None:
        rows = self.file_list.selectionModel().selectedRows()
        if not rows or self._batch is None:
            return
        name = rows[0].data()
        path = (
            self._batch.combined
            if self._batch.combined is not None and name == self._batch.combined.name
            else self._batch.folder / name
        )
        self.dialog = LetterPreviewDialog(path, self)
        self.dialog.open()
