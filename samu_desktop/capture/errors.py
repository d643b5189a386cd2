"""Errors of capture, hotkey and autostart: each carries one French sentence for the user."""

from __future__ import annotations

from samu_desktop.errors import UserFacingError


class CaptureError(UserFacingError):
    """The screen could not be captured."""


class HotkeyError(UserFacingError):
    """The global hotkey could not be set up."""


class HotkeyInvalid(HotkeyError):
    """The hotkey text in the settings cannot be understood."""


class HotkeyConflict(HotkeyError):
    """Another program already holds the combination."""


class HotkeyUnavailable(HotkeyError):
    """This session offers no way to have a global hotkey (Wayland without the portal)."""


class AutostartError(UserFacingError):
    """Starting with the session could not be switched on or off."""
