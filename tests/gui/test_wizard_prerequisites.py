"""Case B: the prerequisites test runs from the form and its results go with the e-mail.

Every network target is a closed port on 127.0.0.1, so the checks fail fast
and for real; what is asserted is that the results reach the report and the
message, not that this machine passes.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from samu_desktop.config.settings import Settings
from tests.gui.conftest import MakeWindow
from tests.gui.test_wizard import fill_required

SETTINGS = Settings(
    crra_id="FR999", environment="production", portal_url_production="https://127.0.0.1:9/",
    ntp_server="127.0.0.1:9", smtp_host="127.0.0.1", smtp_port=9, check_timeout_s=1.0,
)


def test_prerequisites_results_are_attached_to_the_case_b_email(
    qtbot: QtBot, make_window: MakeWindow
) -> None:
    window = make_window(SETTINGS)
    wizard = window.open_case("B")
    assert wizard is not None
    qtbot.mouseClick(wizard.application_page.buttons["portail"], Qt.MouseButton.LeftButton)
    assert wizard.form is not None and wizard.report is not None
    row = wizard.form.rows["prerequisites"]
    button = row.editor.findChild(QPushButton)
    assert button is not None
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert wizard.checks is not None
    assert wizard.pages.currentWidget() is wizard.checks
    qtbot.waitUntil(lambda: wizard.report is not None and wizard.report.prerequisites is not None,
                    timeout=15000)
    summary = wizard.report.prerequisites
    assert summary is not None and summary.failures >= 1  # closed ports here
    assert sum(1 for v in summary.statuses.values() if v == "failure") == summary.failures
    assert "échec(s)" in row.editor.status.text()  # shown in the interface's language
    assert "Test effectué" in row.editor.status.text()
    names = sorted(a.filename for a in wizard.extra_attachments())
    assert len(names) == 2 and names[0].endswith(".html") and names[1].endswith(".json")
    qtbot.mouseClick(wizard.back, Qt.MouseButton.LeftButton)
    assert wizard.pages.currentWidget() is wizard.form
    fill_required(wizard)
    qtbot.mouseClick(wizard.next, Qt.MouseButton.LeftButton)  # « Relire avant l'envoi »
    assert wizard.pages.currentWidget() is wizard.review
    # The preview's triage summary counts the checks, as the e-mail will.
    preview = wizard.review.preview.toPlainText()
    assert "vérification(s) réussie(s) sur" in preview and "en échec :" in preview
    qtbot.mouseClick(wizard.review.send, Qt.MouseButton.LeftButton)
    entries = window.sending.outbox.entries()
    assert len(entries) == 1
    message = window.sending.outbox.message(entries[0].id)
    body = message.get_body(("plain",))
    assert body is not None
    summary = next(line for line in str(body.get_content()).splitlines()
                   if "Test des prérequis :" in line)
    assert "vérification(s) réussie(s) sur" in summary and "en échec :" in summary
    attached = sorted(part.get_filename() for part in message.iter_attachments())
    assert set(names) <= set(attached)
    assert "signalement.json" in attached
