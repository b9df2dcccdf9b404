"""The concern and notice forms: raise and close a concern; draft, issue, record the outcome
of, escalate and withdraw a notice. Each OK calls one service; its errors keep the form."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QWidget,
)

from contractdesk.domain.notices import (
    ConcernSource,
    ConcernStatus,
    NoticeKind,
    ShortPeriodReason,
)
from contractdesk.gui.action_dialog import ActionDialog, date_edit, date_of
from contractdesk.services.notices import (
    ConcernEntry,
    NoticeEntry,
    close_concern,
    draft_notice,
    escalate_notice,
    issue_notice,
    list_concerns,
    raise_concern,
    record_outcome,
    withdraw_notice,
)
from contractdesk.services.workspace import Workspace

TEXT_ROWS = 4  # the height of a free-text box, in lines
NO_CONCERN = "— none —"
FULL_PERIOD = "— none: the full notice period —"


def practice_combo(practices: Sequence[tuple[str, str]], chosen: str | None = None) -> QComboBox:
    """Practices as "CODE Name", searchable by typing; the item data is the ODS code."""
    combo = QComboBox()
    combo.setEditable(True)
    combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    for code, name in practices:
        combo.addItem(f"{code} {name}", code)
    combo.setCurrentIndex(combo.findData(chosen) if chosen else -1)
    combo.completer().setFilterMode(Qt.MatchFlag.MatchContains)
    combo.completer().setCompletionMode(combo.completer().CompletionMode.PopupCompletion)
    return combo


def chosen_practice(combo: QComboBox) -> str:
    """The chosen practice's code; typed text naming no listed practice goes to the service
    as typed, so that its message says what is wrong."""
    index = combo.findText(combo.currentText())
    if index >= 0:
        return combo.itemData(index)
    return combo.currentText().strip().split(" ")[0]


def text_box(placeholder: str = "") -> QPlainTextEdit:
    box = QPlainTextEdit()
    box.setTabChangesFocus(True)
    box.setPlaceholderText(placeholder)
    box.setFixedHeight(box.fontMetrics().lineSpacing() * TEXT_ROWS + 12)
    return box


def describe_notice(entry: NoticeEntry) -> str:
    given = f", given {entry.given_on:%d %b %Y}" if entry.given_on else ""
    deadline = f", deadline {entry.deadline:%d %b %Y}" if entry.deadline else ""
    return (
        f"<b>{entry.reference}</b>: {entry.kind.label} to {entry.practice_code} "
        f"{entry.practice_name} ({entry.status.label}{given}{deadline}).<br>"
        f"Breach: {entry.breach}"
    )


class RaiseConcernDialog(ActionDialog):
    """Record a concern about a practice: where it came from and what it is."""

    def __init__(
        self,
        workspace: Workspace,
        practices: Sequence[tuple[str, str]],
        parent: QWidget | None = None,
        practice: str | None = None,
    ) -> None:
        super().__init__(
            "Raise concern",
            "Record a concern about a practice. A concern can lead to a recovery plan or, "
            "if the contract is breached, a notice.",
            "Raise concern",
            parent,
        )
        self._workspace = workspace
        self.practice_combo = practice_combo(practices, practice)
        self.source_combo = QComboBox()
        for source in ConcernSource:
            self.source_combo.addItem(source.value, source)
        self.standard_edit = QLineEdit()
        self.standard_edit.setPlaceholderText("Optional: the standard concerned, e.g. Access")
        self.description_edit = text_box("What is the concern?")
        self.raised_edit = date_edit()
        self.form.addRow("&Practice:", self.practice_combo)
        self.form.addRow("&Source:", self.source_combo)
        self.form.addRow("S&tandard:", self.standard_edit)
        self.form.addRow("&Concern:", self.description_edit)
        self.form.addRow("&Raised on:", self.raised_edit)
        self.setMinimumWidth(560)

    def submit(self) -> Any:
        return raise_concern(
            self._workspace,
            chosen_practice(self.practice_combo),
            source=ConcernSource(self.source_combo.currentData()),
            description=self.description_edit.toPlainText(),
            standard=self.standard_edit.text(),
            raised_on=date_of(self.raised_edit),
        )


class CloseConcernDialog(ActionDialog):
    """Close an open concern with what came of it."""

    def __init__(
        self, workspace: Workspace, concern: ConcernEntry, parent: QWidget | None = None
    ) -> None:
        super().__init__(
            "Close concern",
            f"<b>{concern.reference}</b>: {concern.practice_code} {concern.practice_name}, "
            f"raised {concern.raised_on:%d %b %Y}.<br>{concern.description}",
            "Close concern",
            parent,
        )
        self._workspace, self._concern = workspace, concern
        self.outcome_edit = text_box("Why the concern is closed: what was found or done")
        self.closed_edit = date_edit(max(date.today(), concern.raised_on))
        self.form.addRow("&Outcome:", self.outcome_edit)
        self.form.addRow("&Closed on:", self.closed_edit)
        self.setMinimumWidth(560)

    def submit(self) -> Any:
        return close_concern(
            self._workspace,
            self._concern.reference,
            outcome=self.outcome_edit.toPlainText(),
            closed_on=date_of(self.closed_edit),
        )


class DraftNoticeDialog(ActionDialog):
    """Draft a remedial or breach notice; it says nothing to the practice until issued."""

    def __init__(
        self,
        workspace: Workspace,
        practices: Sequence[tuple[str, str]],
        parent: QWidget | None = None,
        practice: str | None = None,
        concern: str | None = None,
    ) -> None:
        super().__init__(
            "Draft notice",
            "A <b>remedial notice</b> is for a breach capable of remedy: it states the steps "
            "to remedy it. A <b>breach notice</b> is for one that is not: it requires the "
            "practice not to repeat it. An approver issues the draft.",
            "Draft notice",
            parent,
        )
        self._workspace = workspace
        self.practice_combo = practice_combo(practices, practice)
        self.kind_combo = QComboBox()
        for kind in NoticeKind:
            self.kind_combo.addItem(kind.label, kind)
        self.breach_edit = text_box("The breach, as the notice will state it")
        self.steps_edit = text_box("The steps the practice must take to remedy the breach")
        self.clause_edit = QLineEdit()
        self.clause_edit.setPlaceholderText("Optional: the contract clause breached")
        self.concern_combo = QComboBox()
        self.form.addRow("&Practice:", self.practice_combo)
        self.form.addRow("&Kind:", self.kind_combo)
        self.form.addRow("&Breach:", self.breach_edit)
        self.form.addRow("&Steps required:", self.steps_edit)
        self.form.addRow("C&lause:", self.clause_edit)
        self.form.addRow("From &concern:", self.concern_combo)
        self._fill_concerns(concern)
        self.practice_combo.currentIndexChanged.connect(self._on_practice_changed)
        self.kind_combo.currentIndexChanged.connect(self._on_kind_changed)
        self._on_kind_changed()
        self.setMinimumWidth(600)

    @property
    def kind(self) -> NoticeKind:
        return NoticeKind(self.kind_combo.currentData())  # Qt hands a str enum back as text

    def set_kind(self, kind: NoticeKind) -> None:
        self.kind_combo.setCurrentIndex(self.kind_combo.findData(kind))

    def _on_practice_changed(self, _index: int) -> None:
        self._fill_concerns(self.concern_combo.currentData())

    def _on_kind_changed(self, *_arguments: Any) -> None:
        remedial = self.kind is NoticeKind.REMEDIAL
        self.steps_edit.setEnabled(remedial)
        self.form.labelForField(self.steps_edit).setEnabled(remedial)
        self.steps_edit.setToolTip("" if remedial else "A breach notice has no remedy steps.")

    def _fill_concerns(self, chosen: str | None) -> None:
        """The chosen practice's open concerns (a notice escalates one)."""
        self.concern_combo.clear()
        self.concern_combo.addItem(NO_CONCERN, None)
        code = self.practice_combo.currentData()
        if code:
            for concern in list_concerns(
                self._workspace, practice_code=code, status=ConcernStatus.OPEN
            ):
                text = f"{concern.reference} ({concern.raised_on:%d %b %Y}): {concern.description}"
                self.concern_combo.addItem(_shortened(text), concern.reference)
        self.concern_combo.setCurrentIndex(max(self.concern_combo.findData(chosen), 0))

    def submit(self) -> Any:
        remedial = self.kind is NoticeKind.REMEDIAL
        return draft_notice(
            self._workspace,
            chosen_practice(self.practice_combo),
            kind=self.kind,
            breach=self.breach_edit.toPlainText(),
            steps_required=self.steps_edit.toPlainText() if remedial else None,
            clause=self.clause_edit.text(),
            concern_reference=self.concern_combo.currentData(),
        )


