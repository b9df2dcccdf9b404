"""The sign-up matrix's cell actions: offer a service, record a response, reissue, end."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from typing import Any

from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QWidget,
)

from contractdesk.domain.financial_year import FinancialYear
from contractdesk.errors import BadInput, KnownError
from contractdesk.gui.action_dialog import ActionDialog, date_edit, date_of
from contractdesk.services.offers import (
    OfferEntry,
    end_signup,
    offer_service,
    record_response,
    reissue_offer,
)
from contractdesk.services.service_catalogue import ServiceEntry
from contractdesk.services.workspace import Workspace

# A new offer's default time to answer.
RESPONSE_DAYS = 28


def _clamp(day: date, first: date, last: date) -> date:
    return min(max(day, first), last)


class OfferDialog(ActionDialog):
    """Offer a service to one practice, or to every active practice of a locality.

    Offering to some practices of a locality only needs a recorded reason: the service says
    so (naming those left out), and the form then shows that and asks for the reason.
    """

    def __init__(
        self,
        workspace: Workspace,
        year: FinancialYear,
        service: ServiceEntry,
        *,
        practice: tuple[str, str] | None = None,
        localities: Sequence[tuple[str, str]] = (),
        locality_code: str | None = None,
        parent: QWidget | None = None,
        today: date | None = None,
    ) -> None:
        target = (
            f"{practice[0]} {practice[1]}" if practice else "every active practice of a locality"
        )
        super().__init__(
            "Offer service",
            f"Offer <b>{service.code}</b> ({service.name}, {year}) to {target}.",
            "Offer",
            parent,
        )
        self._workspace, self._year, self._service = workspace, year, service
        self._practice_code = practice[0] if practice else None
        today = today or date.today()
        self.locality_combo = QComboBox()
        for code, name in localities:
            self.locality_combo.addItem(name, code)
        if locality_code is not None:
            self.locality_combo.setCurrentIndex(max(self.locality_combo.findData(locality_code), 0))
        self.start_edit = date_edit(year.first_day)
        self.end_edit = date_edit(year.last_day)
        self.deadline_edit = date_edit(
            _clamp(today + timedelta(days=RESPONSE_DAYS), year.first_day, year.last_day)
        )
        self.reason_label = QLabel()
        self.reason_label.setWordWrap(True)
        self.reason_edit = QLineEdit()
        self.reason_edit.setPlaceholderText("Why only this practice (equality of opportunity)")
        if practice is None:
            self.form.addRow("&Locality:", self.locality_combo)
        self.form.addRow("&Start:", self.start_edit)
        self.form.addRow("&End:", self.end_edit)
        self.form.addRow("&Respond by:", self.deadline_edit)
        self.form.addRow(self.reason_label)
        self.form.addRow("Rea&son:", self.reason_edit)
        self._show_reason(False)

    @property
    def asks_for_reason(self) -> bool:
        return self.reason_edit.isVisibleTo(self)

    def _show_reason(self, shown: bool) -> None:
        self.form.setRowVisible(self.reason_label, shown)
        self.form.setRowVisible(self.reason_edit, shown)

    def submit(self) -> Any:
        locality = None if self._practice_code else self.locality_combo.currentData()
        return offer_service(
            self._workspace,
            self._year,
            self._service.code,
            start=date_of(self.start_edit),
            end=date_of(self.end_edit),
            response_deadline=date_of(self.deadline_edit),
            practices=[self._practice_code] if self._practice_code else (),
            localities=[locality] if locality else (),
            reason=self.reason_edit.text(),
        )

    def handle_error(self, error: KnownError) -> bool:
        # The service's left-out message: ask for the reason here, then OK tries again.
        if (
            isinstance(error, BadInput)
            and "reason" in str(error)
            and not self.reason_edit.text().strip()
        ):
            self.reason_label.setText(f"{error}\n\nGive the reason below and press Offer again.")
            self._show_reason(True)
            self.reason_edit.setFocus()
            return True
        return False


class ResponseDialog(ActionDialog):
    """The practice's acceptance or refusal of an open offer."""

    def __init__(
        self, workspace: Workspace, offer: OfferEntry, practice_name: str, parent: QWidget | None
    ) -> None:
        super().__init__(
            "Record response",
            f"{offer.practice_code} {practice_name}: response to the offer of "
            f"<b>{offer.service_code}</b> ({offer.service_name}, {offer.financial_year}), "
            f"due by {offer.response_deadline:%d %b %Y}.",
            "Record",
            parent,
        )
        self._workspace, self._offer = workspace, offer
        self.accept_radio = QRadioButton("&Accepted")
        self.decline_radio = QRadioButton("&Declined")
        self.accept_radio.setChecked(True)
        self._choice = QButtonGroup(self)
        self._choice.addButton(self.accept_radio)
        self._choice.addButton(self.decline_radio)
        choice_row = QHBoxLayout()
        choice_row.addWidget(self.accept_radio)
        choice_row.addWidget(self.decline_radio)
        choice_row.addStretch(1)
        self.date_edit = date_edit(_clamp(date.today(), offer.offered_on, offer.response_deadline))
        self.note_edit = QLineEdit()
        self.form.addRow("Response:", choice_row)
        self.form.addRow("&Given on:", self.date_edit)
        self.form.addRow("&Note:", self.note_edit)

    def submit(self) -> Any:
        offer = self._offer
        return record_response(
            self._workspace,
            offer.financial_year,
            offer.service_code,
            offer.practice_code,
            accepted=self.accept_radio.isChecked(),
            responded_on=date_of(self.date_edit),
            note=self.note_edit.text(),
        )


