"""Time from process start to the main window painted: the app vs a bare PySide6 window.

Both run in the same session on the same Xvfb, alternately, and are timed the
same way: from just before the process is spawned to the line each prints
once its first paint is done.

    .venv/bin/python benchmarks/startup.py [--runs 10] [--frozen dist/samu-desktop/samu-desktop]

With ``--frozen``, the PyInstaller build (packaging/build.py) is timed too, in the
same alternation, against the app started from the venv.

The same comparison with a whole-process timer (each exits right after its first
paint), e.g. with hyperfine, under Xvfb with a fresh HOME and XDG folders as this
script sets them, and without PYTHONDONTWRITEBYTECODE:

    SAMU_DESKTOP_STARTUP_PROBE=quit hyperfine -w 1 -r 15 \\
        '.venv/bin/python -m samu_desktop' '.venv/bin/python benchmarks/bare_window.py --quit'
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BARE = str(Path(__file__).with_name("bare_window.py"))


def start_xvfb() -> tuple[subprocess.Popen[bytes], str]:
    for number in range(150, 400):
        if not Path(f"/tmp/.X11-unix/X{number}").exists():
            break
    proc = subprocess.Popen(["Xvfb", f":{number}", "-screen", "0", "1920x1080x24",
                             "-nolisten", "tcp"], stderr=subprocess.DEVNULL)
    while not Path(f"/tmp/.X11-unix/X{number}").exists():
        time.sleep(0.02)
    time.sleep(0.2)
    return proc, f":{number}"


def time_until_shown(cmd: list[str], env: dict[str, str]) -> tuple[float, subprocess.Popen[str]]:
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None
    for line in proc.stdout:
        if "window shown" in line:
            return time.perf_counter() - start, proc
    raise RuntimeError(f"{cmd} ended without showing a window")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--frozen", type=Path, help="a frozen samu-desktop executable to time too")
    args = parser.parse_args()
    runs, frozen = args.runs, args.frozen
    xvfb, display = start_xvfb()
    home = Path(tempfile.mkdtemp(prefix="samu-bench-"))
    env = dict(os.environ, DISPLAY=display, HOME=str(home), SAMU_DESKTOP_STARTUP_PROBE="1",
               XDG_CONFIG_HOME=str(home / "config"), XDG_STATE_HOME=str(home / "state"),
               XDG_DATA_HOME=str(home / "data"), XDG_CONFIG_DIRS=str(home / "etc"))
    env.pop("QT_QPA_PLATFORM", None)
    # As installed (pip compiles the bytecode, the frozen build carries it): a shell
    # with PYTHONDONTWRITEBYTECODE would time the app compiling its own modules at
    # every start, which no user's start does. One untimed start of each writes it.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    app_times: list[float] = []
    bare_times: list[float] = []
    frozen_times: list[float] = []
    try:
        for cmd in ([sys.executable, "-m", "samu_desktop"], [sys.executable, BARE, "--quit"]):
            time_until_shown(cmd, dict(env, SAMU_DESKTOP_STARTUP_PROBE="quit"))[1].wait(30)
        for _ in range(runs):
            seconds, proc = time_until_shown([sys.executable, "-m", "samu_desktop"], env)
            app_times.append(seconds)
            subprocess.run([sys.executable, "-m", "samu_desktop", "--quit"], env=env, check=True)
            proc.wait(30)
            seconds, proc = time_until_shown([sys.executable, BARE], env)
            bare_times.append(seconds)
            proc.terminate()
            proc.wait(30)
            if frozen is not None:
                seconds, proc = time_until_shown([str(frozen)], env)
                frozen_times.append(seconds)
                subprocess.run([str(frozen), "--quit"], env=env, check=True)
                proc.wait(30)
    finally:
        xvfb.terminate()
        shutil.rmtree(home, ignore_errors=True)
    app_median = statistics.median(app_times)
    bare_median = statistics.median(bare_times)
    print(f"runs: {runs} each, alternating, Xvfb 1920x1080, {os.cpu_count()} cores")
    for name, median, times in (("samu-desktop", app_median, app_times),
                                 ("bare PySide6", bare_median, bare_times)):
        print(f"{name:<14}: median {median * 1000:.0f} ms, min {min(times) * 1000:.0f} ms")
    print(f"ratio (median): {app_median / bare_median:.2f}")
    if frozen_times:
        frozen_median = statistics.median(frozen_times)
        print(f"{'frozen':<14}: median {frozen_median * 1000:.0f} ms, "
              f"min {min(frozen_times) * 1000:.0f} ms ({frozen})")
        print(f"frozen / venv (median): {frozen_median / app_median:.2f}")


if __name__ == "__main__":
    main()
