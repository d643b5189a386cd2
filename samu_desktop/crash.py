"""One crash path: uncaught exceptions, thread exceptions and fatal signals.

Everything ends in ``crash_dir``: ``faulthandler.log`` for hard crashes (a
segfault, an abort), ``crash-<time>.txt`` for Python exceptions, and a
``running`` marker that is removed on a clean exit, so that the next start can
tell the user what happened, even after ``kill -9``.
"""

from __future__ import annotations

import contextlib
import faulthandler
import logging
import os
import sys
import threading
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import IO

from samu_desktop.fsutil import read_limited_text
from samu_desktop.logsetup import scrub

log = logging.getLogger(__name__)

FAULT_LOG = "faulthandler.log"
RUNNING = "running"
# Crash reports are a few kilobytes; a bigger one is not read (nor shown).
MAX_CRASH_FILE = 1_000_000


@dataclass(frozen=True)
class PreviousRun:
    """What the last run left behind, for the message at start-up."""

    ended_abruptly: bool
    details: str  # scrubbed crash report, may be empty

    @property
    def crashed(self) -> bool:
        return self.ended_abruptly or bool(self.details)


class CrashHandler:
    """Install the hooks; ``on_exception`` lets the GUI show a dialog."""

    def __init__(self, crash_dir: Path) -> None:
        self.crash_dir = crash_dir
        self.on_exception: Callable[[str], None] | None = None
        self._fault_file: IO[str] | None = None

    def previous_run(self) -> PreviousRun:
        """Read (and clear) what the previous run left; call before install()."""
        marker = self.crash_dir / RUNNING
        abrupt = False
        if marker.exists():
            try:
                pid = int(read_limited_text(marker, 100).strip() or "0")
            except (OSError, ValueError):
                pid = 0
            abrupt = not _alive(pid)
        parts = []
        fault = self.crash_dir / FAULT_LOG
        if fault.exists() and fault.stat().st_size:
            with contextlib.suppress(OSError):
                parts.append(read_limited_text(fault, MAX_CRASH_FILE))
        for report in sorted(self.crash_dir.glob("crash-*.txt")):
            with contextlib.suppress(OSError):
                parts.append(read_limited_text(report, MAX_CRASH_FILE))
            with contextlib.suppress(OSError):
                report.rename(report.with_suffix(".seen"))
        return PreviousRun(ended_abruptly=abrupt, details=scrub("\n".join(parts)))

    def install(self) -> None:
        self.crash_dir.mkdir(parents=True, exist_ok=True)
        (self.crash_dir / RUNNING).write_text(str(os.getpid()), encoding="utf-8")
        self._fault_file = open(self.crash_dir / FAULT_LOG, "w", encoding="utf-8")  # noqa: SIM115
        faulthandler.enable(self._fault_file, all_threads=True)
        sys.excepthook = self._excepthook
        threading.excepthook = self._threading_hook

    def clean_exit(self) -> None:
        """Forget the running marker and the empty fault log: this run ended well."""
        if self._fault_file is not None:
            faulthandler.disable()
            self._fault_file.close()
            self._fault_file = None
        for name in (RUNNING, FAULT_LOG):
            path = self.crash_dir / name
            if path.exists() and (name == RUNNING or path.stat().st_size == 0):
                path.unlink()

    def _excepthook(
        self,
        exc_type: type[BaseException],
        exc: BaseException,
        tb: TracebackType | None,
    ) -> None:
        self.report("".join(traceback.format_exception(exc_type, exc, tb)))

    def _threading_hook(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_value is None:
            return
        text = "".join(
            traceback.format_exception(args.exc_type, args.exc_value, args.exc_traceback)
        )
        self.report(f"thread {args.thread.name if args.thread else '?'}\n{text}")

    def report(self, text: str) -> None:
        text = scrub(text)
        log.error("uncaught exception:\n%s", text)
        stamp = time.strftime("%Y%m%d-%H%M%S")
        with contextlib.suppress(OSError):
            (self.crash_dir / f"crash-{stamp}.txt").write_text(text, encoding="utf-8")
        if self.on_exception is not None:
            self.on_exception(text)


def _alive(pid: int) -> bool:
    if pid <= 0:
        return False
    if os.name == "nt":
        return False  # the marker is rewritten by every run; an old pid means it ended
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return pid != os.getpid()
