"""Starts the real application and reports, at its first paint, what it has loaded.

For test_first_paint.py: prints one JSON line once the window has painted (the
benchmarks' probe), with the modules loaded and whether PySide6 has built its
``Qt`` namespace (50-60 ms that the first paint does not need), then quits.
"""

from __future__ import annotations

import json
import os
import sys

import PySide6.QtCore

from samu_desktop.gui import app

os.environ[app.STARTUP_PROBE] = "quit"  # leave right after the first paint


class Watch:
    """Replaces nothing: reads the state of the process as the probe line is printed."""

    def write(self, text: str) -> int:
        if "window shown" in text:
            sys.__stdout__.write(json.dumps({
                "modules": sorted(sys.modules),
                "qt_namespace": "Qt" in vars(PySide6.QtCore),
            }) + "\n")
            sys.__stdout__.flush()
        return len(text)

    def flush(self) -> None:
        pass


sys.stdout = Watch()
sys.exit(app.run_gui())
