"""Journey: a fresh install with no mail server never pretends to send.

In this process, the application built as ``run_gui`` builds it (offscreen),
with nothing set up: no settings file, no policy. The user fills in who they
are from the first-start offer but does not know the mail server yet, writes a
case-B report and reaches the send page. The app says the report cannot leave
from here and why — nowhere does it say it "leaves as soon as the server
answers" — and the report leaves anyway through the user's mail client: the
``.eml`` draft is a complete message (attachments, reporter, ``X-Unsent: 1``).
Then the user completes the setup with the server their IT gave them (a real
aiosmtpd with STARTTLS and AUTH, its CA trusted through ``SSL_CERT_FILE``),
"Tester" says it works, and the report leaves to the support desk.

The one probe: opening a file in the mail client (``open_url``) cannot happen
here (no desktop session, no mail client); a recorder takes the call and the
test reads the file it was asked to open.
"""

from __future__ import annotations

import email
from collections.abc import Callable
from email import policy
from email.message import EmailMessage
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QFileDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)
from pytestqt.qtbot import QtBot

from samu_desktop.gui.app import Application
from samu_desktop.gui.first_start import FirstStartDialog
from samu_desktop.gui.main_window import MainWindow
from tests.e2e.conftest import check_message, received
from tests.e2e.forms import answer_everything, open_case
from tests.e2e.user import QtUser
from tests.guards import ModalDialogs
from tests.mail.smtp_server import PASSWORD, USER, MailServer, make_pki

FALSE_PROMISES = ("dès que le serveur", "part dès que", "partira dès que")
IDENTITY = {"centre_name": "SAMU de test", "crra_id": "FR999", "reporter_name": "ARM Test",
            "reporter_phone": "01 00 00 00 99", "reporter_email": "arm-test@example.test"}


def promises(window: QWidget) -> list[str]:
    """Every sentence on screen (notices, banners, pages) that says the report will leave."""
    shown = [label.text() for label in window.findChildren(QLabel) if label.isVisible()]
    return [text for text in shown if any(p in text for p in FALSE_PROMISES)]


def notice_button(window: MainWindow, text: str, qtbot: QtBot) -> QPushButton:
    """The button ``text`` of a notice, once it is on screen (a notice added to the bar
    shows at the next turn of the event loop, as Qt shows what a layout receives)."""
    for notice in window.message_bar.notices():
        for button in notice.findChildren(QPushButton):
            if button.text() == text:
                qtbot.waitUntil(button.isVisible, timeout=5000)
                return button
    raise AssertionError(f"no notice offers « {text} »: {window.message_bar.texts()}")


