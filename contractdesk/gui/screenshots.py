"""Save screenshots of the main window and About dialog on the demo database (for review)."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

SCREENSHOT_FOLDER = Path("build") / "screenshots"
WINDOW_SIZE = (1280, 800)


def main() -> int:
    # Render without a display (CI, review machines) unless the caller chose a platform.
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from contractdesk.gui.application import create_application
    from contractdesk.gui.escalation_screenshots import capture_escalation
    from contractdesk.gui.letters_screenshots import capture_letters
    from contractdesk.gui.main_window import MainWindow
    from contractdesk.services.demo import build_demo_database
    from contractdesk.services.workspace import open_workspace

    SCREENSHOT_FOLDER.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="contractdesk-screenshots-") as folder:
        # Keep the user's own saved window layout out of the pictures, and the pictures' out of it.
        QSettings.setDefaultFormat(QSettings.Format.IniFormat)
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, folder)
        create_application()
        database = build_demo_database(Path(folder) / "demo.sqlite", "demo.officer")
        workspace = open_workspace(str(database), "demo.officer")
        try:
            # The register first (a first run opens on the Dashboard, pictured on its own).
            window = MainWindow(workspace, section="practices")
            window.resize(*WINDOW_SIZE)
            window.show()
            QApplication.processEvents()
            _save(window.grab(), "main_window.png")
            about = window.about_dialog()
            about.show()
            QApplication.processEvents()
            _save(about.grab(), "about.png")
            about.close()
            capture_practice_editor(window.practice_register)
            capture_quality_contract(window)
            capture_escalation(window, _save)
            capture_letters(window, Path(folder), _save)
            capture_import_dialogs(window, Path(folder))
            capture_funding(window)
            capture_kpis(window)
            window.close()
        finally:
            workspace.close()
    return 0


def capture_import_dialogs(window, folder: Path) -> None:  # type: ignore[no-untyped-def]
    """The File menu, an import's progress, its report, and the report of a refused file."""
    import threading

    from PySide6.QtCore import QPoint
    from PySide6.QtGui import QPainter, QPixmap
    from PySide6.QtWidgets import QApplication

    from contractdesk.gui.background import BackgroundOp
    from contractdesk.gui.import_report_dialog import ImportReportDialog
    from contractdesk.importers.progress import reading_stage
    from contractdesk.importers.report import ImportRejected
    from contractdesk.resources import resource_path
    from contractdesk.services.practice_import import import_practices

    # The File menu with its Import submenu open beside it, as one picture.
    menu, submenu = window.file_menu, window.import_menu
    menu.popup(window.mapToGlobal(QPoint(0, window.menuBar().height())))
    submenu.popup(menu.pos())
    QApplication.processEvents()
    menu_picture, submenu_picture = menu.grab(), submenu.grab()
    import_row = menu.actionGeometry(submenu.menuAction())
    picture = QPixmap(
        menu_picture.width() + submenu_picture.width(),
        max(menu_picture.height(), import_row.top() + submenu_picture.height()),
    )
    picture.fill(window.palette().window().color())
    painter = QPainter(picture)
    painter.drawPixmap(0, 0, menu_picture)
    painter.drawPixmap(menu_picture.width(), import_row.top(), submenu_picture)
    painter.end()
    submenu.hide()
    menu.hide()
    _save(picture, "file_menu.png")

    # An import part-way through reading its file, held there while the picture is taken.
    held = threading.Event()

    def reading(progress):  # type: ignore[no-untyped-def]
        progress(6500, 16685, reading_stage("epraccur_2025-09.csv"))
        held.wait(10)

    op = BackgroundOp(window, reading, label="Importing practices").run_in_background()
    while op.progress_dialog.value() <= 0:
        QApplication.processEvents()
    op.progress_dialog.show()
    QApplication.processEvents()
    _save(op.progress_dialog.grab(), "import_progress.png")
    held.set()
    while op.is_running:
        QApplication.processEvents()

    # The report of the demo's own practices file, imported again (nothing changes).
    epraccur = resource_path("demo", "epraccur_03L_2025-09.csv")
    report = import_practices(window.workspace, epraccur)
    _save_dialog(ImportReportDialog("practices", [report], parent=window), "import_report.png")

    # A refused file: the same file with a broken code, a bad date and a truncated row.
    lines = epraccur.read_text(encoding="utf-8").splitlines(keepends=True)
    broken = folder / "epraccur_broken.csv"
    lines[2] = lines[2].replace('"C87', '"C8', 1)
    lines[4] = lines[4].replace('"19740401"', '"1974-04-01"')
    lines[6] = lines[6].split(',"Y63"')[0] + "\n"
    broken.write_text("".join(lines), encoding="utf-8")
    try:
        import_practices(window.workspace, broken)
    except ImportRejected as rejected:
        dialog = ImportReportDialog("practices", rejected.reports, rejected=True, parent=window)
        _save_dialog(dialog, "import_rejected.png")


