"""What the first paint costs: only Qt and the window's shell, as a bare window would.

The real program runs on a real X server until its window has painted; what it has
loaded by then is what every user waits for at each start (benchmarks/startup.py
times it). Qt Network, Qt SVG, the settings model and logging's handlers load just
after the paint; PySide6's ``Qt`` namespace (built by the first ``Qt`` enum, 50-60
ms) too.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import XServer

DRIVER = Path(__file__).with_name("first_paint_driver.py")

NOT_BEFORE_THE_FIRST_PAINT = (
    "PySide6.QtNetwork",
    "PySide6.QtSvg",
    "pydantic",
    "logging.handlers",
    "samu_desktop.app.state",
    "samu_desktop.config.settings",
)


@pytest.mark.xvfb
def test_the_first_paint_loads_only_the_windows_shell(
    xserver: XServer, isolated_home: Path
) -> None:
    done = subprocess.run([sys.executable, str(DRIVER)], env=xserver.env(),
                          capture_output=True, text=True, timeout=80, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    line = next(text for text in done.stdout.splitlines() if text.startswith("{"))
    seen = json.loads(line)
    assert "samu_desktop.gui.main_window" in seen["modules"]  # the real window painted
    assert [m for m in NOT_BEFORE_THE_FIRST_PAINT if m in seen["modules"]] == []
    assert seen["qt_namespace"] is False
