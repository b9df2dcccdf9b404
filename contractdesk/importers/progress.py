"""How a long import reports its progress, and the points at which the user may cancel it.

An import takes a `progress(done, total, stage)` callback. It is called every
`ROWS_PER_REPORT` rows while a file is read and between the steps of the write, never per
row. The callback may raise `contractdesk.errors.Cancelled`: raised inside the write's unit
of work, it rolls the whole transaction back, so a cancelled import changes nothing.
"""

from __future__ import annotations

from collections.abc import Callable

Progress = Callable[[int, int, str], None]

# Rows read between two reports: often enough for a smooth bar, rare enough to cost nothing.
ROWS_PER_REPORT = 500

# The stage names of the write phase (a reading stage names its file: `reading_stage`).
CHECKING = "Comparing with the database"
WRITING = "Writing to the database"
SAVING = "Saving the changes"


def no_progress(done: int, total: int, stage: str) -> None:
    """The default callback: nobody is watching."""


def reading_stage(file_name: str) -> str:
    return f"Reading {file_name}"
