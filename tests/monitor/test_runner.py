"""Transitions and the loop: one notification per outage, one round at a time, jitter."""

from __future__ import annotations

import random
import threading
from pathlib import Path

from samu_desktop.config.monitoring import MonitorEndpoint
from samu_desktop.config.settings import Settings
from samu_desktop.monitor.endpoints import config_from, endpoints_from
from samu_desktop.monitor.journal import Journal
from samu_desktop.monitor.model import ErrorClass, Event, Record, Step, probe_record
from samu_desktop.monitor.runner import Monitor, MonitorConfig
from samu_desktop.monitor.transitions import Tracker, Transition

T0 = 1_800_000_000_000
EP = MonitorEndpoint(id="portail-production", kind="https", target="https://127.0.0.1:9/",
                     application="portail", environment="production")


def _probe(ok: bool, n: int, step: Step = Step.TCP) -> Record:
    return probe_record(EP.id, T0 + n * 30_000, ok, step if not ok else Step.HTTP, 5,
                        ErrorClass.NONE if ok else ErrorClass.REFUSED)


def test_down_after_n_failures_up_after_m_successes_once_per_outage() -> None:
    tracker = Tracker(down_after=3, up_after=2)
    # A lone success inside the outage (12) does not end it; 14 and 15 do.
    pattern = "ffo" "fff" "ffofff" "of" "oo" "oo" "f"
    seen: list[tuple[int, Transition]] = []
    for n, char in enumerate(pattern):
        transition = tracker.feed(_probe(char == "o", n))
        if transition is not None:
            seen.append((n, transition))
    assert [(n, t.kind) for n, t in seen] == [(5, "down"), (15, "up")]
    down = seen[0][1].outage
    assert down.started_ms == T0 + 3 * 30_000  # the first of the three failures
    assert down.declared_ms == T0 + 5 * 30_000
    assert down.ended_ms == T0 + 14 * 30_000  # the first of the two successes
    assert down.failures == [(Step.TCP, ErrorClass.REFUSED)]


def test_an_outage_still_open_after_a_restart_is_not_announced_again() -> None:
    first = Tracker(2, 2)
    transitions = [first.feed(_probe(False, n)) for n in range(3)]
    down = next(t for t in transitions if t is not None)
    again = Tracker(2, 2)
    again.restore([down.record()])
    assert again.is_down(EP.id)
    assert [again.feed(_probe(False, n)) for n in range(3, 10)] == [None] * 7
    up = [again.feed(_probe(True, n)) for n in range(10, 12)][-1]
    assert up is not None and up.kind == "up"
    assert up.outage.started_ms == T0  # the start the first run saw


class FakeClock:
    """Simulated wall clock: ``wait`` moves time on at once (the stop event still wins)."""

    def __init__(self, start_s: float) -> None:
        self.t = start_s
        self.waits: list[float] = []

    def now(self) -> float:
        return self.t

    def wait(self, seconds: float, stop: threading.Event) -> bool:
        self.waits.append(seconds)
        self.t += seconds
        return stop.is_set()


def test_the_loop_runs_one_round_at_a_time_with_jitter(tmp_path: Path) -> None:
    clock = FakeClock(T0 / 1000)
    in_flight = 0
    most = 0
    lock = threading.Lock()
    done = threading.Event()
    transitions: list[Transition] = []
    rounds_wanted = 40
    endpoints = [EP, EP.model_copy(update={"id": "ntp", "kind": "dns", "target": "localhost",
                                           "application": None})]

    def probe(endpoint: MonitorEndpoint, timeout: float, now_ms: int) -> Record:
        nonlocal in_flight, most
        with lock:
            in_flight += 1
            most = max(most, in_flight)
        clock.t += 0.4  # the probe takes time: the next round's delay accounts for it
        round_number = (now_ms - T0) // 30_000
        ok = not (10 <= round_number < 20) or endpoint.id == "ntp"
        with lock:
            in_flight -= 1
        return probe_record(endpoint.id, now_ms, ok, Step.HTTP, 12)

    monitor = Monitor(MonitorConfig(endpoints, interval_s=30, timeout_s=2), Journal(tmp_path),
                      probe, transitions.append, clock, random.Random(7))

    def watch(t: Transition) -> None:
        transitions.append(t)

    monitor.on_transition = watch
    original = monitor.run_round

    def counted() -> list[Record]:
        records = original()
        if monitor.rounds >= rounds_wanted:
            monitor._stop.set()
            done.set()
        return records

    monitor.run_round = counted  # type: ignore[method-assign]
    monitor.start()
    assert done.wait(30)
    assert monitor.stop(10)
    assert monitor.rounds == rounds_wanted
    # Two endpoints per round, never two rounds at once (at most the round's own probes).
    assert most <= 2
    # Delays: 30 s ± 10 %, less what the round took.
    delays = clock.waits[1:-1]
    assert all(26.0 <= d <= 33.0 for d in delays), delays
    assert len({round(d, 3) for d in delays}) > 10  # jittered, not a fixed beat
    assert [t.kind for t in transitions] == ["down", "up"]
    journal = monitor.journal.read().records
    assert sum(r.ev is Event.PROBE for r in journal) == 2 * rounds_wanted
    assert [r.ev for r in journal if r.ev is not Event.PROBE] == [Event.DOWN, Event.UP]


def test_endpoints_come_from_the_settings_when_the_policy_lists_none() -> None:
    settings = Settings(environment="formation", session_server_url="wss://ss.example.test/ws",
                        smtp_host="smtp.example.test", smtp_port=587)
    ids = {e.id: e for e in endpoints_from(settings)}
    assert set(ids) == {"portail-formation", "bandeau-session-server", "relais-smtp", "ntp"}
    assert ids["portail-formation"].application == "portail"
    assert ids["bandeau-session-server"].kind == "websocket"
    assert ids["relais-smtp"].kind == "smtp" and ids["ntp"].application is None
    listed = Settings(monitor_endpoints=[EP], monitor_interval_s=60, monitor_down_after=4)
    config = config_from(listed)
    assert list(config.endpoints) == [EP]
    assert (config.interval_s, config.down_after) == (60, 4)
    assert Settings().monitor_enabled is False


def test_everything_down_with_the_centre_s_own_service_is_marked_local(tmp_path: Path) -> None:
    ntp = MonitorEndpoint(id="ntp", kind="ntp", target="127.0.0.1:9")
    other = MonitorEndpoint(id="bandeau", kind="websocket", target="wss://127.0.0.1:9/",
                            application="bandeau")

    def kinds(endpoints: list[MonitorEndpoint]) -> list[tuple[str, bool]]:
        seen: list[Transition] = []
        monitor = Monitor(MonitorConfig(endpoints, down_after=2), Journal(tmp_path / "j"),
                          lambda e, t, n: probe_record(e.id, n, False, Step.DNS, 1,
                                                       ErrorClass.UNREACHABLE),
                          seen.append, FakeClock(T0 / 1000))
        for _ in range(3):
            monitor.run_round()
        monitor.stop()
        return [(t.outage.endpoint, t.local) for t in seen]

    assert kinds([EP, ntp]) == [(EP.id, True), ("ntp", True)]
    # Only SI-SAMU's own services down: SI-SAMU, not this workstation's network.
    assert kinds([EP, other]) == [(EP.id, False), ("bandeau", False)]
