"""Screen capture (mss), the global hotkey backends and starting with the session.

Public API (Qt-free):
- :class:`ScreenGrabber` — one warm mss instance: ``grab_all()``, ``grab_monitor(i)``,
  ``grab_rect(rect)``, ``grab_active_window()``, ``grab_batch()``, ``capture(request)``;
- :class:`Capture`, :class:`CaptureBatch`, :class:`CaptureLog`, :class:`MonitorLayout`,
  :class:`Rect` — the models; :func:`crop_from` cuts a region out of screen captures;
- :class:`HotkeySpec` and :func:`default_backend` — the global hotkey;
- :func:`apply_autostart` — the ``start_with_session`` setting made real.
"""

from samu_desktop.capture.autostart import apply_autostart, platform_autostart
from samu_desktop.capture.errors import (
    AutostartError,
    CaptureError,
    HotkeyConflict,
    HotkeyError,
    HotkeyInvalid,
    HotkeyUnavailable,
)
from samu_desktop.capture.grabber import CaptureRequest, ScreenGrabber, crop_from, local_now
from samu_desktop.capture.hotkey import DEFAULT_HOTKEY, HotkeyBackend, HotkeySpec, default_backend
from samu_desktop.capture.models import (
    Capture,
    CaptureBatch,
    CaptureLog,
    Monitor,
    MonitorLayout,
    Rect,
)

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
