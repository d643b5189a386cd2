"""The idle tray process loads what the tray and the hotkey need, nothing more.

The application runs hidden, as the session's autostart starts it, on a real X server
with a system tray (the test takes the ``_NET_SYSTEM_TRAY_S0`` selection, as a
desktop's panel does). What it holds all day on every workstation is what it has
imported: the outage monitor (off by default), the report model, the keyring and the
encryption library load when the user (or the policy) asks for them. The capture alone
is warm from the start: the press comes at the moment it breaks.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from Xlib.display import Display

from tests.capture.test_capture_tray import system_tray  # noqa: F401  (fixture)
from tests.conftest import XServer

DRIVER = Path(__file__).with_name("tray_modules_driver.py")

# Loaded on demand only: with the first report, the settings dialog or a policy that
# turns the monitor on.
NOT_IN_THE_IDLE_TRAY = (
    "keyring",
    "cryptography",
    "samu_desktop.monitor",
    "samu_desktop.gui.monitor_bridge",
    "samu_desktop.report.model",
    "samu_desktop.redaction.vault",
    "samu_desktop.procedure",
    "samu_desktop.mail.sender",
)


def idle_tray(xserver: XServer, tmp_path: Path) -> dict[str, object]:
    env = xserver.env()
    # No session bus: Qt uses the XEmbed tray the test provides.
    env["DBUS_SESSION_BUS_ADDRESS"] = f"unix:path={tmp_path}/no-bus"
    done = subprocess.run([sys.executable, str(DRIVER)], env=env, capture_output=True,
                          text=True, timeout=80, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    line = next(text for text in done.stdout.splitlines() if text.startswith("{"))
    result: dict[str, object] = json.loads(line)
    return result


@pytest.mark.xvfb
def test_the_idle_tray_holds_a_warm_capture_but_no_monitor_or_keyring(
    xserver: XServer, system_tray: Display, isolated_home: Path, tmp_path: Path  # noqa: F811
) -> None:
    result = idle_tray(xserver, tmp_path)
    assert result["tray"] is True
    assert result["hotkey"] is True  # the hotkey is held: a press captures
    assert result["capture_open"] is True  # warm: the press is served at once
    modules = result["modules"]
    assert isinstance(modules, list)
    loaded = [name for name in NOT_IN_THE_IDLE_TRAY
              if any(m == name or m.startswith(name + ".") for m in modules)]
    assert loaded == []
    # The window's shell and the hotkey are there: the test watches the real start.
    assert "samu_desktop.gui.hotkey_bridge" in modules
