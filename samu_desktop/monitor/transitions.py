"""Transitions, not noise: "down" after N failures in a row, "up" after M successes.

One outage gives one "down" and one "up", however long it lasts and however
often single probes fail or pass inside it. The outage starts at the first of
the N failures (that is when the workstation first saw it), and ends at the
first of the M successes. After a restart, the journal tells which outage is
still open, so that the user is not told about it a second time.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Literal

from samu_desktop.monitor.model import ErrorClass, Event, Record, Step


@dataclass
class Outage:
    """One endpoint's outage, as the journal saw it (times in ms since 1970, UTC)."""

    endpoint: str
    started_ms: int
    declared_ms: int
    # (step, error class) of the failures, in the order first seen.
    failures: list[tuple[Step, ErrorClass]] = field(default_factory=list)
    ended_ms: int | None = None

    def add_failure(self, step: Step, err: ErrorClass) -> None:
        if (step, err) not in self.failures:
            self.failures.append((step, err))


@dataclass(frozen=True)
class Transition:
    kind: Literal["down", "up"]
    outage: Outage
    # Every endpoint is down, the centre's own services included: the workstation's
    # network is the likely cause, not SI-SAMU (set by the runner).
    local: bool = False

    def record(self) -> Record:
        """The journal line that marks this transition."""
        outage = self.outage
        step, err = outage.failures[0] if outage.failures else (Step.TCP, ErrorClass.OTHER)
        if self.kind == "down":
            return Record(ev=Event.DOWN, e=outage.endpoint, t=outage.declared_ms, ok=False,
                          step=step, ms=0, err=err, since=outage.started_ms)
        assert outage.ended_ms is not None
        return Record(ev=Event.UP, e=outage.endpoint, t=outage.ended_ms, ok=True, step=step,
                      ms=0, since=outage.started_ms)


@dataclass
class _State:
    down: Outage | None = None
    failures: list[Record] = field(default_factory=list)  # the current run of failures
    successes: list[Record] = field(default_factory=list)  # the current run of successes


class Tracker:
    """Feed it each probe record; it answers with a transition when one happens."""

    def __init__(self, down_after: int, up_after: int) -> None:
        self.down_after = max(1, down_after)
        self.up_after = max(1, up_after)
        self._states: dict[str, _State] = {}

    def is_down(self, endpoint: str) -> bool:
        state = self._states.get(endpoint)
        return state is not None and state.down is not None

    def open_outages(self) -> list[Outage]:
        return [s.down for s in self._states.values() if s.down is not None]

    def restore(self, records: Iterable[Record]) -> None:
        """Reopen the outages a previous run declared and never closed (from the journal)."""
        for record in records:
            state = self._states.setdefault(record.e, _State())
            if record.ev is Event.DOWN and record.since is not None:
                state.down = Outage(record.e, record.since, record.t, [(record.step, record.err)])
            elif record.ev is Event.UP:
                state.down = None

    def feed(self, record: Record) -> Transition | None:
        if record.ev is not Event.PROBE:
            return None
        state = self._states.setdefault(record.e, _State())
        if record.ok:
            state.failures.clear()
            state.successes.append(record)
            if state.down is not None and len(state.successes) >= self.up_after:
                outage = state.down
                outage.ended_ms = state.successes[0].t
                state.down = None
                state.successes.clear()
                return Transition("up", outage)
            del state.successes[: -self.up_after]
            return None
        state.successes.clear()
        state.failures.append(record)
        if state.down is not None:
            state.down.add_failure(record.step, record.err)
            state.failures.clear()
            return None
        if len(state.failures) >= self.down_after:
            first = state.failures[0]
            outage = Outage(record.e, first.t, record.t)
            for failed in state.failures:
                outage.add_failure(failed.step, failed.err)
            state.down = outage
            state.failures.clear()
            return Transition("down", outage)
        return None
