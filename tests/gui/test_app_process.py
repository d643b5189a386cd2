"""The real program, started as a user would, on a real X server (Xvfb)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import mss
import pytest
from PIL import Image, ImageStat

from tests.conftest import XServer

pytestmark = pytest.mark.xvfb


def launch(xserver: XServer, *args: str) -> subprocess.Popen[str]:
    env = xserver.env()
    env["SAMU_DESKTOP_STARTUP_PROBE"] = "1"
    return subprocess.Popen(
        [sys.executable, "-m", "samu_desktop", *args],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )


def wait_shown(proc: subprocess.Popen[str]) -> None:
    assert proc.stdout is not None
    seen = []
    for line in proc.stdout:  # blocks until the first paint (or the process ends)
        seen.append(line)
        if "window shown" in line:
            return
    pytest.fail("the window was never shown: " + "".join(seen))


def wait_started(proc: subprocess.Popen[str]) -> None:
    """After ``wait_shown``: the rest (state, tray, sender, hotkey) loads after the first
    paint; this returns once it has."""
    assert proc.stdout is not None
    seen = []
    for line in proc.stdout:
        seen.append(line)
        if "samu-desktop: started" in line:
            return
    pytest.fail("the application never finished starting: " + "".join(seen))


def window_ids(xserver: XServer, title: str) -> list[str]:
    found = subprocess.run(
        ["xdotool", "search", "--onlyvisible", "--name", title],
        env=xserver.env(), capture_output=True, text=True, check=False,
    )
    return found.stdout.split()


def window_geometry(xserver: XServer, wid: str) -> dict[str, int]:
    out = subprocess.run(["xdotool", "getwindowgeometry", "--shell", wid], env=xserver.env(),
                         capture_output=True, text=True, check=True).stdout
    values = dict(line.split("=") for line in out.split())
    return {k: int(values[k]) for k in ("X", "Y", "WIDTH", "HEIGHT")}


def quit_app(xserver: XServer, proc: subprocess.Popen[str]) -> None:
    result = subprocess.run([sys.executable, "-m", "samu_desktop", "--quit"],
                            env=xserver.env(), timeout=30, check=False)
    assert result.returncode == 0
    assert proc.wait(30) == 0
    if proc.stdout is not None:
        proc.stdout.close()


def test_window_opens_is_not_blank_and_quits_cleanly(
    xserver: XServer, isolated_home: Path
) -> None:
    proc = launch(xserver)
    try:
        wait_shown(proc)
        ids = window_ids(xserver, "Incident SI-SAMU")
        assert len(ids) == 1
        geo = window_geometry(xserver, ids[0])
        assert geo["WIDTH"] >= 600 and geo["HEIGHT"] >= 400
        with mss.MSS(display=xserver.display.encode()) as grabber:
            shot = grabber.grab({"left": geo["X"], "top": geo["Y"],
                                 "width": geo["WIDTH"], "height": geo["HEIGHT"]})
        image = Image.frombytes("RGB", shot.size, shot.bgra, "raw", "BGRX")
        colours = image.getcolors(maxcolors=1 << 16)
        # Text, buttons and a background: far more than a blank or black window.
        assert colours is None or len(colours) > 20
        # Mostly light: the window is drawn, not a black or unmapped area.
        assert ImageStat.Stat(image.convert("L")).mean[0] > 150
    finally:
        if proc.poll() is None:
            quit_app(xserver, proc)
    crash_dir = isolated_home / "state" / "samu-desktop" / "crash"
    assert not (crash_dir / "running").exists()  # clean exit recorded


def test_second_launch_raises_the_first_instead_of_starting_again(
    xserver: XServer, isolated_home: Path
) -> None:
    first = launch(xserver)
    try:
        wait_shown(first)
        wid = window_ids(xserver, "Incident SI-SAMU")
        second = subprocess.run([sys.executable, "-m", "samu_desktop"], env=xserver.env(),
                                timeout=60, capture_output=True, text=True, check=False)
        assert second.returncode == 0
        assert first.poll() is None
        assert window_ids(xserver, "Incident SI-SAMU") == wid  # still one window
    finally:
        if first.poll() is None:
            quit_app(xserver, first)
    log = (isolated_home / "state" / "samu-desktop" / "log" / "samu-desktop.log").read_text()
    assert "another launch asked to show" in log
    assert "another launch asked to quit" in log


def test_corrupt_files_at_start_up_are_reported_and_kept(
    xserver: XServer, isolated_home: Path
) -> None:
    settings = isolated_home / "config" / "samu-desktop" / "settings.json"
    policy = isolated_home / "etc-xdg" / "samu-desktop" / "policy.json"
    settings.parent.mkdir(parents=True)
    policy.parent.mkdir(parents=True)
    settings.write_text('{"crra_id": ')
    policy.write_text(json.dumps({"locked": {"smtp_host": 12}}))
    proc = launch(xserver)
    try:
        wait_shown(proc)
    finally:
        quit_app(xserver, proc)
    log = (isolated_home / "state" / "samu-desktop" / "log" / "samu-desktop.log").read_text()
    assert "Le fichier de réglages était abîmé" in log
    assert "politique de votre administrateur est illisible" in log
    kept = sorted(p.name.split(".")[0] for p in
                  (isolated_home / "state" / "samu-desktop" / "corrupt").iterdir())
    assert kept == ["policy", "settings"]
    assert settings.read_text() == '{"crra_id": '  # the user's file is left for repair
