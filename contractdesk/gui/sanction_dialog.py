"""The sanction forms: recording one (offered only where termination may be open; explains
the timing rules), the practice's dispute referral, and withdrawing one."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from html import escape
from typing import Any

from PySide6.QtWidgets import QCheckBox, QComboBox, QDoubleSpinBox, QLabel, QLineEdit, QWidget

from contractdesk.domain.notices import NoticeRules, ShortPeriodReason
from contractdesk.domain.sanctions import ObligationKind, SanctionKind, add_months
from contractdesk.gui.action_dialog import ActionDialog, date_edit, date_of
from contractdesk.gui.notice_dialogs import FULL_PERIOD
from contractdesk.gui.notice_table_model import flag_tooltip
from contractdesk.services.notices import NoticeEntry
from contractdesk.services.sanctions import (
    SanctionEntry,
    record_dispute,
    record_sanction,
    withdraw_sanction,
)
from contractdesk.services.workspace import Workspace

MAXIMUM_POUNDS = 10_000_000


class RecordSanctionDialog(ActionDialog):
    """Suspend or terminate named obligations, or withhold money, after notice to the practice.
    The form says the rules as they apply to the dates chosen; the service has the last word."""

    def __init__(
        self,
        workspace: Workspace,
        entry: NoticeEntry,
        rules: NoticeRules,
        parent: QWidget | None = None,
    ) -> None:
        flag = (flag_tooltip(entry) or "").split("\n")[0]
        super().__init__(
            "Record sanction",
            f"Sanction on <b>{entry.practice_code} {entry.practice_name}</b>, following "
            f"{entry.reference}. {flag}<br>A sanction must be proportionate; it can never "
            "touch essential services.",
            "Record sanction",
            parent,
        )
        self._workspace, self._entry, self._rules = workspace, entry, rules
        today = date.today()
        self.kind_combo = QComboBox()
        for kind in SanctionKind:
            self.kind_combo.addItem(kind.label, kind)
        self.obligation_kind_combo = QComboBox()
        for obligation_kind in ObligationKind:
            if obligation_kind is not ObligationKind.ESSENTIAL:  # never sanctioned
                self.obligation_kind_combo.addItem(obligation_kind.value, obligation_kind)
        self.obligation_edit = QLineEdit()
        self.obligation_edit.setPlaceholderText("The obligations or services it applies to")
        self.amount_spin = QDoubleSpinBox()
        self.amount_spin.setPrefix("£ ")
        self.amount_spin.setDecimals(2)
        self.amount_spin.setMaximum(MAXIMUM_POUNDS)
        self.amount_spin.setGroupSeparatorShown(True)
        self.notice_edit = date_edit(today)
        self.effective_edit = date_edit(today + timedelta(days=rules.sanction_notice_days))
        self.ends_edit = date_edit(
            add_months(date_of(self.effective_edit), rules.suspension_max_months)
        )
        self.reason_combo = QComboBox()
        self.reason_combo.addItem(FULL_PERIOD, None)
        for reason in ShortPeriodReason:
            self.reason_combo.addItem(reason.label, reason)
        self.rule_label = QLabel()
        self.rule_label.setWordWrap(True)
        self.form.addRow("&Sanction:", self.kind_combo)
        self.form.addRow("Obligation &kind:", self.obligation_kind_combo)
        self.form.addRow("&Obligations:", self.obligation_edit)
        self.form.addRow("&Amount:", self.amount_spin)
        self.form.addRow("&Notice given on:", self.notice_edit)
        self.form.addRow("&Takes effect:", self.effective_edit)
        self.form.addRow("&Ends on:", self.ends_edit)
        self.form.addRow("Sooner &because:", self.reason_combo)
        self.form.addRow("", self.rule_label)
        # The end follows the start (the longest suspension) until the officer sets it.
        self._ends_chosen = False
        self.kind_combo.currentIndexChanged.connect(self._on_kind_changed)
        self.effective_edit.dateChanged.connect(self._on_effective_changed)
        self.ends_edit.dateChanged.connect(self._on_ends_changed)
        self.notice_edit.dateChanged.connect(self._update_rules)
        self._on_kind_changed()
        self.setMinimumWidth(620)

    @property
    def kind(self) -> SanctionKind:
        return SanctionKind(self.kind_combo.currentData())

    def set_kind(self, kind: SanctionKind) -> None:
        self.kind_combo.setCurrentIndex(self.kind_combo.findData(kind))

    def _on_kind_changed(self, *_arguments: Any) -> None:
        kind = self.kind
        for field, used in (
            (self.obligation_kind_combo, kind is not SanctionKind.WITHHOLD),
            (self.amount_spin, kind is SanctionKind.WITHHOLD),
            (self.ends_edit, kind is SanctionKind.SUSPEND),
        ):
            field.setEnabled(used)
            self.form.labelForField(field).setEnabled(used)
        self._update_rules()

    def _on_effective_changed(self, *_arguments: Any) -> None:
        if not self._ends_chosen:
            longest = add_months(date_of(self.effective_edit), self._rules.suspension_max_months)
            self.ends_edit.blockSignals(True)
            self.ends_edit.setDate(longest)
            self.ends_edit.blockSignals(False)
        self._update_rules()

    def _on_ends_changed(self, *_arguments: Any) -> None:
        self._ends_chosen = True
        self._update_rules()

    def _update_rules(self, *_arguments: Any) -> None:
        rules = self._rules
        earliest = date_of(self.notice_edit) + timedelta(days=rules.sanction_notice_days)
        longest = add_months(date_of(self.effective_edit), rules.suspension_max_months)
        lines = [
            f"• It takes effect no sooner than {rules.sanction_notice_days} days after notice "
            f"(on or after {earliest:%d %b %Y}), unless sooner is necessary to protect patient "
            "safety or prevent material financial loss.",
        ]
        if self.kind is SanctionKind.SUSPEND:
            lines.append(
                f"• A suspension lasts at most {rules.suspension_max_months} months "
                f"(until {longest:%d %b %Y} at the latest)."
            )
        if rules.dispute_referral_holds_sanction:
            lines.append(
                "• A referral to NHS dispute resolution within the notice period holds it."
            )
        short = date_of(self.effective_edit) < earliest
        self.reason_combo.setEnabled(short)
        self.form.labelForField(self.reason_combo).setEnabled(short)
        self.rule_label.setText("<br>".join(lines))

    def submit(self) -> Any:
        kind = self.kind
        amount = (
            int(Decimal(str(self.amount_spin.value())) * 100)
            if kind is SanctionKind.WITHHOLD
            else None
        )
        reason = self.reason_combo.currentData() if self.reason_combo.isEnabled() else None
        return record_sanction(
            self._workspace,
            self._entry.practice_code,
            kind=kind,
            obligation=self.obligation_edit.text(),
            obligation_kind=None
            if kind is SanctionKind.WITHHOLD
            else ObligationKind(self.obligation_kind_combo.currentData()),
            amount_pence=amount,
            notice_given_on=date_of(self.notice_edit),
            effective_from=date_of(self.effective_edit),
            ends_on=date_of(self.ends_edit) if kind is SanctionKind.SUSPEND else None,
            short_reason=ShortPeriodReason(reason) if reason else None,
            notice_reference=self._entry.reference,
        )


def describe_sanction(entry: SanctionEntry) -> str:
    return (
        f"<b>{entry.reference}</b>: {entry.kind.label} — {escape(entry.obligation)}<br>"
        f"{entry.practice_code} {escape(entry.practice_name)}; notice given "
        f"{entry.notice_given_on:%d %b %Y}, takes effect {entry.effective_from:%d %b %Y}."
    )


class DisputeDialog(ActionDialog):
    """The practice's referral to NHS dispute resolution and, later, its resolution. A
    referral within the notice period holds the sanction until the dispute is resolved."""

    def __init__(
        self, workspace: Workspace, entry: SanctionEntry, parent: QWidget | None = None
    ) -> None:
        super().__init__(
            "Dispute resolution",
            describe_sanction(entry)
            + "<br>A referral made within the notice period holds the sanction until the "
            "dispute is resolved.",
            "Save",
            parent,
        )
        self._workspace, self._entry = workspace, entry
        self.referred_edit = date_edit(entry.dispute_referred_on)
        self.resolved_check = QCheckBox("&Resolved on:")
        self.resolved_edit = date_edit(entry.dispute_resolved_on)
        self.resolved_check.setChecked(entry.dispute_resolved_on is not None)
        self.resolved_edit.setEnabled(self.resolved_check.isChecked())
        self.resolved_check.toggled.connect(self.resolved_edit.setEnabled)
        self.form.addRow("Referred &on:", self.referred_edit)
        self.form.addRow(self.resolved_check, self.resolved_edit)

    def submit(self) -> Any:
        return record_dispute(
            self._workspace,
            self._entry.reference,
            referred_on=date_of(self.referred_edit),
            resolved_on=date_of(self.resolved_edit) if self.resolved_check.isChecked() else None,
            # Unticking a recorded resolution takes it back.
            clear_resolution=not self.resolved_check.isChecked()
            and self._entry.dispute_resolved_on is not None,
        )


class WithdrawSanctionDialog(ActionDialog):
    """Withdraw a sanction from a date (it no longer applies after that)."""

    def __init__(
        self, workspace: Workspace, entry: SanctionEntry, parent: QWidget | None = None
    ) -> None:
        super().__init__("Withdraw sanction", describe_sanction(entry), "Withdraw sanction", parent)
        self._workspace, self._entry = workspace, entry
        self.date_edit = date_edit()
        self.form.addRow("&Withdrawn on:", self.date_edit)

    def submit(self) -> Any:
        return withdraw_sanction(self._workspace, self._entry.reference, on=date_of(self.date_edit))
