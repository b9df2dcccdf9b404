"""The errors a user can act on, as opposed to bugs.

A `KnownError` carries a plain message for the person at the keyboard (the CLI prints it and
exits 2; the GUI shows it in a dialog). Anything else is a bug: it is logged with its traceback.
"""

from __future__ import annotations


class KnownError(Exception):
    """An error caused by input or environment, with a message meant for the user."""


class BadInput(KnownError):
    """The user's input (a file, an argument, a form value) cannot be accepted."""


class NotFound(KnownError):
    """The record the user named does not exist."""


class PermissionDenied(KnownError):
    """The signed-in user's role does not allow the action."""


class ConflictError(KnownError):
    """A save was based on a version that someone else has since changed.

    `current` holds the other user's values so the caller can show them and let the user choose.
    """

    def __init__(self, message: str, current: object = None) -> None:
        super().__init__(message)
        self.current = current


class DatabaseUnavailable(KnownError):
    """The database cannot be opened: missing, locked, server down, or a schema mismatch."""


class Cancelled(KnownError):
    """The user cancelled a long operation; whatever it had begun was rolled back."""
