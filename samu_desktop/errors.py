"""Domain errors: each carries one clear French sentence for the user.

Non-GUI code raises these; the GUI shows ``user_message`` and never a
traceback. ``details`` is for the "copy details" button and the log, and must
never contain a secret or patient data.
"""

from __future__ import annotations


class UserFacingError(Exception):
    """An error whose message is meant to be read by the user."""

    def __init__(self, user_message: str, details: str = "") -> None:
        super().__init__(user_message)
        self.user_message = user_message
        self.details = details


class SettingsError(UserFacingError):
    """The settings or the administrator's policy could not be used as they are."""


class StorageError(UserFacingError):
    """A file could not be written (disk full, permission denied …)."""
