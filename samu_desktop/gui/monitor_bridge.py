"""The outage monitor in the tray: its transitions become notifications and reports.

The monitor (``samu_desktop.monitor``) probes on its own thread; each "down" or
"up" crosses to the GUI thread through the GUI bridge (``gui/bridge.py``). "Down" notifies the
user once per outage (« Le portail SI-SAMU ne répond plus depuis 10:28 —
signaler ? »); a click builds the prefilled report, draws the timeline and cuts
the journal extract off the GUI thread, then opens the report. "Up" after a
reported outage offers the "rétablissement" follow-up through a
:data:`RecoveryHandler` the application supplies (:func:`followup_sender`: the
history's threaded follow-up); without one, the user is only told it is back.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING
from uuid import UUID

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QSystemTrayIcon

from samu_desktop.config.monitoring import MonitorEndpoint
from samu_desktop.config.settings import Settings
from samu_desktop.gui.bridge import gui_bridge
from samu_desktop.monitor.endpoints import config_from
from samu_desktop.monitor.journal import Journal
from samu_desktop.monitor.model import Record
from samu_desktop.monitor.outage_report import (
    Recovery,
    attach_evidence,
    down_text,
    local_down_text,
    local_outage_report,
    local_up_text,
    outage_report,
    recovery,
    up_text,
)
from samu_desktop.monitor.probes import probe
from samu_desktop.monitor.runner import Clock, Monitor, MonitorConfig, Probe
from samu_desktop.monitor.transitions import Outage, Transition

if TYPE_CHECKING:
    from samu_desktop.gui.hotkey_bridge import CaptureToast
    from samu_desktop.gui.main_window import MainWindow
    from samu_desktop.report.model import Report

log = logging.getLogger(__name__)

# Who showed the tray's last bubble: QSystemTrayIcon.messageClicked does not say, and
# the hotkey's notifications share the icon (hotkey_bridge.MESSAGE_OWNER, same name).
MESSAGE_OWNER = "samuMessageOwner"
OWNER = "monitor"

RecoveryHandler = Callable[[Recovery], None]
"""Sends the "rétablissement" follow-up of ``Recovery.report_id`` (the application's)."""


@dataclass(frozen=True)
class _Key:
    endpoint: str
    started_ms: int


class MonitorService(QObject):
    """The monitor, started when the policy enables it.

    Signals:
        notified(str) — a notification was shown (its French text);
        offered(str, object) — the same text and its action (a callable, or None), for
            the main window's message bar: a bubble fades, the offer stays there;
        report_opened(object) — the Report opened for an outage;
        recovery_offered(object) — a Recovery the user is asked to report;
        error(str) — a French sentence for the message bar.
    """

    notified = Signal(str)
    offered = Signal(str, object)
    report_opened = Signal(object)
    recovery_offered = Signal(object)
    error = Signal(str)

    def __init__(self, window: MainWindow, tray: QSystemTrayIcon | None = None,
                 recovery_handler: RecoveryHandler | None = None,
                 probe_fn: Probe | None = None, clock: Clock | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.window = window
        self.tray = tray
        self.recovery_handler = recovery_handler
        self.monitor: Monitor | None = None
        self.toast: CaptureToast | None = None
        self._probe = probe_fn
        self._clock = clock
        self._config: tuple[object, ...] | None = None
        self._notified: set[_Key] = set()
        self._reported: dict[_Key, UUID] = {}
        self._endpoints: dict[str, MonitorEndpoint] = {}
        self._pending: Callable[[], None] | None = None
        # Endpoints of the outage that took everything down (the workstation's network):
        # one notification for all of them, one when the last is back.
        self._local: set[str] = set()
        self._local_key: _Key | None = None
        self._bridge = gui_bridge()
        if tray is not None:
            tray.messageClicked.connect(self._tray_clicked)

    # -- life ----------------------------------------------------------------------------
    def _wanted(self, settings: Settings) -> tuple[object, ...] | None:
        if not settings.monitor_enabled:
            return None
        config = config_from(settings)
        if not config.endpoints:
            return None
        return (config, settings.monitor_journal_days, settings.monitor_journal_mb)

    def start(self, settings: Settings | None = None) -> bool:
        """Start probing if the policy enables it; True when running."""
        settings = settings or self.window.state.settings
        wanted = self._wanted(settings)
        self._config = wanted
        if wanted is None:
            log.info("outage monitor off")
            return False
        config = wanted[0]
        assert isinstance(config, MonitorConfig)
        self._endpoints = {e.id: e for e in config.endpoints}
        journal = Journal(self.window.state.paths.state_dir / "monitor",
                          settings.monitor_journal_days,
                          int(settings.monitor_journal_mb * 1_000_000))
        probe_fn = self._probe or _default_probe
        self.monitor = Monitor(config, journal, probe_fn, self._transition_seen, self._clock)
        self.monitor.start()
        log.info("outage monitor on: %d endpoint(s)", len(config.endpoints))
        return True

    def stop(self, timeout: float = 2.0) -> None:
        if self.monitor is not None:
            self.monitor.stop(timeout)
            self.monitor = None

    def settings_changed(self, settings: Settings) -> None:
        if self._wanted(settings) != self._config:
            self.stop()
            self.start(settings)

    def shutdown(self) -> None:
        self.stop()
        if self.toast is not None:
            self.toast.deleteLater()
            self.toast = None

    # -- transitions (GUI thread) ------------------------------------------------------------
    def _transition_seen(self, transition: Transition) -> None:
        # On the monitor's thread: hand over to the GUI thread, nothing else.
        self._bridge.post(lambda: self._on_transition(transition), owner=self)

    def _on_transition(self, transition: Transition) -> None:
        outage = transition.outage
        endpoint = self._endpoints.get(outage.endpoint)
        if endpoint is None:
            return
        key = _Key(outage.endpoint, outage.started_ms)
        if transition.kind == "down":
            if key in self._notified:
                return  # the same outage is never announced twice
            self._notified.add(key)
            if transition.local:
                self._local_down(outage)
                return
            self._notify(self.tr("Service SI-SAMU injoignable"), down_text(endpoint, outage),
                         lambda: self.open_report(endpoint, outage))
            return
        self._notified.discard(key)
        if outage.endpoint in self._local:
            self._local_up(endpoint, outage)
            return
        report_id = self._reported.get(key)
        if report_id is not None and self.recovery_handler is not None:
            offer = recovery(report_id, endpoint, outage)
            self.recovery_offered.emit(offer)
            self._notify(self.tr("Service rétabli"), up_text(endpoint, outage),
                         lambda: self._send_recovery(offer))
        else:
            text = up_text(endpoint, outage).split(" — ")[0] + "."
            self._notify(self.tr("Service rétabli"), text, None)

    def _local_down(self, outage: Outage) -> None:
        first = not self._local
        self._local.add(outage.endpoint)
        if not first:
            return
        key = _Key("", outage.started_ms)
        self._local_key = key
        self._notify(self.tr("Réseau du poste injoignable ?"),
                     local_down_text(outage.started_ms), lambda: self.open_local_report(key))

    def _local_up(self, endpoint: MonitorEndpoint, outage: Outage) -> None:
        self._local.discard(outage.endpoint)
        if self._local:
            return  # said once, when the last one answers again
        key, self._local_key = self._local_key, None
        report_id = self._reported.get(key) if key is not None else None
        if report_id is not None and self.recovery_handler is not None:
            offer = recovery(report_id, endpoint, outage)
            self.recovery_offered.emit(offer)
            self._notify(self.tr("Service rétabli"), local_up_text(outage, True),
                         lambda: self._send_recovery(offer))
        else:
            self._notify(self.tr("Service rétabli"), local_up_text(outage, False), None)

    def _send_recovery(self, offer: Recovery) -> None:
        if self.recovery_handler is not None:
            self.recovery_handler(offer)

    # -- the report ------------------------------------------------------------------------
    def open_report(self, endpoint: MonitorEndpoint, outage: Outage) -> None:
        """Build the prefilled report, attach the timeline and extract, then open it."""
        window = self.window
        catalogue = window.catalogue
        key = _Key(outage.endpoint, outage.started_ms)
        if key in self._reported:
            # Clicked again (the bubble, then the message bar): the same report.
            self._reopen(self._reported[key])
            return
        if catalogue is None or self.monitor is None:
            window.show_and_raise()
            return
        report = outage_report(catalogue, window.state.settings, window.facts, endpoint,
                               outage)
        self._reported[key] = report.id
        self._open_with_evidence(report, endpoint, outage)

    def open_local_report(self, key: _Key) -> None:
        """Nothing answers: a case-D report for the centre's IT, the same way."""
        window = self.window
        if key in self._reported:
            self._reopen(self._reported[key])
            return
        outages = [o for o in (self.monitor.tracker.open_outages() if self.monitor else [])
                   if o.endpoint in self._local]
        if window.catalogue is None or self.monitor is None or not outages:
            window.show_and_raise()
            return
        report = local_outage_report(window.catalogue, window.state.settings, window.facts,
                                     outages)
        self._reported[key] = report.id
        first = min(outages, key=lambda o: o.started_ms)
        self._open_with_evidence(report, self._endpoints[first.endpoint], first)

    def _open_with_evidence(self, report: Report, endpoint: MonitorEndpoint,
                            outage: Outage) -> None:
        window = self.window
        assert self.monitor is not None
        journal = self.monitor.journal
        endpoints = list(self._endpoints.values())
        interval_ms = int(self.monitor.config.interval_s * 1000)
        now_ms = int((self._clock.now() if self._clock else datetime.now().timestamp()) * 1000)
        paths = window.state.paths

        def evidence() -> None:
            from samu_desktop.report.attachments import ReportAttachments

            attach_evidence(ReportAttachments(paths, report.id), journal, endpoints, endpoint,
                            outage, now_ms, interval_ms)

        def attached(_result: object) -> None:
            self._open(report)

        def failed(exc: BaseException) -> None:
            log.warning("monitor evidence not attached: %s", type(exc).__name__)
            self.error.emit(self.tr(
                "La chronologie de la panne n'a pas pu être jointe au signalement (disque "
                "plein ou protégé ?) ; le signalement reste à compléter."))
            self._open(report)

        window.tasks.run(evidence, on_success=attached, on_failure=failed)

    def _reopen(self, report_id: UUID) -> None:
        window = self.window
        current = window.wizard.report if window.wizard is not None else None
        if current is None or current.id != report_id:
            try:
                report = window.drafts.load(report_id)
            except Exception:  # sent, or abandoned by the user: nothing to reopen
                window.show_and_raise()
                return
            if report.status == "draft":
                window.open_case(report.case, report)
        window.show_and_raise()

    def _open(self, report: Report) -> None:
        try:
            self.window.drafts.save(report)
        except Exception as exc:  # the report still opens: it is saved at the next change
            log.warning("monitor report not saved yet: %s", type(exc).__name__)
        self.window.open_case(report.case, report)
        self.window.show_and_raise()
        self.report_opened.emit(report)

    # -- notifications -----------------------------------------------------------------------
    def _notify(self, title: str, text: str, action: Callable[[], None] | None) -> None:
        self._pending = action
        self.notified.emit(text)
        self.offered.emit(text, action)
        tray = self.tray
        if tray is not None and tray.isVisible() and QSystemTrayIcon.supportsMessages():
            tray.setProperty(MESSAGE_OWNER, OWNER)
            tray.showMessage(title, text, QSystemTrayIcon.MessageIcon.Warning, 30_000)
            return
        from samu_desktop.gui.hotkey_bridge import CaptureToast

        if self.toast is None:
            self.toast = CaptureToast(text, timeout_ms=30_000)
            self.toast.setObjectName("monitorToast")
            self.toast.setStyleSheet(
                "#monitorToast { background: #fff1f0; border: 1px solid #a8071a; }")
            self.toast.open_clicked.connect(self.clicked)
        self.toast.setWindowTitle(title)
        self.toast.open_button.setVisible(action is not None)
        self.toast.open_button.setText(self.tr("Signaler"))
        self.toast.show_text(text)

    def _tray_clicked(self) -> None:
        if self.tray is not None and self.tray.property(MESSAGE_OWNER) == OWNER:
            self.clicked()

    def clicked(self) -> None:
        """The user clicked the last notification: do what it proposed (once)."""
        action, self._pending = self._pending, None
        if action is not None:
            action()


def followup_sender(window: MainWindow) -> RecoveryHandler:
    """The "rétablissement" as a threaded follow-up of the outage's report, through the
    outbox (the history's follow-up): what the application passes as recovery handler."""
    def send(offer: Recovery) -> None:
        from samu_desktop.report.followup import FollowUp, can_follow_up

        entry = window.history.get(offer.report_id) if window.history is not None else None
        if entry is None or not can_follow_up(entry):
            window.message_bar.add(window.tr(
                "Le signalement de cette panne n'est pas encore parti : indiquez l'heure du "
                "rétablissement dans le signalement avant de l'envoyer."))
            window.show_and_raise()
            return
        window.send_followup(entry, FollowUp.restored(offer.ended_at, offer.text), [])

    return send


def _default_probe(endpoint: MonitorEndpoint, timeout_s: float, now_ms: int) -> Record:
    return probe(endpoint, timeout_s, now_ms)
