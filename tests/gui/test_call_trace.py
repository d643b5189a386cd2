"""Cases A and C: the call script and the call record carry the reference, and a written
trace of the call goes to the desk through the outbox when the policy asks for it."""

from __future__ import annotations

from datetime import datetime
from email import message_from_bytes
from email import policy as email_policy

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from samu_desktop.app.state import AppState
from samu_desktop.config.paths import AppPaths
from samu_desktop.gui.main_window import MainWindow
from samu_desktop.gui.tasks import TaskRunner
from samu_desktop.report.followup import FollowUp, build_followup_message, can_follow_up
from samu_desktop.report.reference import is_reference
from tests.gui.test_wizard import CATALOGUE, SETTINGS, fill_required


def _window(qtbot: QtBot, trace: bool) -> MainWindow:
    settings = SETTINGS.model_copy(update={"call_trace_email": trace,
                                           "sender_address": "crra-test@example.test"})
    window = MainWindow(AppState.of(settings, AppPaths.default()),
                        QApplication.windowIcon(),
                        TaskRunner(synchronous=True))
    qtbot.addWidget(window)
    window.show()
    return window


@pytest.mark.parametrize("trace", [False, True], ids=["no-trace", "trace"])
@pytest.mark.parametrize("case", ["A", "C"])
def test_the_call_carries_the_reference_and_its_trace_is_emailed_when_asked(
    qtbot: QtBot, case: str, trace: bool
) -> None:
    window = _window(qtbot, trace)
    qtbot.mouseClick(getattr(window.home.ui, f"case{case}"), Qt.MouseButton.LeftButton)
    wizard = window.wizard
    assert wizard is not None and wizard.report is not None
    fill_required(wizard)
    qtbot.mouseClick(wizard.next, Qt.MouseButton.LeftButton)
    report = wizard.report
    reference = report.reference
    assert is_reference(reference)
    # What the user reads out on the phone starts with the reference.
    script = wizard.call.script.toPlainText().splitlines()
    assert script[2] == f"Référence : {reference}"
    qtbot.mouseClick(wizard.call.done, Qt.MouseButton.LeftButton)
    assert window.history is not None
    (call,) = [e for e in window.history.entries() if e.kind == "call"]
    assert call.reference == reference
    entries = window.sending.outbox.entries()
    if not trace:
        assert entries == [] and not can_follow_up(call)
        return
    (entry,) = entries
    message = message_from_bytes(window.sending.outbox.message_bytes(entry.id),
                                 policy=email_policy.default)
    assert str(message["Subject"]).startswith(f"[SI-SAMU][Trace d'appel][{case}]")
    assert f"[Réf. {reference}]" in str(message["Subject"])
    assert message["X-SAMU-Reference"] == reference
    assert message["Message-ID"].startswith(f"<{report.id}.call@")
    assert message["To"] == SETTINGS.support_email
    body = message.get_body(("plain",))
    assert body is not None
    text = str(body.get_content())
    number = SETTINGS.support_phone_calls if case == "A" else SETTINGS.support_phone_hardware
    assert text.startswith("Trace écrite de l'appel passé au support le ")
    assert f" au {number}." in text.splitlines()[0]
    assert f"Référence : {reference}" in text
    assert any(reference in note for note in window.message_bar.texts())
    # The call's line in the history knows the trace: follow-ups thread under it.
    assert call.message_id == message["Message-ID"] and call.subject == message["Subject"]
    assert can_follow_up(call)
    followup = build_followup_message(call, FollowUp.restored(datetime.now()), CATALOGUE,
                                      window.loaded.settings)
    assert followup["In-Reply-To"] == message["Message-ID"]
    assert followup["Subject"] == f"Re: {message['Subject']}"
