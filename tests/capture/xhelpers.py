"""Helpers for tests under a real X server: windows of known colours, xdotool, a key grabber.

Windows are drawn by the X server itself (a background colour per window), so
their pixels are exactly known and there is no client-side painting to wait for.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from Xlib import X
from Xlib.display import Display
from Xlib.xobject.drawable import Window

RGB = tuple[int, int, int]


class XCanvas:
    """One X client that puts plain coloured windows on the screen."""

    def __init__(self, display: str) -> None:
        self.display = Display(display)
        self.screen = self.display.screen()
        self.root = self.screen.root

    def window(
        self,
        x: int,
        y: int,
        width: int,
        height: int,
        color: RGB,
        parent: Window | None = None,
        event_mask: int = X.NoEventMask,
    ) -> Window:
        r, g, b = color
        window = (parent or self.root).create_window(
            x, y, width, height, 0, self.screen.root_depth, X.InputOutput, X.CopyFromParent,
            background_pixel=(r << 16) | (g << 8) | b,
            event_mask=event_mask,
        )
        window.map()
        self.display.sync()
        return window

    def close(self) -> None:
        self.display.close()


def xdotool(server_display: str, *args: str) -> str:
    env = dict(os.environ, DISPLAY=server_display)
    result = subprocess.run(
        ["xdotool", *args], env=env, capture_output=True, text=True, timeout=20, check=True
    )
    return result.stdout.strip()


def focused_window(server_display: str) -> int:
    return int(xdotool(server_display, "getwindowfocus"))


def start_xmessage(
    server_display: str, geometry: str = "+1200+700"
) -> tuple[subprocess.Popen[bytes], int]:
    """A window of another program (xmessage), given the focus; returns it and its id."""
    env = dict(os.environ, DISPLAY=server_display)
    proc = subprocess.Popen(
        ["xmessage", "-geometry", geometry, "Autre programme"],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    try:
        # Each test has its own X server: the only xmessage on it is this one.
        found = xdotool(server_display, "search", "--sync", "--class", "Xmessage")
        window = int(found.split()[0])
        xdotool(server_display, "windowfocus", "--sync", str(window))
    except BaseException:
        proc.kill()
        proc.wait(10)
        raise
    return proc, window


GRABBER_SCRIPT = """
import sys
from Xlib import X, XK
from Xlib.display import Display
d = Display(sys.argv[1])
root = d.screen().root
code = d.keysym_to_keycode(XK.string_to_keysym("s"))
mods = X.ControlMask | X.Mod1Mask | X.ShiftMask
for extra in (0, X.LockMask, X.Mod2Mask, X.LockMask | X.Mod2Mask):
    root.grab_key(code, mods | extra, True, X.GrabModeAsync, X.GrabModeAsync)
d.sync()
print("grabbed", flush=True)
sys.stdin.read()
"""


def start_other_grabber(server_display: str) -> subprocess.Popen[str]:
    """Another program that grabs Ctrl+Alt+Shift+S first, as a desktop's shortcut daemon does."""
    proc = subprocess.Popen(
        [sys.executable, "-c", GRABBER_SCRIPT, server_display],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
    )
    assert proc.stdout is not None
    assert proc.stdout.readline().strip() == "grabbed"
    return proc


def stop_process(proc: subprocess.Popen[str] | subprocess.Popen[bytes]) -> None:
    proc.kill()
    proc.wait(10)
    for pipe in (proc.stdin, proc.stdout, proc.stderr):
        if pipe is not None:
            pipe.close()


def wait_for(predicate: object, timeout_s: float = 5.0) -> bool:
    """Poll ``predicate`` (a callable) until true; for events with no signal to wait on."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if callable(predicate) and predicate():
            return True
        time.sleep(0.01)
    return False


HERE = Path(__file__).resolve().parent
