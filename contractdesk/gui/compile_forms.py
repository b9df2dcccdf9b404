"""Compile the Qt Designer forms in ui/ into contractdesk/gui/forms/ with pyside6-uic."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from contractdesk.resources import application_root

FORMS_PACKAGE = Path(__file__).resolve().parent / "forms"


def form_sources() -> list[Path]:
    return sorted((application_root() / "ui").glob("*.ui"))


def generated_module(source: Path) -> Path:
    """`ui/practice_register.ui` compiles to `forms/practice_register_ui.py`."""
    return FORMS_PACKAGE / f"{source.stem}_ui.py"


def compile_form(source: Path) -> str:
    """The Python that pyside6-uic makes from `source`."""
    # The venv's bin folder is not always on PATH (e.g. when run as .venv/bin/python).
    uic = shutil.which("pyside6-uic") or str(Path(sys.executable).parent / "pyside6-uic")
    result = subprocess.run([uic, str(source)], check=True, capture_output=True, text=True)
    return result.stdout


def main() -> int:
    for source in form_sources():
        target = generated_module(source)
        target.write_text(compile_form(source), encoding="utf-8")
        print(f"{source.name} -> {target.relative_to(application_root())}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
