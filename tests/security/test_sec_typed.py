"""Red team, typed text: patient data typed in a free-text field never leaves unnoticed.

A name and a phone number typed in "Autres informations" gave only a warning
half below the fold, the e-mail's subject was built from that text, and both
reached the support desk. Here, through the real wizard widgets and a real
SMTP server on loopback (aiosmtpd with STARTTLS, test CA trusted through the
production trust path): the warning is in view next to the field, sending is
blocked until each flagged passage is removed or cleared one by one, and the
subject never carries flagged text. Synthetic name and number only.
"""

from __future__ import annotations

import email
from collections.abc import Iterator
from email import policy
from pathlib import Path

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit, QPlainTextEdit
from pytestqt.qtbot import QtBot

from samu_desktop.app.state import AppState
from samu_desktop.config.paths import AppPaths
from samu_desktop.config.settings import Settings
from samu_desktop.gui.main_window import MainWindow
from samu_desktop.gui.tasks import TaskRunner
from samu_desktop.gui.wizard.wizard import ReportWizard
from samu_desktop.procedure import load_catalogue
from samu_desktop.report.attachments import ReportAttachments
from samu_desktop.report.outgoing import build_report_message
from samu_desktop.report.patient_data import PatientDataError
from samu_desktop.report.render import subject_line
from tests.gui.test_wizard import fill_required
from tests.mail.smtp_server import MailServer, make_pki

NAME = "Exemplaire"
PHONE = "06 00 00 00 00"
TYPED = f"Appel de Mme {NAME} au {PHONE}, le bandeau fige"


