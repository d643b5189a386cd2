"""Journey 5: the program dies in the middle of a report; at the next start the user
picks the report up where it was and sends it.

The first part is the real program on a real X server: hotkey capture, patient
data hidden, the capture attached, a first answer, then ``kill -9``. The second
part is the next start, built as ``run_gui`` builds it (in this process,
offscreen) from what the first left on disk: the crash is reported, the report
is offered back, restored with its capture and the prerequisites results, and
sent to aiosmtpd (STARTTLS + AUTH, password from the Secret Service).
"""

from __future__ import annotations

import os
import signal
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from samu_desktop.config.paths import AppPaths
from samu_desktop.crash import CrashHandler
from samu_desktop.gui.app import Application
from samu_desktop.gui.wizard.fields import SingleChoiceEditor
from tests.conftest import XServer
from tests.e2e.conftest import centre_settings, check_message, received, save_settings
from tests.e2e.desktop import (
    banner_in_front,
    only_draft,
    report_with_hotkey_capture,
    running_app,
    screen_at_failure,
    wait_for,
)
from tests.e2e.user import QtUser, XUser
from tests.mail.smtp_server import MailServer


@pytest.mark.xvfb
def test_crash_in_the_middle_of_a_report_then_restore_and_send(
    xserver: XServer, isolated_home: Path, support_desk: MailServer, qtbot: QtBot,
    make_app: Callable[..., Application],
) -> None:
    save_settings(centre_settings(support_desk))
    before = XUser(xserver)
    with running_app(xserver, isolated_home) as app, banner_in_front(xserver) as banner_id:
        try:
            report_id = report_with_hotkey_capture(before, xserver, isolated_home, banner_id)
            before.key("space")  # impact: total
            wait_for(lambda: only_draft(isolated_home).get("answers", {}).get("impact"),
                     "the answer on disk")
            wait_for(lambda: only_draft(isolated_home).get("prerequisites"),
                     "the prerequisites test")
        except BaseException:
            screen_at_failure(xserver, isolated_home.parent, before)
            raise
        finally:
            before.close()
        os.kill(app.pid, signal.SIGKILL)
        app.wait(10)
        assert app.stdout is not None
        app.stdout.close()
    assert support_desk.delivered == []

    # The next start: the crash is reported and the report offered back.
    paths = AppPaths.default()
    crash = CrashHandler(paths.crash_dir)
    previous = crash.previous_run()
    assert previous.crashed
    window = make_app(crash=crash, previous=previous).window
    texts = window.message_bar.texts()
    assert any("arrêtée de façon inattendue" in t for t in texts)
    offer = next(n for n in window.message_bar.notices() if "cas B" in n.label.text())
    resume = next(b for b in offer.findChildren(QPushButton) if b.text() == "Reprendre")
    user = QtUser()
    user.click(resume, "Reprendre")
    wizard = window.wizard
    assert wizard is not None and wizard.report is not None and wizard.form is not None
    assert str(wizard.report.id) == report_id
    assert wizard.pages.currentWidget() is wizard.form
    assert wizard.report.answers["impact"] == "total"  # what was answered before the crash
    assert len(wizard.report.screenshots) == 1  # the capture, hidden and attached
    assert wizard.report.prerequisites  # the test is not run again
    assert wizard.checks is None

    state = wizard.form.rows["state"].editor
    assert isinstance(state, SingleChoiceEditor)
    user.click(state.buttons["inoperant"], "state: totalement inopérant")
    # Nothing missing any more: the form's button sends (the review is one click away).
    assert wizard.send_now.text() == "&Envoyer au support SI-SAMU"
    assert wizard.next.text() == "&Relire avant l'envoi"
    user.click(wizard.send_now, "Envoyer au support SI-SAMU")
    qtbot.waitUntil(lambda: len(support_desk.delivered) == 1, timeout=30000)
    qtbot.waitUntil(lambda: window.drafts.load(report_id).status == "sent", timeout=10000)
    user.ledger.record("journey 5 (after the crash: restore and send)")

    messages = received(support_desk)
    assert len(messages) == 1
    files = check_message(messages[0], window.drafts.load(report_id))
    assert sum(name.endswith(".png") for name in files) == 1
    assert sum(name.endswith(".html") for name in files) == 1  # the test's results
    assert window.drafts.list_drafts().reports[0].status == "sent"
