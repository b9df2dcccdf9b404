"""Which database a `--db` value names, worked out without SQLAlchemy (start-up needs it first).

`--db` wins, then the environment variable, then the default file. A value with `://` is a
SQLAlchemy URL (parsed by `store.engine`); anything else is a path to a SQLite file.
"""

from __future__ import annotations

import os
from pathlib import Path

from contractdesk.app_paths import default_database_path

DATABASE_URL_VARIABLE = "CONTRACTDESK_DATABASE_URL"
# How long any connection to a SQLite file waits for another writer's lock.
BUSY_TIMEOUT_MS = 10_000


def database_setting(db: str | None) -> str:
    """The database to use, as the user gave it: a file path or a URL."""
    return db or os.environ.get(DATABASE_URL_VARIABLE) or str(default_database_path())


def sqlite_file_named(value: str) -> Path | None:
    """The SQLite file a setting names as a path, or None when it is a URL."""
    if "://" in value:
        return None
    return Path(value).expanduser().resolve()
