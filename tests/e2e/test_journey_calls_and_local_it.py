"""Journey 3: cases A and C end on a phone call (script, then history); case D goes to
the centre's own IT by e-mail.

In this process, the application built as ``run_gui`` builds it (offscreen),
driven through its widgets; the mail server is aiosmtpd with STARTTLS + AUTH.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFileDialog, QWidget
from pytestqt.qtbot import QtBot

from samu_desktop.gui.app import Application
from samu_desktop.gui.main_window import MainWindow
from samu_desktop.report.render import display_value, rows
from samu_desktop.report.spoken import short_reference
from tests.e2e.conftest import (
    CATALOGUE,
    LOCAL_IT,
    centre_settings,
    check_message,
    received,
    save_settings,
)
from tests.e2e.forms import answer_everything, open_case
from tests.e2e.user import QtUser
from tests.guards import ModalDialogs
from tests.mail.smtp_server import MailServer

NUMBERS = {"A": "01 00 00 00 15", "C": "01 00 00 00 16"}


def history_rows(user: QtUser, window: MainWindow, qtbot: QtBot) -> list[list[str]]:
    window.activateWindow()
    qtbot.waitActive(window)
    user.key(window, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier, "Ctrl+H (Historique)")
    page = window.history_page
    assert page is not None and window.pages.currentWidget() is page
    return page.rows()


def test_cases_a_and_c_give_the_number_and_what_to_say_then_keep_the_call(
    make_app: Callable[..., Application], support_desk: MailServer, qtbot: QtBot,
) -> None:
    save_settings(centre_settings(support_desk))
    window = make_app().window
    user = QtUser()
    for case in ("A", "C"):
        wizard = open_case(user, window, case, None, qtbot)
        assert wizard.checks is None  # no prerequisites test for a phone call
        # The number first, with the few sentences to say; the form can wait.
        call = wizard.call
        assert wizard.pages.currentWidget() is call
        assert call.number.text() == NUMBERS[case] and call.number.isVisible()
        assert not call.no_number.isVisible()
        report = wizard.report
        assert report is not None
        reference = short_reference(report)
        first = call.script_text()
        assert f"Ma référence : {reference}." in first and str(report.id) not in first
        assert "=====" not in first and "Je suis ARM Test, du SAMU de test (FR999)." in first
        user.click(call.copy_number, "Copier le numéro")
        assert QGuiApplication.clipboard().text() == NUMBERS[case]
        # Then the details, if the user has the time: they join what to say.
        user.click(call.form_button, "Remplir la fiche")
        assert wizard.pages.currentWidget() is wizard.form
        answer_everything(user, wizard)
        user.click(wizard.next, "Suivant")
        assert wizard.pages.currentWidget() is call
        script = call.script_text()
        for row in rows(report, CATALOGUE):
            if row.field.type not in ("screenshots", "prerequisites_result"):
                answer = display_value(row.field, report).replace("\n", " ; ").rstrip(".")
                assert f"{row.label} : {answer}." in script, row.label
        user.click(wizard.call.done, "J'ai appelé le support")
        assert window.pages.currentWidget() is window.home
        assert "Appel enregistré dans l'historique." in window.message_bar.texts()
        assert window.drafts.load(report.id).status == "finished"
    user.ledger.record("journey 3 (cases A then C, every question answered)")

    table = history_rows(user, window, qtbot)
    assert sorted((r[1], r[3]) for r in table) == [
        ("A", f"Appel passé au {NUMBERS['A']}"), ("C", f"Appel passé au {NUMBERS['C']}")]
    assert support_desk.delivered == []  # a phone case sends nothing


def test_case_a_without_a_configured_number_still_leads_to_the_call(
    make_app: Callable[..., Application], support_desk: MailServer, qtbot: QtBot,
) -> None:
    save_settings(centre_settings(support_desk, support_phone_calls=""))
    window = make_app().window
    user = QtUser()
    wizard = open_case(user, window, "A", None, qtbot)
    call = wizard.call
    assert wizard.pages.currentWidget() is call
    # An ordinary sentence that says what to do, not a headline; the way on is there.
    assert call.no_number.isVisible() and "demandez-le" in call.no_number.text()
    assert not call.number.isVisible() and not call.copy_number.isVisible()
    assert call.no_number.font().pointSizeF() == call.say_label.font().pointSizeF() or \
        call.no_number.font().pointSizeF() <= window.font().pointSizeF() + 1
    assert call.done.isVisible() and call.done.isEnabled()
    report = wizard.report
    assert report is not None
    user.click(call.done, "J'ai appelé le support")
    assert window.drafts.load(report.id).status == "finished"
    table = history_rows(user, window, qtbot)
    assert [(r[1], r[3]) for r in table] == [("A", "Appel au support")]
    assert "?" not in " ".join(table[0])


@pytest.mark.parametrize("with_email", [True, False], ids=["local-it-email", "no-email"])
def test_case_d_goes_to_the_local_it(
    with_email: bool, make_app: Callable[..., Application], support_desk: MailServer,
    qtbot: QtBot, tmp_path: Path, modal_dialogs: ModalDialogs,
) -> None:
    save_settings(centre_settings(support_desk, local_it_email=LOCAL_IT if with_email else ""))
    window = make_app().window
    user = QtUser()
    wizard = open_case(user, window, "D", None, qtbot)
    answer_everything(user, wizard)
    user.click(wizard.next, "Suivant")
    review = wizard.review
    assert wizard.pages.currentWidget() is review
    assert "DSI de test" in review.contact.text() and "01 00 00 00 17" in review.contact.text()
    report = wizard.report
    assert report is not None
    # The report's text can be copied, printed or saved, for the IT whatever its means.
    assert review.copy.isVisible() and review.print_button.isVisible()
    user.click(review.copy, "Copier le texte")
    copied = QGuiApplication.clipboard().text()
    assert copied.startswith("[SI-SAMU][Incident][D][FR999]")
    assert all(f"{r.label} :" in copied for r in rows(report, CATALOGUE))
    target = tmp_path / "pour la DSI.txt"

    def save_here(dialog: QWidget) -> None:  # the user types a name, then "Enregistrer"
        assert isinstance(dialog, QFileDialog)
        dialog.selectFile(str(target))
        dialog.accept()

    modal_dialogs.expect(save_here, QFileDialog, "Enregistrer le signalement")
    user.click(review.save_button, "Enregistrer…")
    qtbot.waitUntil(target.exists, timeout=5000)
    assert target.read_text(encoding="utf-8") == copied
    assert str(target) in review.saved.text()
    if not with_email:
        # Nobody to write to: the user calls the number shown; the report is kept.
        assert review.send.text() == "&Terminer"
        user.click(review.send, "Terminer")
        assert window.pages.currentWidget() is window.home
        assert window.drafts.load(report.id).status == "finished"
        assert support_desk.delivered == []
        # Nothing waits in the outbox: the history says it is done, not "in the outbox".
        assert [(r[1], r[3]) for r in history_rows(user, window, qtbot)] == [("D", "Terminé")]
        return
    assert LOCAL_IT in review.contact.text()
    assert review.send.text() == "&Envoyer au service informatique"
    user.click(review.send, "Envoyer au service informatique")
    qtbot.waitUntil(lambda: len(support_desk.delivered) == 1, timeout=30000)
    qtbot.waitUntil(lambda: window.drafts.load(report.id).status == "sent", timeout=10000)
    user.ledger.record("journey 3 (case D to the local IT, every question answered)")
    messages = received(support_desk)
    assert len(messages) == 1
    assert support_desk.delivered[0].rcpt_tos == [LOCAL_IT]
    assert "[SI-SAMU][Incident][D][FR999]" in str(messages[0]["Subject"])
    check_message(messages[0], window.drafts.load(report.id), to=LOCAL_IT)
    table = history_rows(user, window, qtbot)
    assert [(r[1], r[3][:len("Envoyé le ")]) for r in table] == [("D", "Envoyé le ")]
