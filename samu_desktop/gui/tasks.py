"""The one background-task helper.

``TaskRunner.run(fn, on_success, on_failure)`` calls ``fn`` off the GUI thread
and delivers its result, or its exception, on the GUI thread. ``fn`` must
never touch a widget. Tests pass ``synchronous=True`` to run everything
inline, in order.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from functools import partial
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QRunnable, QThreadPool

from samu_desktop.gui.bridge import gui_bridge

log = logging.getLogger(__name__)

T = TypeVar("T")


class _Job(QRunnable, Generic[T]):
    def __init__(
        self,
        fn: Callable[[], T],
        success: Callable[[Any], None],
        failure: Callable[[Any], None],
    ) -> None:
        super().__init__()
        self._fn = fn
        self._success = success
        self._failure = failure
        # Created on the GUI thread, before the job can run.
        self._bridge = gui_bridge()

    def run(self) -> None:
        try:
            result = self._fn()
        except Exception as exc:
            self._bridge.post(partial(self._failure, exc))
        else:
            self._bridge.post(partial(self._success, result))


class TaskRunner:
    def __init__(self, pool: QThreadPool | None = None, synchronous: bool = False) -> None:
        self._pool = pool or QThreadPool.globalInstance()
        self._synchronous = synchronous

    def run(
        self,
        fn: Callable[[], T],
        on_success: Callable[[T], Any] | None = None,
        on_failure: Callable[[Exception], Any] | None = None,
    ) -> None:
        def success(result: Any) -> None:
            if on_success is not None:
                on_success(result)

        def failure(exc: Any) -> None:
            log.info("background task failed: %s", type(exc).__name__)
            if on_failure is not None:
                on_failure(exc)

        if self._synchronous:
            try:
                result = fn()
            except Exception as exc:
                failure(exc)
            else:
                success(result)
            return

        self._pool.start(_Job(fn, success, failure))

    def wait(self, msecs: int = -1) -> bool:
        """Wait for every running task (used at shutdown and by tests)."""
        return bool(self._pool.waitForDone(msecs))
