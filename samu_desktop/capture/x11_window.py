"""X11: the rectangle of the active window, frame included, with python-xlib (no xdotool)."""

from __future__ import annotations

import logging

from Xlib import X, Xatom
from Xlib import error as xerror
from Xlib.display import Display
from Xlib.xobject.drawable import Window

from samu_desktop.capture.models import Rect

log = logging.getLogger(__name__)


class X11WindowProbe:
    """Opens a short connection per call: cheap, and safe from any thread."""

    def __init__(self, display: str | None = None) -> None:
        self._display_name = display

    def active_window(self) -> Rect | None:
        try:
            display = Display(self._display_name)
        except (xerror.DisplayError, OSError):
            return None
        try:
            return self._active(display)
        except xerror.XError as exc:
            # The window can close between two requests.
            log.info("active window vanished: %s", type(exc).__name__)
            return None
        finally:
            display.close()

    def _active(self, display: Display) -> Rect | None:
        root = display.screen().root
        window = self._net_active(display, root) or self._input_focus(display, root)
        if window is None:
            return None
        # Climb to the child of the root: the frame a window manager wraps
        # around the window (title bar, borders), or the window itself.
        top = window
        while True:
            parent = top.query_tree().parent
            if parent is None or parent == 0 or parent.id == root.id:
                break
            top = parent
        geometry = top.get_geometry()
        origin = root.translate_coords(top, 0, 0)
        border = int(geometry.border_width)
        return Rect.from_corners(
            int(origin.x) - border,
            int(origin.y) - border,
            int(origin.x) + int(geometry.width) + border,
            int(origin.y) + int(geometry.height) + border,
        )

    @staticmethod
    def _net_active(display: Display, root: Window) -> Window | None:
        atom = display.intern_atom("_NET_ACTIVE_WINDOW", only_if_exists=True)
        if atom == X.NONE:
            return None
        prop = root.get_full_property(atom, Xatom.WINDOW)
        if prop is None or not len(prop.value) or not prop.value[0]:
            return None
        window: Window = display.create_resource_object("window", int(prop.value[0]))
        return window

    @staticmethod
    def _input_focus(display: Display, root: Window) -> Window | None:
        # Without a window manager (or an EWMH one) only the input focus tells.
        focus = display.get_input_focus().focus
        if not isinstance(focus, Window) or focus.id == root.id:
            return None  # None or PointerRoot: nothing has the focus
        return focus
