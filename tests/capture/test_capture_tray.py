"""The notification through a real tray icon: hotkey press, Qt's bubble, a click, a new report.

Xvfb has no desktop, so the test plays the system tray's part: it takes the
``_NET_SYSTEM_TRAY_S0`` selection (the XEmbed tray protocol), which is all Qt
needs to show its icon and its notification bubble.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from Xlib import X
from Xlib.display import Display
from Xlib.protocol import event

from tests.capture.xhelpers import stop_process, xdotool
from tests.conftest import XServer

DRIVER = Path(__file__).with_name("tray_driver.py")


@pytest.fixture
def system_tray(xserver: XServer) -> Iterator[Display]:
    display = Display(xserver.display)
    screen = display.screen()
    owner = screen.root.create_window(0, 0, 1, 1, 0, screen.root_depth)
    selection = display.intern_atom("_NET_SYSTEM_TRAY_S0")
    owner.set_selection_owner(selection, X.CurrentTime)
    announce = event.ClientMessage(
        window=screen.root, client_type=display.intern_atom("MANAGER"),
        data=(32, [X.CurrentTime, selection, owner.id, 0, 0]),
    )
    screen.root.send_event(announce, event_mask=X.StructureNotifyMask)
    display.sync()
    try:
        yield display
    finally:
        display.close()


@pytest.mark.xvfb
def test_tray_notification_click_opens_a_report(xserver: XServer, system_tray: Display,
                                                tmp_path: Path) -> None:
    env = xserver.env()
    # No session bus: Qt uses the XEmbed tray and its own bubble, deterministically.
    env["DBUS_SESSION_BUS_ADDRESS"] = f"unix:path={tmp_path}/no-bus"
    proc = subprocess.Popen([sys.executable, str(DRIVER)], env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    try:
        assert proc.stdout is not None
        ready = proc.stdout.readline()
        assert ready.startswith("ready "), ready + (proc.stderr.read() if proc.stderr else "")
        assert json.loads(ready[6:]) == {"tray": True}
        xdotool(xserver.display, "key", "ctrl+alt+shift+s")
        balloon = proc.stdout.readline().split()
        assert balloon[0] == "balloon", balloon
        xdotool(xserver.display, "mousemove", balloon[1], balloon[2], "click", "1")
        out, err = proc.communicate(timeout=20)
    finally:
        if proc.poll() is None:
            stop_process(proc)
    assert proc.returncode == 0, err
    result = json.loads(out.strip().splitlines()[-1])
    assert result["screens"] == 1 and result["waiting"] == 1
    assert result["toast"] is False  # the tray showed it, no fallback window
    assert "T" in result["opened"]
