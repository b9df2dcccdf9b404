"""Screenshots of the Dashboard, the Notices section, its forms and the Escalation tab (called
from contractdesk.gui.screenshots on the demo database)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QApplication, QDialog

from contractdesk.domain.notices import NoticeKind


def capture_escalation(window: Any, save: Callable[[Any, str], None]) -> None:
    from contractdesk.gui.practice_editor import ESCALATION_TAB

    dashboard = window.show_section("dashboard")
    dashboard.load()
    QApplication.processEvents()
    save(window.grab(), "dashboard.png")
    dashboard.set_category("Remedial notice")
    QApplication.processEvents()
    save(window.grab(), "dashboard_filtered.png")
    dashboard.set_category(None)

    notices = window.show_section("notices")
    # Not the overdue, flagged notice: the selection would hide its colours.
    notices.select_reference("RN-C87007-1")
    QApplication.processEvents()
    save(window.grab(), "notices.png")
    notices.overdue_check.setChecked(True)
    QApplication.processEvents()
    save(window.grab(), "notices_overdue.png")
    notices.overdue_check.setChecked(False)
    notices.tabs.setCurrentIndex(1)
    QApplication.processEvents()
    save(window.grab(), "notices_concerns.png")
    notices.tabs.setCurrentIndex(0)

    # A new remedial notice drafted, then issued with too short a deadline: the rule's message.
    draft = notices.draft_notice()
    draft.practice_combo.setCurrentIndex(draft.practice_combo.findData("C87022"))
    draft.set_kind(NoticeKind.REMEDIAL)
    draft.breach_edit.setPlainText(
        "Demo data: the practice did not take part in the locality's winter access plan."
    )
    draft.steps_edit.setPlainText("Publish extended-hours appointments for December to March.")
    draft.clause_edit.setText("Quality contract schedule 2, Access")
    QApplication.processEvents()
    save(draft.grab(), "notice_draft.png")
    draft.accept()
    QApplication.processEvents()
    issue = notices.issue()
    issue.deadline_edit.setDate(issue.given_edit.date().addDays(27))
    QApplication.processEvents()
    save(issue.grab(), "notice_issue_short.png")
    issue.accept()
    QApplication.processEvents()
    if issue.message_box is not None:
        save(issue.message_box.grab(), "notice_issue_refused.png")
        issue.message_box.done(0)
    issue.done(QDialog.DialogCode.Rejected)

    notices.select_reference("RN-C87013-1")
    sanction = notices.record_sanction()
    QApplication.processEvents()
    save(sanction.grab(), "sanction_dialog.png")
    sanction.effective_edit.setDate(sanction.notice_edit.date().addDays(10))
    sanction.obligation_edit.setText("Minor surgery (enhanced service)")
    sanction.accept()
    QApplication.processEvents()
    if sanction.message_box is not None:
        save(sanction.message_box.grab(), "sanction_refused.png")
        sanction.message_box.done(0)
    # Then recorded in time, and its dispute referral on the Sanctions tab.
    sanction = notices.record_sanction()
    sanction.obligation_edit.setText("Minor surgery (enhanced service)")
    sanction.effective_edit.setDate(sanction.notice_edit.date().addDays(28))
    recorded: list[Any] = []
    sanction.completed.connect(recorded.append)
    sanction.accept()
    QApplication.processEvents()
    if not recorded:  # refused: the form is still open
        sanction.done(QDialog.DialogCode.Rejected)
    else:
        dispute = notices.sanctions_tab.record_dispute()
        QApplication.processEvents()
        save(dispute.grab(), "sanction_dispute.png")
        dispute.accept()
        QApplication.processEvents()
        save(window.grab(), "notices_sanctions.png")
    notices.tabs.setCurrentIndex(0)

    notices.select_reference("RN-C87007-1")
    plan = notices.recovery_plan()
    QApplication.processEvents()
    save(plan.grab(), "recovery_plan.png")
    plan.done(QDialog.DialogCode.Rejected)

    register = window.practice_register
    for code in ("C87007", "C87013"):
        editor = register.open_practice(code)
        editor.ui.tabs.setCurrentIndex(ESCALATION_TAB)
        QApplication.processEvents()
        save(editor.grab(), f"practice_editor_escalation_{code}.png")
        editor.done(QDialog.DialogCode.Rejected)
