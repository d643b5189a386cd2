"""Memory of the idle tray process (PSS): the app started hidden vs a bare PySide6 tray icon.

Both run on the same Xvfb, alternately, with a system tray (this script takes the
``_NET_SYSTEM_TRAY_S0`` selection, as a desktop's panel would). Each process is
left idle for ``--settle`` seconds after it says it is ready, then its
proportional set size is read from ``/proc/PID/smaps_rollup`` (Linux).

    .venv/bin/python benchmarks/tray_memory.py [--runs 5] [--settle 3]
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

from Xlib import X
from Xlib.display import Display
from Xlib.protocol import event

sys.path.insert(0, str(Path(__file__).parent))
from startup import start_xvfb

BARE = """
import sys
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import QApplication, QSystemTrayIcon
from PySide6.QtCore import QTimer

app = QApplication(sys.argv[:1])
pixmap = QPixmap(22, 22)
pixmap.fill(QColor("#c00000"))
tray = QSystemTrayIcon(QIcon(pixmap))
tray.show()
QTimer.singleShot(0, lambda: print("samu-desktop: started", flush=True))
app.exec()
"""


def take_tray(display_name: str) -> Display:
    display = Display(display_name)
    screen = display.screen()
    owner = screen.root.create_window(0, 0, 1, 1, 0, screen.root_depth)
    selection = display.intern_atom("_NET_SYSTEM_TRAY_S0")
    owner.set_selection_owner(selection, X.CurrentTime)
    screen.root.send_event(
        event.ClientMessage(window=screen.root, client_type=display.intern_atom("MANAGER"),
                            data=(32, [X.CurrentTime, selection, owner.id, 0, 0])),
        event_mask=X.StructureNotifyMask)
    display.sync()
    return display


def memory_kib(pid: int) -> tuple[int, int]:
    """(PSS, RSS) in KiB. PSS shares each library page among the processes mapping it,
    so it drops when other Qt programs run at the same time; RSS does not."""
    found: dict[str, int] = {}
    for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
        key = line.split(":")[0]
        if key in ("Pss", "Rss"):
            found[key] = int(line.split()[1])
    return found["Pss"], found["Rss"]


def idle_memory(cmd: list[str], env: dict[str, str], settle: float) -> tuple[int, int]:
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout is not None
        for line in proc.stdout:
            if "samu-desktop: started" in line:
                break
        else:
            raise RuntimeError(f"{cmd} ended before it was ready")
        time.sleep(settle)  # idle, as it stays all day
        return memory_kib(proc.pid)
    finally:
        proc.terminate()
        proc.wait(30)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--settle", type=float, default=3.0)
    args = parser.parse_args()
    xvfb, display = start_xvfb()
    tray = take_tray(display)
    home = Path(tempfile.mkdtemp(prefix="samu-bench-"))
    env = dict(os.environ, DISPLAY=display, HOME=str(home), SAMU_DESKTOP_STARTUP_PROBE="1",
               XDG_CONFIG_HOME=str(home / "config"), XDG_STATE_HOME=str(home / "state"),
               XDG_DATA_HOME=str(home / "data"), XDG_CONFIG_DIRS=str(home / "etc"),
               # No session bus: Qt uses the XEmbed tray this script provides.
               DBUS_SESSION_BUS_ADDRESS=f"unix:path={home}/no-bus")
    env.pop("QT_QPA_PLATFORM", None)
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # as installed: see startup.py
    app: list[tuple[int, int]] = []
    bare: list[tuple[int, int]] = []
    try:
        for _ in range(args.runs):
            app.append(idle_memory([sys.executable, "-m", "samu_desktop", "--hidden"], env,
                                args.settle))
            bare.append(idle_memory([sys.executable, "-c", BARE], env, args.settle))
    finally:
        tray.close()
        xvfb.terminate()
        shutil.rmtree(home, ignore_errors=True)
    print(f"runs: {args.runs} each, alternating, idle {args.settle:.0f} s, Xvfb with a tray")
    for name, values in (("samu-desktop", app), ("bare PySide6", bare)):
        pss = [v[0] for v in values]
        rss = [v[1] for v in values]
        print(f"{name:<13}: PSS median {statistics.median(pss) / 1024:.1f} MB "
              f"(min {min(pss) / 1024:.1f}), RSS median {statistics.median(rss) / 1024:.1f} MB")
    for index, kind in ((0, "PSS"), (1, "RSS")):
        ratio = (statistics.median(v[index] for v in app)
                 / statistics.median(v[index] for v in bare))
        print(f"ratio {kind} (median): {ratio:.2f}")


if __name__ == "__main__":
    main()
