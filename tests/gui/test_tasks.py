"""The background-task helper delivers results and errors on the GUI thread."""

from __future__ import annotations

import threading

from PySide6.QtCore import QThreadPool
from pytestqt.qtbot import QtBot

from samu_desktop.gui.tasks import TaskRunner


def test_result_arrives_on_the_gui_thread(qtbot: QtBot) -> None:
    runner = TaskRunner(QThreadPool())
    worker_threads: list[threading.Thread] = []
    delivered: list[tuple[int, threading.Thread]] = []

    def work() -> int:
        worker_threads.append(threading.current_thread())
        return 42

    runner.run(work, on_success=lambda v: delivered.append((v, threading.current_thread())))
    qtbot.waitUntil(lambda: bool(delivered), timeout=5000)
    assert delivered[0][0] == 42
    assert delivered[0][1] is threading.main_thread()
    assert worker_threads[0] is not threading.main_thread()
    runner.wait(5000)


def test_exception_is_delivered_to_on_failure(qtbot: QtBot) -> None:
    runner = TaskRunner(QThreadPool())
    errors: list[Exception] = []

    def work() -> None:
        raise OSError("disk on fire")

    runner.run(work, on_success=lambda _: errors.append(AssertionError("no")),
               on_failure=errors.append)
    qtbot.waitUntil(lambda: bool(errors), timeout=5000)
    assert isinstance(errors[0], OSError)
    runner.wait(5000)


def test_synchronous_mode_runs_inline_in_order() -> None:
    runner = TaskRunner(synchronous=True)
    seen: list[object] = []
    runner.run(lambda: 1, on_success=seen.append)
    runner.run(lambda: 1 / 0, on_failure=seen.append)
    runner.run(lambda: 3, on_success=seen.append)
    assert seen[0] == 1 and isinstance(seen[1], ZeroDivisionError) and seen[2] == 3
