"""The monitor's loop: one round of probes at a time, off the GUI thread, with jitter.

A round probes every endpoint (a few at once, each bounded by the probe
timeout), writes the round to the journal in one fsync, then feeds the
transition tracker. The next round is scheduled ``interval ± 10 %`` after the
previous one started, and never starts before the previous one ended: there is
never more than one round in flight. The clock is injected, so that tests and
the benchmark can run an hour of rounds in seconds with real sockets.

Transitions are handed to ``on_transition`` on the monitor's thread: the GUI
side carries them over to its own thread (a queued signal).
"""

from __future__ import annotations

import logging
import random
import threading
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace
from typing import Protocol

from samu_desktop.config.monitoring import MonitorEndpoint
from samu_desktop.monitor.journal import Journal
from samu_desktop.monitor.model import Record
from samu_desktop.monitor.transitions import Tracker, Transition

log = logging.getLogger(__name__)

Probe = Callable[[MonitorEndpoint, float, int], Record]
_PARALLEL = 4
_JITTER = 0.1
# How far back the journal is read at start to reopen an outage still in progress.
_RESTORE_MS = 2 * 86_400_000


class Clock(Protocol):
    def now(self) -> float:
        """Wall-clock seconds since 1970 (what the journal records)."""

    def wait(self, seconds: float, stop: threading.Event) -> bool:
        """Wait ``seconds`` or until ``stop`` is set; True when stopped."""


class SystemClock:
    def now(self) -> float:
        return time.time()

    def wait(self, seconds: float, stop: threading.Event) -> bool:
        return stop.wait(max(0.0, seconds))


@dataclass(frozen=True)
class MonitorConfig:
    endpoints: Sequence[MonitorEndpoint]
    interval_s: float = 30.0
    timeout_s: float = 5.0
    down_after: int = 3
    up_after: int = 2


class Monitor:
    def __init__(self, config: MonitorConfig, journal: Journal, probe: Probe,
                 on_transition: Callable[[Transition], None] = lambda _t: None,
                 clock: Clock | None = None, rng: random.Random | None = None) -> None:
        self.config = config
        self.journal = journal
        self.probe = probe
        self.on_transition = on_transition
        self.clock: Clock = clock or SystemClock()
        self.rng = rng or random.Random()
        self.tracker = Tracker(config.down_after, config.up_after)
        self.rounds = 0
        self.journal_errors = 0
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._pool: ThreadPoolExecutor | None = None

    # -- one round ---------------------------------------------------------------------
    def restore(self) -> None:
        """Reopen the outages the journal says are still in progress."""
        now_ms = int(self.clock.now() * 1000)
        found = self.journal.read(since_ms=now_ms - _RESTORE_MS, transitions_only=True)
        self.tracker.restore(found.records)

    def run_round(self) -> list[Record]:
        endpoints = list(self.config.endpoints)
        now_ms = int(self.clock.now() * 1000)
        timeout = self.config.timeout_s
        if self._pool is None:
            self._pool = ThreadPoolExecutor(min(_PARALLEL, max(1, len(endpoints))),
                                            thread_name_prefix="monitor-probe")
        futures = [self._pool.submit(self.probe, e, timeout, now_ms) for e in endpoints]
        records = [f.result() for f in futures]
        transitions = [t for t in (self.tracker.feed(r) for r in records) if t is not None]
        if any(t.kind == "down" for t in transitions) and self._everything_down():
            transitions = [replace(t, local=True) if t.kind == "down" else t
                           for t in transitions]
        try:
            self.journal.append(records + [t.record() for t in transitions])
        except OSError as exc:
            # A full or read-only disk must not stop the watch: the tray still learns
            # about outages; the journal resumes when it can.
            self.journal_errors += 1
            log.warning("monitor journal not written: %s", type(exc).__name__)
        self.rounds += 1
        for transition in transitions:
            try:
                self.on_transition(transition)
            except Exception:
                log.exception("monitor transition handler failed")
        return records

    def _everything_down(self) -> bool:
        """Every endpoint down, one of the centre's own (no application) among them."""
        endpoints = self.config.endpoints
        return len(endpoints) >= 2 and any(e.application is None for e in endpoints) and all(
            self.tracker.is_down(e.id) for e in endpoints)

    # -- the thread --------------------------------------------------------------------
    def start(self) -> None:
        if self._thread is not None:
            return
        self._stop.clear()
        self._thread = threading.Thread(target=self._loop, name="monitor", daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 10.0) -> bool:
        """Stop after the round in flight (its probes are bounded); True when stopped."""
        self._stop.set()
        thread = self._thread
        stopped = True
        if thread is not None:
            thread.join(timeout)
            stopped = not thread.is_alive()
        self._thread = None
        if self._pool is not None:
            # A round still in flight (at quit) ends by itself within the probe timeout;
            # its daemon threads do not hold the process.
            self._pool.shutdown(wait=stopped)
            self._pool = None
        return stopped

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def next_delay(self, round_started: float) -> float:
        interval = self.config.interval_s
        jitter = self.rng.uniform(-_JITTER, _JITTER) * interval
        return max(0.0, round_started + interval + jitter - self.clock.now())

    def _loop(self) -> None:
        try:
            self.restore()
        except Exception:
            log.exception("monitor journal not read at start")
        # A first short random wait: the workstations of a centre, started together
        # each morning, do not probe in step.
        if self.clock.wait(self.rng.uniform(0, min(5.0, self.config.interval_s)), self._stop):
            return
        while not self._stop.is_set():
            started = self.clock.now()
            try:
                self.run_round()
            except Exception:
                log.exception("monitor round failed")
            if self.clock.wait(self.next_delay(started), self._stop):
                return
