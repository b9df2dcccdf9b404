"""The small forms of the KPI framework: a standard, a KPI, a KPI's target. Each calls one
service; a refusal keeps the form open with what was typed."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape
from typing import Any

from PySide6.QtWidgets import QComboBox, QLineEdit, QWidget

from contractdesk.domain.financial_year import FinancialYear
from contractdesk.domain.kpi_rules import Direction, StandardKind, Unit
from contractdesk.gui.action_dialog import ActionDialog
from contractdesk.services.kpi_framework import (
    KpiEntry,
    StandardEntry,
    create_kpi,
    create_standard,
    update_kpi_target,
)
from contractdesk.services.workspace import Workspace

DIRECTION_WORDS = {
    Direction.HIGHER_IS_BETTER: "higher is better",
    Direction.LOWER_IS_BETTER: "lower is better",
}


def choice_box(choices: Sequence[tuple[str, Any]]) -> QComboBox:
    box = QComboBox()
    for text, value in choices:
        box.addItem(text, value)
    return box


class StandardDialog(ActionDialog):
    def __init__(self, workspace: Workspace, year: FinancialYear, parent: QWidget | None) -> None:
        super().__init__(
            "Add standard",
            f"A standard of the {year} framework. Minimum standards are contractual (failing "
            "one can lead to formal action); developmental ones are aspirations.",
            "Add standard",
            parent,
        )
        self._workspace, self._year = workspace, year
        self.code_edit = QLineEdit()
        self.code_edit.setPlaceholderText("e.g. ACCESS")
        self.name_edit = QLineEdit()
        self.kind_box = choice_box([(kind.value, kind) for kind in StandardKind])
        self.form.addRow("&Code:", self.code_edit)
        self.form.addRow("&Name:", self.name_edit)
        self.form.addRow("&Kind:", self.kind_box)

    def submit(self) -> StandardEntry:
        return create_standard(
            self._workspace,
            self._year,
            self.code_edit.text(),
            self.name_edit.text(),
            self.kind_box.currentData(),
        )


class KpiDialog(ActionDialog):
    def __init__(
        self,
        workspace: Workspace,
        year: FinancialYear,
        standards: Sequence[StandardEntry],
        parent: QWidget | None,
    ) -> None:
        super().__init__(
            "Add KPI",
            f"A KPI of the {year} framework, under one of its standards. Red, amber and green "
            "are worked out from the target and the amber band.",
            "Add KPI",
            parent,
        )
        self._workspace, self._year = workspace, year
        self.code_edit = QLineEdit()
        self.code_edit.setPlaceholderText("e.g. ACC-01")
        self.standard_box = choice_box(
            [(f"{s.code}: {s.name} ({s.kind.value})", s.code) for s in standards]
        )
        self.name_edit = QLineEdit()
        self.unit_box = choice_box([(unit.label, unit) for unit in Unit])
        self.direction_box = choice_box(list((w, d) for d, w in DIRECTION_WORDS.items()))
        self.target_edit = QLineEdit()
        self.band_edit = QLineEdit("5")
        self.description_edit = QLineEdit()
        self.form.addRow("&Code:", self.code_edit)
        self.form.addRow("&Standard:", self.standard_box)
        self.form.addRow("&Name:", self.name_edit)
        self.form.addRow("&Unit:", self.unit_box)
        self.form.addRow("&Direction:", self.direction_box)
        self.form.addRow("&Target:", self.target_edit)
        self.form.addRow("&Amber band:", self.band_edit)
        self.form.addRow("D&escription:", self.description_edit)
        self.setMinimumWidth(520)

    def submit(self) -> KpiEntry:
        return create_kpi(
            self._workspace,
            self._year,
            self.code_edit.text(),
            standard_code=self.standard_box.currentData() or "",
            name=self.name_edit.text(),
            unit=self.unit_box.currentData(),
            direction=self.direction_box.currentData(),
            target=self.target_edit.text(),
            amber_band=self.band_edit.text(),
            description=self.description_edit.text() or None,
        )


class TargetDialog(ActionDialog):
    def __init__(self, workspace: Workspace, entry: KpiEntry, parent: QWidget | None) -> None:
        super().__init__(
            "Change target",
            f"<b>{escape(entry.code)}</b> {escape(entry.name)} ({entry.financial_year}): "
            f"{DIRECTION_WORDS[entry.direction]}, in {entry.unit.label}. Green at or beyond the "
            "target; amber within the band short of it; red beyond that.",
            "Save target",
            parent,
        )
        self._workspace, self._entry = workspace, entry
        self.target_edit = QLineEdit(f"{entry.target.normalize():f}")
        self.band_edit = QLineEdit(f"{entry.amber_band.normalize():f}")
        self.form.addRow("&Target:", self.target_edit)
        self.form.addRow("&Amber band:", self.band_edit)

    def submit(self) -> KpiEntry:
        return update_kpi_target(
            self._workspace,
            self._entry.financial_year,
            self._entry.code,
            self._entry.version,
            target=self.target_edit.text(),
            amber_band=self.band_edit.text(),
        )
