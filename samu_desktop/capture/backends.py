"""The global hotkey backends: the interface they share, and the one that fits the session.

Above the hotkey's text (:mod:`samu_desktop.capture.hotkey`) and the native
backends (:mod:`~samu_desktop.capture.x11_hotkey`, :mod:`~samu_desktop.capture.win32`),
which are loaded only for the session that needs them.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Protocol

from samu_desktop.capture.errors import HotkeyUnavailable
from samu_desktop.capture.hotkey import HotkeySpec
from samu_desktop.capture.session import SessionKind, session_kind
from samu_desktop.i18n import translate


class HotkeyBackend(Protocol):
    """Holds one global combination; ``callback`` runs on the backend's own thread."""

    def start(self, spec: HotkeySpec, callback: Callable[[], None]) -> None:
        """Claim the combination; raises HotkeyConflict when another program holds it."""

    def stop(self) -> None:
        """Release the combination (no-op when not started)."""


def default_backend(
    session: SessionKind | None = None,
    display: str | None = None,
    env: Mapping[str, str] | None = None,
) -> HotkeyBackend:
    """The backend for this session; raises HotkeyUnavailable with the reason in French."""
    session = session or session_kind(env)
    if session == "x11":
        from samu_desktop.capture.x11_hotkey import X11HotkeyBackend

        return X11HotkeyBackend(display)
    if session == "windows":
        from samu_desktop.capture.win32 import Win32HotkeyBackend

        return Win32HotkeyBackend()
    if session == "wayland":
        from samu_desktop.capture.wayland import wayland_unavailable

        raise wayland_unavailable()
    raise HotkeyUnavailable(
        translate(
            "hotkey",
            "Raccourci global indisponible : aucune session graphique n'a été trouvée. "
            "Utilisez l'icône de la zone de notification pour capturer l'écran.",
        )
    )
