"""The one bridge from any thread to the GUI thread, and the errors that cross it.

Real threads, the real crash hooks and the real main window: an exception in a
worker thread must reach the user as the French notice, built on the GUI thread
(a widget built elsewhere makes Qt warn, which fails the test by itself).
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Iterator

import pytest
import shiboken6
from PySide6.QtCore import QObject, QThread
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from samu_desktop.config.paths import AppPaths
from samu_desktop.crash import CrashHandler
from samu_desktop.gui.app import Application, build
from samu_desktop.gui.bridge import call_in_gui, gui_bridge


def test_a_call_from_a_worker_thread_runs_on_the_gui_thread(qtbot: QtBot) -> None:
    gui_thread = QApplication.instance().thread()  # type: ignore[union-attr]
    ran_on: list[QThread] = []
    worker = threading.Thread(target=lambda: call_in_gui(
        lambda: ran_on.append(QThread.currentThread())))
    worker.start()
    worker.join()
    qtbot.waitUntil(lambda: bool(ran_on), timeout=5_000)
    assert ran_on == [gui_thread]


def test_a_call_for_a_deleted_owner_is_dropped(qtbot: QtBot) -> None:
    owner = QObject()
    ran: list[int] = []
    gui_bridge().post(lambda: ran.append(1), owner=owner)
    gui_bridge().post(lambda: ran.append(2))
    shiboken6.delete(owner)  # gone before the queued calls run
    qtbot.waitUntil(lambda: ran == [2], timeout=5_000)
    assert ran == [2]


@pytest.fixture
def running_app(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> Iterator[Application]:
    """The real application, with the real crash hooks installed for this test only."""
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    paths = AppPaths.default()
    crash = CrashHandler(paths.crash_dir)
    crash.install()
    app = build(QApplication.instance(), paths, "fr", crash)  # type: ignore[arg-type]
    qtbot.addWidget(app.window)
    try:
        yield app
    finally:
        app.shutdown()


def test_an_error_in_a_worker_thread_is_shown_to_the_user(
    running_app: Application, qtbot: QtBot
) -> None:
    bar = running_app.window.message_bar

    def boom() -> None:
        raise RuntimeError("synthetic failure in a worker thread")

    worker = threading.Thread(target=boom, name="worker-under-test")
    worker.start()
    worker.join()
    qtbot.waitUntil(lambda: any("erreur inattendue" in t for t in bar.texts()), timeout=5_000)
    (notice,) = [n for n in bar.notices() if "erreur inattendue" in n.label.text()]
    assert notice.thread() is QApplication.instance().thread()  # type: ignore[union-attr]
    assert "votre saisie est conservée" in notice.label.text()
    crash_files = list(running_app.paths.crash_dir.glob("crash-*.txt"))
    assert crash_files and "worker-under-test" in crash_files[0].read_text(encoding="utf-8")
