"""The monitor's side of the tray: off unless the policy says so, one notification per
outage even across a restart, and a click on a bubble goes to whoever showed it."""

from __future__ import annotations

import threading
import time
from pathlib import Path
from types import SimpleNamespace
from typing import Any, cast

import pytest
from PySide6.QtWidgets import QSystemTrayIcon
from pytestqt.qtbot import QtBot

from samu_desktop.config.monitoring import MonitorEndpoint
from samu_desktop.config.paths import AppPaths
from samu_desktop.config.settings import Settings
from samu_desktop.gui.hotkey_bridge import HotkeyService
from samu_desktop.gui.main_window import MainWindow
from samu_desktop.gui.monitor_bridge import MESSAGE_OWNER, MonitorService
from samu_desktop.monitor.model import ErrorClass, Record, Step, probe_record

PORTAL = MonitorEndpoint(id="portail-production", kind="https",
                         target="https://127.0.0.1:9/", application="portail")


class SteppedClock:
    def __init__(self) -> None:
        self.t = time.time()

    def now(self) -> float:
        return self.t

    def wait(self, seconds: float, stop: threading.Event) -> bool:
        self.t += seconds
        return stop.wait(0.005)


def _window(settings: Settings) -> MainWindow:
    """Only what the service reads before a click (a stand-in, not a window)."""
    stand_in: Any = SimpleNamespace(state=SimpleNamespace(settings=settings,
                                                          paths=AppPaths.default()))
    return cast(MainWindow, stand_in)


def _refused(endpoint: MonitorEndpoint, timeout: float, now_ms: int) -> Record:
    return probe_record(endpoint.id, now_ms, False, Step.TCP, 1, ErrorClass.REFUSED)


def test_off_unless_the_policy_turns_it_on(qtbot: QtBot) -> None:
    service = MonitorService(_window(Settings(portal_url_production="https://p.example")))
    assert not service.start() and service.monitor is None
    enabled = Settings(monitor_enabled=True, monitor_endpoints=[PORTAL])
    service.settings_changed(enabled)
    assert service.monitor is not None and service.monitor.running
    service.settings_changed(Settings())
    assert service.monitor is None


# The notification window is on top: the offscreen platform cannot raise it.
@pytest.mark.qt_log_ignore("This plugin does not support raise")
def test_an_outage_is_announced_once_even_across_a_restart(qtbot: QtBot) -> None:
    settings = Settings(monitor_enabled=True, monitor_endpoints=[PORTAL], monitor_down_after=2)
    notified: list[str] = []
    clock = SteppedClock()

    def run(rounds: int) -> MonitorService:
        service = MonitorService(_window(settings), probe_fn=_refused, clock=clock)
        service.notified.connect(notified.append)
        assert service.start()
        monitor = service.monitor
        assert monitor is not None
        qtbot.waitUntil(lambda: monitor.rounds >= rounds, timeout=10_000)
        service.shutdown()
        qtbot.wait(50)  # let a queued transition arrive, if one was (wrongly) sent
        return service

    run(10)
    assert len(notified) == 1 and "ne répond plus" in notified[0]
    run(10)  # the app restarts during the same outage: nothing new to say
    assert len(notified) == 1
    assert (Path(AppPaths.default().state_dir) / "monitor").is_dir()


def test_a_bubble_click_goes_to_the_service_that_showed_it(qtbot: QtBot) -> None:
    tray = QSystemTrayIcon()
    hotkey = HotkeyService("<ctrl>+<alt>+s", tray=tray, notify_on_capture=False)
    monitor = MonitorService(_window(Settings()), tray=tray)
    hotkey_opened: list[object] = []
    hotkey.open_requested.connect(hotkey_opened.append)
    monitor_clicks: list[str] = []
    hotkey._pending = cast(Any, "captures waiting")
    try:
        monitor._pending = lambda: monitor_clicks.append("report")
        tray.setProperty(MESSAGE_OWNER, "monitor")
        tray.messageClicked.emit()
        assert monitor_clicks == ["report"] and hotkey_opened == []
        monitor._pending = lambda: monitor_clicks.append("again")
        tray.setProperty(MESSAGE_OWNER, "hotkey")
        tray.messageClicked.emit()
        assert hotkey_opened == ["captures waiting"] and monitor_clicks == ["report"]
    finally:
        monitor.shutdown()
        hotkey.shutdown()
        monitor.deleteLater()
        hotkey.deleteLater()
        tray.deleteLater()


@pytest.mark.qt_log_ignore("This plugin does not support raise")
def test_everything_down_at_once_is_one_notice_about_this_workstation(qtbot: QtBot) -> None:
    """The portal and the centre's own time server fail together: the workstation's
    network, not SI-SAMU; one notice for all, one when all answer again."""
    ntp = MonitorEndpoint(id="ntp", kind="ntp", target="127.0.0.1:9")
    settings = Settings(monitor_enabled=True, monitor_endpoints=[PORTAL, ntp],
                        monitor_down_after=2, monitor_up_after=2)
    network_up = threading.Event()

    def probe(endpoint: MonitorEndpoint, timeout: float, now_ms: int) -> Record:
        if network_up.is_set():
            return probe_record(endpoint.id, now_ms, True, Step.HTTP, 5)
        return probe_record(endpoint.id, now_ms, False, Step.DNS, 1, ErrorClass.UNREACHABLE)

    notified: list[str] = []
    service = MonitorService(_window(settings), probe_fn=probe, clock=SteppedClock())
    service.notified.connect(notified.append)
    try:
        assert service.start()
        monitor = service.monitor
        assert monitor is not None
        qtbot.waitUntil(lambda: len(notified) >= 1, timeout=10_000)
        rounds = monitor.rounds
        qtbot.waitUntil(lambda: monitor.rounds >= rounds + 5, timeout=10_000)
        assert len(notified) == 1
        assert notified[0].startswith("Aucun des services surveillés ne répond depuis ")
        assert "réseau de ce poste" in notified[0]
        network_up.set()
        qtbot.waitUntil(lambda: len(notified) >= 2, timeout=10_000)
        rounds = monitor.rounds
        qtbot.waitUntil(lambda: monitor.rounds >= rounds + 5, timeout=10_000)
        assert len(notified) == 2
        assert notified[1].startswith("Les services surveillés répondent de nouveau depuis ")
    finally:
        service.shutdown()
