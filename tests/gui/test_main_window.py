"""The main window: title, navigation, status bar, menus, About and remembered layout."""

import pytest
from PySide6.QtGui import QKeySequence

from contractdesk import __version__
from contractdesk.gui.about_dialog import AboutDialog
from contractdesk.gui.main_window import MainWindow


@pytest.fixture
def window(qtbot, demo_workspace) -> MainWindow:
    main_window = MainWindow(demo_workspace)
    qtbot.addWidget(main_window)
    return main_window


def test_title_names_the_database(window, demo_workspace):
    assert window.windowTitle() == f"ContractDesk — {demo_workspace.description}"


def test_navigation_opens_on_practices_and_has_kpis(window):
    assert [window.navigation.item(row).text() for row in range(window.navigation.count())] == [
        "Practices",
        "KPIs",
    ]
    assert window.pages.count() == 2
    assert window.pages.currentWidget() is window.practice_register
    assert window.kpi_page.content is None  # built when first shown


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
