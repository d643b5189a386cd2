"""The one way from any thread to the GUI thread.

Worker threads (the outbox sender, the hotkey listener, background tasks, the
crash hooks) never touch a widget. They hand a callable to :func:`call_in_gui`,
which queues it on the GUI thread's event loop: building a widget on another
thread makes Qt print "Cannot set parent, new parent is in a different thread"
at best, and crash at worst.

The bridge is a QObject that lives on the GUI thread; a queued signal carries
the callable, so delivery is in order and happens even when the caller is the
GUI thread itself (then at the next turn of the event loop).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, Qt, QThread, Signal

log = logging.getLogger(__name__)


class GuiBridge(QObject):
    """Runs posted callables on the thread it lives on (the GUI thread).

    Signals: _posted(object) — internal, queued to the GUI thread.
    """

    _posted = Signal(object)

    def __init__(self) -> None:
        super().__init__()
        self._posted.connect(self._run, Qt.ConnectionType.QueuedConnection)

    def post(self, fn: Callable[[], object], owner: QObject | None = None) -> None:
        """Queue ``fn`` on the GUI thread; safe from any thread.

        With ``owner``, the call is dropped if ``owner`` is deleted before it
        runs (what a queued connection to one of its slots would do).
        """
        self._posted.emit((fn, owner))

    def _run(self, call: tuple[Callable[[], object], QObject | None]) -> None:
        fn, owner = call
        if owner is not None and not shiboken6.isValid(owner):
            return
        try:
            fn()
        except Exception as exc:
            # Raise through the crash path (sys.excepthook) like any GUI-thread error.
            log.error("GUI callback failed: %s", type(exc).__name__)
            raise


_bridge: GuiBridge | None = None
_lock = threading.Lock()


def gui_bridge() -> GuiBridge:
    """The application's bridge, created on the GUI thread the first time."""
    global _bridge
    with _lock:
        if _bridge is None:
            app = QCoreApplication.instance()
            if app is None:
                raise RuntimeError("gui_bridge() needs a QApplication")
            bridge = GuiBridge()
            if QThread.currentThread() is not app.thread():
                # First use from a worker thread: the object must still live on
                # the GUI thread, or the queued calls would run here.
                bridge.moveToThread(app.thread())
            _bridge = bridge
        return _bridge


def call_in_gui(fn: Callable[[], object], owner: QObject | None = None) -> None:
    """Run ``fn`` on the GUI thread, from whatever thread calls this (see ``post``)."""
    gui_bridge().post(fn, owner)
