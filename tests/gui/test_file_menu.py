"""File menu: imports with progress, cancel and report; open, new and back up a database."""

import dataclasses
import shutil
import sqlite3
import threading

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QFileDialog, QPushButton
from sqlalchemy.engine import make_url

from contractdesk.gui.database_actions import POSTGRESQL_BACKUP_TOOLTIP, DatabaseActions
from contractdesk.gui.import_actions import VIEWER_TOOLTIP
from contractdesk.gui.main_window import SECTION_SETTING, MainWindow
from contractdesk.importers.progress import WRITING
from contractdesk.resources import resource_path
from contractdesk.services import practice_import
from contractdesk.services.workspace import open_workspace
from tests.helpers import copy_with_line_changed, database_snapshot

DEMO_PRACTICES = 37


@pytest.fixture
def window(qtbot, demo_workspace):
    main_window = MainWindow(demo_workspace)
    qtbot.addWidget(main_window)
    yield main_window
    if main_window.workspace is not demo_workspace:
        main_window.workspace.close()


@pytest.fixture
def england_epraccur(real_data):
    return real_data / "ods" / "epraccur_2025-09.csv"


def _choose_file(monkeypatch, path):
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args, **kwargs: (str(path), ""))


def _choose_save_file(monkeypatch, path):
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(path), ""))


def _register_rows(window):
    return window.practice_register.model.rowCount()


def test_file_menu_has_the_database_and_import_actions(window):
    texts = [action.text() for action in window.file_menu.actions()]
    assert texts == ["&Open database…", "&New database…", "", "&Back up…", "&Import", "", "&Quit"]
    assert [action.text() for action in window.import_menu.actions()] == [
        "&Practices (epraccur)…",
        "&List sizes…",
        "P&ayments…",
    ]


def test_import_practices_shows_progress_then_the_report_and_reloads_the_register(
    qtbot, window, monkeypatch, england_epraccur
):
    assert _register_rows(window) == DEMO_PRACTICES
    _choose_file(monkeypatch, england_epraccur)
    window.import_actions.practices_action.trigger()
    op = window.import_actions.current_op
    stages = []
    op.progressed.connect(lambda done, total, stage: stages.append(stage))
    with qtbot.waitSignal(window.import_actions.data_changed) as changed:
        pass
    assert changed.args == [frozenset({"practices"})]
    assert "Reading epraccur_2025-09.csv" in stages and WRITING in stages
    # A national file into a Rotherham database keeps to Rotherham: nothing floods in.
    assert _register_rows(window) == DEMO_PRACTICES
    dialog = window.import_actions.report_dialog
    assert dialog.isVisible()
    text = dialog.plain_text()
    assert f"Imported practices: 0 added, 0 updated, {DEMO_PRACTICES} unchanged" in text
    assert "outside the requested commissioner areas" in text
    assert "not a GP practice (prescribing setting is not 4)" in text
    # Skipped rows are shown with examples of where: file:row:column.
    assert "for example epraccur_2025-09.csv:" in text


def test_import_cancel_mid_write_leaves_the_database_unchanged_and_the_ui_responsive(
    qtbot, window, monkeypatch, england_epraccur, demo_workspace
):
    """The worker is held inside its write transaction until the officer has cancelled."""
    writing, release = threading.Event(), threading.Event()
    real_import = practice_import.import_practices

    def held_import(workspace, path, areas=(), progress=None):
        def progress_held_while_writing(done, total, stage):
            if stage == WRITING and not writing.is_set():
                writing.set()
                release.wait(10)
            progress(done, total, stage)

        return real_import(workspace, path, areas, progress=progress_held_while_writing)

    # The import action loads its service when chosen: patched there, it runs held_import.
    monkeypatch.setattr(practice_import, "import_practices", held_import)
    before = database_snapshot(demo_workspace)
    _choose_file(monkeypatch, england_epraccur)
    window.import_actions.practices_action.trigger()
    op = window.import_actions.current_op
    qtbot.waitUntil(writing.is_set)
    # The GUI thread is free while the import holds its transaction: the register filters.
    window.practice_register.ui.search_edit.setText("C87003")
    assert window.practice_register.proxy.rowCount() == 1
    window.practice_register.ui.search_edit.clear()
    with qtbot.waitSignal(op.cancelled):
        op.progress_dialog.findChild(QPushButton).click()
        release.set()
    assert not op.is_running
    assert database_snapshot(demo_workspace) == before
    assert _register_rows(window) == DEMO_PRACTICES
    assert window.import_actions.report_dialog is None


def test_a_rejected_file_shows_its_errors_in_the_report(qtbot, window, monkeypatch, tmp_path):
    source = resource_path("demo", "epraccur_03L_2025-09.csv")
    broken = copy_with_line_changed(
        source, tmp_path / "epraccur.csv", 3, lambda text: text.replace('"C87', '"C8', 1)
    )
    before = database_snapshot(window.workspace)
    _choose_file(monkeypatch, broken)
    window.import_actions.practices_action.trigger()
    with qtbot.waitSignal(window.import_actions.current_op.failed):
        pass
    dialog = window.import_actions.report_dialog
    assert dialog.isVisible()
    assert dialog.windowTitle() == "Import practices: refused"
    text = dialog.plain_text()
    assert "The practices import was refused: 1 problem(s) found" in text
    assert "epraccur.csv:3:1 (Organisation code):" in text
    assert "is not an ODS practice code" in text
    assert database_snapshot(window.workspace) == before


