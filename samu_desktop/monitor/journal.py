"""The monitor's journal: append-only segments of checksummed JSON lines, bounded.

Each line is ``<json>\\t<crc32 as 8 hex digits>\\n``. A round of probes is
written, flushed and fsynced at once, so a ``kill -9`` or a power cut loses at
most the round being written. A line whose checksum does not match (the torn
end of the last segment, a bad sector) is skipped on reading; it never hides
the lines before or after it. Nothing is ever rewritten in place: a segment
whose end is torn is left as it is and the next write opens a new segment.

Segments are named after the time of their first record
(``seg-<ms>-<n>.jsonl``), so the reader can skip whole files outside the asked
window and pruning can tell a segment's age without opening it: a segment ends
where the next one starts. Whole segments are dropped when they are older than
the policy's days or when the journal outgrows its megabytes (oldest first).
"""

from __future__ import annotations

import contextlib
import itertools
import logging
import os
import re
import threading
import zlib
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError

from samu_desktop.monitor.model import Event, Record

log = logging.getLogger(__name__)

_SEGMENT = re.compile(r"^seg-(\d{13})-(\d{6})\.jsonl$")
_DAY_MS = 86_400_000
# A segment is closed after this long even when small, so that pruning by age
# frees space in steps of a few hours rather than of a whole segment of days.
_SEGMENT_SPAN_MS = 6 * 3_600_000
# How a probe line starts to be told apart without parsing it (pydantic writes the
# fields in declaration order, compactly).
_PROBE_MARK = b'{"v":1,"ev":"probe",'


def encode(record: Record) -> bytes:
    body = record.model_dump_json(exclude_defaults=False).encode("utf-8")
    return body + b"\t" + f"{zlib.crc32(body):08x}".encode("ascii") + b"\n"


def decode(line: bytes) -> Record | None:
    """The record of one line, or None when the line is torn or altered."""
    body, tab, crc = line.rstrip(b"\n").rpartition(b"\t")
    if not tab or len(crc) != 8:
        return None
    try:
        if int(crc, 16) != zlib.crc32(body):
            return None
        return Record.model_validate_json(body)
    except (ValueError, ValidationError):
        return None


@dataclass(frozen=True)
class Segment:
    path: Path
    start_ms: int
    number: int


@dataclass
class ReadResult:
    records: list[Record]
    skipped: int  # lines that were torn or altered


class Journal:
    """The journal in ``directory``. Thread-safe: the monitor appends, a task reads."""

    def __init__(self, directory: Path, max_days: int = 7, max_bytes: int = 20_000_000) -> None:
        self.directory = directory
        self.max_days = max_days
        self.max_bytes = max_bytes
        self.segment_bytes = max(64 * 1024, max_bytes // 16)
        self._lock = threading.Lock()
        self._file: Segment | None = None
        self._size = 0

    # -- segments ---------------------------------------------------------------------
    def segments(self) -> list[Segment]:
        found = []
        try:
            names = os.listdir(self.directory)
        except OSError:
            return []
        for name in names:
            match = _SEGMENT.match(name)
            if match:
                found.append(Segment(self.directory / name, int(match[1]), int(match[2])))
        return sorted(found, key=lambda s: (s.start_ms, s.number))

    def _open_segment(self, first_ms: int) -> Segment:
        existing = self.segments()
        number = existing[-1].number + 1 if existing else 1
        start = max(first_ms, existing[-1].start_ms if existing else 0)
        segment = Segment(self.directory / f"seg-{start:013d}-{number:06d}.jsonl", start, number)
        segment.path.touch()
        _fsync_dir(self.directory)
        self._size = 0
        return segment

    def _current(self, first_ms: int) -> Segment:
        segment = self._file
        if segment is None:
            # First write of this process: carry on in the last segment only if its
            # last line is whole (a torn end stays as it is, never appended to).
            existing = self.segments()
            if existing and _ends_cleanly(existing[-1].path):
                segment = existing[-1]
                self._size = segment.path.stat().st_size
        if segment is None or self._size >= self.segment_bytes or (
                first_ms - segment.start_ms >= _SEGMENT_SPAN_MS):
            segment = self._open_segment(first_ms)
        self._file = segment
        return segment

    # -- writing ------------------------------------------------------------------------
    def append(self, records: Sequence[Record]) -> None:
        """Write one round durably (one write, one fsync), then prune. Raises OSError."""
        if not records:
            return
        data = b"".join(encode(r) for r in records)
        with self._lock:
            self.directory.mkdir(parents=True, exist_ok=True)
            segment = self._current(records[0].t)
            fd = os.open(segment.path, os.O_WRONLY | os.O_APPEND | os.O_CREAT
                         | getattr(os, "O_BINARY", 0), 0o600)
            try:
                os.write(fd, data)
                os.fsync(fd)
            finally:
                os.close(fd)
            self._size += len(data)
            self._prune(records[-1].t)

    def _prune(self, now_ms: int) -> None:
        segments = self.segments()
        if len(segments) < 2:
            return
        cutoff = now_ms - self.max_days * _DAY_MS
        # A segment's records end where the next segment starts.
        doomed = [s for s, after in itertools.pairwise(segments)
                  if after.start_ms < cutoff]
        kept = [s for s in segments if s not in doomed]
        sizes = {s.path: _size(s.path) for s in kept}
        total = sum(sizes.values())
        for segment in kept[:-1]:  # never the one being written
            if total <= self.max_bytes:
                break
            doomed.append(segment)
            total -= sizes[segment.path]
        for segment in doomed:
            with contextlib.suppress(OSError):
                segment.path.unlink()
                log.info("monitor journal: old segment dropped")

    # -- reading ------------------------------------------------------------------------
    def read(self, since_ms: int = 0, until_ms: int = 2**53,
             endpoints: Iterable[str] | None = None,
             transitions_only: bool = False) -> ReadResult:
        """Every intact record with ``since_ms <= t <= until_ms``, oldest first.

        ``transitions_only`` keeps the "down" and "up" lines, skipping the probes
        without parsing them (what a start needs from two days of journal).
        """
        wanted = set(endpoints) if endpoints is not None else None
        records: list[Record] = []
        skipped = 0
        segments = self.segments()
        for index, segment in enumerate(segments):
            end = segments[index + 1].start_ms if index + 1 < len(segments) else 2**53
            if end < since_ms or segment.start_ms > until_ms:
                continue
            for line in _lines(segment.path):
                if transitions_only and _PROBE_MARK in line:
                    continue
                record = decode(line)
                if record is None:
                    skipped += 1
                    continue
                if since_ms <= record.t <= until_ms and (wanted is None or record.e in wanted) \
                        and not (transitions_only and record.ev is Event.PROBE):
                    records.append(record)
        records.sort(key=lambda r: r.t)
        return ReadResult(records, skipped)

    def size(self) -> int:
        return sum(_size(s.path) for s in self.segments())


def _lines(path: Path) -> Iterator[bytes]:
    try:
        with path.open("rb") as handle:
            yield from handle
    except OSError as exc:
        log.warning("monitor journal segment unreadable: %s", type(exc).__name__)


def _ends_cleanly(path: Path) -> bool:
    try:
        with path.open("rb") as handle:
            handle.seek(0, os.SEEK_END)
            if handle.tell() == 0:
                return True
            handle.seek(-1, os.SEEK_END)
            return handle.read(1) == b"\n"
    except OSError:
        return False


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def _fsync_dir(directory: Path) -> None:
    # Makes a new segment's name durable (POSIX); Windows cannot open a directory.
    if os.name != "posix":
        return
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
