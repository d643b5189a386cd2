"""Kill the real app with SIGKILL while the user types; every saved character survives."""

from __future__ import annotations

import contextlib
import json
import os
import signal
import subprocess
import time
from pathlib import Path

import pytest

from tests.conftest import XServer
from tests.gui.test_app_process import launch, quit_app, wait_shown, window_ids

pytestmark = pytest.mark.xvfb

TYPED = "Le poste de regulation 3 ne demarre plus depuis la mise a jour"


def xdotool(xserver: XServer, *args: str) -> None:
    subprocess.run(["xdotool", *args], env=xserver.env(), check=True, timeout=60)


def drafts(home: Path) -> list[dict[str, object]]:
    folder = home / "data" / "samu-desktop" / "drafts"
    found = []
    for path in sorted(folder.glob("*.json")):
        # A file being replaced right now is read on the next poll.
        with contextlib.suppress(OSError, ValueError):
            found.append(json.loads(path.read_text(encoding="utf-8")))
    return found


def test_sigkill_in_the_middle_of_typing_loses_nothing(
    xserver: XServer, isolated_home: Path
) -> None:
    proc = launch(xserver)
    try:
        wait_shown(proc)
        wid = window_ids(xserver, "Incident SI-SAMU")[0]
        xdotool(xserver, "windowfocus", "--sync", wid)
        xdotool(xserver, "key", "d")  # case D from the home page
        deadline = time.monotonic() + 20
        while not drafts(isolated_home) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert drafts(isolated_home), "opening case D did not create a draft"
        # Focus is on the first question to answer; choose, then go to the description.
        xdotool(xserver, "key", "space", "Tab")
        xdotool(xserver, "type", "--delay", "15", TYPED)
        # Every keystroke is saved: wait for the last one to reach the disk, then kill.
        while time.monotonic() < deadline:
            answers = drafts(isolated_home)[0]["answers"]
            assert isinstance(answers, dict)
            if answers.get("description") == TYPED:
                break
            time.sleep(0.02)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(10)
        if proc.stdout is not None:
            proc.stdout.close()
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait(10)

    saved = drafts(isolated_home)
    assert len(saved) == 1
    assert saved[0]["answers"]["description"] == TYPED  # type: ignore[index]
    assert saved[0]["status"] == "draft"

    again = launch(xserver)
    try:
        wait_shown(again)
    finally:
        quit_app(xserver, again)
    log = (isolated_home / "state" / "samu-desktop" / "log" / "samu-desktop.log").read_text()
    assert f"unfinished draft offered: {saved[0]['id']}" in log
    assert "previous run ended abruptly" in log
