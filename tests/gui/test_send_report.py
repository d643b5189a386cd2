"""A case-B report leaves through a real SMTP server, and the history says "sent".

aiosmtpd with STARTTLS and AUTH on 127.0.0.1, a test CA trusted through
SSL_CERT_FILE (the production trust path), the password in the real Secret
Service, the app's own background sender.
"""

from __future__ import annotations

import email
from email import policy
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from samu_desktop.app.state import AppState
from samu_desktop.config import credentials
from samu_desktop.config.paths import AppPaths
from samu_desktop.gui.main_window import MainWindow
from samu_desktop.gui.tasks import TaskRunner
from samu_desktop.mail.transport import smtp_account
from tests.gui.test_wizard import fill_required
from tests.mail.smtp_server import PASSWORD, USER, MailServer, make_pki


def test_case_b_report_is_delivered_once_and_marked_sent(
    qtbot: QtBot, secret_service: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pki = make_pki(tmp_path)
    monkeypatch.setenv("SSL_CERT_FILE", str(pki.ca_file))
    server = MailServer(pki).start()
    try:
        settings = server.settings(crra_id="FR999")
        credentials.set_secret(smtp_account(USER, "127.0.0.1"), PASSWORD)
        window = MainWindow(AppState.of(settings, AppPaths.default()),
                            QApplication.windowIcon(), TaskRunner(synchronous=True))
        qtbot.addWidget(window)
        window.show()
        window.sending.outbox_sender.start()
        wizard = window.open_case("B")
        assert wizard is not None
        qtbot.mouseClick(wizard.application_page.buttons["selfcare"], Qt.MouseButton.LeftButton)
        fill_required(wizard)
        report = wizard.report
        assert report is not None
        qtbot.mouseClick(wizard.next, Qt.MouseButton.LeftButton)
        qtbot.mouseClick(wizard.review.send, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: len(server.delivered) == 1, timeout=20000)
        qtbot.waitUntil(lambda: window.drafts.load(report.id).status == "sent", timeout=10000)
        window.sending.outbox_sender.stop(5.0)
    finally:
        server.stop()
    assert len(server.delivered) == 1
    message = email.message_from_bytes(server.delivered[0].content, policy=policy.default)
    assert message["To"] == "monserviceclient.si-samu@esante.gouv.fr"
    assert "[SI-SAMU][Incident][B/" in str(message["Subject"])
    assert f"<{report.id}.report@" in str(message["Message-ID"])
    from samu_desktop import __version__, buildinfo

    assert message["X-Samu-Desktop-Version"] == f"{__version__} (commit {buildinfo.commit()})"
    body = message.get_body(("plain",))
    assert body is not None and "Texte de test pour" in body.get_content()
    entries = window.history.entries() if window.history else []
    assert [e.status for e in entries if e.report_id == report.id] == ["sent"]
    window.show_history()
    assert window.history_page is not None
    rows = window.history_page.rows()
    assert len(rows) == 1
    assert rows[0][1:3] == ["B", "Outil d’administration des règles de routage (Selfcare)"]
    assert rows[0][3].startswith("Envoyé le ")  # and when (issue 19)
