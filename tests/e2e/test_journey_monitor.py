"""Journey 6, the outage flight recorder: the app sees SI-SAMU break before anyone asks.

The administrator's policy turns the monitor on and lists the portal (HTTPS)
and the Session Server (WebSocket over TLS), both real servers on loopback
with the test CA trusted as in production (``SSL_CERT_FILE``). They go down;
the notification comes once; one click opens the case-B report on the portal
with the start time from the journal, the environment and the failing steps,
and the timeline and journal extract attached; the report leaves through the
outbox to the support desk's server (aiosmtpd) with both files; the servers
come back, the "rétablissement" follow-up is offered with the end time, and one
click sends it through the outbox as a threaded answer to the report: the
server holds both, the second with ``In-Reply-To`` the first.

The monitor's clock is simulated (each wait moves time on by the interval and
really waits 10 ms): the probes, the journal, the threads and the servers are
real; only the 30 seconds between rounds are not spent.
"""

from __future__ import annotations

import io
import json
import threading
import time
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from samu_desktop.config.paths import AppPaths
from samu_desktop.gui.app import Application, start_monitor
from samu_desktop.gui.monitor_bridge import followup_sender
from samu_desktop.monitor.journal import Journal
from samu_desktop.monitor.model import Event
from samu_desktop.monitor.outage_report import EXTRACT_FILE, TIMELINE_FILE, Recovery
from samu_desktop.report.attachments import ReportAttachments
from samu_desktop.report.drafts import DraftStore
from samu_desktop.report.model import Report, parse_datetime_answer
from tests.e2e.conftest import attachments, centre_settings, received, save_settings
from tests.mail.smtp_server import MailServer
from tests.monitor.servers import LoopbackService


class SteppedClock:
    """Wall time moves on by what the monitor waits; each wait really lasts 10 ms."""

    def __init__(self) -> None:
        self.t = time.time()
        self.lock = threading.Lock()

    def now(self) -> float:
        with self.lock:
            return self.t

    def wait(self, seconds: float, stop: threading.Event) -> bool:
        with self.lock:
            self.t += seconds
        return stop.wait(0.01)


@pytest.fixture
def si_samu(tmp_path: Path, support_desk: MailServer) -> Iterator[tuple[LoopbackService,
                                                                        LoopbackService]]:
    """The portal and the Session Server, with the certificate of the test CA."""
    context = support_desk.pki.server_context()
    portal = LoopbackService(context).up()
    session = LoopbackService(context).up()
    try:
        yield portal, session
    finally:
        portal.down()
        session.down()


def _policy(portal: LoopbackService, session: LoopbackService) -> None:
    policy = {"schema_version": 1, "locked": {
        "monitor_enabled": True,
        "monitor_endpoints": [
            {"id": "portail-production", "kind": "https", "target": portal.url("https"),
             "application": "portail", "environment": "production"},
            {"id": "bandeau-session-server", "kind": "websocket",
             "target": session.url("wss", "/ws"), "application": "bandeau"},
        ],
        "monitor_interval_s": 30, "monitor_timeout_s": 2,
        "monitor_down_after": 3, "monitor_up_after": 2,
    }}
    folder = AppPaths.default().policy_dir
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "policy.json").write_text(json.dumps(policy), encoding="utf-8")


