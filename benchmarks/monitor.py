"""What an hour of outage monitoring costs the workstation: CPU and memory.

Run: ``.venv/bin/python benchmarks/monitor.py [--hours 1] [--interval 30]``

The monitor runs as in the app (its worker thread, a pool of probe threads,
the journal with one fsync per round) against real services on loopback, in
another process so that their work is not counted: an HTTP portal, an HTTPS
portal (test CA), a WebSocket server over TLS, and a closed port (an endpoint
that is down: refused at every round). The clock is simulated: the waits
between rounds take no time, so an hour of rounds (120 at 30 s) runs in
seconds, with every probe's real sockets, TLS handshakes and fsyncs. CPU is
the process's user + system time over the hour's rounds; memory is the
resident set before the first round and after the last, and with
``--trace-memory`` Python's own allocations still held at the end, after a
garbage collection (tracemalloc, which slows the CPU figure down).
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from samu_desktop.checks.net import TlsConfig
from samu_desktop.config.monitoring import MonitorEndpoint
from samu_desktop.monitor.journal import Journal
from samu_desktop.monitor.model import Record
from samu_desktop.monitor.probes import probe
from samu_desktop.monitor.runner import Monitor, MonitorConfig


def _serve(folder: Path) -> None:
    """The child process: the services, until stdin closes."""
    from tests.mail.smtp_server import free_port, make_pki
    from tests.monitor.servers import LoopbackService

    pki = make_pki(folder)
    services = {"http": LoopbackService(host="127.0.0.1").up(),
                "https": LoopbackService(pki.server_context()).up(),
                "wss": LoopbackService(pki.server_context()).up()}
    ports = {name: s.port for name, s in services.items()}
    ports["closed"] = free_port()
    print(json.dumps({"ports": ports, "ca": str(pki.ca_file)}), flush=True)
    sys.stdin.read()
    for service in services.values():
        service.down()


class SimulatedClock:
    def __init__(self) -> None:
        self.t = time.time()
        self.lock = threading.Lock()

    def now(self) -> float:
        with self.lock:
            return self.t

    def wait(self, seconds: float, stop: threading.Event) -> bool:
        with self.lock:
            self.t += seconds
        return stop.is_set()


def _rss_kb() -> int:
    with open("/proc/self/statm") as handle:
        return int(handle.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") // 1024


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--hours", type=float, default=1.0)
    parser.add_argument("--interval", type=float, default=30.0)
    parser.add_argument("--trace-memory", action="store_true",
                        help="also count Python's allocations (tracemalloc slows the CPU figure)")
    parser.add_argument("--serve", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve:
        _serve(args.serve)
        return 0

    work = Path(tempfile.mkdtemp(prefix="samu-monitor-bench-"))
    child = subprocess.Popen([sys.executable, __file__, "--serve", str(work / "pki")],
                             stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    (work / "pki").mkdir(exist_ok=True)
    assert child.stdout is not None and child.stdin is not None
    info = json.loads(child.stdout.readline())
    ports, tls = info["ports"], TlsConfig(cafile=Path(info["ca"]))
    endpoints = [
        MonitorEndpoint(id="portail-http", kind="http",
                        target=f"http://localhost:{ports['http']}/"),
        MonitorEndpoint(id="portail-production", kind="https",
                        target=f"https://localhost:{ports['https']}/", application="portail"),
        MonitorEndpoint(id="bandeau-session-server", kind="websocket",
                        target=f"wss://localhost:{ports['wss']}/ws", application="bandeau"),
        MonitorEndpoint(id="service-arrete", kind="https",
                        target=f"https://127.0.0.1:{ports['closed']}/"),
    ]
    rounds_wanted = int(args.hours * 3600 / args.interval)
    done = threading.Event()
    durations: list[float] = []
    clock = SimulatedClock()

    def probe_fn(endpoint: MonitorEndpoint, timeout: float, now_ms: int) -> Record:
        return probe(endpoint, timeout, now_ms, tls)

    journal = Journal(work / "journal")
    monitor = Monitor(MonitorConfig(endpoints, interval_s=args.interval, timeout_s=5.0),
                      journal, probe_fn, clock=clock)
    original = monitor.run_round

    def timed_round() -> list[Record]:
        started = time.perf_counter()
        records = original()
        durations.append(time.perf_counter() - started)
        if monitor.rounds >= rounds_wanted:
            monitor._stop.set()
            done.set()
        return records

    monitor.run_round = timed_round  # type: ignore[method-assign]
    # One round first, so that imports and the first TLS context are not counted as the hour.
    monitor.run_round()
    monitor.rounds = 0
    durations.clear()
    if args.trace_memory:
        tracemalloc.start()
    rss_before = _rss_kb()
    cpu_before = resource.getrusage(resource.RUSAGE_SELF)
    wall_before = time.perf_counter()
    monitor.start()
    done.wait()
    monitor.stop(30)
    wall = time.perf_counter() - wall_before
    cpu_after = resource.getrusage(resource.RUSAGE_SELF)
    rss_after = _rss_kb()
    gc.collect()  # what is still held, not the cycles the collector has yet to free
    held, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    child.stdin.close()
    child.wait(10)

    cpu = (cpu_after.ru_utime - cpu_before.ru_utime) + (cpu_after.ru_stime - cpu_before.ru_stime)
    records = journal.read().records
    failures = sum(not r.ok for r in records)
    hour_s = args.hours * 3600
    print(f"{rounds_wanted} rounds ({args.hours:g} h at {args.interval:g} s), "
          f"{len(endpoints)} endpoints, {len(records)} journal lines ({failures} failures)")
    print(f"CPU for the hour: {cpu:.3f} s (user {cpu_after.ru_utime - cpu_before.ru_utime:.3f}, "
          f"system {cpu_after.ru_stime - cpu_before.ru_stime:.3f}) = "
          f"{cpu / hour_s * 100:.4f} % of one core; {cpu / rounds_wanted * 1000:.1f} ms a round")
    print(f"round wall time: median {statistics.median(durations) * 1000:.1f} ms, "
          f"max {max(durations) * 1000:.1f} ms (probes in parallel, one fsync); "
          f"the hour ran in {wall:.1f} s")
    print(f"memory: RSS {rss_before / 1024:.1f} MB before, {rss_after / 1024:.1f} MB after "
          f"(+{(rss_after - rss_before) / 1024:.2f} MB)" + (
              f"; Python allocations held at the end {held / 1024:.0f} kB "
              f"(peak {peak / 1024:.0f} kB)" if args.trace_memory else ""))
    print(f"journal on disk: {journal.size() / 1024:.0f} kB for the hour "
          f"({journal.size() / len(records):.0f} bytes a line)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