class ReissueDialog(ActionDialog):
    """Offer again, with a new deadline, a service the practice declined or let lapse."""

    def __init__(
        self, workspace: Workspace, offer: OfferEntry, practice_name: str, parent: QWidget | None
    ) -> None:
        was = "declined" if offer.responded_on else "did not answer"
        super().__init__(
            "Reissue offer",
            f"{offer.practice_code} {practice_name} {was} <b>{offer.service_code}</b> "
            f"({offer.service_name}, {offer.financial_year}). Offer it again with a new deadline.",
            "Reissue",
            parent,
        )
        self._workspace, self._offer = workspace, offer
        self.deadline_edit = date_edit(
            _clamp(date.today() + timedelta(days=RESPONSE_DAYS), offer.start_date, offer.end_date)
        )
        self.form.addRow("&Respond by:", self.deadline_edit)

    def submit(self) -> Any:
        offer = self._offer
        return reissue_offer(
            self._workspace,
            offer.financial_year,
            offer.service_code,
            offer.practice_code,
            response_deadline=date_of(self.deadline_edit),
        )


class EndSignupDialog(ActionDialog):
    """End an accepted sign-up early, with the date and the reason."""

    def __init__(
        self, workspace: Workspace, offer: OfferEntry, practice_name: str, parent: QWidget | None
    ) -> None:
        super().__init__(
            "End sign-up",
            f"End {offer.practice_code} {practice_name}'s sign-up to <b>{offer.service_code}</b> "
            f"({offer.service_name}), {offer.start_date:%d %b %Y} to {offer.end_date:%d %b %Y}.",
            "End sign-up",
            parent,
        )
        self._workspace, self._offer = workspace, offer
        self.date_edit = date_edit(_clamp(date.today(), offer.start_date, offer.end_date))
        self.reason_edit = QLineEdit()
        self.form.addRow("&Ends on:", self.date_edit)
        self.form.addRow("&Reason:", self.reason_edit)

    def submit(self) -> Any:
        offer = self._offer
        return end_signup(
            self._workspace,
            offer.financial_year,
            offer.service_code,
            offer.practice_code,
            ended_on=date_of(self.date_edit),
            reason=self.reason_edit.text(),
        )