# The offscreen platform cannot raise the window the click brings forward.
@pytest.mark.qt_log_ignore("This plugin does not support raise")
def test_outage_seen_reported_and_recovery_offered(
        qtbot: QtBot, make_app: Callable[..., Application], support_desk: MailServer,
        si_samu: tuple[LoopbackService, LoopbackService]) -> None:
    portal, session = si_samu
    save_settings(centre_settings(support_desk))
    _policy(portal, session)
    running = make_app()
    window = running.window
    assert window.state.settings.monitor_enabled
    offers: list[Recovery] = []
    notified: list[str] = []
    # As run_gui starts it (the history's follow-up as the recovery sender), with the
    # test's clock; the offers are recorded on their way to it.
    followup = followup_sender(window)

    def send_recovery(offer: Recovery) -> None:
        offers.append(offer)
        followup(offer)

    service = start_monitor(running, recovery_handler=send_recovery, clock=SteppedClock())
    service.notified.connect(notified.append)
    monitor = service.monitor
    assert monitor is not None
    try:
        qtbot.waitUntil(lambda: monitor.rounds >= 4, timeout=20_000)
        assert notified == []  # everything answers: nothing to say

        # The Session Server refuses the WebSocket upgrade first, then the portal stops.
        session.mode = "error"
        with qtbot.waitSignal(service.notified, timeout=20_000):
            pass
        portal.down()
        with qtbot.waitSignal(service.notified, timeout=20_000):
            pass
        rounds_at_notice = monitor.rounds
        qtbot.waitUntil(lambda: monitor.rounds >= rounds_at_notice + 8, timeout=20_000)
        # Two outages, one notification each, never repeated.
        assert len(notified) == 2, notified
        assert notified[0].startswith("Le bandeau de communication (Session Server) ne répond")
        portal_notice = notified[1]
        assert portal_notice.startswith("Le portail SI-SAMU ne répond plus depuis ")
        assert portal_notice.endswith(" — signaler ?")
        journal = Journal(AppPaths.default().state_dir / "monitor")
        down = next(r for r in journal.read().records
                    if r.ev is Event.DOWN and r.e == "portail-production")
        assert down.since is not None
        start = datetime.fromtimestamp(down.since / 1000).astimezone()
        assert f"depuis {start.hour:02d}:{start.minute:02d}" in portal_notice

        # The offer also waits in the window's message bar (a bubble fades).
        notices = [n.label.text() for n in window.message_bar.notices()]
        assert portal_notice in notices

        # One click on the notification opens the report.
        toast = service.toast
        assert toast is not None and toast.isVisible()
        with qtbot.waitSignal(service.report_opened, timeout=20_000) as opened:
            qtbot.mouseClick(toast.open_button, Qt.MouseButton.LeftButton)
        report: Report = opened.args[0]
        assert window.wizard is not None and window.wizard.report is not None
        assert window.wizard.report.id == report.id
        assert (report.case, report.application) == ("B", "portail")
        assert parse_datetime_answer(report.answers["start"]) == start.replace(microsecond=0)
        assert report.answers["environment"] == "production"
        assert "connexion TCP : connexion refusée" in str(report.answers["description"])
        # How many workstations are affected: the monitor cannot know, so it says nothing.
        assert "users_count" not in report.answers
        assert DraftStore(AppPaths.default(), None).load(report.id).id == report.id
        # The same offer in the message bar now leads to the same report, not a second one.
        notice = next(n for n in window.message_bar.notices()
                      if n.label.text() == portal_notice)
        again = next(b for b in notice.findChildren(QPushButton) if b.text() == "Signaler")
        qtbot.mouseClick(again, Qt.MouseButton.LeftButton)
        assert window.wizard is not None and window.wizard.report is not None
        assert window.wizard.report.id == report.id
        assert [r.id for r in DraftStore(AppPaths.default(), None).list_drafts().reports
                if r.case == "B"] == [report.id]

        store = ReportAttachments(AppPaths.default(), report.id)
        files = store.monitor_files()
        timeline = Image.open(io.BytesIO(files[TIMELINE_FILE]))
        assert timeline.width == 960 and timeline.height >= 200
        extract = json.loads(files[EXTRACT_FILE])
        # Refused, once the port is closed (a probe caught mid-shutdown may see a reset).
        assert {"step": "tcp", "error": "refused"} in extract["outage"]["failures"]
        assert extract["outage"]["end"] is None
        assert all(r["e"] == "portail-production" for r in extract["records"])
        assert any(not r["ok"] for r in extract["records"])

        # The prerequisites test runs by itself as the form opens (as in journey 1).
        qtbot.waitUntil(lambda: report.prerequisites is not None, timeout=30_000)
        # The report leaves through the outbox with both files. The questions only the
        # user can answer (functions, how many users…) are not the monitor's: the journey
        # sends from the review page's "send" (its signal), as journey 1 tests the form.
        wizard = window.wizard
        wizard.review.send_requested.emit()
        qtbot.waitUntil(lambda: bool(support_desk.delivered), timeout=30_000)
        qtbot.waitUntil(lambda: DraftStore(AppPaths.default(), None).load(report.id).status
                        == "sent", timeout=30_000)
        sent = attachments(received(support_desk)[0])
        assert sent[TIMELINE_FILE] == files[TIMELINE_FILE]
        assert json.loads(sent[EXTRACT_FILE]) == extract

        # The servers come back, the Session Server first.
        session.mode = "ok"
        qtbot.waitUntil(lambda: len(notified) >= 3, timeout=20_000)
        # It was not reported: the user is told, nothing is proposed.
        assert notified[2].startswith("Le bandeau de communication (Session Server) répond de")
        assert "signaler" not in notified[2] and not toast.open_button.isVisibleTo(toast)
        portal.up()
        with qtbot.waitSignal(service.recovery_offered, timeout=20_000) as offered:
            pass
        assert notified[3].startswith("Le portail SI-SAMU répond de nouveau depuis ")
        assert notified[3].endswith(" — signaler le rétablissement ?")
        assert offers == []  # offered, never sent behind the user's back
        up = next(r for r in Journal(AppPaths.default().state_dir / "monitor").read().records
                  if r.ev is Event.UP and r.e == "portail-production")
        qtbot.mouseClick(toast.open_button, Qt.MouseButton.LeftButton)
        assert offers == [offered.args[0]]
        offer = offers[0]
        assert offer.report_id == report.id
        assert offer.ended_at == datetime.fromtimestamp(up.t / 1000).astimezone()
        assert offer.started_at == start
        assert "répond de nouveau" in offer.text
        assert len(notified) == 4

        # The follow-up leaves through the outbox, in the report's thread.
        qtbot.waitUntil(lambda: len(support_desk.delivered) >= 2, timeout=30_000)
        first, second = received(support_desk)[:2]
        assert second["In-Reply-To"] == first["Message-ID"]
        assert first["Message-ID"] in str(second["References"])
        assert str(second["Subject"]).startswith("Re:")
        body = second.get_body(("plain",))
        assert body is not None
        text = body.get_content()
        ended = offer.ended_at
        assert f"{ended.hour:02d}:{ended.minute:02d}" in text
        assert "répond de nouveau" in text
    finally:
        service.shutdown()
        assert service.monitor is None

