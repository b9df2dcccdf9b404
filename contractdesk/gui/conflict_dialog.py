"""The officer's values against another user's newer ones, chosen field by field."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from contractdesk.gui.practice_form_fields import describe_value, field_label


@dataclass(frozen=True)
class ConflictingField:
    name: str
    mine: Any
    theirs: Any
    # Preselected: mine if the officer changed the field, theirs if only the other user did.
    keep_mine: bool


def conflicting_fields(
    original: Mapping[str, Any], mine: Mapping[str, Any], theirs: Mapping[str, Any]
) -> list[ConflictingField]:
    """Every field where the officer's form and the stored practice now differ."""
    return [
        ConflictingField(name, mine[name], theirs[name], keep_mine=mine[name] != original[name])
        for name in mine
        if mine[name] != theirs[name]
    ]


class ConflictDialog(QDialog):
    """Built in code rather than Designer: it has one row of choices per conflicting field."""

    def __init__(
        self,
        ods_code: str,
        fields: Sequence[ConflictingField],
        other_user: str | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"{ods_code} was changed by someone else")
        self._fields = list(fields)
        self.intro_label = QLabel(
            f"{other_user or 'Another user'} saved changes to {ods_code} after you opened it. "
            "Choose which value to keep for each field, then save again.",
            self,
        )
        self.intro_label.setWordWrap(True)
        self.choices: dict[str, tuple[QRadioButton, QRadioButton]] = {}
        self.keep_mine_button = QPushButton("Keep all &mine", self)
        self.take_theirs_button = QPushButton("Take all &theirs", self)
        self.button_box = QDialogButtonBox(self)
        self.save_button = self.button_box.addButton(
            "&Save these values", QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.button_box.addButton(QDialogButtonBox.StandardButton.Cancel)
        self._lay_out(other_user)
        self._connect_signals()

    def chosen_values(self) -> dict[str, Any]:
        """{field: the value chosen} for every conflicting field."""
        return {
            field.name: field.mine if self.choices[field.name][0].isChecked() else field.theirs
            for field in self._fields
        }

    def choose_all(self, mine: bool) -> None:
        for mine_button, theirs_button in self.choices.values():
            (mine_button if mine else theirs_button).setChecked(True)

    def _lay_out(self, other_user: str | None) -> None:
        grid = QGridLayout()
        grid.setHorizontalSpacing(18)
        theirs_title = f"Their value ({other_user})" if other_user else "Their value"
        for column, title in enumerate(("Field", "Your value", theirs_title)):
            header = QLabel(f"<b>{title}</b>", self)
            grid.addWidget(header, 0, column)
        for row, field in enumerate(self._fields, start=1):
            mine_button = QRadioButton(_button_text(field.mine), self)
            theirs_button = QRadioButton(_button_text(field.theirs), self)
            group = QButtonGroup(self)
            group.addButton(mine_button)
            group.addButton(theirs_button)
            (mine_button if field.keep_mine else theirs_button).setChecked(True)
            self.choices[field.name] = (mine_button, theirs_button)
            grid.addWidget(QLabel(field_label(field.name), self), row, 0)
            grid.addWidget(mine_button, row, 1)
            grid.addWidget(theirs_button, row, 2)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(2, 1)
        shortcuts = QHBoxLayout()
        shortcuts.addWidget(self.keep_mine_button)
        shortcuts.addWidget(self.take_theirs_button)
        shortcuts.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro_label)
        layout.addSpacing(6)
        layout.addLayout(grid)
        layout.addSpacing(6)
        layout.addLayout(shortcuts)
        layout.addStretch(1)
        layout.addWidget(self.button_box)
        self.setMinimumWidth(560)

    def _connect_signals(self) -> None:
        self.keep_mine_button.clicked.connect(self._on_keep_mine_clicked)
        self.take_theirs_button.clicked.connect(self._on_take_theirs_clicked)
        self.button_box.accepted.connect(self.accept)
        self.button_box.rejected.connect(self.reject)

    def _on_keep_mine_clicked(self) -> None:
        self.choose_all(mine=True)

    def _on_take_theirs_clicked(self) -> None:
        self.choose_all(mine=False)


def _button_text(value: Any) -> str:
    """The value as a button's text: a literal "&" must not become a keyboard mnemonic."""
    return describe_value(value).replace("&", "&&")
