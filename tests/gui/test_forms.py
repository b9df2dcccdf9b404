"""The committed form modules in contractdesk/gui/forms match their ui/*.ui sources."""

import pytest

from contractdesk.gui.compile_forms import compile_form, form_sources, generated_module

# The compiler stamps its own version; a newer Qt making the same code is not a mismatch.
VERSION_STAMP = "## Created by: Qt User Interface Compiler version"


def without_version_stamp(code: str) -> str:
    return "\n".join(line for line in code.splitlines() if not line.startswith(VERSION_STAMP))


def test_there_are_forms():
    assert form_sources()


@pytest.mark.parametrize("source", form_sources(), ids=lambda path: path.name)
def test_generated_form_matches_its_ui_file(source):
    committed = generated_module(source)
    assert committed.exists(), "run: python -m contractdesk.gui.compile_forms"
    assert without_version_stamp(committed.read_text(encoding="utf-8")) == without_version_stamp(
        compile_form(source)
    ), f"{committed.name} is stale: run python -m contractdesk.gui.compile_forms"
