"""Which kind of desktop session we run in: it decides the capture and hotkey backends."""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from typing import Literal

SessionKind = Literal["windows", "x11", "wayland", "macos", "none"]


def session_kind(env: Mapping[str, str] | None = None, platform: str | None = None) -> SessionKind:
    env = os.environ if env is None else env
    platform = sys.platform if platform is None else platform
    if platform == "win32":
        return "windows"
    if platform == "darwin":
        return "macos"
    # Checked before DISPLAY: a Wayland session also sets DISPLAY for
    # XWayland, where X11 grabs only see X11 windows and a global hotkey only
    # fires while an X11 window has the focus.
    if env.get("WAYLAND_DISPLAY") or env.get("XDG_SESSION_TYPE") == "wayland":
        return "wayland"
    if env.get("DISPLAY"):
        return "x11"
    return "none"
