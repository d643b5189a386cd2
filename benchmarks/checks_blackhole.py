"""Prerequisites test with every network target black-holed on loopback.

Prints:
  1. the wall time of the whole test (all 12 checks, real probe of this machine) when the
     portal, the Session Server, the SMTP server (TCP) and the NTP server (UDP) never
     answer — the worst case for a workstation behind a dropping firewall;
  2. the longest stall of the Qt event loop while the result page runs the same test
     (offscreen), measured by a timer ticking every 5 ms, with an idle baseline.

Usage: .venv/bin/python benchmarks/checks_blackhole.py [--timeout 3] [--runs 3]
Nothing leaves 127.0.0.1.
"""

from __future__ import annotations

import argparse
import os
import socket
import statistics
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from samu_desktop.checks.net import TlsConfig
from samu_desktop.checks.platforms import default_probe
from samu_desktop.checks.runner import GRACE_S, CheckEnv, CheckRun
from samu_desktop.config.settings import Settings

LOOPBACK = "127.0.0.1"


class BlackHoles:
    """A TCP port whose one-slot backlog is full (SYNs dropped) and a silent UDP port."""

    def __init__(self) -> None:
        self.listener = socket.socket()
        self.listener.bind((LOOPBACK, 0))
        self.listener.listen(0)
        self.tcp_port = self.listener.getsockname()[1]
        self.fillers = []
        for _ in range(8):
            filler = socket.socket()
            filler.setblocking(False)
            filler.connect_ex((LOOPBACK, self.tcp_port))
            self.fillers.append(filler)
            time.sleep(0.01)
            try:
                filler.getpeername()
            except OSError:
                break
        self.udp = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        self.udp.bind((LOOPBACK, 0))
        self.udp_port = self.udp.getsockname()[1]

    def settings(self, timeout: float) -> Settings:
        return Settings(
            check_timeout_s=timeout,
            auth_mode="cps",
            portal_url_production=f"https://{LOOPBACK}:{self.tcp_port}/",
            session_server_url=f"wss://{LOOPBACK}:{self.tcp_port}/bandeau",
            smtp_host=LOOPBACK,
            smtp_port=self.tcp_port,
            ntp_server=f"{LOOPBACK}:{self.udp_port}",
        )

    def close(self) -> None:
        for s in self.fillers:
            s.close()
        self.listener.close()
        self.udp.close()


def wall_times(holes: BlackHoles, timeout: float, runs: int) -> None:
    env = CheckEnv(holes.settings(timeout), default_probe(), TlsConfig())
    times, slowest = [], []
    for _ in range(runs):
        start = time.perf_counter()
        report = CheckRun(env).run()
        times.append(time.perf_counter() - start)
        worst = max(report.results, key=lambda r: r.duration_s)
        slowest.append((worst.id, worst.duration_s))
        failed = sorted(r.id for r in report.results if r.status.value == "failure")
    print(f"1. Whole test, every network target black-holed, check_timeout_s={timeout:g} "
          f"(runner grace {GRACE_S} s), {runs} runs")
    print(f"   wall time: median {statistics.median(times):.3f} s, max {max(times):.3f} s "
          f"(bound: {timeout + GRACE_S:.2f} s)")
    print(f"   slowest check per run: {', '.join(f'{i} {d:.3f} s' for i, d in slowest)}")
    print(f"   failed checks: {', '.join(failed)}")


def event_loop_stall(holes: BlackHoles, timeout: float) -> None:
    from PySide6.QtCore import QElapsedTimer, QEventLoop, Qt, QTimer
    from PySide6.QtWidgets import QApplication

    from samu_desktop.gui.checks_page import ChecksPage

    app = QApplication.instance() or QApplication(sys.argv[:1])

    def measure(during: float | None, page: ChecksPage | None) -> tuple[float, float, int]:
        gaps: list[float] = []
        clock = QElapsedTimer()
        clock.start()
        last = [clock.nsecsElapsed()]

        def tick() -> None:
            now = clock.nsecsElapsed()
            gaps.append((now - last[0]) / 1e6)
            last[0] = now

        ticker = QTimer()
        ticker.setTimerType(Qt.TimerType.PreciseTimer)
        ticker.setInterval(5)
        ticker.timeout.connect(tick)
        loop = QEventLoop()
        ticker.start()
        if page is not None:
            page.finished.connect(loop.quit)
            page.start()
        if during is not None:
            QTimer.singleShot(int(during * 1000), loop.quit)
        loop.exec()
        ticker.stop()
        gaps.sort()
        return gaps[-1], gaps[int(len(gaps) * 0.99) - 1], len(gaps)

    idle_max, idle_p99, idle_n = measure(1.0, None)
    page = ChecksPage(holes.settings(timeout))
    page.resize(1000, 700)
    page.show()
    app.processEvents()
    start = time.perf_counter()
    run_max, run_p99, run_n = measure(None, page)
    elapsed = time.perf_counter() - start
    print(f"2. Event loop while the result page runs the same test ({elapsed:.2f} s, "
          "timer every 5 ms, offscreen)")
    print(f"   longest stall: {run_max:.1f} ms (p99 {run_p99:.1f} ms, {run_n} ticks)")
    print(f"   idle baseline: {idle_max:.1f} ms (p99 {idle_p99:.1f} ms, {idle_n} ticks)")
    page.close()
    page.deleteLater()
    app.processEvents()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--timeout", type=float, default=3.0)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    holes = BlackHoles()
    try:
        wall_times(holes, args.timeout, args.runs)
        event_loop_stall(holes, args.timeout)
    finally:
        holes.close()


if __name__ == "__main__":
    main()
