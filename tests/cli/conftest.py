"""Fixtures for the command-line tests."""

import pytest

from contractdesk.services.demo import build_demo_database


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    """The demo database (Rotherham), built once per test module."""
    return str(build_demo_database(tmp_path_factory.mktemp("demo") / "demo.sqlite", "tester"))
