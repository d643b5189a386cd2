"""Screen capture (mss), the global hotkey backends and starting with the session.

Public API (Qt-free):
- :class:`ScreenGrabber` — one warm mss instance: ``grab_all()``, ``grab_monitor(i)``,
  ``grab_rect(rect)``, ``grab_active_window()``, ``grab_batch()``, ``capture(request)``;
- :class:`Capture`, :class:`CaptureBatch`, :class:`CaptureLog`, :class:`MonitorLayout`,
  :class:`Rect` — the models; :func:`crop_from` cuts a region out of screen captures;
- :class:`HotkeySpec` and :func:`default_backend` — the global hotkey;
- :func:`apply_autostart` — the ``start_with_session`` setting made real.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from samu_desktop.lazy import lazy_attributes

if TYPE_CHECKING:
    from samu_desktop.capture.autostart import apply_autostart, platform_autostart
    from samu_desktop.capture.backends import HotkeyBackend, default_backend
    from samu_desktop.capture.errors import (
        AutostartError,
        CaptureError,
        HotkeyConflict,
        HotkeyError,
        HotkeyInvalid,
        HotkeyUnavailable,
    )
    from samu_desktop.capture.grabber import CaptureRequest, ScreenGrabber, crop_from, local_now
    from samu_desktop.capture.hotkey import DEFAULT_HOTKEY, HotkeySpec
    from samu_desktop.capture.models import (
        Capture,
        CaptureBatch,
        CaptureLog,
        Monitor,
        MonitorLayout,
        Rect,
    )

# Each name loads its module on first use: importing the package stays cheap,
# which keeps the application's start quick.
_SOURCES: dict[str, str] = {
    "apply_autostart": "samu_desktop.capture.autostart",
    "platform_autostart": "samu_desktop.capture.autostart",
    "AutostartError": "samu_desktop.capture.errors",
    "CaptureError": "samu_desktop.capture.errors",
    "HotkeyConflict": "samu_desktop.capture.errors",
    "HotkeyError": "samu_desktop.capture.errors",
    "HotkeyInvalid": "samu_desktop.capture.errors",
    "HotkeyUnavailable": "samu_desktop.capture.errors",
    "CaptureRequest": "samu_desktop.capture.grabber",
    "ScreenGrabber": "samu_desktop.capture.grabber",
    "crop_from": "samu_desktop.capture.grabber",
    "local_now": "samu_desktop.capture.grabber",
    "DEFAULT_HOTKEY": "samu_desktop.capture.hotkey",
    "HotkeyBackend": "samu_desktop.capture.backends",
    "HotkeySpec": "samu_desktop.capture.hotkey",
    "default_backend": "samu_desktop.capture.backends",
    "Capture": "samu_desktop.capture.models",
    "CaptureBatch": "samu_desktop.capture.models",
    "CaptureLog": "samu_desktop.capture.models",
    "Monitor": "samu_desktop.capture.models",
    "MonitorLayout": "samu_desktop.capture.models",
    "Rect": "samu_desktop.capture.models",
}

__all__ = [
    "DEFAULT_HOTKEY",
    "AutostartError",
    "Capture",
    "CaptureBatch",
    "CaptureError",
    "CaptureLog",
    "CaptureRequest",
    "HotkeyBackend",
    "HotkeyConflict",
    "HotkeyError",
    "HotkeyInvalid",
    "HotkeySpec",
    "HotkeyUnavailable",
    "Monitor",
    "MonitorLayout",
    "Rect",
    "ScreenGrabber",
    "apply_autostart",
    "crop_from",
    "default_backend",
    "local_now",
    "platform_autostart",
]


__getattr__ = lazy_attributes(__name__, _SOURCES)