class IssueNoticeDialog(ActionDialog):
    """Give a drafted notice to the practice. A remedial notice's deadline is at least the
    notice period after it is given, unless a shorter period is necessary (with the reason)."""

    def __init__(
        self,
        workspace: Workspace,
        entry: NoticeEntry,
        notice_period_days: int,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__("Issue notice", describe_notice(entry), "Issue notice", parent)
        self._workspace, self._entry = workspace, entry
        self._period = notice_period_days
        self._remedial = entry.kind is NoticeKind.REMEDIAL
        today = date.today()
        self.given_edit = date_edit(today)
        self.deadline_edit = date_edit(today + timedelta(days=notice_period_days))
        self.rule_label = QLabel()
        self.rule_label.setWordWrap(True)
        self.reason_combo = QComboBox()
        self.reason_combo.addItem(FULL_PERIOD, None)
        for reason in ShortPeriodReason:
            self.reason_combo.addItem(reason.label, reason)
        self.reason_detail_edit = QLineEdit()
        self.reason_detail_edit.setPlaceholderText("Why the shorter period is necessary")
        self.form.addRow("&Given on:", self.given_edit)
        if self._remedial:
            self.form.addRow("&Deadline:", self.deadline_edit)
            self.form.addRow("", self.rule_label)
            self.form.addRow("Shorter period &because:", self.reason_combo)
            self.form.addRow("Reason &detail:", self.reason_detail_edit)
        else:
            self.rule_label.setText(
                "A breach notice has no remedy deadline: it requires the practice not to "
                "repeat the breach."
            )
            self.form.addRow("", self.rule_label)
        self.given_edit.dateChanged.connect(self._on_given_changed)
        self.deadline_edit.dateChanged.connect(self._update_rule)
        self._update_rule()
        self.setMinimumWidth(600)

    @property
    def short_reason(self) -> ShortPeriodReason | None:
        value = self.reason_combo.currentData()
        return ShortPeriodReason(value) if value else None

    def set_short_reason(self, reason: ShortPeriodReason | None) -> None:
        self.reason_combo.setCurrentIndex(max(self.reason_combo.findData(reason), 0))

    def _earliest(self) -> date:
        return date_of(self.given_edit) + timedelta(days=self._period)

    def _on_given_changed(self, *_arguments: Any) -> None:
        # The deadline follows the date given, keeping the full period by default.
        self.deadline_edit.setDate(self._earliest())
        self._update_rule()

    def _update_rule(self, *_arguments: Any) -> None:
        if not self._remedial:
            return
        short = date_of(self.deadline_edit) < self._earliest()
        days = (date_of(self.deadline_edit) - date_of(self.given_edit)).days
        text = (
            f"The deadline must be at least {self._period} days after the notice is given "
            f"(on or after {self._earliest():%d %b %Y}), unless a shorter period is necessary "
            "to protect patient safety or to prevent material financial loss."
        )
        if short:
            text += f"<br><b>This deadline gives {days} day(s): choose the reason below.</b>"
        self.rule_label.setText(text)
        for field in (self.reason_combo, self.reason_detail_edit):
            field.setEnabled(short)
            self.form.labelForField(field).setEnabled(short)

    def submit(self) -> Any:
        short = self._remedial and date_of(self.deadline_edit) < self._earliest()
        return issue_notice(
            self._workspace,
            self._entry.reference,
            given_on=date_of(self.given_edit),
            deadline=date_of(self.deadline_edit) if self._remedial else None,
            short_reason=self.short_reason if short else None,
            short_reason_detail=self.reason_detail_edit.text() if short else None,
        )


class OutcomeDialog(ActionDialog):
    """Whether an issued remedial notice was remedied (with the evidence) or not, in time."""

    def __init__(
        self, workspace: Workspace, entry: NoticeEntry, parent: QWidget | None = None
    ) -> None:
        super().__init__("Record outcome", describe_notice(entry), "Record outcome", parent)
        self._workspace, self._entry = workspace, entry
        self.remedied_radio = QRadioButton("&Remedied")
        self.not_remedied_radio = QRadioButton("&Not remedied by the deadline")
        self._choice = QButtonGroup(self)
        choices = QHBoxLayout()
        for radio in (self.remedied_radio, self.not_remedied_radio):
            self._choice.addButton(radio)
            choices.addWidget(radio)
        choices.addStretch(1)
        self.remedied_radio.setChecked(True)
        self.date_edit = date_edit(max(date.today(), entry.given_on or date.today()))
        self.note_edit = text_box()
        self.form.addRow("Outcome:", choices)
        self.form.addRow("&On:", self.date_edit)
        self.form.addRow("&Evidence:", self.note_edit)
        self.remedied_radio.toggled.connect(self._on_choice_changed)
        self._on_choice_changed()
        self.setMinimumWidth(560)

    def _on_choice_changed(self, *_arguments: Any) -> None:
        remedied = self.remedied_radio.isChecked()
        self.note_edit.setPlaceholderText(
            "The evidence that the breach was remedied"
            if remedied
            else "What was not done by the deadline"
        )
        self.form.labelForField(self.note_edit).setText("&Evidence:" if remedied else "&What:")

    def submit(self) -> Any:
        return record_outcome(
            self._workspace,
            self._entry.reference,
            remedied=self.remedied_radio.isChecked(),
            on=date_of(self.date_edit),
            note=self.note_edit.toPlainText(),
        )


class EscalateDialog(ActionDialog):
    """Escalate a notice not remedied (or a breach notice): the next formal step."""

    def __init__(
        self, workspace: Workspace, entry: NoticeEntry, parent: QWidget | None = None
    ) -> None:
        super().__init__(
            "Escalate notice",
            describe_notice(entry) + "<br>Escalating records that the commissioner is taking "
            "the next formal step (a sanction or termination). Seek legal advice first.",
            "Escalate",
            parent,
        )
        self._workspace, self._entry = workspace, entry
        self.date_edit = date_edit()
        self.note_edit = text_box("Optional: the decision and who made it")
        self.form.addRow("&On:", self.date_edit)
        self.form.addRow("&Note:", self.note_edit)
        self.setMinimumWidth(560)

    def submit(self) -> Any:
        return escalate_notice(
            self._workspace,
            self._entry.reference,
            on=date_of(self.date_edit),
            note=self.note_edit.toPlainText(),
        )


class WithdrawDialog(ActionDialog):
    """Withdraw a draft or issued notice, with the reason."""

    def __init__(
        self, workspace: Workspace, entry: NoticeEntry, parent: QWidget | None = None
    ) -> None:
        super().__init__("Withdraw notice", describe_notice(entry), "Withdraw notice", parent)
        self._workspace, self._entry = workspace, entry
        self.date_edit = date_edit()
        self.reason_edit = text_box("Why the notice is withdrawn")
        self.form.addRow("&On:", self.date_edit)
        self.form.addRow("&Reason:", self.reason_edit)
        self.setMinimumWidth(560)

    def submit(self) -> Any:
        return withdraw_notice(
            self._workspace,
            self._entry.reference,
            on=date_of(self.date_edit),
            reason=self.reason_edit.toPlainText(),
        )


def _shortened(text: str, limit: int = 90) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