def capture_quality_contract(window) -> None:  # type: ignore[no-untyped-def]
    """The Sign-ups, Sub-contracts and Services sections, their dialogs, and the editor's
    Sub-contracts tab."""
    from PySide6.QtWidgets import QApplication, QDialog

    from contractdesk.domain.whole_contract import CellState
    from contractdesk.gui.practice_editor import SUBCONTRACTS_TAB
    from contractdesk.gui.signup_dialogs import ResponseDialog
    from contractdesk.services.service_catalogue import create_service

    signups = window.show_section("signups")
    QApplication.processEvents()
    _save(window.grab(), "signups.png")
    rows = [signups.model.row_at(row) for row in range(signups.model.rowCount())]

    # The cell menu of a declined required service, as Enter or a right-click opens it.
    declined = next(row for row in rows if row.compliance.declined_required)
    signups.select_cell(declined.ods_code, declined.compliance.declined_required[0])
    index = signups.table.currentIndex()
    signups.cell_actions(index)
    corner = signups.table.visualRect(index).bottomLeft()
    signups.cell_menu.popup(signups.table.viewport().mapToGlobal(corner))
    QApplication.processEvents()
    _save(signups.cell_menu.grab(), "signups_cell_menu.png")
    signups.cell_menu.hide()

    # One locality, only the practices with gaps or declines.
    signups.locality_combo.setCurrentIndex(1)
    signups.gaps_check.setChecked(True)
    QApplication.processEvents()
    _save(window.grab(), "signups_filtered.png")
    signups.gaps_check.setChecked(False)
    signups.locality_combo.setCurrentIndex(0)

    # A pilot offered to one practice of its locality: the service asks for the reason.
    create_service(
        window.workspace,
        signups.year,
        "PILOT-ECG",
        {"name": "ECG pilot", "kind": "LES", "funding_basis": "per_item", "price_pence": 2500},
    )
    signups.reload()
    dialog = signups.offer_to_practice(rows[0].ods_code, "PILOT-ECG")
    QApplication.processEvents()
    _save(dialog.grab(), "offer_dialog.png")
    dialog.accept()
    dialog.adjustSize()
    QApplication.processEvents()
    _save(dialog.grab(), "offer_dialog_reason.png")
    dialog.reason_edit.setText("Pilot site chosen by the ICB's cardiology group")
    dialog.accept()
    QApplication.processEvents()

    offered_row, offered_service = next(
        (row, signups.model.services[position])
        for row in rows
        for position, state in enumerate(row.states)
        if state is CellState.OFFERED
    )
    signups.select_cell(offered_row.ods_code, offered_service.code)
    QApplication.processEvents()
    _save(window.grab(), "signups_after_offer.png")
    dialog = signups._open_offer_dialog(  # noqa: SLF001 - what the cell's menu opens
        ResponseDialog, offered_row.ods_code, offered_service.code
    )
    QApplication.processEvents()
    _save(dialog.grab(), "response_dialog.png")
    dialog.done(QDialog.DialogCode.Rejected)

    subcontracts = window.show_section("subcontracts")
    QApplication.processEvents()
    _save(window.grab(), "subcontracts.png")
    dialog = subcontracts.new_subcontract()
    QApplication.processEvents()
    _save(dialog.grab(), "subcontract_new.png")
    dialog.done(QDialog.DialogCode.Rejected)
    subcontracts.table.selectRow(0)
    dialog = subcontracts.decide(approve=False)
    if dialog is not None:
        QApplication.processEvents()
        _save(dialog.grab(), "subcontract_object.png")
        dialog.done(QDialog.DialogCode.Rejected)
    contractor = subcontracts.model.row_at(0).contractor_code

    services = window.show_section("services")
    QApplication.processEvents()
    _save(window.grab(), "services.png")
    services.table.selectRow(0)
    dialog = services.edit_service()
    QApplication.processEvents()
    _save(dialog.grab(), "service_dialog.png")
    dialog.done(QDialog.DialogCode.Rejected)

    register = window.show_section("practices")
    QApplication.processEvents()
    _save(window.grab(), "main_window_compliance.png")
    editor = register.open_practice(contractor)
    editor.ui.tabs.setCurrentIndex(SUBCONTRACTS_TAB)
    QApplication.processEvents()
    _save(editor.grab(), "practice_editor_subcontracts.png")
    editor.done(QDialog.DialogCode.Rejected)


