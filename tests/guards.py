"""Guards for every test: no modal dialog waits for a click, nothing is left running.

- ``modal_dialogs``: any modal window (``QDialog.exec``, a ``QMessageBox``
  static, ``QFileDialog``, a dialog ``open()``ed) is closed as soon as it is
  shown, and the test fails unless it declared it with
  ``modal_dialogs.expect(...)``, which also says how to answer it. A dialog that
  waited for a click would hang the whole run; this makes it a failure in
  milliseconds.
- Leak check: top-level widgets, Python threads and active ``QTimer`` objects
  that a test's body created and left behind fail that test. The baseline is
  taken once its fixtures are set up, so that servers and windows owned by
  fixtures (and stopped by them) are not counted.
- The per-test time limit is pytest-timeout's (``pyproject.toml``); a Python
  signal handler cannot run while Qt's event loop sits in C++, so a light timer
  lets Python breathe every 100 ms and the limit fires inside Qt loops too.
"""

from __future__ import annotations

import signal
import threading
import time
import weakref
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import partial
from typing import Any

import pytest
import pytest_timeout
import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject, QThreadPool, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget

DialogAnswer = Callable[[QWidget], None]


def describe(widget: QWidget) -> str:
    text = widget.text() if isinstance(widget, QMessageBox) else ""
    return f"{type(widget).__name__} {widget.windowTitle()!r} {text!r}".strip()


@dataclass
class _Expected:
    kind: type[QWidget]
    contains: str
    answer: DialogAnswer | None
    seen: bool = False

    def matches(self, widget: QWidget) -> bool:
        return isinstance(widget, self.kind) and self.contains in describe(widget)


class ModalDialogs(QObject):
    """Watches every Show event of the application for modal windows."""

    def __init__(self) -> None:
        super().__init__()
        self.expected: list[_Expected] = []
        self.unexpected: list[str] = []
        self.shown: list[str] = []

    def expect(self, answer: DialogAnswer | None, kind: type[QWidget] = QDialog,
               contains: str = "") -> None:
        """Declare one modal dialog this test opens, and how the user answers it.

        ``answer`` is called with the dialog once it is shown; ``None`` leaves it
        to the test (a dialog opened with ``open()``, which does not block).
        """
        self.expected.append(_Expected(kind, contains, answer))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (event.type() == QEvent.Type.Show and isinstance(watched, QWidget)
                and watched.isWindow() and watched.isModal()):
            self._caught(watched)
        return False

    def _caught(self, widget: QWidget) -> None:
        text = describe(widget)
        self.shown.append(text)
        for expected in self.expected:
            if not expected.seen and expected.matches(widget):
                expected.seen = True
                if expected.answer is not None:
                    QTimer.singleShot(0, widget, partial(expected.answer, widget))
                return
        self.unexpected.append(text)
        # Closed at the next turn of its event loop: exec() returns "rejected".
        close = widget.reject if isinstance(widget, QDialog) else widget.close
        QTimer.singleShot(0, widget, close)

    def problems(self) -> list[str]:
        found = [f"unexpected modal dialog: {text}" for text in self.unexpected]
        found += [f"expected modal dialog never shown: {e.kind.__name__} {e.contains!r}"
                  for e in self.expected if not e.seen]
        return found


_timed_out = [False]


def _breathe() -> None:
    # Running Python here lets a pending signal handler run; once the time limit
    # has fired, leave every Qt loop at each tick until the test has ended.
    if _timed_out[0]:
        QCoreApplication.exit(1)


@pytest.hookimpl(tryfirst=True)
def pytest_timeout_set_timer(item: pytest.Item, settings: Any) -> bool | None:
    """pytest-timeout's signal method, made able to end a test stuck in a Qt loop.

    Its handler raises inside whichever Python callback runs next, often a Qt
    slot or event filter, where the exception cannot unwind Qt's C++ loop. So
    this handler first tells every Qt event loop to exit (and ``_breathe`` keeps
    telling them), then raises as pytest-timeout does: the stack of every thread
    is dumped, pytest-qt reports the exception, the test fails and the run goes on.
    """
    if settings.method != "signal" or threading.current_thread() is not threading.main_thread():
        return None

    def handler(_signum: int, _frame: object) -> None:
        __tracebackhide__ = True
        _timed_out[0] = True
        QCoreApplication.exit(1)
        pytest_timeout.timeout_sigalrm(item, settings)

    def cancel() -> None:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, signal.SIG_DFL)

    item.cancel_timeout = cancel  # type: ignore[attr-defined]
    signal.signal(signal.SIGALRM, handler)
    signal.setitimer(signal.ITIMER_REAL, settings.timeout)
    return True


@pytest.fixture(scope="session")
def _qt_breathes(qapp: QApplication) -> Iterator[None]:
    """Lets Python signal handlers (the time limit's SIGALRM) run inside Qt loops."""
    timer = QTimer()
    timer.timeout.connect(_breathe)
    timer.start(100)
    yield
    timer.stop()


