"""Shared fixtures: an isolated home for every test, offscreen Qt, a real X server.

And the guards that keep the test command from ever hanging or leaking (see
``tests/guards.py``): a modal dialog nobody expected fails its test at once,
and a test that leaves widgets, threads or timers behind fails.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

# Offscreen unless a test asks for the real X server: Qt aborts with neither
# DISPLAY nor QT_QPA_PLATFORM.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
if sys.platform == "win32":
    # Offscreen Qt on Windows reads fonts from a folder (else: a warning, failing the test).
    os.environ.setdefault("QT_QPA_FONTDIR", os.path.join(os.environ["WINDIR"], "Fonts"))

REPO = Path(__file__).resolve().parent.parent

pytest_plugins = ["tests.guards"]


# platformdirs' Windows folders and where each goes inside a test's home: platformdirs asks
# Windows (SHGetKnownFolderPath) unless WIN_PD_OVERRIDE_<CSIDL name> holds a full path.
_WINDOWS_FOLDERS = {
    "APPDATA": "AppData/Roaming", "LOCAL_APPDATA": "AppData/Local",
    "COMMON_APPDATA": "ProgramData", "PERSONAL": "Documents", "DOWNLOADS": "Downloads",
    "MYPICTURES": "Pictures", "DESKTOPDIRECTORY": "Desktop",
}


@pytest.fixture(autouse=True)
def isolated_home(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, request: pytest.FixtureRequest
) -> Path:
    """Every test gets its own HOME, XDG folders and policy folder (platformdirs reads them).

    On Windows the same through platformdirs' WIN_PD_OVERRIDE_* variables (AppData,
    ProgramData for the policy) and the profile variables the app reads itself
    (USERPROFILE, APPDATA, LOCALAPPDATA, PROGRAMDATA): no test touches the real profile.
    Tests marked ``posix_only`` are skipped on Windows.
    """
    if sys.platform == "win32" and request.node.get_closest_marker("posix_only"):
        pytest.skip("POSIX only (signals, fork, file modes): not on Windows")
    home = tmp_path / "home"
    for sub in ("config", "data", "state", "cache", "etc-xdg"):
        (home / sub).mkdir(parents=True)
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_STATE_HOME", str(home / "state"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / "cache"))
    monkeypatch.setenv("XDG_CONFIG_DIRS", str(home / "etc-xdg"))
    for csidl, sub in _WINDOWS_FOLDERS.items():
        (home / sub).mkdir(parents=True, exist_ok=True)
        monkeypatch.setenv(f"WIN_PD_OVERRIDE_{csidl}", str(home / sub))
    monkeypatch.setenv("USERPROFILE", str(home))
    monkeypatch.setenv("APPDATA", str(home / "AppData/Roaming"))
    monkeypatch.setenv("LOCALAPPDATA", str(home / "AppData/Local"))
    monkeypatch.setenv("PROGRAMDATA", str(home / "ProgramData"))
    return home


def _free_display() -> int:
    for number in range(90, 400):
        if not Path(f"/tmp/.X11-unix/X{number}").exists() and not Path(
            f"/tmp/.X{number}-lock"
        ).exists():
            return number
    raise RuntimeError("no free X display number")


class XServer:
    def __init__(self, display: str, width: int, height: int) -> None:
        self.display = display
        self.width = width
        self.height = height

    def env(self, base: dict[str, str] | None = None) -> dict[str, str]:
        env = dict(os.environ if base is None else base)
        env["DISPLAY"] = self.display
        env.pop("QT_QPA_PLATFORM", None)
        return env


def start_xvfb(width: int = 1920, height: int = 1080) -> tuple[subprocess.Popen[bytes], XServer]:
    if shutil.which("Xvfb") is None:
        pytest.fail("Xvfb is missing: run the README's test command, which installs it")
    number = _free_display()
    proc = subprocess.Popen(
        ["Xvfb", f":{number}", "-screen", "0", f"{width}x{height}x24", "-nolisten", "tcp",
         "-noreset"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    sock = Path(f"/tmp/.X11-unix/X{number}")
    deadline = time.monotonic() + 10
    while not sock.exists():
        if proc.poll() is not None or time.monotonic() > deadline:
            proc.kill()
            pytest.fail("Xvfb did not start")
        time.sleep(0.02)
    # The socket appears before the server accepts: wait until it does.
    while time.monotonic() < deadline:
        with socket.socket(socket.AF_UNIX) as s:
            try:
                s.connect(str(sock))
                break
            except OSError:
                time.sleep(0.02)
    return proc, XServer(f":{number}", width, height)


@pytest.fixture
def xserver() -> Iterator[XServer]:
    """A real X server (Xvfb) of 1920×1080, for this test only."""
    proc, server = start_xvfb()
    try:
        yield server
    finally:
        proc.terminate()
        proc.wait(10)


@pytest.fixture(scope="session")
def secret_service_bus(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A private D-Bus session with a real gnome-keyring Secret Service, unlocked.

    Started once per test run with a fresh HOME (an old keyring file with
    another password would be locked); yields the bus address. Linux only: Windows
    keeps secrets in the Credential Manager (tests/windows/).
    """
    if sys.platform != "linux":
        pytest.skip("the Secret Service (D-Bus, gnome-keyring) is Linux's keyring")
    for tool in ("dbus-daemon", "gnome-keyring-daemon"):
        if shutil.which(tool) is None:
            pytest.fail(f"{tool} is missing: run the README's test command, which installs it")
    home = tmp_path_factory.mktemp("keyring-home")
    bus = subprocess.run(
        ["dbus-daemon", "--session", "--fork", "--print-address=1", "--print-pid=1"],
        capture_output=True, text=True, check=True,
    )
    address, pid = bus.stdout.split()[:2]
    env = dict(os.environ, HOME=str(home), DBUS_SESSION_BUS_ADDRESS=address,
               XDG_RUNTIME_DIR=str(home), XDG_DATA_HOME=str(home / "data"))
    daemon = subprocess.Popen(
        ["gnome-keyring-daemon", "--foreground", "--unlock", "--components=secrets"],
        stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env,
    )
    assert daemon.stdin is not None
    daemon.stdin.write(b"test-keyring-password")
    daemon.stdin.close()
    _wait_for_bus_name(env, "org.freedesktop.secrets")
    try:
        yield address
    finally:
        daemon.terminate()
        daemon.wait(10)
        os.kill(int(pid), 15)


def _wait_for_bus_name(env: dict[str, str], name: str) -> None:
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        names = subprocess.run(
            ["dbus-send", "--session", "--print-reply", "--dest=org.freedesktop.DBus",
             "/org/freedesktop/DBus", "org.freedesktop.DBus.ListNames"],
            capture_output=True, text=True, env=env, check=False,
        ).stdout
        if f'"{name}"' in names:
            return
        time.sleep(0.05)
    pytest.fail(f"{name} did not appear on the private D-Bus")


@pytest.fixture
def secret_service(secret_service_bus: str, monkeypatch: pytest.MonkeyPatch) -> str:
    """Point this test's keyring clients at the real Secret Service."""
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", secret_service_bus)
    return secret_service_bus
