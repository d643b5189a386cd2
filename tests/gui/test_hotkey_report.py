"""The outage journey's first steps with the real program on a real X server.

Another window has the focus; the hotkey is pressed with xdotool; the
notification opens a case-B report with the captures attached, and the
capture time offered as the incident start. Originals go to the encrypted
vault through the real Secret Service.
"""

from __future__ import annotations

import json
import subprocess
import time
from datetime import datetime
from pathlib import Path

import pytest

from tests.conftest import XServer
from tests.gui.test_app_process import launch, quit_app, wait_shown, wait_started, window_ids

pytestmark = pytest.mark.xvfb


def xdotool(xserver: XServer, *args: str) -> str:
    return subprocess.run(["xdotool", *args], env=xserver.env(), check=True, timeout=60,
                          capture_output=True, text=True).stdout


def wait_for(predicate, timeout: float = 20.0):  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.05)
    pytest.fail("timed out")


def test_hotkey_while_another_window_has_focus_opens_a_report_with_the_captures(
    xserver: XServer, isolated_home: Path, secret_service: str
) -> None:
    app = launch(xserver)
    other = subprocess.Popen(["xmessage", "-name", "autre", "Une autre application"],
                             env=xserver.env())
    try:
        wait_shown(app)
        wait_started(app)  # the hotkey is held once the start is complete
        other_id = wait_for(lambda: xdotool(xserver, "search", "--name", "^autre$").split())
        xdotool(xserver, "windowfocus", "--sync", other_id[0])
        before = datetime.now().astimezone().replace(microsecond=0)
        xdotool(xserver, "key", "ctrl+alt+shift+s")
        toast = wait_for(lambda: window_ids(xserver, "Capture d'écran conservée"))
        assert xdotool(xserver, "getwindowfocus").strip() == other_id[0]  # focus untouched
        geometry = xdotool(xserver, "getwindowgeometry", "--shell", toast[0])
        values = dict(line.split("=") for line in geometry.split())
        xdotool(xserver, "mousemove", str(int(values["X"]) + 20), str(int(values["Y"]) + 10),
                "click", "1")
        # The report opens on case B: choose the communication banner (Alt+2).
        main = window_ids(xserver, "Incident SI-SAMU")[0]
        xdotool(xserver, "windowfocus", "--sync", main)
        xdotool(xserver, "key", "alt+2")
        drafts = isolated_home / "data" / "samu-desktop" / "drafts"
        draft = wait_for(lambda: sorted(drafts.glob("*.json")))[0]
        report = json.loads(draft.read_text(encoding="utf-8"))
        assert report["case"] == "B" and report["application"] == "bandeau"
        start = datetime.fromisoformat(report["answers"]["start"])
        assert before.replace(second=0) <= start <= datetime.now().astimezone()
        index = drafts / f"{report['id']}.screens" / "index.json"

        def stored_captures() -> list[object]:
            try:
                return list(json.loads(index.read_text())["captures"])
            except (OSError, ValueError):
                return []

        assert len(wait_for(stored_captures)) == 1  # one screen, one capture
        vault = isolated_home / "data" / "samu-desktop" / "vault" / report["id"]
        assert len(list(vault.glob("*.vault"))) == 1
    finally:
        other.terminate()
        other.wait(10)
        if app.poll() is None:
            quit_app(xserver, app)
