"""Red team, single instance: two launches at the same moment leave exactly one running.

Both autostart entries fire at logon: with a guard that checked, then
listened half a second later (and removed the socket of whoever listened
first), both stayed up — two tray icons, two hotkey owners, the same draft
offered twice. Here the real program is started twice at the same moment on
a real X server (Xvfb), several times over: one must end by itself after
handing over to the other, which must stay up, show its window, and have
received the hand-over.
"""

from __future__ import annotations

import queue
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from tests.conftest import XServer

pytestmark = pytest.mark.xvfb

ROUNDS = 3


# The real program's entry point, its slow imports done first; it starts when
# the test releases it (a line on stdin), so that two of them start together.
_AT_THE_START_LINE = """
import sys
import samu_desktop.gui.app
from samu_desktop.cli import main
print("ready", flush=True)
sys.stdin.readline()
sys.exit(main())
"""


def _launch(xserver: XServer, together: bool = False, *args: str) -> subprocess.Popen[str]:
    env = xserver.env()
    env["SAMU_DESKTOP_STARTUP_PROBE"] = "1"
    command = ["-c", _AT_THE_START_LINE] if together else ["-m", "samu_desktop"]
    return subprocess.Popen([sys.executable, *command, *args], env=env, stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)


def _start_together(procs: list[subprocess.Popen[str]],
                    outputs: list[queue.Queue[str | None]]) -> None:
    for lines in outputs:
        assert lines.get(timeout=60) == "ready\n"
    for proc in procs:
        assert proc.stdin is not None
        proc.stdin.write("go\n")
    for proc in procs:
        assert proc.stdin is not None
        proc.stdin.close()


def _lines(proc: subprocess.Popen[str]) -> queue.Queue[str | None]:
    """The process's output, line by line, read on a thread (None at the end)."""
    out: queue.Queue[str | None] = queue.Queue()

    def pump() -> None:
        assert proc.stdout is not None
        with proc.stdout:
            for line in proc.stdout:
                out.put(line)
        out.put(None)

    thread = threading.Thread(target=pump, daemon=True)
    thread.start()
    _pumps.append(thread)
    return out


_pumps: list[threading.Thread] = []


def _join_pumps() -> None:
    """Each pump ends (and closes its pipe) once its process has ended."""
    while _pumps:
        _pumps.pop().join(30)


def _first_to_end(procs: list[subprocess.Popen[str]], within_s: float) -> int | None:
    """The index of the first process that ends within ``within_s``, or None."""
    deadline = time.monotonic() + within_s
    while time.monotonic() < deadline:
        for index, proc in enumerate(procs):
            try:
                proc.wait(0.1)  # a bounded wait for the event, not a pause
            except subprocess.TimeoutExpired:
                continue
            return index
    return None


def _wait_shown(lines: queue.Queue[str | None]) -> None:
    while True:
        line = lines.get(timeout=60)
        if line is None:
            pytest.fail("the remaining instance ended before showing its window")
        if "window shown" in line:
            return


def _quit(xserver: XServer, proc: subprocess.Popen[str]) -> None:
    done = subprocess.run([sys.executable, "-m", "samu_desktop", "--quit"],
                          env=xserver.env(), timeout=60, check=False)
    assert done.returncode == 0
    assert proc.wait(30) == 0


@pytest.mark.timeout(400)
def test_two_launches_at_the_same_moment_leave_exactly_one_running(
    xserver: XServer, isolated_home: Path
) -> None:
    log = isolated_home / "state" / "samu-desktop" / "log" / "samu-desktop.log"
    for round_number in range(1, ROUNDS + 1):
        procs = [_launch(xserver, together=True), _launch(xserver, together=True)]
        outputs = [_lines(p) for p in procs]
        try:
            _start_together(procs, outputs)
            ended = _first_to_end(procs, within_s=60)
            assert ended is not None, f"round {round_number}: both launches stayed running"
            survivor = 1 - ended
            assert procs[ended].returncode == 0  # it handed over, as asked
            assert procs[survivor].poll() is None
            _wait_shown(outputs[survivor])
            assert procs[survivor].poll() is None
            _quit(xserver, procs[survivor])
        finally:
            for proc in procs:
                if proc.poll() is None:
                    proc.kill()
                    proc.wait(10)
            _join_pumps()
        # The loser's "show" reached the survivor, once per round.
        assert log.read_text(encoding="utf-8").count("another launch asked to show") \
            == round_number


@pytest.mark.timeout(240)
def test_a_live_instance_keeps_its_socket_when_another_launch_starts(
    xserver: XServer, isolated_home: Path
) -> None:
    """The old guard removed the running instance's socket: later launches then found
    nobody to hand over to and started a second copy."""
    first = _launch(xserver)
    assert first.stdin is not None
    first.stdin.close()
    lines = _lines(first)
    try:
        _wait_shown(lines)
        for _ in range(2):
            later = subprocess.run([sys.executable, "-m", "samu_desktop"], env=xserver.env(),
                                   timeout=90, capture_output=True, text=True, check=False)
            assert later.returncode == 0
            assert first.poll() is None
        _quit(xserver, first)
    finally:
        if first.poll() is None:
            first.kill()
            first.wait(10)
        _join_pumps()
    log = isolated_home / "state" / "samu-desktop" / "log" / "samu-desktop.log"
    assert log.read_text(encoding="utf-8").count("another launch asked to show") == 2


@pytest.mark.timeout(200)
def test_two_hidden_autostarts_at_logon_leave_one_and_raise_no_window(
    xserver: XServer, isolated_home: Path
) -> None:
    procs = [_launch(xserver, True, "--hidden"), _launch(xserver, True, "--hidden")]
    outputs = [_lines(p) for p in procs]
    try:
        _start_together(procs, outputs)
        ended = _first_to_end(procs, within_s=60)
        assert ended is not None, "both hidden launches stayed running"
        assert procs[ended].returncode == 0
        survivor = procs[1 - ended]
        assert survivor.poll() is None
        _quit(xserver, survivor)
    finally:
        for proc in procs:
            if proc.poll() is None:
                proc.kill()
                proc.wait(10)
        _join_pumps()
    log = (isolated_home / "state" / "samu-desktop" / "log" / "samu-desktop.log").read_text(
        encoding="utf-8")
    assert "another launch asked to start-hidden" in log
    assert "another launch asked to show" not in log  # nothing popped up at logon
