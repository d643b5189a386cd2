"""The real program on a real X server, and what a user does there first in an outage.

What the test reads to know the program has reacted is what the program keeps
on disk anyway (its log, the draft, the captures' index), never a hook added
for tests.
"""

from __future__ import annotations

import contextlib
import json
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, TypeVar

import pytest

from tests.conftest import XServer
from tests.e2e.fake_bandeau import TITLE
from tests.e2e.user import XUser
from tests.gui.test_app_process import launch, quit_app, wait_shown, window_ids

T = TypeVar("T")
FAKE_BANNER = Path(__file__).with_name("fake_bandeau.py")


def wait_for(predicate: Callable[[], T | None], what: str, timeout: float = 30.0) -> T:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.05)
    pytest.fail(f"timed out waiting for {what}")


def xdotool(xserver: XServer, *args: str) -> str:
    return subprocess.run(["xdotool", *args], env=xserver.env(), check=True, timeout=60,
                          capture_output=True, text=True).stdout


def log_text(home: Path) -> str:
    path = home / "state" / "samu-desktop" / "log" / "samu-desktop.log"
    return path.read_text(encoding="utf-8") if path.exists() else ""


def only_draft(home: Path) -> dict[str, Any]:
    """The one report on disk (empty until it exists)."""
    folder = home / "data" / "samu-desktop" / "drafts"
    for path in sorted(folder.glob("*.json")):
        with contextlib.suppress(OSError, ValueError):  # being replaced: next poll
            return dict(json.loads(path.read_text(encoding="utf-8")))
    return {}


def capture_states(home: Path, report_id: str) -> list[dict[str, Any]]:
    index = home / "data" / "samu-desktop" / "drafts" / f"{report_id}.screens" / "index.json"
    try:
        return list(json.loads(index.read_text(encoding="utf-8"))["captures"])
    except (OSError, ValueError, KeyError):
        return []


def proposed_kinds(home: Path, report_id: str) -> set[str] | None:
    states = capture_states(home, report_id)
    if not states:
        return None
    return {b["kind"] for b in states[0]["state"]["boxes"] if b.get("kind")} or None


@contextlib.contextmanager
def running_app(xserver: XServer, home: Path) -> Iterator[subprocess.Popen[str]]:
    """The program, started as the session starts it, its hotkey held; quit at the end
    (unless the test killed it)."""
    app = launch(xserver)
    try:
        wait_shown(app)
        wait_for(lambda: "hotkey grabbed on X11" in log_text(home), "the hotkey")
        yield app
    finally:
        if app.poll() is None:
            quit_app(xserver, app)


@contextlib.contextmanager
def banner_in_front(xserver: XServer) -> Iterator[str]:
    """The ARM works in the communication banner: its window is in front, beside the
    app's, and has the keyboard. Yields its window id."""
    banner = subprocess.Popen([sys.executable, str(FAKE_BANNER), "980", "120"],
                              env=xserver.env(), stdout=subprocess.PIPE, text=True)
    try:
        assert banner.stdout is not None and "shown" in banner.stdout.readline()
        banner_id = wait_for(lambda: window_ids(xserver, TITLE), "the banner")[0]
        xdotool(xserver, "windowfocus", "--sync", banner_id)
        yield banner_id
    finally:
        banner.terminate()
        banner.communicate(timeout=10)


def screen_at_failure(xserver: XServer, folder: Path, user: XUser) -> None:
    """What the user would have seen, for whoever reads the failure."""
    shot = folder / "screen-at-failure.png"
    subprocess.run(["import", "-window", "root", str(shot)], env=xserver.env(), check=False,
                   timeout=60)
    print(f"\nscreen at failure: {shot}; actions so far: {user.ledger.steps}")


def report_with_hotkey_capture(user: XUser, xserver: XServer, home: Path,
                               banner_id: str) -> str:
    """The first steps of an outage: hotkey, notification, patient data hidden and the
    capture attached. The application is the banner's, recognised from the window that
    had the focus at the hotkey. Returns the report's id."""
    # It breaks: one press keeps the screen; the focus stays in the banner.
    user.key("ctrl+alt+shift+s")
    toast = wait_for(lambda: window_ids(xserver, "Capture d'écran conservée"),
                     "the notification")[0]
    assert xdotool(xserver, "getwindowfocus").strip() == banner_id
    where = dict(line.split("=") for line in
                 xdotool(xserver, "getwindowgeometry", "--shell", toast).split())
    user.click(int(where["X"]) + 20, int(where["Y"]) + 12, "the notification")

    # The report opens in front, with the keyboard, on the banner's form: the
    # application was recognised from the banner's window (said on screen).
    main = wait_for(lambda: window_ids(xserver, "Incident SI-SAMU"), "the window")[0]
    wait_for(lambda: xdotool(xserver, "getwindowfocus").strip() == main, "the focus")
    draft = wait_for(lambda: only_draft(home), "the draft")
    assert (draft["case"], draft["application"]) == ("B", "bandeau")
    report_id = str(draft["id"])

    # The capture is on screen with the patient's name and phone number proposed for
    # hiding; the user looks, and attaches it: « Image vérifiée : joindre » (Alt+J).
    kinds = wait_for(lambda: proposed_kinds(home, report_id), "the proposals")
    assert {"name", "phone"} <= kinds
    user.key("alt+j")
    wait_for(lambda: only_draft(home).get("screenshots"), "the attachment")
    assert capture_states(home, report_id)[0]["state"]["verified"]
    return report_id
