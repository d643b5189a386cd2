"""Follow-ups from the history page, through the real window, outbox, sender and an SMTP server.

A case-B report is sent from the wizard; the end message and the history give
its reference; then "Signaler le rétablissement" and "Ajouter des informations"
each leave as a reply to the first message (same reference, "Re:" subject,
In-Reply-To/References), and the history says so. aiosmtpd with STARTTLS and
AUTH on 127.0.0.1, the password in the real Secret Service.
"""

from __future__ import annotations

import email
import io
from datetime import datetime
from email import policy
from pathlib import Path
from uuid import UUID, uuid4

import pytest
from PIL import Image
from PySide6.QtCore import QDateTime, Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from samu_desktop.app.state import AppState
from samu_desktop.config import credentials
from samu_desktop.config.paths import AppPaths
from samu_desktop.config.settings import Settings
from samu_desktop.gui.history_page import FollowUpDialog
from samu_desktop.gui.main_window import MainWindow
from samu_desktop.gui.tasks import TaskRunner
from samu_desktop.mail.transport import smtp_account
from samu_desktop.report.attachments import ReportAttachments
from samu_desktop.report.history import HistoryEntry
from samu_desktop.report.reference import is_reference
from tests.guards import ModalDialogs
from tests.gui.test_wizard import fill_required
from tests.gui.test_wizard_screenshots import batch as capture_batch
from tests.mail.smtp_server import PASSWORD, USER, MailServer, make_pki


def _delivered(server: MailServer, index: int) -> email.message.EmailMessage:
    message = email.message_from_bytes(server.delivered[index].content, policy=policy.default)
    assert isinstance(message, email.message.EmailMessage)
    return message


def _restored_at_12_05(dialog: QWidget) -> None:
    """The user's answer to "Signaler le rétablissement": the time, then Envoyer."""
    assert isinstance(dialog, FollowUpDialog)
    back = datetime(2026, 12, 6, 12, 5).astimezone()
    dialog.when.setDateTime(QDateTime.fromSecsSinceEpoch(int(back.timestamp())))
    dialog.send.click()


PROPOSED: list[tuple[int, int, int, int]] = []
FOLLOWUP_IDS: list[UUID] = []


def _more_information(dialog: QWidget) -> None:
    """"Ajouter des informations": a new capture goes through the masking page (patient
    data proposed, image verified), and patient data in the text is pointed out."""
    assert isinstance(dialog, FollowUpDialog)
    assert not dialog.send.isEnabled()  # nothing written yet
    assert dialog.capture_button.isVisible()
    dialog.capture_button.click()
    page = dialog.screenshots_page()
    assert page is not None and dialog.pages.currentWidget() is page
    page.add_batch(capture_batch(datetime.now().astimezone()))
    proposed = [b for b in page.editor.states()[0].boxes if b.kind]
    assert proposed, "the phone number was not proposed for hiding"
    PROPOSED.append(proposed[0].pixel_rect(900, 260))
    FOLLOWUP_IDS.append(dialog.followup_id)
    assert page.store.vault.directory.exists()  # the original, encrypted until sent
    # One capture on screen with its proposals: attaching it says it was checked.
    assert page.accept.text() == "Image vérifiée : &joindre la copie d'écran"
    page.accept.click()
    assert page.editor.document(0).verified
    assert dialog.pages.currentWidget() is dialog.form_page
    # "%n copie(s)…" with Qt's plural forms (no French translator in this test).
    assert dialog.capture_status.text().startswith("1 copie")
    dialog.text.setPlainText("Rappeler Mme Exemple au 06 12 34 56 78")
    assert dialog.patient_data.isVisible()
    assert "données de patient" in dialog.patient_data.message.text()
    assert not dialog.send.isEnabled()  # held back until removed or cleared
    dialog.text.setPlainText("Le bandeau est revenu après un redémarrage du poste.")
    assert not dialog.patient_data.isVisible()
    dialog.send.click()


