"""Journey 3: cases A and C end on a phone call (script, then history); case D goes to
the centre's own IT by e-mail.

In this process, the application built as ``run_gui`` builds it (offscreen),
driven through its widgets; the mail server is aiosmtpd with STARTTLS + AUTH.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from samu_desktop.gui.app import Application
from samu_desktop.gui.main_window import MainWindow
from samu_desktop.report.render import display_value, rows
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
        answer_everything(user, wizard)
        user.click(wizard.next, "Suivant")
        assert wizard.pages.currentWidget() is wizard.call
        assert wizard.call.number.text() == NUMBERS[case]
        script = wizard.call.script.toPlainText()
        report = wizard.report
        assert report is not None
        for row in rows(report, CATALOGUE):
            assert f"{row.label} : {display_value(row.field, report)}" in script
        user.click(wizard.call.done, "J'ai appelé le support")
        assert window.pages.currentWidget() is window.home
        assert "Appel enregistré dans l'historique." in window.message_bar.texts()
        assert window.drafts.load(report.id).status == "finished"
    user.ledger.record("journey 3 (cases A then C, every question answered)")

    table = history_rows(user, window, qtbot)
    assert sorted((r[1], r[3]) for r in table) == [
        ("A", f"Appel passé au {NUMBERS['A']}"), ("C", f"Appel passé au {NUMBERS['C']}")]
    assert support_desk.delivered == []  # a phone case sends nothing


@pytest.mark.parametrize("with_email", [True, False], ids=["local-it-email", "no-email"])
def test_case_d_goes_to_the_local_it(
    with_email: bool, make_app: Callable[..., Application], support_desk: MailServer,
    qtbot: QtBot,
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
    assert [(r[1], r[3]) for r in table] == [("D", "Envoyé")]
