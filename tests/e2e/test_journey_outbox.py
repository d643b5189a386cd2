"""Journeys of issue 19: a report that waits in the outbox is still the user's.

(a) A report blocked by the server (the password was wrong, the CRRA and the
reporter not set yet) is opened from the outbox, edited, the settings fixed, then
sent: what the desk receives carries the new settings and the edit. Built as
``run_gui`` builds it, in this process (offscreen), against aiosmtpd with STARTTLS
and AUTH, the password in the real Secret Service.

(b) The real program on a real X server, a report blocked in its outbox (no sending
server yet): Ctrl+Q asks, "Garder l'application ouverte" keeps it running, Ctrl+Q
then "Quitter quand même" ends it; the next start says a report is waiting. What
the test reads is the program's own log and window titles, the answers are keys
sent with xdotool.
"""

from __future__ import annotations

import email
from collections.abc import Callable
from email import policy
from email.message import EmailMessage
from pathlib import Path

import pytest
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from samu_desktop.config import credentials
from samu_desktop.config.paths import AppPaths
from samu_desktop.config.settings import Settings
from samu_desktop.gui.app import Application
from samu_desktop.mail.failures import FailureKind
from samu_desktop.mail.outbox import Outbox
from samu_desktop.mail.transport import smtp_account
from tests.conftest import XServer
from tests.e2e.conftest import SUPPORT, centre_settings, save_settings
from tests.e2e.desktop import log_text, screen_at_failure, wait_for, xdotool
from tests.e2e.user import QtUser, XUser
from tests.gui.test_app_process import launch, quit_app, wait_shown, wait_started, window_ids
from tests.gui.test_wizard import fill_required
from tests.mail.smtp_server import PASSWORD, USER, MailServer
from tests.mail.test_mail_rebuild import _kept_on_fresh_install

REPORTER = "arm.test@example.test"


def _received(server: MailServer) -> EmailMessage:
    (delivered,) = server.delivered
    parsed = email.message_from_bytes(delivered.content, policy=policy.default)
    assert isinstance(parsed, EmailMessage)
    return parsed


def test_a_blocked_report_is_opened_edited_and_leaves_with_the_new_settings(
    support_desk: MailServer, qtbot: QtBot, make_app: Callable[..., Application],
) -> None:
    # Installed in a hurry: no CRRA, no reporter, and a mistyped password.
    save_settings(centre_settings(support_desk, crra_id="", reporter_name="",
                                  reporter_phone=""))
    credentials.set_secret(smtp_account(USER, "127.0.0.1"), "not-the-password")
    window = make_app().window
    user = QtUser()
    wizard = window.open_case("B")
    assert wizard is not None
    user.click(wizard.application_page.buttons["selfcare"], "Selfcare")
    fill_required(wizard)
    report = wizard.report
    assert report is not None
    user.click(wizard.next, "Suivant")
    user.click(wizard.review.send, "Envoyer au support SI-SAMU")
    outbox = Outbox(AppPaths.default().outbox_dir)

    def refused() -> bool:
        entries = outbox.waiting()
        return bool(entries) and entries[0].error is not None \
            and entries[0].error.kind is FailureKind.AUTH_REFUSED
    qtbot.waitUntil(refused, timeout=30_000)
    qtbot.waitUntil(lambda: any("n'est pas encore parti" in t
                                for t in window.message_bar.texts()), timeout=10_000)
    assert support_desk.delivered == []

    # The notice leads to the outbox; the report is opened back in the form.
    notice = next(n for n in window.message_bar.notices()
                  if "n'est pas encore parti" in n.label.text())
    (to_outbox,) = [b for b in notice.findChildren(type(wizard.next))
                    if b.text() == "Ouvrir la boîte d'envoi"]
    user.click(to_outbox, "Ouvrir la boîte d'envoi")
    page = window.outbox_page
    assert page is not None and window.pages.currentWidget() is page
    assert "CRRA non renseigné" in page.detail.text() or "non renseigné" in page.detail.text()
    user.click(page.open_button, "Ouvrir le signalement")
    wizard = window.wizard
    assert wizard is not None and wizard.report is not None and wizard.form is not None
    assert wizard.report.id == report.id and wizard.pages.currentWidget() is wizard.form
    assert outbox.ids() == []  # out of the outbox while it is being completed

    routing = wizard.form.rows["routing_name"].editor.findChild(QLineEdit)
    assert routing is not None
    routing.clear()
    user.type(routing, "REGLE-CORRIGEE-42")

    # The settings are fixed meanwhile (the set-up, the right password).
    credentials.set_secret(smtp_account(USER, "127.0.0.1"), PASSWORD)
    window.state.save({"crra_id": "FR999", "reporter_name": "ARM Test",
                       "reporter_email": REPORTER})

    user.click(wizard.next, "Suivant")
    assert wizard.pages.currentWidget() is wizard.review
    user.click(wizard.review.send, "Envoyer au support SI-SAMU")
    qtbot.waitUntil(lambda: len(support_desk.delivered) == 1, timeout=30_000)
    qtbot.waitUntil(lambda: window.drafts.load(report.id).status == "sent", timeout=10_000)
    user.ledger.record("issue 19 (a blocked report opened, edited and sent)")

    received = _received(support_desk)
    assert "[FR999]" in str(received["Subject"])
    assert "CRRA non renseigné" not in str(received["Subject"])
    assert received["To"] == SUPPORT
    assert received["Reply-To"].addresses[0].addr_spec == REPORTER
    assert str(received["Message-ID"]).strip().startswith(f"<{report.id}.report@")
    body = received.get_body(("plain",))
    assert body is not None
    text = body.get_content()
    assert "REGLE-CORRIGEE-42" in text and "ARM Test" in text
    reference = window.drafts.load(report.id).reference
    end = f"Envoyé à {SUPPORT} — réf. {reference}"
    qtbot.waitUntil(lambda: end in window.message_bar.texts(), timeout=10_000)
    assert not any("n'est pas encore parti" in t or "il part dès que" in t
                   for t in window.message_bar.texts())