@pytest.fixture(autouse=True)
def modal_dialogs(qapp: QApplication, _qt_breathes: None) -> Iterator[ModalDialogs]:
    """Fails the test that opens a modal dialog it did not ``expect``."""
    _timed_out[0] = False
    guard = ModalDialogs()
    qapp.installEventFilter(guard)
    yield guard
    qapp.removeEventFilter(guard)
    problems = guard.problems()
    if problems:
        pytest.fail("\n".join(problems), pytrace=False)


# -- leaks -----------------------------------------------------------------------------

@dataclass
class _Started:
    timers: list[weakref.ref[QTimer]] = field(default_factory=list)
    single_shots: list[tuple[float, Any, list[bool]]] = field(default_factory=list)


_started = _Started()
_real_start = QTimer.start
_real_single_shot = QTimer.singleShot


def _tracking_start(self: QTimer, *args: Any) -> None:
    _started.timers.append(weakref.ref(self))
    _real_start(self, *args)


def _tracking_single_shot(msec: int, *args: Any) -> None:
    # singleShot(msec, functor) or singleShot(msec, context, functor / slot)
    done = [False]
    context = args[0] if len(args) > 1 and isinstance(args[0], QObject) else None
    target = args[-1]
    if callable(target):
        def fire() -> None:
            done[0] = True
            target()
        args = (*args[:-1], fire)
    else:
        done[0] = True  # a slot by name: not followed
    _started.single_shots.append(
        (time.monotonic() + msec / 1000, weakref.ref(context) if context else None, done))
    _real_single_shot(msec, *args)


def _snapshot() -> tuple[set[int], set[threading.Thread]]:
    widgets = {id(w) for w in QApplication.topLevelWidgets()}
    return widgets, set(threading.enumerate())


def _leaks(before: tuple[set[int], set[threading.Thread]]) -> list[str]:
    widgets_before, threads_before = before
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    QCoreApplication.processEvents()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    found = []
    for widget in QApplication.topLevelWidgets():
        if id(widget) in widgets_before or not shiboken6.isValid(widget):
            continue
        if widget.isVisible() or widget.parent() is None:
            found.append(f"widget left behind: {type(widget).__name__} "
                         f"{widget.objectName() or widget.windowTitle()!r}")
    deadline = time.monotonic() + 2.0
    for thread in set(threading.enumerate()) - threads_before:
        if isinstance(thread, threading._DummyThread):
            continue  # a Qt pool thread that ran Python: the pool is checked below
        thread.join(max(0.0, deadline - time.monotonic()))
        if thread.is_alive():
            found.append(f"thread left running: {thread.name}")
    pool = QThreadPool.globalInstance()
    if not pool.waitForDone(max(0, int((deadline - time.monotonic()) * 1000))):
        found.append(f"thread left running: {pool.activeThreadCount()} Qt pool task(s)")
    for ref in _started.timers:
        timer = ref()
        if timer is not None and shiboken6.isValid(timer) and timer.isActive():
            owner = timer.parent()
            found.append(f"timer left active: {timer.objectName() or '?'} "
                         f"(owner {type(owner).__name__ if owner else None})")
    for _due, context_ref, done in _started.single_shots:
        context = context_ref() if context_ref is not None else None
        alive = context_ref is None or (context is not None and shiboken6.isValid(context))
        if not done[0] and alive:
            found.append("QTimer.singleShot still pending")
    return found


@pytest.fixture(autouse=True)
def no_leaks(request: pytest.FixtureRequest, modal_dialogs: ModalDialogs,
             monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Fails the test whose body leaves widgets, threads or timers behind.

    A test that means to leave something (a session-wide server) says so with
    ``@pytest.mark.allow_leaks``.
    """
    _started.timers.clear()
    _started.single_shots.clear()
    monkeypatch.setattr(QTimer, "start", _tracking_start)
    monkeypatch.setattr(QTimer, "singleShot", staticmethod(_tracking_single_shot))
    holder: dict[str, tuple[set[int], set[threading.Thread]]] = {}
    request.node.stash[_BASELINE] = holder
    yield
    monkeypatch.undo()
    if "before" not in holder or request.node.get_closest_marker("allow_leaks"):
        return
    leaks = _leaks(holder["before"])
    if leaks:
        pytest.fail("\n".join(sorted(set(leaks))), pytrace=False)


_BASELINE = pytest.StashKey[dict[str, tuple[set[int], set[threading.Thread]]]]()


@pytest.hookimpl(wrapper=True, trylast=True)
def pytest_runtest_call(item: pytest.Item) -> Iterator[None]:
    # Every fixture is set up now: what exists is the fixtures', not the test's.
    holder = item.stash.get(_BASELINE, None)
    if holder is not None:
        holder["before"] = _snapshot()
        _started.timers.clear()
        _started.single_shots.clear()
    return (yield)