def test_history_follow_ups_join_the_first_message_s_thread(
    qtbot: QtBot, secret_service: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    modal_dialogs: ModalDialogs,
) -> None:
    pki = make_pki(tmp_path)
    monkeypatch.setenv("SSL_CERT_FILE", str(pki.ca_file))
    server = MailServer(pki).start()
    try:
        settings = server.settings(crra_id="FR999", reporter_email="arm-test@example.test")
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
        # The reference exists before sending: the review page's subject shows it.
        reference = report.reference
        assert is_reference(reference)
        assert f"[Réf. {reference}]" in wizard.review.subject.text()
        qtbot.mouseClick(wizard.review.send, Qt.MouseButton.LeftButton)
        assert any(reference in text for text in window.message_bar.texts())
        qtbot.waitUntil(lambda: len(server.delivered) == 1, timeout=20000)
        qtbot.waitUntil(lambda: window.drafts.load(report.id).status == "sent", timeout=10000)

        window.show_history()
        page = window.history_page
        assert page is not None
        assert page.rows()[0][5] == reference
        assert not page.restored.isEnabled()  # nothing chosen yet
        page.select(0)
        assert page.restored.isEnabled() and page.add_info.isEnabled()

        # Each action opens its dialog (window-modal over the history); answered as above.
        modal_dialogs.expect(_restored_at_12_05, FollowUpDialog, "Signaler le rétablissement")
        modal_dialogs.expect(_more_information, FollowUpDialog, "Ajouter des informations")
        page.restored.click()
        qtbot.waitUntil(lambda: len(server.delivered) == 2, timeout=20000)
        page.select(0)
        page.add_info.click()
        qtbot.waitUntil(lambda: len(server.delivered) == 3, timeout=20000)
        window.sending.outbox_sender.stop(5.0)
    finally:
        server.stop()

    first = _delivered(server, 0)
    assert first["Message-ID"] == report.message_id
    for index in (1, 2):
        reply = _delivered(server, index)
        assert reply["In-Reply-To"] == reply["References"] == report.message_id
        assert reply["Subject"] == f"Re: {first['Subject']}"
        assert reply["X-SAMU-Reference"] == reference
    restored_body = _delivered(server, 1).get_body(("plain",))
    assert restored_body is not None
    assert "Rétablissement constaté le : 06/12/2026 12:05" in str(restored_body.get_content())
    info = _delivered(server, 2)
    info_body = info.get_body(("plain",))
    assert info_body is not None and "redémarrage du poste" in str(info_body.get_content())
    assert "1 copie(s) d'écran jointe(s)" in str(info_body.get_content())
    (png,) = [p for p in info.iter_attachments() if p.get_content_type() == "image/png"]
    assert png.get_filename() == "suivi-copie-ecran-1.png"
    shot = Image.open(io.BytesIO(png.get_payload(decode=True))).convert("RGB")
    left, top, right, bottom = PROPOSED[0]
    assert all(shot.getpixel((x, y)) == (0, 0, 0)  # the phone number is burnt out
               for x in range(left, right, 3) for y in range(top, bottom, 3))
    # Once in the outbox, the follow-up's encrypted originals are gone.
    kept = ReportAttachments(AppPaths.default(), FOLLOWUP_IDS[0])
    assert not kept.folder.exists() and not kept.vault.directory.exists()
    page.refresh()
    status = page.rows()[0][3]
    assert "rétabli le 06/12/2026 12:05" in status and "1 complément" in status


def test_a_cancelled_follow_up_leaves_no_capture_behind(
    qtbot: QtBot, secret_service: str, modal_dialogs: ModalDialogs,
) -> None:
    window = MainWindow(AppState.of(Settings(crra_id="FR999"), AppPaths.default()),
                        QApplication.windowIcon(),
                        TaskRunner(synchronous=True))
    qtbot.addWidget(window)
    moment = datetime(2026, 12, 6, 10, 28).astimezone()
    entry = HistoryEntry(id=uuid4(), kind="report", case="B", application="bandeau",
                         recorded_at=moment, updated_at=moment, status="sent",
                         reference="FR999-061226-K7QM", message_id="<x.report@example.test>")
    seen: list[ReportAttachments] = []

    def capture_then_cancel(dialog: QWidget) -> None:
        assert isinstance(dialog, FollowUpDialog)
        dialog.capture_button.click()
        page = dialog.screenshots_page()
        assert page is not None
        page.add_batch(capture_batch(datetime.now().astimezone()))
        assert page.store.vault.directory.exists()
        seen.append(page.store)
        dialog.reject()

    modal_dialogs.expect(capture_then_cancel, FollowUpDialog, "Ajouter des informations")
    window.show_history()
    assert window.history_page is not None
    dialog = FollowUpDialog(entry, False, window.history_page,
                            screenshots_factory=window._followup_screenshots)
    dialog.finished.connect(dialog.deleteLater)
    dialog.open()
    qtbot.waitUntil(lambda: bool(seen) and not seen[0].vault.directory.exists(), timeout=5000)
    assert not seen[0].folder.exists()
