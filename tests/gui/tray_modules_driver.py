"""Starts the real application hidden in the tray, for test_tray_process.py.

Once the start is complete (the hotkey held: the last step), prints one JSON line
with the modules the idle process has loaded and whether its capture is open,
then quits the way the tray's "Quitter" does. Nothing is replaced: the driver
only watches ``start_hotkey`` return.
"""

from __future__ import annotations

import json
import sys

from PySide6.QtCore import QTimer

from samu_desktop.gui import app
from samu_desktop.gui.hotkey_bridge import HotkeyService

start_hotkey = app.start_hotkey


def watched(running: app.Application) -> HotkeyService:
    service = start_hotkey(running)

    def report() -> None:
        print(json.dumps({"modules": sorted(sys.modules),
                          "tray": running.tray is not None,
                          "hotkey": service.is_active,
                          "capture_open": service.grabber.is_open}), flush=True)
        running.window.quit_requested()

    # After the rest of the start (the monitor's turn comes after the hotkey).
    QTimer.singleShot(0, report)
    return service


app.start_hotkey = watched
sys.exit(app.run_gui(hidden=True))
