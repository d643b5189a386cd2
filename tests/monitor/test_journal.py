"""The journal: durable rounds, torn ends ignored, bounded, and no room for free text."""

from __future__ import annotations

import enum
import json
import os
import signal
import subprocess
import sys
import types
import typing
import zlib
from pathlib import Path

import pytest
from pydantic import ValidationError

from samu_desktop.config.monitoring import ENDPOINT_ID_PATTERN, MonitorEndpoint
from samu_desktop.monitor.journal import Journal, decode, encode
from samu_desktop.monitor.model import ErrorClass, Event, Record, Step, probe_record
from tests.conftest import REPO

T0 = 1_800_000_000_000  # a fixed instant (ms), so that the test never depends on today


def _round(number: int, size: int = 4) -> list[Record]:
    return [probe_record(f"ep-{i}", T0 + number * 30_000, i % 2 == 0, Step.HTTP, 10 + i,
                         ErrorClass.NONE if i % 2 == 0 else ErrorClass.REFUSED,
                         200 if i % 2 == 0 else None, ((Step.DNS, 1), (Step.TCP, 2)))
            for i in range(size)]


def test_rounds_read_back_in_order(tmp_path: Path) -> None:
    journal = Journal(tmp_path / "j")
    for number in range(5):
        journal.append(_round(number))
    found = journal.read()
    assert found.skipped == 0
    assert found.records == [r for n in range(5) for r in _round(n)]
    assert journal.read(since_ms=T0 + 60_000, endpoints=["ep-1"]).records == [
        _round(2)[1], _round(3)[1], _round(4)[1]]


def test_a_torn_end_at_any_byte_hides_nothing_before_it(tmp_path: Path) -> None:
    """Cut the last round at every byte: what came before always reads back whole, and a
    new writer never appends to the torn line (it opens a new segment)."""
    source = Journal(tmp_path / "src")
    for number in range(3):
        source.append(_round(number))
    segment = source.segments()[0].path
    whole = segment.read_bytes()
    before = len(b"".join(encode(r) for n in range(2) for r in _round(n)))
    for cut in range(before, len(whole)):
        folder = tmp_path / f"cut-{cut}"
        folder.mkdir()
        (folder / segment.name).write_bytes(whole[:cut])
        journal = Journal(folder)
        found = journal.read()
        # Two whole rounds, then whatever lines of the third were complete.
        assert found.records[:8] == _round(0) + _round(1)
        assert found.records[8:] == _round(2)[: len(found.records) - 8]
        assert found.skipped <= 1
        if cut % 16:
            continue  # appending after the cut (an fsync each) on a sample of the cuts
        journal.append(_round(9))
        again = journal.read()
        assert again.records[-4:] == _round(9)
        assert again.records[:8] == _round(0) + _round(1)


def test_an_altered_line_is_skipped_not_trusted(tmp_path: Path) -> None:
    journal = Journal(tmp_path)
    journal.append(_round(0))
    path = journal.segments()[0].path
    lines = path.read_bytes().splitlines(keepends=True)
    lines[1] = lines[1].replace(b'"ms":11', b'"ms":99')
    path.write_bytes(b"".join(lines))
    found = journal.read()
    assert found.skipped == 1
    assert [r.e for r in found.records] == ["ep-0", "ep-2", "ep-3"]


_WRITER = """
import sys
from pathlib import Path
sys.path.insert(0, {repo!r})
from samu_desktop.monitor.journal import Journal
from samu_desktop.monitor.model import ErrorClass, Step, probe_record
journal = Journal(Path({folder!r}), max_days=30, max_bytes=500_000_000)
number = 0
while True:
    number += 1
    journal.append([probe_record(f"ep-{{i}}", {t0} + number * 30_000, True, Step.HTTP, i,
                                 ErrorClass.NONE, 200, ((Step.DNS, 1), (Step.TCP, 2)))
                    for i in range({size})])
    sys.stdout.write(f"{{number}}\\n")
    sys.stdout.flush()
"""


