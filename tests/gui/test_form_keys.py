"""Answering a form with the keyboard: real key events through the window.

Arrow keys move within one question's choices and never across to another
question; Tab moves to the next question; a digit answers a choice question
and moves on to the next question to answer.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from samu_desktop.app.state import AppState
from samu_desktop.config.paths import AppPaths
from samu_desktop.config.settings import Settings
from samu_desktop.gui.main_window import MainWindow
from samu_desktop.gui.tasks import TaskRunner
from samu_desktop.gui.wizard.wizard import ReportWizard
from samu_desktop.report.model import PrerequisitesSummary

SETTINGS = Settings(crra_id="FR999")


@pytest.fixture
def window(qtbot: QtBot) -> Iterator[MainWindow]:
    win = MainWindow(AppState.of(SETTINGS, AppPaths.default()), QApplication.windowIcon(),
                     TaskRunner(synchronous=True))
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    qtbot.waitActive(win)
    yield win


def bandeau(window: MainWindow, qtbot: QtBot) -> ReportWizard:
    wizard = window.open_case("B")
    assert wizard is not None
    qtbot.mouseClick(wizard.application_page.buttons["bandeau"], Qt.MouseButton.LeftButton)
    assert wizard.form is not None and wizard.report is not None
    wizard.set_prerequisites(PrerequisitesSummary(passed=20))  # as the background test does
    wizard.focus_first_field()
    return wizard


def owner(wizard: ReportWizard) -> str | None:
    """The question whose editor holds the keyboard focus."""
    focused = QApplication.focusWidget()
    assert wizard.form is not None
    return next((fid for fid, row in wizard.form.rows.items()
                 if focused is not None and row.editor.isAncestorOf(focused)), None)


def test_tab_then_down_answers_the_question_tab_went_to(window: MainWindow, qtbot: QtBot) -> None:
    wizard = bandeau(window, qtbot)
    assert wizard.report is not None
    handle = window.windowHandle()
    assert owner(wizard) == "impact"
    before = dict(wizard.report.answers)
    QTest.keyClick(handle, Qt.Key.Key_Tab)
    assert owner(wizard) == "state"
    QTest.keyClick(handle, Qt.Key.Key_Down)
    changed = {k for k, v in wizard.report.answers.items() if before.get(k) != v}
    assert changed <= {"state"}
    assert owner(wizard) == "state"


@pytest.mark.parametrize("key", [Qt.Key.Key_Down, Qt.Key.Key_Up, Qt.Key.Key_Right,
                                 Qt.Key.Key_Left])
def test_arrow_keys_never_leave_the_question(window: MainWindow, qtbot: QtBot,
                                             key: Qt.Key) -> None:
    wizard = bandeau(window, qtbot)
    assert wizard.report is not None and wizard.form is not None
    handle = window.windowHandle()
    QTest.keyClick(handle, Qt.Key.Key_Tab)  # on "state", in the middle of the form
    assert owner(wizard) == "state"
    for _ in range(6):  # more presses than the question has answers
        QTest.keyClick(handle, key)
        assert owner(wizard) == "state"
    assert "impact" not in wizard.report.answers


def test_a_digit_answers_and_moves_on_to_the_next_question(window: MainWindow,
                                                           qtbot: QtBot) -> None:
    wizard = bandeau(window, qtbot)
    assert wizard.report is not None and wizard.form is not None
    handle = window.windowHandle()
    impact = wizard.form.rows["impact"].editor
    assert impact.focus_target().text().startswith("1 — ")  # the digit is shown
    assert owner(wizard) == "impact"
    QTest.keyClick(handle, Qt.Key.Key_1)
    assert wizard.report.answers["impact"] == "total"
    assert owner(wizard) == "state"
    QTest.keyClick(handle, Qt.Key.Key_2)  # partially: the functions question appears
    assert wizard.report.answers["state"] == "partiel"
    assert owner(wizard) == "impacted_functions"
    # A digit beyond the choices does nothing; on a text field it is typed.
    QTest.keyClick(handle, Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier)
    assert owner(wizard) == "state"
    QTest.keyClick(handle, Qt.Key.Key_7)
    assert wizard.report.answers["state"] == "partiel" and owner(wizard) == "state"


@pytest.fixture
def mail_window(qtbot: QtBot) -> Iterator[MainWindow]:
    """A centre whose mail server is set (nothing is sent here: the tests catch the
    wizard's send_requested), without login, so that no password is needed."""
    settings = Settings(crra_id="FR999", smtp_host="smtp.invalid", smtp_auth=False,
                        sender_address="crra-test@example.test", auth_mode="otp_mail")
    win = MainWindow(AppState.of(settings, AppPaths.default()), QApplication.windowIcon(),
                     TaskRunner(synchronous=True))
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    yield win


def answer_required(wizard: ReportWizard) -> None:
    assert wizard.form is not None
    rows = wizard.form.rows
    for field_id, value in (("impact", "total"), ("state", "inoperant"), ("auth_mode", "otp_mail"),
                            ("browser", "firefox")):
        rows[field_id].editor.set_value(value)


def test_ctrl_return_sends_from_the_form_when_nothing_is_missing(
        mail_window: MainWindow, qtbot: QtBot) -> None:
    wizard = bandeau(mail_window, qtbot)
    sent: list[object] = []
    wizard.send_requested.disconnect()
    wizard.send_requested.connect(sent.append)
    assert wizard.next.text() == "&Suivant" and not wizard.send_now.isVisible()
    answer_required(wizard)
    assert wizard.send_now.isVisible() and wizard.send_now.text() == "&Envoyer au support SI-SAMU"
    assert wizard.next.text() == "&Relire avant l'envoi"
    mail_window.activateWindow()
    qtbot.waitActive(mail_window)
    QTest.keyClick(mail_window.windowHandle(), Qt.Key.Key_Return,
                   Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: sent == [wizard.session], timeout=3000)
    # One report, one e-mail: pressing again while the outbox takes it sends nothing more.
    assert not wizard.send_now.isEnabled()
    wizard.send_from_form()
    assert sent == [wizard.session]
    # The outbox refused it (the user was told why): it can be sent again.
    wizard.send_failed()
    assert wizard.send_now.isEnabled()
    wizard.send_from_form()
    assert sent == [wizard.session, wizard.session]


def test_a_warning_shows_the_review_first(mail_window: MainWindow, qtbot: QtBot) -> None:
    wizard = bandeau(mail_window, qtbot)
    sent: list[object] = []
    wizard.send_requested.disconnect()
    wizard.send_requested.connect(sent.append)
    answer_required(wizard)
    assert wizard.form is not None
    # Typed text that looks like patient data: its warning is never passed over.
    wizard.form.rows["description"].editor.set_value("Appel de Mme DURAND Marie au 06 12 34 56 78")
    assert wizard.next.text() == "&Suivant" and not wizard.send_now.isVisible()
    wizard.send_from_form()
    assert sent == [] and wizard.pages.currentWidget() is not wizard.review


def test_review_first_shows_the_e_mail_and_sends_from_there(mail_window: MainWindow,
                                                             qtbot: QtBot) -> None:
    wizard = bandeau(mail_window, qtbot)
    sent: list[object] = []
    wizard.send_requested.disconnect()
    wizard.send_requested.connect(sent.append)
    answer_required(wizard)
    qtbot.mouseClick(wizard.next, Qt.MouseButton.LeftButton)  # « Relire avant l'envoi »
    assert wizard.pages.currentWidget() is wizard.review and sent == []
    qtbot.mouseClick(wizard.review.send, Qt.MouseButton.LeftButton)
    assert sent == [wizard.session]


def test_required_questions_first_and_the_optional_ones_folded(window: MainWindow,
                                                               qtbot: QtBot) -> None:
    wizard = bandeau(window, qtbot)
    form = wizard.form
    assert form is not None and wizard.report is not None
    required = {"start", "impact", "state", "auth_mode", "browser", "prerequisites"}
    for field_id, row in form.rows.items():
        folded = field_id in form.folded
        assert folded == (field_id not in required | {"screenshots", "impacted_functions"}), \
            field_id
        if folded:
            assert not row.isVisible()  # out of the way until asked for
    assert form.more_toggle.isVisible() and not form.more_toggle.isChecked()
    # Above the fold: every required question comes before « Autres questions ».
    toggle_y = form.more_toggle.mapTo(form.widget(), form.more_toggle.rect().topLeft()).y()
    for field_id in required:
        row = form.rows[field_id]
        assert row.mapTo(form.widget(), row.rect().topLeft()).y() < toggle_y, field_id
    # Opened with a click (or its Alt+A); folded again the same way.
    qtbot.mouseClick(form.more_toggle, Qt.MouseButton.LeftButton)
    assert form.rows["description"].isVisible() and form.rows["reproducibility"].isVisible()
    qtbot.mouseClick(form.more_toggle, Qt.MouseButton.LeftButton)
    assert not form.rows["description"].isVisible()
    # Patient data typed in a folded question: it opens, and the warning is on screen.
    form.rows["description"].editor.set_value("Rappeler Mme DURAND Marie au 06 12 34 56 78")
    qtbot.waitUntil(lambda: form.rows["description"].patient_data.isVisible(), timeout=3000)
    assert form.more_toggle.isChecked()
    panel = form.rows["description"].patient_data
    viewport = form.viewport()
    qtbot.waitUntil(lambda: viewport.rect().contains(
        panel.mapTo(viewport, panel.rect().topLeft())), timeout=3000)


def test_a_report_that_cannot_leave_shows_the_review_and_its_panel(
        window: MainWindow, qtbot: QtBot) -> None:
    """No mail server here: « Envoyer » never appears on the form; the review says why."""
    wizard = bandeau(window, qtbot)
    answer_required(wizard)
    assert not wizard.ready_to_send() and not wizard.send_now.isVisible()
    assert wizard.next.text() == "&Suivant"