def capture_funding(window) -> None:  # type: ignore[no-untyped-def]
    """The Funding section's three tabs on the demo: by practice, a history, the plan."""
    from PySide6.QtWidgets import QApplication

    section = window.show_section("funding")
    QApplication.processEvents()
    for tab, name in enumerate(("funding_practices", "funding_history", "funding_plan")):
        section.tabs.setCurrentIndex(tab)
        if name == "funding_history":
            section.show_practice_history("C87003")
        if name == "funding_plan":
            section.plan_editor.exemptions_edit.setPlainText(
                "C87003: serves asylum seekers and the homeless"
            )
        QApplication.processEvents()
        _save(window.grab(), f"{name}.png")
    section.plan_editor.result_tabs.setCurrentIndex(1)
    QApplication.processEvents()
    _save(window.grab(), "funding_fairness.png")


def _save_dialog(dialog, name: str) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QApplication

    dialog.show()
    QApplication.processEvents()
    _save(dialog.grab(), name)
    dialog.close()


def capture_practice_editor(register) -> None:  # type: ignore[no-untyped-def]
    """The practice editor's three tabs, a field in error, and the conflict dialog."""
    from PySide6.QtWidgets import QApplication, QDialog

    from contractdesk.gui.conflict_dialog import ConflictDialog, conflicting_fields
    from contractdesk.gui.practice_editor import HISTORY_TAB, LIST_SIZES_TAB

    editor = register.open_practice("C87003")
    QApplication.processEvents()
    _save(editor.grab(), "practice_editor_details.png")
    for tab, name in ((LIST_SIZES_TAB, "list_sizes"), (HISTORY_TAB, "history")):
        editor.ui.tabs.setCurrentIndex(tab)
        QApplication.processEvents()
        _save(editor.grab(), f"practice_editor_{name}.png")
    editor.ui.tabs.setCurrentIndex(0)
    editor.ui.postcode_edit.setText("S61 XYZ")
    editor.ui.close_date_check.setChecked(True)
    editor.ui.close_date_edit.setDate(editor.ui.open_date_edit.date().addDays(-1))
    QApplication.processEvents()
    _save(editor.grab(), "practice_editor_invalid.png")
    # A conflict as it would look after another officer renamed the practice and its phone.
    mine = {"name": "Woodstock Bower Surgery", "phone": "01709 560005", "postcode": "S61 1AH"}
    original = mine | {"name": "WOODSTOCK BOWER GROUP PRACTICE"}
    theirs = original | {"name": "WOODSTOCK BOWER GP", "phone": "01709 560099"}
    fields = conflicting_fields(original, mine, theirs)
    conflict = ConflictDialog("C87003", fields, "j.bloggs", editor)
    conflict.show()
    QApplication.processEvents()
    _save(conflict.grab(), "conflict_dialog.png")
    conflict.close()
    editor.done(QDialog.DialogCode.Rejected)


def capture_kpis(window) -> None:  # type: ignore[no-untyped-def]
    """The KPIs section (the grid of the latest quarter) and a practice's KPI tab."""
    from PySide6.QtWidgets import QApplication, QDialog

    window.navigation.setCurrentRow(window._section_keys.index("kpis"))
    QApplication.processEvents()
    _save(window.grab(), "kpis_grid.png")
    framework = window.show_section("kpis").open_framework()
    QApplication.processEvents()
    _save(framework.grab(), "kpi_framework.png")
    target = framework.change_target()
    QApplication.processEvents()
    _save(target.grab(), "kpi_target.png")
    target.done(QDialog.DialogCode.Rejected)
    framework.done(QDialog.DialogCode.Rejected)
    editor = window.practice_register.open_practice("C87003")
    editor.ui.tabs.setCurrentIndex(editor.ui.tabs.indexOf(editor.kpi_tab))
    QApplication.processEvents()
    tab = editor.kpi_tab.ensure_built()
    for row in range(tab.kpi_list.count()):
        if tab.kpi_list.item(row).data(256) == "DM-OPFU":  # a quarterly KPI: a longer trend
            tab.kpi_list.setCurrentRow(row)
    QApplication.processEvents()
    _save(editor.grab(), "practice_editor_kpis.png")
    editor.done(QDialog.DialogCode.Rejected)
    window.navigation.setCurrentRow(0)


def _save(pixmap, name: str) -> None:  # type: ignore[no-untyped-def]
    path = SCREENSHOT_FOLDER / name
    if not pixmap.save(str(path)):
        raise OSError(f"could not save {path}")
    print(f"saved {path}")


if __name__ == "__main__":
    sys.exit(main())