def fill(user: QtUser, dialog: FirstStartDialog, values: dict[str, object]) -> None:
    """Type each value in its field, replacing what it held (click, Ctrl+A, type)."""
    for name, value in values.items():
        editor = dialog.editors[name]
        field = editor.lineEdit() if isinstance(editor, QSpinBox) else editor
        assert isinstance(field, QLineEdit)
        user.click(field, name)
        if field.text():
            QTest.keyClick(field, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
            user.ledger.keys += 1
            user.ledger.steps.append("key Ctrl+A")
        QTest.keyClicks(field, str(value))
        user.ledger.keys += len(str(value))
        user.ledger.typed += len(str(value))
        user.ledger.steps.append(f"type {value!r}")
        assert field.text() == str(value), name


def parse(data: bytes) -> EmailMessage:
    message = email.message_from_bytes(data, policy=policy.default)
    assert isinstance(message, EmailMessage)
    return message


def test_a_fresh_install_says_it_cannot_send_offers_a_draft_then_sends_once_set_up(
    make_app: Callable[..., Application], secret_service: str, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch, qtbot: QtBot, modal_dialogs: ModalDialogs,
) -> None:
    pki = make_pki(tmp_path)
    monkeypatch.setenv("SSL_CERT_FILE", str(pki.ca_file))
    server = MailServer(pki).start()  # the centre's server, not yet known to the app
    user = QtUser()
    window = make_app().window
    try:
        # First start: the short setup is offered, not forced.
        assert any("Premier démarrage" in t for t in window.message_bar.texts())
        modal_dialogs.expect(None, FirstStartDialog, "Premiers réglages")
        user.click(notice_button(window, "Faire les réglages", qtbot), "Faire les réglages")
        dialog = window.findChild(FirstStartDialog)
        assert dialog is not None and dialog.isVisible()
        fill(user, dialog, IDENTITY)  # who they are; the server, they do not know yet
        user.click(dialog.save_button, "Enregistrer")
        assert not dialog.isVisible() and not dialog.save_error.isVisible()
        assert window.state.settings.reporter_name == "ARM Test"

        # A report, to the send page.
        wizard = open_case(user, window, "B", "selfcare", qtbot)
        answer_everything(user, wizard)
        qtbot.waitUntil(lambda: wizard.report is not None
                        and wizard.report.prerequisites is not None, timeout=30000)
        user.click(wizard.next, "Suivant")
        assert wizard.pages.currentWidget() is wizard.review
        panel = wizard.readiness
        assert panel.isVisible()
        assert "Aucun serveur d'envoi n'est réglé sur ce poste" in panel.reasons.text()
        assert "Le numéro du support n'est pas renseigné" in panel.number.text()
        assert promises(window) == []

        # (a) In the mail client, ready to send: a complete message, marked unsent.
        opened: list[QUrl] = []
        panel.open_url = lambda url: opened.append(url) or True
        with qtbot.waitSignal(panel.draft_written, timeout=20000):
            user.click(panel.mail_client, "Ouvrir dans la messagerie")
        assert len(opened) == 1
        draft = Path(opened[0].toLocalFile())
        data = draft.read_bytes()
        assert data.startswith(b"X-Unsent: 1\r\n")
        report = wizard.report
        assert report is not None
        message = parse(data)
        assert message["X-Unsent"] == "1"
        files = check_message(message, report)
        assert {"signalement.json"} <= set(files)
        assert any(name.endswith(".html") for name in files)  # the prerequisites results
        text = message.get_body(("plain",))
        assert text is not None
        body = text.get_content()
        assert "ARM Test" in body and "01 00 00 00 99" in body and "FR999" in body
        # No sender address yet: the reporter's own address stands in (the mail client
        # sends from its own account anyway); the copy goes to them.
        assert IDENTITY["reporter_email"] in str(message["From"])
        assert "SAMU de test" in str(message["From"])
        assert "s'ouvre dans votre messagerie" in panel.outcome.text()

        # (b) Saved where the user chooses.
        target = tmp_path / "documents" / "signalement.eml"
        target.parent.mkdir()

        def choose(chooser: QWidget) -> None:
            assert isinstance(chooser, QFileDialog)
            chooser.selectFile(str(target))
            chooser.accept()

        modal_dialogs.expect(choose, QFileDialog, "Enregistrer le message")
        with qtbot.waitSignal(panel.draft_written, timeout=20000):
            user.click(panel.save_button, "Enregistrer le message")
        saved = parse(target.read_bytes())
        assert saved["Message-ID"] == message["Message-ID"] and saved["X-Unsent"] == "1"
        check_message(saved, report)
        assert promises(window) == []
        assert server.delivered == []

        # The IT gives the server: completed from the send page, tested, saved.
        modal_dialogs.expect(None, FirstStartDialog, "Premiers réglages")
        user.click(panel.settings_button, "Compléter les réglages")
        setup = panel.setup_dialog
        assert setup is not None and setup.isVisible()
        assert setup.values()["reporter_name"] == "ARM Test"  # kept, not asked from scratch
        fill(user, setup, {"smtp_host": "127.0.0.1", "smtp_port": server.port,
                           "smtp_username": USER, "sender_address": USER})
        user.type(setup.password, PASSWORD)
        with qtbot.waitSignal(setup.test_finished, timeout=20000) as tested:
            user.click(setup.test_button, "Tester")
        assert tested.args[0] == ("La connexion au serveur d'envoi fonctionne : les "
                                  "signalements pourront partir.")
        user.click(setup.save_button, "Enregistrer")
        assert not setup.isVisible()
        assert not panel.isVisible()  # nothing stops it now

        user.click(wizard.review.send, "Envoyer au support SI-SAMU")
        qtbot.waitUntil(lambda: len(server.delivered) == 1, timeout=30000)
        qtbot.waitUntil(lambda: window.drafts.load(report.id).status == "sent", timeout=10000)
        # The mail-client draft went with the report's other files; the user's copy stays.
        assert not draft.exists() and target.exists()
    finally:
        server.stop()
    user.ledger.record("fresh install: no server, a mail-client draft, then set up and sent")
    sent = received(server)
    assert len(sent) == 1
    check_message(sent[0], window.drafts.load(report.id))
    assert sent[0]["Message-ID"] == message["Message-ID"]  # the same report, not a copy
    assert sent[0]["Reply-To"] == IDENTITY["reporter_email"]


def test_a_report_kept_without_a_server_says_so_then_leaves_once_set_up(
    make_app: Callable[..., Application], secret_service: str, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch, qtbot: QtBot, modal_dialogs: ModalDialogs,
) -> None:
    pki = make_pki(tmp_path)
    monkeypatch.setenv("SSL_CERT_FILE", str(pki.ca_file))
    server = MailServer(pki).start()
    user = QtUser()
    window = make_app().window
    try:
        wizard = open_case(user, window, "B", "selfcare", qtbot)
        answer_everything(user, wizard)
        qtbot.waitUntil(lambda: wizard.report is not None
                        and wizard.report.prerequisites is not None, timeout=30000)
        report = wizard.report
        assert report is not None
        user.click(wizard.next, "Suivant")
        user.click(wizard.review.send, "Envoyer au support SI-SAMU")
        # Kept, and said plainly: it cannot leave from here.
        qtbot.waitUntil(lambda: window.pages.currentWidget() is window.home, timeout=10000)
        kept = [t for t in window.message_bar.texts() if "gardé dans la boîte d'envoi" in t]
        assert kept and "Aucun serveur d'envoi" in kept[0]
        assert promises(window) == []
        outbox = window.sending.outbox
        entry = outbox.entries()[0]
        qtbot.waitUntil(lambda: outbox.load(entry.id).error is not None, timeout=10000)
        window.show_outbox()
        page = window.outbox_page
        assert page is not None
        qtbot.waitUntil(lambda: "Aucun serveur d'envoi" in page.detail.text(), timeout=10000)
        assert promises(window) == []

        # Completed from the notice: the kept report leaves by itself.
        modal_dialogs.expect(None, FirstStartDialog, "Premiers réglages")
        user.click(notice_button(window, "Compléter les réglages", qtbot), "Compléter les réglages")
        setup = window.findChild(FirstStartDialog)
        assert setup is not None and setup.isVisible()
        fill(user, setup, {**IDENTITY, "smtp_host": "127.0.0.1", "smtp_port": server.port,
                           "smtp_username": USER, "sender_address": USER})
        user.type(setup.password, PASSWORD)
        user.click(setup.save_button, "Enregistrer")
        assert not setup.isVisible()
        qtbot.waitUntil(lambda: len(server.delivered) == 1, timeout=30000)
        qtbot.waitUntil(lambda: window.drafts.load(report.id).status == "sent", timeout=10000)
        # The banners about what was missing went with the problem.
        assert not any("gardé dans la boîte d'envoi" in t or "Premier démarrage" in t
                       for t in window.message_bar.texts()), window.message_bar.texts()
    finally:
        window.sending.outbox_sender.stop(5.0)
        server.stop()
    user.ledger.record("fresh install: report kept without a server, then set up")
    assert received(server)[0]["X-SAMU-Reference"] == report.reference