@pytest.mark.timeout(120)
@pytest.mark.parametrize("after_rounds", [3, 60])
def test_kill_9_while_writing_loses_at_most_the_round_in_flight(
        tmp_path: Path, after_rounds: int) -> None:
    """A real process writes rounds as fast as it can and is killed with SIGKILL."""
    size = 300  # ~60 kB a round: the kill lands inside a round's write more often than not
    folder = tmp_path / "journal"
    code = _WRITER.format(repo=str(REPO), folder=str(folder), t0=T0, size=size)
    child = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    assert child.stdout is not None
    acknowledged = 0
    try:
        for line in child.stdout:
            acknowledged = int(line)
            if acknowledged >= after_rounds:
                break
        os.kill(child.pid, signal.SIGKILL)
    finally:
        child.kill()
        child.wait(10)
        child.stdout.close()
    assert child.returncode == -signal.SIGKILL
    assert acknowledged >= after_rounds

    found = Journal(folder).read()
    rounds: dict[int, list[Record]] = {}
    for record in found.records:
        rounds.setdefault((record.t - T0) // 30_000, []).append(record)
    numbers = sorted(rounds)
    # Every acknowledged round is there, whole; at most one more, possibly partial.
    assert numbers[: acknowledged] == list(range(1, acknowledged + 1))
    assert all(len(rounds[n]) == size for n in range(1, acknowledged + 1))
    assert len(numbers) - acknowledged <= 1
    assert found.skipped <= 1
    # And the journal takes new rounds after it.
    journal = Journal(folder)
    journal.append(_round(10_000))
    assert journal.read().records[-4:] == _round(10_000)


def test_bounded_by_megabytes_and_by_days(tmp_path: Path) -> None:
    journal = Journal(tmp_path, max_days=2, max_bytes=200_000)
    journal.segment_bytes = 20_000
    for number in range(100):  # ~1 MB written in all
        journal.append(_round(number, size=50))
    assert journal.size() <= 200_000 + journal.segment_bytes
    assert len(journal.segments()) >= 5
    newest = journal.read().records[-1]
    assert newest == _round(99, size=50)[-1]

    old = Journal(tmp_path / "days", max_days=2, max_bytes=100_000_000)
    day = 86_400_000
    for hour in range(0, 24 * 10, 2):  # ten days, one round every two hours
        old.append([probe_record("ep", T0 + hour * 3_600_000, True, Step.HTTP, 5)])
    kept = old.read().records
    last = T0 + (24 * 10 - 2) * 3_600_000
    # Whole segments go: what is left starts less than one segment span before the cutoff.
    assert kept[0].t >= last - 2 * day - 6 * 3_600_000
    assert kept[-1].t == last


# -- no free text ----------------------------------------------------------------------
_FREE_TEXT = "DURAND Jeanne 06 12 34 56 78, patiente en détresse"


def _leaves(annotation: object, metadata: tuple[object, ...] = ()) -> list[tuple[object, tuple]]:
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        base, *extra = typing.get_args(annotation)
        return _leaves(base, metadata + tuple(extra))
    if origin in (typing.Union, types.UnionType, tuple, list):
        return [leaf for arg in typing.get_args(annotation) if arg is not Ellipsis
                for leaf in _leaves(arg, metadata if origin not in (tuple, list) else ())]
    return [(annotation, metadata)]


def test_no_field_of_the_journal_can_hold_free_text() -> None:
    """By the types: every leaf is a number, a boolean, a closed enumeration, a literal, or
    the policy's endpoint id with its strict pattern. Then by trying."""
    for name, field in Record.model_fields.items():
        leaves = _leaves(field.annotation, tuple(field.metadata))
        for leaf, metadata in leaves:
            if leaf is str:
                patterns = [getattr(m, "pattern", None) for m in metadata]
                assert ENDPOINT_ID_PATTERN in patterns, f"{name} is free text"
                assert name == "e"
                continue
            assert leaf in (int, bool, type(None)) or typing.get_origin(leaf) is typing.Literal \
                or (isinstance(leaf, type) and issubclass(leaf, enum.Enum)), (name, leaf)
            if isinstance(leaf, type) and issubclass(leaf, enum.Enum):
                assert all(isinstance(m.value, str) and m.value.isascii() for m in leaf)

    good = _round(0)[1].model_dump(mode="json")
    for name in good:
        with pytest.raises(ValidationError):
            Record.model_validate_json(json.dumps({**good, name: _FREE_TEXT}))
    with pytest.raises(ValidationError):
        Record.model_validate_json(json.dumps({**good, "note": _FREE_TEXT}))
    with pytest.raises(ValidationError):
        Record.model_validate_json(json.dumps({**good, "steps": [["dns", 1, _FREE_TEXT]]}))
    # A line carrying free text, even with a right checksum, is not read back.
    body = json.dumps({**good, "note": _FREE_TEXT}).encode()
    assert decode(body + b"\t" + f"{zlib.crc32(body):08x}".encode() + b"\n") is None
    # Endpoint ids come from the policy and are held to the pattern there too.
    for bad in ("Portail SI-SAMU", "ep_1", "é", "a" * 40, "", "DURAND"):
        with pytest.raises(ValidationError):
            MonitorEndpoint(id=bad, kind="dns", target="localhost")
    assert Event.DOWN.value == "down"


def test_transitions_are_read_without_the_probes(tmp_path: Path) -> None:
    journal = Journal(tmp_path)
    down = Record(ev=Event.DOWN, e="ep-1", t=T0 + 90_000, ok=False, step=Step.TCP, ms=0,
                  err=ErrorClass.REFUSED, since=T0 + 30_000)
    up = Record(ev=Event.UP, e="ep-1", t=T0 + 300_000, ok=True, step=Step.TCP, ms=0,
                since=T0 + 30_000)
    journal.append(_round(0))
    journal.append([*_round(3), down])
    journal.append([*_round(10), up])
    assert journal.read(transitions_only=True).records == [down, up]
    assert len(journal.read().records) == 14