@pytest.fixture
def server(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[MailServer]:
    pki = make_pki(tmp_path)
    monkeypatch.setenv("SSL_CERT_FILE", str(pki.ca_file))
    relay = MailServer(pki, auth=False).start()
    yield relay
    relay.stop()


@pytest.fixture
def window(qtbot: QtBot, server: MailServer) -> Iterator[MainWindow]:
    settings = server.settings(crra_id="FR999")
    win = MainWindow(AppState.of(settings, AppPaths.default()), QApplication.windowIcon(),
                     TaskRunner(synchronous=True))
    qtbot.addWidget(win)
    win.resize(1000, 700)  # a laptop-sized window: the last field is below the fold
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.sending.outbox_sender.stop(5.0)


def _wizard_with_typed_text(window: MainWindow, qtbot: QtBot) -> ReportWizard:
    wizard = window.open_case("B")
    assert wizard is not None
    qtbot.mouseClick(wizard.application_page.buttons["bandeau"], Qt.MouseButton.LeftButton)
    fill_required(wizard)
    assert wizard.form is not None
    editor = wizard.form.rows["description"].editor.findChild(QPlainTextEdit)
    assert editor is not None
    editor.setPlainText("")
    # Scrolled as a user who reads down to the field: its bottom at the window's edge.
    bottom = editor.mapTo(wizard.form.widget(), editor.rect().bottomLeft()).y()
    wizard.form.verticalScrollBar().setValue(bottom - wizard.form.viewport().height() + 2)
    editor.setFocus()
    QTest.keyClicks(editor, TYPED)
    return wizard


def _in_view(wizard: ReportWizard) -> bool:
    assert wizard.form is not None
    panel = wizard.form.rows["description"].patient_data
    if panel.isHidden():
        return False
    viewport = wizard.form.viewport()
    top_left = panel.mapTo(viewport, panel.rect().topLeft())
    return viewport.rect().contains(QRect(top_left, panel.size()))


def test_the_warning_is_in_view_next_to_the_field_and_sending_is_blocked(
    window: MainWindow, qtbot: QtBot, server: MailServer
) -> None:
    wizard = _wizard_with_typed_text(window, qtbot)
    assert wizard.form is not None
    panel = wizard.form.rows["description"].patient_data
    # Let the layout place the panel first: before that its geometry means nothing.
    for _ in range(3):
        QApplication.sendPostedEvents()
        QApplication.processEvents()
    qtbot.waitUntil(lambda: _in_view(wizard), timeout=3000)
    assert sorted(box.text() for box in panel.boxes) == sorted([
        f"« {NAME} » (nom ou prénom) n'est pas une donnée de patient",
        f"« {PHONE} » (numéro de téléphone) n'est pas une donnée de patient",
    ])
    qtbot.mouseClick(wizard.next, Qt.MouseButton.LeftButton)
    assert wizard.pages.currentWidget() is wizard.form  # held back
    # One passage cleared is not enough: each flagged passage needs its own answer.
    panel.boxes[0].setChecked(True)
    qtbot.mouseClick(wizard.next, Qt.MouseButton.LeftButton)
    assert wizard.pages.currentWidget() is wizard.form
    assert server.delivered == []


def test_removing_the_text_lets_the_report_leave_without_it(
    window: MainWindow, qtbot: QtBot, server: MailServer
) -> None:
    wizard = _wizard_with_typed_text(window, qtbot)
    assert wizard.form is not None
    editor = wizard.form.rows["description"].editor.findChild(QPlainTextEdit)
    assert editor is not None
    editor.selectAll()
    QTest.keyClicks(editor, "Le bandeau fige depuis 14h")
    assert wizard.form.rows["description"].patient_data.isHidden()
    qtbot.mouseClick(wizard.next, Qt.MouseButton.LeftButton)
    assert wizard.pages.currentWidget() is wizard.review
    window.sending.outbox_sender.start()
    qtbot.mouseClick(wizard.review.send, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(server.delivered) == 1, timeout=20000)
    assert NAME.encode() not in server.delivered[0].content


def test_cleared_passages_are_sent_but_never_in_the_subject(
    window: MainWindow, qtbot: QtBot, server: MailServer
) -> None:
    wizard = _wizard_with_typed_text(window, qtbot)
    assert wizard.form is not None
    for box in list(wizard.form.rows["description"].patient_data.boxes):
        box.setChecked(True)
    qtbot.mouseClick(wizard.next, Qt.MouseButton.LeftButton)
    assert wizard.pages.currentWidget() is wizard.review
    assert NAME not in wizard.review.subject.text()
    assert wizard.review.send.isEnabled()
    window.sending.outbox_sender.start()
    qtbot.mouseClick(wizard.review.send, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(server.delivered) == 1, timeout=20000)
    message = email.message_from_bytes(server.delivered[0].content, policy=policy.default)
    subject = str(message["Subject"])
    assert NAME not in subject and PHONE not in subject and "Appel" not in subject
    assert "[SI-SAMU][Incident][B/" in subject


def test_a_title_with_patient_data_blocks_the_send_button_and_stays_out_of_the_subject(
    window: MainWindow, qtbot: QtBot, server: MailServer
) -> None:
    wizard = window.open_case("B")
    assert wizard is not None
    qtbot.mouseClick(wizard.application_page.buttons["bandeau"], Qt.MouseButton.LeftButton)
    fill_required(wizard)
    qtbot.mouseClick(wizard.next, Qt.MouseButton.LeftButton)
    assert wizard.pages.currentWidget() is wizard.review
    title = wizard.review.title
    assert isinstance(title, QLineEdit)
    title.setFocus()
    QTest.keyClicks(title, f"Rappeler Mme {NAME}")
    assert not wizard.review.send.isEnabled()
    assert not wizard.review.patient_data.isHidden()
    assert NAME not in wizard.review.subject.text()
    wizard._send()  # even past the disabled button, nothing is handed over
    assert wizard.pages.currentWidget() is wizard.review
    assert window.sending.outbox.ids() == []


def test_a_report_with_unconfirmed_patient_data_cannot_be_built_into_an_e_mail(
    isolated_home: Path, server: MailServer
) -> None:
    """Whatever path a report takes (a restored draft, a future caller), not only the wizard."""
    from samu_desktop.report.model import Report

    catalogue = load_catalogue()
    report = Report.new("B", "bandeau", catalogue.version)
    report.set_answer("description", TYPED)
    settings = server.settings(crra_id="FR999")
    assert NAME not in subject_line(report, catalogue, settings)
    with pytest.raises(PatientDataError) as caught:
        build_report_message(report, catalogue, settings,
                             ReportAttachments(AppPaths.default(), report.id))
    assert "données de patient" in caught.value.user_message


CASE_FILE = "2026-069-004512"  # synthetic


def test_a_case_file_number_in_a_screenshot_is_proposed_for_hiding() -> None:
    """The same detectors for screenshots (real Tesseract OCR) and for typed text."""
    from PIL import Image, ImageDraw, ImageFont

    from samu_desktop.pii.detect import detect
    from samu_desktop.pii.kinds import PatientDataKind

    font = ImageFont.truetype("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", 20)
    image = Image.new("RGB", (900, 120), "#ffffff")
    ImageDraw.Draw(image).text((20, 40), f"Dossier de régulation n° {CASE_FILE}", font=font,
                               fill="#111111")
    boxes = detect(image)
    assert [b.kind for b in boxes] == [PatientDataKind.RECORD_NUMBER]
    (box,) = boxes
    # The box covers the number (where the font draws it), not the words before it.
    start = 20 + font.getlength("Dossier de régulation n° ")
    end = start + font.getlength(CASE_FILE)
    assert start - 12 <= box.x <= start + 2 and box.x + box.width >= end - 2


def test_a_case_file_number_typed_in_a_field_is_flagged(
    window: MainWindow, qtbot: QtBot
) -> None:
    wizard = window.open_case("B")
    assert wizard is not None
    qtbot.mouseClick(wizard.application_page.buttons["bandeau"], Qt.MouseButton.LeftButton)
    assert wizard.form is not None
    editor = wizard.form.rows["description"].editor.findChild(QPlainTextEdit)
    assert editor is not None
    editor.setPlainText(f"Bandeau fige sur le Dossier de regulation n° {CASE_FILE}")
    panel = wizard.form.rows["description"].patient_data
    assert [box.text() for box in panel.boxes] == [
        f"« {CASE_FILE} » (numéro de dossier) n'est pas une donnée de patient"]


def test_a_call_trace_e_mailed_by_policy_is_held_back_like_a_report(
    qtbot: QtBot, server: MailServer
) -> None:
    """Cases A and C are read out on the phone, but some centres also e-mail the trace."""
    from samu_desktop.report.followup import build_call_trace_message
    from samu_desktop.report.model import Report

    settings = server.settings(crra_id="FR999", call_trace_email=True)
    win = MainWindow(AppState.of(settings, AppPaths.default()), QApplication.windowIcon(),
                     TaskRunner(synchronous=True))
    qtbot.addWidget(win)
    win.show()
    wizard = win.open_case("A")
    assert wizard is not None
    fill_required(wizard)
    assert wizard.form is not None and wizard.report is not None
    wizard.form.rows["otn_results"].editor.set_value(f"Rappeler Mme {NAME} au {PHONE}")
    if wizard.pages.currentWidget() is wizard.form:
        qtbot.mouseClick(wizard.next, Qt.MouseButton.LeftButton)
    if wizard.pages.currentWidget() is wizard.call:
        qtbot.mouseClick(wizard.call.done, Qt.MouseButton.LeftButton)  # "J'ai appelé"
    assert wizard.pages.currentWidget() is wizard.form  # held back, at the field
    assert not wizard.form.rows["otn_results"].patient_data.isHidden()
    assert win.sending.outbox.ids() == []

    catalogue = load_catalogue()
    report = Report.new("A", None, catalogue.version)
    report.set_answer("otn_results", TYPED)
    with pytest.raises(PatientDataError):
        build_call_trace_message(report, catalogue, settings, "01 00 00 00 15")


def test_a_follow_up_text_with_patient_data_is_held_back_until_each_passage_is_cleared(
    qtbot: QtBot,
) -> None:
    """The history's "Ajouter des informations" is free text that leaves the centre too."""
    from datetime import datetime
    from uuid import uuid4

    from samu_desktop.gui.history_page import FollowUpDialog
    from samu_desktop.report.followup import FollowUp, build_followup_message
    from samu_desktop.report.history import HistoryEntry

    now = datetime.now().astimezone()
    entry = HistoryEntry(id=uuid4(), kind="report", report_id=uuid4(), case="B",
                         application="bandeau", recorded_at=now, updated_at=now,
                         status="sent", message_id="<a@example.test>")
    dialog = FollowUpDialog(entry, restored=False)
    qtbot.addWidget(dialog)
    dialog.text.setPlainText(TYPED)
    assert not dialog.send.isEnabled()
    assert len(dialog.patient_data.boxes) == 2
    dialog.patient_data.boxes[0].setChecked(True)
    assert not dialog.send.isEnabled()
    dialog.patient_data.boxes[1].setChecked(True)
    assert dialog.send.isEnabled()

    catalogue = load_catalogue()
    settings = Settings(support_email="support@example.test", sender_address="a@example.test")
    with pytest.raises(PatientDataError):
        build_followup_message(entry, FollowUp.information(TYPED), catalogue, settings)
