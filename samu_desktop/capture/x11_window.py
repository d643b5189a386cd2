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

    def active_window_name(self) -> str:
        """The focused window's title and class ("" when unknown), to guess the application.

        Kept in memory only: a title may show a patient's name.
        """
        try:
            display = Display(self._display_name)
        except (xerror.DisplayError, OSError):
            return ""
        try:
            root = display.screen().root
            window = self._net_active(display, root) or self._input_focus(display, root)
            # The focus may sit on a child, or on the frame a window manager adds:
            # the first window up the tree with a name is the application's.
            while window is not None and window.id != root.id:
                name = self._name(display, window)
                if name:
                    return name
                parent = window.query_tree().parent
                window = parent if parent else None
            return ""
        except xerror.XError as exc:
            log.info("active window vanished: %s", type(exc).__name__)
            return ""
        finally:
            display.close()

    @staticmethod
    def _name(display: Display, window: Window) -> str:
        utf8 = display.intern_atom("UTF8_STRING")
        prop = window.get_full_property(display.intern_atom("_NET_WM_NAME"), utf8)
        title = prop.value if prop is not None else window.get_wm_name()
        if isinstance(title, bytes):
            title = title.decode("utf-8", "replace")
        classes = window.get_wm_class() or ()
        return " ".join(part for part in (str(title or ""), *classes) if part).strip()

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
