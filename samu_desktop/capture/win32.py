"""Windows: the global hotkey (RegisterHotKey) and the active window, behind small interfaces.

The Win32 calls sit in :class:`CtypesUser32`, reached only on Windows; the
logic around them (thread, message loop, conflict report) takes any
:class:`User32Api`, so tests elsewhere drive it with a stand-in.
"""

from __future__ import annotations

import logging
import sys
import threading
from collections.abc import Callable
from typing import Any, Protocol

from samu_desktop.capture.errors import HotkeyConflict, HotkeyError, HotkeyUnavailable
from samu_desktop.capture.hotkey import HotkeySpec
from samu_desktop.capture.models import Rect
from samu_desktop.i18n import translate

log = logging.getLogger(__name__)

MOD_ALT, MOD_CONTROL, MOD_SHIFT, MOD_WIN, MOD_NOREPEAT = 0x1, 0x2, 0x4, 0x8, 0x4000
WM_HOTKEY, WM_QUIT = 0x0312, 0x0012
ERROR_HOTKEY_ALREADY_REGISTERED = 1409
HOTKEY_ID = 0x5A4D  # any id in 0x0000–0xBFFF, unique within this thread

_MODIFIERS = {"alt": MOD_ALT, "ctrl": MOD_CONTROL, "shift": MOD_SHIFT, "cmd": MOD_WIN}


class User32Api(Protocol):
    """The few user32 calls the hotkey thread makes; every call happens on that thread."""

    def prepare_thread(self) -> int:
        """Create the thread's message queue; return the thread id."""

    def register_hotkey(self, hotkey_id: int, modifiers: int, vk: int) -> int:
        """RegisterHotKey(NULL, …): 0 on success, else the Windows error code."""

    def unregister_hotkey(self, hotkey_id: int) -> None: ...

    def get_message(self) -> tuple[int, int]:
        """Block for the next message: (message, wParam); WM_QUIT ends the loop."""

    def post_quit(self, thread_id: int) -> None:
        """From another thread: make that thread's get_message return WM_QUIT."""


class Win32HotkeyBackend:
    """RegisterHotKey on a thread of its own, which then waits for WM_HOTKEY."""

    def __init__(self, api: User32Api | None = None) -> None:
        self._api = api
        self._api_in_use: User32Api | None = None
        self._thread: threading.Thread | None = None
        self._thread_id = 0

    def start(self, spec: HotkeySpec, callback: Callable[[], None]) -> None:
        self.stop()
        api = self._api or CtypesUser32()
        modifiers = MOD_NOREPEAT  # holding the keys must not capture again and again
        for modifier in spec.modifiers:
            modifiers |= _MODIFIERS[modifier]
        ready = threading.Event()
        outcome: dict[str, int] = {}
        thread = threading.Thread(
            target=self._loop,
            args=(api, modifiers, spec.windows_vk, callback, ready, outcome),
            name="hotkey-win32",
            daemon=True,
        )
        thread.start()
        if not ready.wait(5):
            raise HotkeyError(_generic_message(), details="hotkey thread did not start")
        error = outcome.get("error", 0)
        if error:
            thread.join(5)
            if error == ERROR_HOTKEY_ALREADY_REGISTERED:
                raise HotkeyConflict(
                    translate(
                        "hotkey",
                        "Le raccourci {key} est déjà utilisé par un autre programme : "
                        "choisissez-en un autre dans les réglages.",
                    ).format(key=spec.display_text(windows=True)),
                    details="ERROR_HOTKEY_ALREADY_REGISTERED",
                )
            raise HotkeyError(_generic_message(), details=f"RegisterHotKey error {error}")
        self._api_in_use = api
        self._thread, self._thread_id = thread, outcome["thread_id"]
        log.info("hotkey registered on Windows")

    def stop(self) -> None:
        thread, self._thread = self._thread, None
        if thread is None or self._api_in_use is None:
            return
        self._api_in_use.post_quit(self._thread_id)
        thread.join(5)

    @staticmethod
    def _loop(
        api: User32Api,
        modifiers: int,
        vk: int,
        callback: Callable[[], None],
        ready: threading.Event,
        outcome: dict[str, int],
    ) -> None:
        # RegisterHotKey with no window posts WM_HOTKEY to the calling
        # thread's queue: registering and waiting must happen on one thread.
        outcome["thread_id"] = api.prepare_thread()
        outcome["error"] = api.register_hotkey(HOTKEY_ID, modifiers, vk)
        ready.set()
        if outcome["error"]:
            return
        try:
            while True:
                message, wparam = api.get_message()
                if message in (WM_QUIT, -1):
                    break
                if message == WM_HOTKEY and wparam == HOTKEY_ID:
                    try:
                        callback()
                    except Exception:
                        log.exception("hotkey callback failed")
        finally:
            api.unregister_hotkey(HOTKEY_ID)