def test_a_file_of_the_wrong_kind_gets_a_plain_message(qtbot, window, monkeypatch):
    _choose_file(monkeypatch, resource_path("demo", "nhs_payments_gp_03L_2022-23.csv"))
    window.import_actions.practices_action.trigger()
    op = window.import_actions.current_op
    with qtbot.waitSignal(op.failed):
        pass
    box = window.import_actions.message_box
    assert box.isVisible()
    assert box.windowTitle() == "Import practices"
    assert "does not look like an ODS epraccur file" in box.text()


def test_import_list_sizes_and_payments_run_too(qtbot, window, monkeypatch):
    _choose_file(monkeypatch, resource_path("demo", "gp-reg-pat-prac-03L_2022-05.csv"))
    window.import_actions.list_sizes_action.trigger()
    with qtbot.waitSignal(window.import_actions.current_op.finished):
        pass
    assert "Imported list sizes: 0 added, 0 updated, 29 unchanged" in (
        window.import_actions.report_dialog.plain_text()
    )
    window.import_actions.report_dialog.close()
    payments = resource_path("demo", "nhs_payments_gp_03L_2022-23.csv")
    monkeypatch.setattr(
        QFileDialog, "getOpenFileNames", lambda *args, **kwargs: ([str(payments)], "")
    )
    window.import_actions.payments_action.trigger()
    with qtbot.waitSignal(window.import_actions.current_op.finished):
        pass
    assert "Imported payments: 0 added, 0 updated, 29 unchanged" in (
        window.import_actions.report_dialog.plain_text()
    )


def test_a_viewer_sees_import_disabled(qtbot, demo_workspace):
    viewer = open_workspace(demo_workspace.description, "viewer.only")
    try:
        assert viewer.user.role.value == "viewer"
        window = MainWindow(viewer)
        qtbot.addWidget(window)
        for action in window.import_actions.actions:
            assert not action.isEnabled()
            assert action.toolTip() == VIEWER_TOOLTIP
        assert window.database_actions.backup_action.isEnabled()
    finally:
        viewer.close()


def test_back_up_writes_a_copy_and_says_where(qtbot, window, monkeypatch, tmp_path):
    destination = tmp_path / "backups" / "copy.sqlite"
    _choose_save_file(monkeypatch, destination)
    window.database_actions.backup_action.trigger()
    with qtbot.waitSignal(window.database_actions.current_op.succeeded):
        pass
    assert str(destination) in window.database_actions.message_box.text()
    with sqlite3.connect(destination) as copy:
        assert copy.execute("SELECT count(*) FROM practice").fetchone() == (DEMO_PRACTICES,)


def test_back_up_is_disabled_for_postgresql(qtbot, demo_workspace):
    server = dataclasses.replace(
        demo_workspace, url=make_url("postgresql+psycopg://officer@db.example/contracts")
    )
    holder = MainWindow(demo_workspace)
    qtbot.addWidget(holder)
    actions = DatabaseActions(server, holder)
    assert not actions.backup_action.isEnabled()
    assert actions.backup_action.toolTip() == POSTGRESQL_BACKUP_TOOLTIP


def test_new_database_switches_the_window_to_it(qtbot, window, monkeypatch, tmp_path):
    _choose_save_file(monkeypatch, tmp_path / "fresh")  # no suffix: .sqlite is added
    window.database_actions.new_action.trigger()
    with qtbot.waitSignal(window.database_actions.current_op.succeeded):
        pass
    new_path = str(tmp_path / "fresh.sqlite")
    assert window.workspace.description == new_path
    assert window.database_label.text() == new_path
    assert window.windowTitle() == f"ContractDesk — {new_path}"
    # The first user of a new database is its admin.
    assert window.user_label.text() == "Signed in as tester (admin)"
    assert _register_rows(window) == 0
    # The window stays on the section it showed (a first run opens on the dashboard).
    assert window.pages.currentWidget() is window.section_pages["dashboard"]


def test_new_database_never_overwrites_a_file(qtbot, window, monkeypatch, tmp_path):
    existing = tmp_path / "precious.sqlite"
    existing.write_bytes(b"someone's data")
    _choose_save_file(monkeypatch, existing)
    window.database_actions.new_action.trigger()
    assert "already exists" in window.database_actions.message_box.text()
    assert existing.read_bytes() == b"someone's data"
    assert window.database_actions.current_op is None


def test_open_database_switches_and_a_bad_file_is_refused_plainly(
    qtbot, window, monkeypatch, tmp_path, demo_workspace
):
    other = shutil.copyfile(demo_workspace.description, tmp_path / "other.sqlite")
    _choose_file(monkeypatch, other)
    window.database_actions.open_action.trigger()
    with qtbot.waitSignal(window.database_actions.current_op.succeeded):
        pass
    assert window.database_label.text() == str(other)
    assert _register_rows(window) == DEMO_PRACTICES

    not_a_database = tmp_path / "notes.sqlite"
    not_a_database.write_text("shopping list " * 200)
    _choose_file(monkeypatch, not_a_database)
    window.database_actions.open_action.trigger()
    op = window.database_actions.current_op
    with qtbot.waitSignal(op.failed):
        pass
    assert "file is not a database" in op.message_box.text()
    assert window.database_label.text() == str(other)


def test_the_last_section_shown_is_remembered(qtbot, window):
    window.show_section("practices")
    window.close()
    assert QSettings().value(SECTION_SETTING) == "practices"
