"""X11 global hotkey: a passive key grab (XGrabKey) on the root window, with python-xlib.

Why a grab rather than watching every key (pynput's XRecord): the X server
answers BadAccess when another client already grabbed the combination, so a
conflict is reported; and the grabbed key press does not leak into the window
that has the focus.
"""

from __future__ import annotations

import contextlib
import logging
import os
import select
import threading
from collections.abc import Callable

from Xlib import XK, X
from Xlib import error as xerror
from Xlib.display import Display

from samu_desktop.capture.errors import HotkeyConflict, HotkeyError, HotkeyInvalid
from samu_desktop.capture.hotkey import HotkeySpec
from samu_desktop.i18n import translate

log = logging.getLogger(__name__)

_MOD_INDEX_MASKS = (
    X.ShiftMask, X.LockMask, X.ControlMask, X.Mod1Mask, X.Mod2Mask, X.Mod3Mask, X.Mod4Mask,
    X.Mod5Mask,
)


def _modifier_mask(display: Display, keysym_names: tuple[str, ...], fallback: int) -> int:
    """The ModN mask that carries one of these keys in this server's modifier map."""
    keycodes = {display.keysym_to_keycode(XK.string_to_keysym(n)) for n in keysym_names}
    keycodes.discard(0)
    for index, codes in enumerate(display.get_modifier_mapping()):
        if keycodes & set(codes):
            return int(_MOD_INDEX_MASKS[index])
    return fallback


class X11HotkeyBackend:
    """Holds one combination on one X display; the callback runs on this backend's thread."""

    def __init__(self, display: str | None = None) -> None:
        self._display_name = display
        self._thread: threading.Thread | None = None
        self._wake_w: int | None = None

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def start(self, spec: HotkeySpec, callback: Callable[[], None]) -> None:
        if self.running:
            self.stop()
        try:
            display = Display(self._display_name)
        except (xerror.DisplayError, OSError) as exc:
            raise HotkeyError(
                translate(
                    "hotkey",
                    "Le raccourci global n'a pas pu être activé : l'affichage X11 est "
                    "inaccessible. Relancez l'application depuis votre session.",
                ),
                details=type(exc).__name__,
            ) from exc
        try:
            keycode, grabs = self._grab(display, spec)
        except BaseException:
            display.close()
            raise
        wake_r, self._wake_w = os.pipe()
        self._thread = threading.Thread(
            target=self._loop,
            args=(display, keycode, grabs, callback, wake_r),
            name="hotkey-x11",
            daemon=True,
        )
        self._thread.start()
        log.info("hotkey grabbed on X11")

    def stop(self) -> None:
        thread, wake_w = self._thread, self._wake_w
        self._thread, self._wake_w = None, None
        if wake_w is not None:
            with contextlib.suppress(OSError):
                os.write(wake_w, b"x")
        if thread is not None:
            thread.join(5)
        if wake_w is not None:
            os.close(wake_w)

    # -- internals -----------------------------------------------------
    def _grab(self, display: Display, spec: HotkeySpec) -> tuple[int, list[int]]:
        keycode = int(display.keysym_to_keycode(XK.string_to_keysym(spec.x_keysym_name)))
        if keycode == 0:
            raise HotkeyInvalid(
                translate(
                    "hotkey",
                    "La touche du raccourci {key} n'existe pas sur ce clavier : choisissez-en "
                    "une autre dans les réglages.",
                ).format(key=spec.display_text())
            )
        masks = {
            "ctrl": int(X.ControlMask),
            "shift": int(X.ShiftMask),
            "alt": _modifier_mask(display, ("Alt_L", "Alt_R", "Meta_L"), int(X.Mod1Mask)),
            "cmd": _modifier_mask(display, ("Super_L", "Super_R"), int(X.Mod4Mask)),
        }
        wanted = 0
        for modifier in spec.modifiers:
            wanted |= masks[modifier]
        # Caps Lock and Num Lock change the modifier state: grab every
        # combination of them, or the hotkey dies when Num Lock is on.
        num_lock = _modifier_mask(display, ("Num_Lock",), 0)
        extras = (0, int(X.LockMask), num_lock, int(X.LockMask) | num_lock)
        grabs = sorted({wanted | extra for extra in extras})
        root = display.screen().root
        catcher = xerror.CatchError(xerror.BadAccess)
        for mods in grabs:
            root.grab_key(keycode, mods, True, X.GrabModeAsync, X.GrabModeAsync, onerror=catcher)
        display.sync()
        if catcher.get_error() is not None:
            # Ungrabbing what we did get is harmless for the other client's grab.
            for mods in grabs:
                root.ungrab_key(keycode, mods)
            display.sync()
            log.warning("hotkey already grabbed by another X client")
            raise HotkeyConflict(
                translate(
                    "hotkey",
                    "Le raccourci {key} est déjà utilisé par un autre programme : choisissez-en "
                    "un autre dans les réglages.",
                ).format(key=spec.display_text()),
                details="X11 BadAccess on XGrabKey",
            )
        return keycode, grabs

    def _loop(
        self,
        display: Display,
        keycode: int,
        grabs: list[int],
        callback: Callable[[], None],
        wake_r: int,
    ) -> None:
        held = False
        last_release_time = -1
        try:
            while True:
                while display.pending_events():
                    event = display.next_event()
                    if getattr(event, "detail", None) != keycode:
                        continue
                    if event.type == X.KeyPress:
                        # Auto-repeat sends press after press (detectable
                        # auto-repeat) or release+press with the same time.
                        repeat = held or event.time == last_release_time
                        held = True
                        if not repeat:
                            self._fire(callback)
                    elif event.type == X.KeyRelease:
                        held = False
                        last_release_time = event.time
                readable, _, _ = select.select([display.fileno(), wake_r], [], [])
                if wake_r in readable:
                    break
        except (xerror.ConnectionClosedError, OSError) as exc:
            log.warning("hotkey: X connection lost: %s", type(exc).__name__)
        finally:
            with contextlib.suppress(Exception):
                root = display.screen().root
                for mods in grabs:
                    root.ungrab_key(keycode, mods)
                display.sync()
            with contextlib.suppress(Exception):
                display.close()
            os.close(wake_r)

    @staticmethod
    def _fire(callback: Callable[[], None]) -> None:
        try:
            callback()
        except Exception:
            # The callback reports its own errors; this is a last resort so
            # that one failure does not end the hotkey for the session.
            log.exception("hotkey callback failed")