def _generic_message() -> str:
    return translate(
        "hotkey",
        "Le raccourci global n'a pas pu être activé. Redémarrez l'application ; si cela "
        "se reproduit, choisissez un autre raccourci dans les réglages.",
    )


class CtypesUser32:
    """The real user32 calls, through ctypes. Windows only."""

    def __init__(self) -> None:
        if sys.platform != "win32":
            raise HotkeyUnavailable(_generic_message(), details="not Windows")
        import ctypes
        from ctypes import wintypes

        # Bound here, past the platform check, so that nothing else names a
        # Windows-only attribute.
        self._byref: Any = ctypes.byref
        self._get_last_error: Any = ctypes.get_last_error
        self._msg_type: Any = wintypes.MSG
        self._user32: Any = ctypes.WinDLL("user32", use_last_error=True)
        self._kernel32: Any = ctypes.WinDLL("kernel32", use_last_error=True)

    def prepare_thread(self) -> int:
        msg = self._msg_type()
        self._user32.PeekMessageW(self._byref(msg), None, 0, 0, 0)  # PM_NOREMOVE
        return int(self._kernel32.GetCurrentThreadId())

    def register_hotkey(self, hotkey_id: int, modifiers: int, vk: int) -> int:
        if self._user32.RegisterHotKey(None, hotkey_id, modifiers, vk):
            return 0
        return int(self._get_last_error()) or 1

    def unregister_hotkey(self, hotkey_id: int) -> None:
        self._user32.UnregisterHotKey(None, hotkey_id)

    def get_message(self) -> tuple[int, int]:
        msg = self._msg_type()
        result = int(self._user32.GetMessageW(self._byref(msg), None, 0, 0))
        if result <= 0:
            return (WM_QUIT if result == 0 else -1), 0
        return int(msg.message), int(msg.wParam)

    def post_quit(self, thread_id: int) -> None:
        self._user32.PostThreadMessageW(thread_id, WM_QUIT, 0, 0)


def foreground_window_name() -> str:
    """The foreground window's title and class ("" when unknown); in memory only."""
    if sys.platform != "win32":
        return ""
    import ctypes

    user32: Any = ctypes.WinDLL("user32", use_last_error=True)
    hwnd = user32.GetForegroundWindow()
    if not hwnd:
        return ""
    title = ctypes.create_unicode_buffer(512)
    klass = ctypes.create_unicode_buffer(256)
    user32.GetWindowTextW(hwnd, title, len(title))
    user32.GetClassNameW(hwnd, klass, len(klass))
    return f"{title.value} {klass.value}".strip()


class Win32WindowProbe:
    """The foreground window's visible rectangle (DWM bounds: without the invisible resize
    borders of Windows 10/11), in physical pixels since mss made the process DPI-aware."""

    def active_window(self) -> Rect | None:
        if sys.platform != "win32":
            return None
        import ctypes
        from ctypes import wintypes

        user32: Any = ctypes.WinDLL("user32", use_last_error=True)
        hwnd = user32.GetForegroundWindow()
        if not hwnd:
            return None
        rect = wintypes.RECT()
        dwmwa_extended_frame_bounds = 9
        try:
            dwmapi: Any = ctypes.WinDLL("dwmapi")
            failed = dwmapi.DwmGetWindowAttribute(
                hwnd, dwmwa_extended_frame_bounds, ctypes.byref(rect), ctypes.sizeof(rect)
            )
        except OSError:
            failed = 1
        if failed and not user32.GetWindowRect(hwnd, ctypes.byref(rect)):
            return None
        return Rect.from_corners(rect.left, rect.top, rect.right, rect.bottom)
