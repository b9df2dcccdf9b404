"""Where ContractDesk keeps its files on this machine (per-user directories from platformdirs)."""

from __future__ import annotations

from pathlib import Path

from platformdirs import PlatformDirs

_DIRS = PlatformDirs(appname="ContractDesk", appauthor="ContractDesk")


def data_dir() -> Path:
    path = Path(_DIRS.user_data_dir)
    path.mkdir(parents=True, exist_ok=True)
    return path


def log_dir() -> Path:
    path = Path(_DIRS.user_log_dir)
    path.mkdir(parents=True, exist_ok=True)
    return path


def default_database_path() -> Path:
    """The working database a user gets with no `--db`."""
    return data_dir() / "contractdesk.sqlite"


def default_demo_database_path() -> Path:
    """The demo database lives beside the working one, never over it."""
    return data_dir() / "contractdesk-demo.sqlite"


def backup_dir() -> Path:
    path = data_dir() / "backups"
    path.mkdir(parents=True, exist_ok=True)
    return path
