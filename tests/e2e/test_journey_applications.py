"""Journey 2: a case-B report for each of the five applications, to the support desk.

In this process, the application built as ``run_gui`` builds it (offscreen),
driven through its widgets. The screens captured with « Capturer tous les
écrans » are those of a real X server (Xvfb) showing a stand-in banner with
synthetic patient data; the prerequisites test runs by itself against closed
ports; the report leaves through aiosmtpd (STARTTLS + AUTH, password from the
Secret Service).
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QAbstractButton
from pytestqt.qtbot import QtBot

from samu_desktop.gui.app import Application
from samu_desktop.gui.wizard.fields import AttachmentEditor
from tests.conftest import XServer, start_xvfb
from tests.e2e.conftest import (
    CATALOGUE,
    centre_settings,
    check_message,
    received,
    save_settings,
)
from tests.e2e.forms import answer_everything, open_case, text_for
from tests.e2e.user import QtUser
from tests.mail.smtp_server import MailServer

FAKE_BANNER = Path(__file__).with_name("fake_bandeau.py")
APPLICATIONS = [app.id for app in CATALOGUE.get_case("B").applications]  # type: ignore[union-attr]


@pytest.fixture(scope="module")
def screen_with_patient_data() -> Iterator[XServer]:
    """A small real screen showing the stand-in banner, for « Capturer tous les écrans »."""
    proc, server = start_xvfb(1280, 720)
    banner = subprocess.Popen([sys.executable, str(FAKE_BANNER), "40", "40"],
                              env=server.env(), stdout=subprocess.PIPE, text=True)
    try:
        assert banner.stdout is not None and "shown" in banner.stdout.readline()
        yield server
    finally:
        banner.terminate()
        banner.communicate(timeout=10)
        proc.terminate()
        proc.wait(10)


def test_there_are_five_applications() -> None:
    assert APPLICATIONS == ["portail", "bandeau", "nice", "statistiques", "selfcare"]


@pytest.mark.xvfb
# The capture hides the window and raises it again; offscreen, Qt says it cannot raise.
@pytest.mark.qt_log_ignore("This plugin does not support raise")
@pytest.mark.parametrize("application", APPLICATIONS)
def test_case_b_report_for_each_application_reaches_the_support_desk(
    application: str, make_app: Callable[..., Application], support_desk: MailServer,
    screen_with_patient_data: XServer, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("DISPLAY", screen_with_patient_data.display)  # for the capture only
    save_settings(centre_settings(support_desk))
    window = make_app().window
    user = QtUser()
    wizard = open_case(user, window, "B", application, qtbot)
    assert wizard.report is not None and wizard.form is not None
    assert wizard.checks is not None  # the prerequisites test started with the form

    # Screenshots: capture the screens, look at what is proposed, confirm, attach.
    shots = next(f.id for f in CATALOGUE.fields_for("B", application) if f.type == "screenshots")
    shots_editor = wizard.form.rows[shots].editor
    assert isinstance(shots_editor, AttachmentEditor)
    user.click(shots_editor.button, "Copies d'écran…")
    page = wizard.screenshots
    assert page is not None and wizard.pages.currentWidget() is page
    user.click(page.capture_button, "Capturer tous les écrans")
    qtbot.waitUntil(lambda: page.editor.count() == 1 and page.detecting == 0, timeout=30000)
    proposed = {b.kind for b in page.editor.states()[0].boxes if b.kind}
    assert {"name", "phone"} <= proposed
    user.click(page.editor.verified_box, "Image vérifiée")
    user.click(page.accept, "Joindre")
    qtbot.waitUntil(lambda: wizard.pages.currentWidget() is wizard.form, timeout=30000)
    assert len(wizard.report.screenshots) == 1

    answer_everything(user, wizard)
    qtbot.waitUntil(lambda: wizard.report is not None and wizard.report.prerequisites is not None,
                    timeout=30000)
    user.click(wizard.next, "Suivant")
    assert wizard.pages.currentWidget() is wizard.review, {
        fid: row.problem.text() for fid, row in wizard.form.rows.items() if row.problem.text()}
    send: QAbstractButton = wizard.review.send
    assert send.text() == "&Envoyer au support SI-SAMU"
    report_id = wizard.report.id
    user.click(send, "Envoyer")
    qtbot.waitUntil(lambda: len(support_desk.delivered) == 1, timeout=30000)
    qtbot.waitUntil(lambda: window.drafts.load(report_id).status == "sent", timeout=10000)
    user.ledger.record(f"journey 2 (case B, {application}, every question answered)")

    messages = received(support_desk)
    assert len(messages) == 1
    report = window.drafts.load(report_id)
    app = CATALOGUE.get_case("B").application(application)  # type: ignore[union-attr]
    assert app is not None
    subject = str(messages[0]["Subject"])
    assert subject.startswith(f"[SI-SAMU][Incident][B/{app.short_name.get('fr')}][")
    # Impact (or users affected), CRRA and reference: what the desk sorts on.
    assert f"][FR999][Réf. {report.reference}] " in subject and subject == report.subject
    assert "[Impact : " in subject or "[Utilisateurs impactés : " in subject
    files = check_message(messages[0], report)
    assert sum(name.endswith(".html") for name in files) == 1  # the test's results
    body = messages[0].get_body(("plain",))
    assert body is not None
    text = body.get_content()
    for field in CATALOGUE.fields_for("B", application):
        if field.type in ("short_text", "long_text") and field.id in report.answers \
                and field.prefill is None:
            assert text_for(field.id) in text


def test_changing_the_application_keeps_the_prerequisites_test_already_run(
    make_app: Callable[..., Application], support_desk: MailServer, qtbot: QtBot,
) -> None:
    """The user picks the wrong application, goes back, picks the right one: the test
    that ran for the first is attached to the second, not run again."""
    save_settings(centre_settings(support_desk))
    window = make_app().window
    user = QtUser()
    wizard = open_case(user, window, "B", "portail", qtbot)
    checks = wizard.checks
    assert checks is not None
    prerequisites = wizard.form.rows["prerequisites"].editor if wizard.form else None
    assert isinstance(prerequisites, AttachmentEditor)
    assert prerequisites.status.text() == "Test en cours…" or checks.report() is not None
    qtbot.waitUntil(lambda: wizard.report is not None and wizard.report.prerequisites is not None,
                    timeout=30000)
    first = wizard.report.id if wizard.report else None
    runs: list[object] = []
    checks.started.connect(lambda: runs.append(1))
    user.click(wizard.back, "Précédent")
    user.click(wizard.application_page.buttons["statistiques"], "statistiques")
    assert wizard.report is not None and wizard.report.id != first
    assert wizard.report.prerequisites is not None and runs == []
    assert wizard.checks is checks
    assert len(wizard.extra_attachments()) == 2  # the test's HTML and JSON, for this report
    assert wizard.form is not None
    editor = wizard.form.rows["prerequisites"].editor
    assert isinstance(editor, AttachmentEditor)
    assert editor.status.text().startswith("Test effectué")
    assert editor.button.text() == "Voir le test des prérequis"
