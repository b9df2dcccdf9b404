"""The main window: title, navigation, status bar, menus, About and remembered layout."""

import pytest
from PySide6.QtGui import QKeySequence

from contractdesk import __version__
from contractdesk.gui.about_dialog import AboutDialog
from contractdesk.gui.main_window import MainWindow

QUALITY_SECTIONS = ("Practices", "Sign-ups", "Sub-contracts", "Services")


@pytest.fixture
def window(qtbot, demo_workspace) -> MainWindow:
    main_window = MainWindow(demo_workspace)
    qtbot.addWidget(main_window)
    return main_window


def test_title_names_the_database(window, demo_workspace):
    assert window.windowTitle() == f"ContractDesk — {demo_workspace.description}"


def section_row(window: MainWindow, title: str) -> int:
    titles = [window.navigation.item(row).text() for row in range(window.navigation.count())]
    return titles.index(title)


def test_navigation_has_the_register_then_the_quality_contract_sections(window):
    rows = [section_row(window, title) for title in QUALITY_SECTIONS]
    assert rows == list(range(rows[0], rows[0] + len(rows)))  # together, in this order
    assert window.pages.count() == window.navigation.count()
    assert not {"signups", "subcontracts", "services"} & set(window.section_pages)


def test_choosing_a_section_builds_its_page_once(window):
    from contractdesk.gui.signup_page import SignupsPage

    window.navigation.setCurrentRow(section_row(window, "Sign-ups"))
    page = window.pages.currentWidget()
    assert isinstance(page, SignupsPage)
    count = window.pages.count()
    window.navigation.setCurrentRow(section_row(window, "Practices"))
    window.navigation.setCurrentRow(section_row(window, "Sign-ups"))
    assert window.pages.currentWidget() is page
    assert window.pages.count() == count


def test_the_sections_modules_are_not_imported_at_start_up(demo_workspace):
    """Start-up is measured: a fresh interpreter opening the window leaves them unloaded."""
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from contractdesk.gui.application import create_application\n"
        "from contractdesk.gui.main_window import MainWindow\n"
        "from contractdesk.services.workspace import open_workspace\n"
        "app = create_application()\n"
        f"window = MainWindow(open_workspace({str(demo_workspace.url.database)!r}, 'tester'))\n"
        "lazy = ['contractdesk.gui.' + name for name in ('signup_page', 'subcontracts_page',"
        " 'services_page', 'signup_matrix_model')] + ['contractdesk.services.signup_matrix']\n"
        "print([name for name in lazy if name in sys.modules])\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert result.stdout.strip().splitlines()[-1] == "[]"


def test_a_cell_opening_a_subcontract_shows_it_in_its_section(window):
    from contractdesk.domain.whole_contract import CellState
    from tests.gui.quality_helpers import FIRST_YEAR

    signups = window.show_section("signups")
    signups.set_year(FIRST_YEAR)
    row = next(
        signups.model.row_at(r)
        for r in range(signups.model.rowCount())
        if CellState.SUBCONTRACTED in signups.model.row_at(r).states
    )
    service = signups.model.services[row.states.index(CellState.SUBCONTRACTED)].code
    signups.open_subcontract(row.ods_code, service)
    subcontracts = window.pages.currentWidget()
    assert subcontracts is window.section_pages["subcontracts"]
    assert window.navigation.currentRow() == section_row(window, "Sub-contracts")
    entry = subcontracts.selected_entry()
    assert entry.contractor_code == row.ods_code and service in entry.service_codes


def test_a_change_in_one_section_refreshes_the_others(qtbot, window):
    from contractdesk.gui.practice_table_model import WHOLE_CONTRACT_COLUMN

    register = window.practice_register
    register.load_compliance()
    subcontracts = window.show_section("subcontracts")
    services = window.show_section("services")
    services.select_service("PSA")
    services.toggle_retired()  # announces "services"
    assert window.section_pages["subcontracts"] is subcontracts
    column = register.model.index(0, WHOLE_CONTRACT_COLUMN).data()
    assert column  # compliance was read again, not emptied


def test_status_bar_shows_database_and_signed_in_user(window, demo_workspace):
    assert window.database_label.text() == demo_workspace.description
    assert window.user_label.text() == "Signed in as tester (admin)"


def test_quit_is_ctrl_q_and_closes_the_window(qtbot, window):
    window.show()
    qtbot.waitExposed(window)
    assert window.quit_action.shortcut() == QKeySequence("Ctrl+Q")
    window.quit_action.trigger()
    assert not window.isVisible()


def test_about_gives_version_database_and_open_government_licence(window, demo_workspace):
    text = window.about_dialog().plain_text()
    assert f"ContractDesk {__version__}" in text
    assert demo_workspace.description in text
    assert (
        "Contains public sector information licensed under the Open Government Licence v3.0."
        in text
    )


def test_help_menu_opens_about(qtbot, window, monkeypatch):
    opened = []
    monkeypatch.setattr(AboutDialog, "exec", lambda dialog: opened.append(dialog))
    window.about_action.trigger()
    assert len(opened) == 1
    assert opened[0].parent() is window


def test_window_size_and_splitter_are_remembered(qtbot, window, demo_workspace):
    window.show()
    qtbot.waitExposed(window)
    # Smaller than the offscreen platform's 800x600 screen, which a restore would clamp to.
    window.resize(700, 500)
    window.splitter.setSizes([250, 450])
    navigation_width = window.splitter.sizes()[0]
    window.close()

    reopened = MainWindow(demo_workspace)
    qtbot.addWidget(reopened)
    reopened.show()
    qtbot.waitExposed(reopened)
    assert (reopened.width(), reopened.height()) == (700, 500)
    assert reopened.splitter.sizes()[0] == navigation_width
