"""Journey 4: the network is down when the user sends; the report waits, then leaves once.

In this process, the application built as ``run_gui`` builds it (offscreen).
"Down" is the mail server's port refusing connections (nothing listens on it);
"back" is the real aiosmtpd (STARTTLS + AUTH) starting on that port. The
background sender retries on its own: its schedule is shortened to seconds
here (the production one starts at 30 s), nothing else is changed.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from samu_desktop.config import credentials
from samu_desktop.gui.app import Application
from samu_desktop.mail.outbox import EntryState
from samu_desktop.mail.sender import Backoff
from samu_desktop.mail.transport import smtp_account
from tests.e2e.conftest import centre_settings, check_message, received, save_settings
from tests.e2e.forms import answer_everything, open_case
from tests.e2e.user import QtUser
from tests.mail.smtp_server import PASSWORD, USER, MailServer, make_pki


def test_report_waits_in_the_outbox_while_the_network_is_down_then_leaves_once(
    make_app: Callable[..., Application], secret_service: str, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch, qtbot: QtBot,
) -> None:
    pki = make_pki(tmp_path)
    monkeypatch.setenv("SSL_CERT_FILE", str(pki.ca_file))
    credentials.set_secret(smtp_account(USER, "127.0.0.1"), PASSWORD)
    server = MailServer(pki)  # its port chosen, nothing listening yet: the network is down
    save_settings(centre_settings(server))
    window = make_app().window
    sender = window.sending.outbox_sender
    sender.backoff = Backoff(base_s=0.5, cap_s=1.0)
    user = QtUser()
    try:
        wizard = open_case(user, window, "B", "selfcare", qtbot)
        answer_everything(user, wizard)
        qtbot.waitUntil(lambda: wizard.report is not None
                        and wizard.report.prerequisites is not None, timeout=30000)
        report_id = wizard.report.id if wizard.report else None
        assert report_id is not None
        user.click(wizard.next, "Suivant")
        user.click(wizard.review.send, "Envoyer au support SI-SAMU")

        # The report is safe in the outbox, and the user is told so; the wizard is done.
        qtbot.waitUntil(lambda: window.pages.currentWidget() is window.home, timeout=10000)
        assert any("boîte d'envoi" in t for t in window.message_bar.texts())
        entries = window.sending.outbox.entries()
        assert len(entries) == 1
        qtbot.waitUntil(lambda: window.sending.outbox.load(entries[0].id).attempts >= 2,
                        timeout=30000)
        waiting = window.sending.outbox.load(entries[0].id)
        assert waiting.state in (EntryState.WAITING, EntryState.SENDING)

        # The user looks at the outbox (Ctrl+E): waiting, with the reason in French.
        window.activateWindow()
        qtbot.waitActive(window)
        user.key(window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier, "Ctrl+E")
        page = window.outbox_page
        assert page is not None and window.pages.currentWidget() is page
        qtbot.waitUntil(lambda: page.rows()[0][0] == "En attente", timeout=10000)
        assert "refuse la connexion" in page.detail.text()
        assert window.drafts.load(report_id).status == "finished"

        # The network comes back: the next attempt delivers it, once.
        server.start()
        qtbot.waitUntil(lambda: len(server.delivered) == 1, timeout=30000)
        qtbot.waitUntil(lambda: window.drafts.load(report_id).status == "sent", timeout=10000)
        qtbot.waitUntil(lambda: page.rows()[0][0] == "Envoyé", timeout=10000)
        sender.wake()
        sender.run_once(force=True)  # one more pass, however the timing fell: nothing to send
        assert len(server.delivered) == 1
        sent = window.sending.outbox.load(entries[0].id)
        assert sent.state is EntryState.SENT and sent.attempts >= 3
        assert not page.retry_button.isEnabled()
    finally:
        sender.stop(5.0)
        server.stop()
    user.ledger.record("journey 4 (case B selfcare sent while the network is down)")
    messages = received(server)
    assert len(messages) == 1
    assert f"<{report_id}.report@" in str(messages[0]["Message-ID"])
    check_message(messages[0], window.drafts.load(report_id))
