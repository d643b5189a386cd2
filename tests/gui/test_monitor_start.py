"""The outage monitor starts when the policy turns it on, at start or later.

Off by default: then nothing of it runs (and the idle tray does not load it,
``test_tray_process.py``); a setting that turns it on while the application runs
starts it at once, without a restart.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from samu_desktop import i18n
from samu_desktop.config.paths import AppPaths
from samu_desktop.gui.app import Application, build, watch_monitor
from samu_desktop.gui.monitor_bridge import MonitorService


@pytest.fixture
def running(qtbot: QtBot) -> Iterator[Application]:
    app = build(QApplication.instance(), AppPaths.default())  # type: ignore[arg-type]
    qtbot.addWidget(app.window)
    yield app
    app.window.stop_sender()
    for translator in app.translators:
        QCoreApplication.removeTranslator(translator)
    i18n.install(None)


def test_the_monitor_waits_for_the_setting_that_turns_it_on(running: Application) -> None:
    started: list[MonitorService] = []
    watch_monitor(running, started)
    assert started == []  # off by default: nothing runs
    # A closed port on loopback: the probes fail quietly, no network is needed.
    running.state.save({"monitor_enabled": True, "monitor_endpoints": [
        {"id": "relais-local", "kind": "tcp", "target": "127.0.0.1:9"}]})
    try:
        assert len(started) == 1
        service = started[0]
        assert service.monitor is not None  # probing, on its own thread
        # Started once: a later save changes its settings, never a second service.
        running.state.save({"monitor_interval_s": 60})
        assert len(started) == 1
    finally:
        for service in started:
            service.shutdown()
    assert all(service.monitor is None for service in started)
