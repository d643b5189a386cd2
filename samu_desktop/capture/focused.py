"""The name of the window that had the focus when the hotkey was pressed.

With it the report can guess which application broke (the communication
banner's window, the portal's tab in Firefox...). It stays in memory with the
capture: never logged, never saved (a title may show a patient's name).
"""

from __future__ import annotations

import logging
import sys

log = logging.getLogger(__name__)


def focused_window_name(display: str | None = None) -> str:
    """Title and class of the focused window; "" when the system cannot tell (Wayland, macOS)."""
    try:
        if sys.platform == "win32":
            from samu_desktop.capture.win32 import foreground_window_name

            return foreground_window_name()
        if sys.platform == "darwin":
            return ""
        from samu_desktop.capture.x11_window import X11WindowProbe

        return X11WindowProbe(display).active_window_name()
    except (ImportError, OSError) as exc:  # no X library, no display: no guess
        log.info("focused window unknown: %s", type(exc).__name__)
        return ""