@pytest.mark.xvfb
def test_quitting_with_a_blocked_report_asks_and_the_next_start_says_so(
    xserver: XServer, isolated_home: Path,
) -> None:
    save_settings(Settings())  # a fresh install: no sending server
    paths = AppPaths.default()
    _kept_on_fresh_install(paths, Outbox(paths.outbox_dir))
    user = XUser(xserver)
    app = launch(xserver)
    try:
        wait_shown(app)
        wait_started(app)
        wait_for(lambda: "reports waiting in the outbox: 1" in log_text(isolated_home),
                 "the start's notice")
        main = window_ids(xserver, "Incident SI-SAMU")[0]
        xdotool(xserver, "windowfocus", "--sync", main)

        user.key("ctrl+q")
        wait_for(lambda: window_ids(xserver, "Quitter l'application"), "the question")
        user.key("alt+g")  # Garder l'application ouverte
        wait_for(lambda: "quit question answered: keep" in log_text(isolated_home),
                 "the answer")
        assert app.poll() is None and not window_ids(xserver, "Quitter l'application")

        xdotool(xserver, "windowfocus", "--sync", main)
        user.key("ctrl+q")
        wait_for(lambda: window_ids(xserver, "Quitter l'application"), "the question again")
        user.key("alt+q")  # Quitter quand même
        assert app.wait(30) == 0
        user.ledger.record("issue 19 (quit with a report not sent)")
    except BaseException:
        screen_at_failure(xserver, isolated_home.parent, user)
        raise
    finally:
        if app.poll() is None:
            quit_app(xserver, app)
        elif app.stdout is not None:
            app.stdout.close()
    assert log_text(isolated_home).count("quit asked with 1 report(s) not sent") == 2
    assert len(Outbox(paths.outbox_dir).waiting()) == 1  # still there, unsent

    # The next start says it, and "--quit" (a logout) never asks.
    again = launch(xserver)
    try:
        wait_shown(again)
        wait_started(again)
        wait_for(lambda: log_text(isolated_home).count("reports waiting in the outbox: 1")
                 == 2, "the next start's notice")
    finally:
        if again.poll() is None:
            quit_app(xserver, again)
        user.close()
