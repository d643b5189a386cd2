"""The send page's readiness panel, with real widgets (offscreen) and real files.

The one probe: opening a file in the mail client (``open_url``) cannot happen here;
the panel's ``open_url`` is replaced by one that answers "no mail client", as a
workstation without one would, and the test checks the file and the sentence.
"""

from __future__ import annotations

import email
from email import policy

from PySide6.QtCore import Qt, QUrl
from pytestqt.qtbot import QtBot

from samu_desktop.config.settings import Settings
from samu_desktop.gui.main_window import MainWindow
from samu_desktop.gui.wizard.wizard import ReportWizard
from tests.gui.conftest import MakeWindow
from tests.gui.test_wizard import fill_required

LOCAL_IT = "dsi-test@hopital.example.test"


def to_review(window: MainWindow, qtbot: QtBot, case: str = "B") -> ReportWizard:
    wizard = window.open_case(case)
    assert wizard is not None
    if wizard.pages.currentWidget() is wizard.application_page:
        qtbot.mouseClick(next(iter(wizard.application_page.buttons.values())),
                         Qt.MouseButton.LeftButton)
    fill_required(wizard)
    qtbot.mouseClick(wizard.next, Qt.MouseButton.LeftButton)
    assert wizard.pages.currentWidget() is wizard.review
    return wizard


def test_without_a_mail_client_the_draft_is_still_written_and_its_place_said(
    make_window: MakeWindow, qtbot: QtBot, secret_service: str,
) -> None:
    window = make_window(Settings(crra_id="FR999", support_phone_calls="01 00 00 00 15"))
    wizard = to_review(window, qtbot)
    panel = wizard.readiness
    assert panel.isVisible()
    assert panel.number.text() == "Numéro du support : 01 00 00 00 15"
    asked: list[QUrl] = []
    panel.open_url = lambda url: asked.append(url) or False  # no mail client here
    with qtbot.waitSignal(panel.draft_written, timeout=10000) as written:
        qtbot.mouseClick(panel.mail_client, Qt.MouseButton.LeftButton)
    path = str(written.args[0])
    assert asked and asked[0].toLocalFile() == path
    assert "Aucune messagerie n'a pu l'ouvrir" in panel.outcome.text()
    assert path in panel.outcome.text()
    with open(path, "rb") as handle:
        message = email.message_from_binary_file(handle, policy=policy.default)
    assert message["X-Unsent"] == "1" and message["To"]


def test_the_panel_follows_the_settings_and_the_case(
    make_window: MakeWindow, qtbot: QtBot, secret_service: str,
) -> None:
    window = make_window(Settings(crra_id="FR999"))
    wizard = to_review(window, qtbot, "D")
    # Case D without the IT's address sends nothing: no panel, "Terminer" ends it.
    assert not wizard.readiness.isVisible()
    window.state.save({"local_it_email": LOCAL_IT})
    assert wizard.readiness.isVisible()  # now it goes by e-mail, and cannot leave
    assert "Aucun serveur d'envoi" in wizard.readiness.reasons.text()
    window.state.save({"smtp_host": "127.0.0.1", "smtp_auth": False,
                       "sender_address": LOCAL_IT})
    assert not wizard.readiness.isVisible()  # ready: nothing to say before "Envoyer"
