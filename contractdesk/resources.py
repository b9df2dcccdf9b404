"""One locator for the data that ships beside the code: resources/, ui/ and db/.

From a checkout these folders sit next to the package; in the PyInstaller bundle they are
unpacked under `sys._MEIPASS` (build_installer.spec puts them there under the same names).
"""

from __future__ import annotations

import sys
from pathlib import Path


def application_root() -> Path:
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle)
    return Path(__file__).resolve().parent.parent


def resource_path(*parts: str) -> Path:
    """A file under resources/, e.g. `resource_path("demo", "epraccur_03L.csv")`."""
    path = application_root().joinpath("resources", *parts)
    if not path.exists():
        raise FileNotFoundError(f"resource missing from this installation: {path}")
    return path


def migrations_path() -> Path:
    """The Alembic environment (db/)."""
    return application_root() / "db"
