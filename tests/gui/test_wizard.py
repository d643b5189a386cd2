"""The report wizard through the real widgets, for every case and application."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit, QPlainTextEdit, QRadioButton
from pytestqt.qtbot import QtBot

from samu_desktop.app.state import AppState
from samu_desktop.config.paths import AppPaths
from samu_desktop.config.settings import Settings
from samu_desktop.gui.main_window import MainWindow
from samu_desktop.gui.tasks import TaskRunner
from samu_desktop.gui.wizard.wizard import ReportWizard
from samu_desktop.procedure import load_catalogue
from samu_desktop.procedure.schema import FieldDef
from samu_desktop.report.model import PrerequisitesSummary
from samu_desktop.report.validation import visible_fields

CATALOGUE = load_catalogue()
SETTINGS = Settings(
    crra_id="FR999", support_phone_calls="01 00 00 00 15", support_phone_hardware="01 00 00 00 16",
    local_it_name="DSI de test", local_it_phone="01 00 00 00 17",
)


@pytest.fixture
def window(qtbot: QtBot) -> Iterator[MainWindow]:
    paths = AppPaths.default()
    win = MainWindow(AppState.of(SETTINGS, paths), QApplication.windowIcon(),
                     TaskRunner(synchronous=True))
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    yield win


def answer_for(field: FieldDef) -> Any:
    if field.type in ("single_choice",):
        return field.choices[-1].id  # the last choice opens the most conditions
    if field.type == "multi_choice":
        return [field.choices[0].id, field.choices[-1].id]
    if field.type == "yes_no":
        return True
    if field.type == "number":
        return 3
    if field.type == "short_text":
        return f"réponse {field.id}"
    if field.type == "long_text":
        return f"Texte de test pour {field.id}."
    return None


def fill_required(wizard: ReportWizard) -> None:
    """Answer every visible question through its editor, as a user would."""
    assert wizard.form is not None and wizard.report is not None
    if wizard.report.prerequisites is None:
        wizard.set_prerequisites(PrerequisitesSummary(passed=20))
    for _round in range(3):  # answers can reveal further questions
        for field in visible_fields(CATALOGUE, wizard.report):
            editor = wizard.form.rows[field.id].editor
            if editor.value() is None and field.type not in (
                "datetime", "screenshots", "prerequisites_result"
            ):
                editor.set_value(answer_for(field))


def draft_on_disk(wizard: ReportWizard) -> dict[str, Any]:
    assert wizard.report is not None
    path = wizard.context.drafts.path_for(wizard.report.id)
    return json.loads(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize(("case", "application"), [
    (case.id, app.id if app else None) for case, app in CATALOGUE.scopes()
])
def test_every_form_can_be_filled_reviewed_and_finished(
    window: MainWindow, qtbot: QtBot, case: str, application: str | None
) -> None:
    button = getattr(window.home.ui, f"case{case}")
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    wizard = window.wizard
    assert wizard is not None
    if application is not None:
        assert wizard.pages.currentWidget() is wizard.application_page
        qtbot.mouseClick(wizard.application_page.buttons[application], Qt.MouseButton.LeftButton)
    assert wizard.report is not None and wizard.report.application == application
    assert wizard.report.answers["start"]  # pre-filled with now
    if case in ("A", "C"):
        # The number to call comes first; the form follows on request.
        assert wizard.pages.currentWidget() is wizard.call
        qtbot.mouseClick(wizard.call.form_button, Qt.MouseButton.LeftButton)
        assert wizard.pages.currentWidget() is wizard.form
    fill_required(wizard)
    qtbot.mouseClick(wizard.next, Qt.MouseButton.LeftButton)
    report = wizard.report
    saved = draft_on_disk(wizard)
    assert saved["answers"] == json.loads(report.model_dump_json())["answers"]
    if case in ("A", "C"):
        assert wizard.pages.currentWidget() is wizard.call
        number = SETTINGS.support_phone_calls if case == "A" else SETTINGS.support_phone_hardware
        assert wizard.call.number.text() == number
        script = wizard.call.script_text()
        for field in visible_fields(CATALOGUE, report):
            if field.type == "long_text":
                assert f"Texte de test pour {field.id}." in script
        qtbot.mouseClick(wizard.call.done, Qt.MouseButton.LeftButton)
        entries = window.history.entries() if window.history else []
        calls = [e for e in entries if e.kind == "call"]
        assert len(calls) == 1 and calls[0].number == number
    else:
        assert wizard.pages.currentWidget() is wizard.review
        assert wizard.review.send.isEnabled()
        subject = wizard.review.subject.text()
        assert f"[SI-SAMU][Incident][{case}" in subject and "[FR999]" in subject
        preview = wizard.review.preview.toPlainText()
        for field in visible_fields(CATALOGUE, report):
            if field.type == "long_text":
                assert f"Texte de test pour {field.id}." in preview
        if case == "D":
            assert "DSI de test" in wizard.review.contact.text()
        qtbot.mouseClick(wizard.review.send, Qt.MouseButton.LeftButton)
        if case == "B":
            entries = window.sending.outbox.entries()
            assert len(entries) == 1
            eml = window.sending.outbox.message_bytes(entries[0].id).decode("ascii")
            assert "monserviceclient.si-samu@esante.gouv.fr" in eml
            assert "signalement.json" in eml
    assert window.pages.currentWidget() is window.home
    assert window.drafts.load(report.id).status == "finished"


def test_required_fields_block_and_are_pointed_out(window: MainWindow, qtbot: QtBot) -> None:
    qtbot.mouseClick(window.home.ui.caseC, Qt.MouseButton.LeftButton)
    wizard = window.wizard
    assert wizard is not None and wizard.form is not None
    qtbot.mouseClick(wizard.call.form_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(wizard.next, Qt.MouseButton.LeftButton)
    assert wizard.pages.currentWidget() is wizard.form
    row = wizard.form.rows["description"]
    assert row.problem.isVisibleTo(wizard.form)
    assert row.problem.text()


def test_conditions_show_and_hide_questions(window: MainWindow, qtbot: QtBot) -> None:
    qtbot.mouseClick(window.home.ui.caseB, Qt.MouseButton.LeftButton)
    wizard = window.wizard
    assert wizard is not None
    qtbot.mouseClick(wizard.application_page.buttons["selfcare"], Qt.MouseButton.LeftButton)
    assert wizard.form is not None
    assert "impacted_functions" not in wizard.form.visible_ids()
    state = wizard.form.rows["state"].editor
    partial = next(c.id for c in state.field.choices if "partiel" in c.id)
    state.set_value(partial)
    assert "impacted_functions" in wizard.form.visible_ids()
    total = next(c.id for c in state.field.choices if c.id != partial)
    state.set_value(total)
    assert "impacted_functions" not in wizard.form.visible_ids()


def test_patient_data_typed_in_free_text_is_flagged(window: MainWindow, qtbot: QtBot) -> None:
    qtbot.mouseClick(window.home.ui.caseD, Qt.MouseButton.LeftButton)
    wizard = window.wizard
    assert wizard is not None and wizard.form is not None
    editor = wizard.form.rows["description"].editor
    text_edit = editor.findChild(QPlainTextEdit)
    assert text_edit is not None
    QTest.keyClicks(text_edit, "Le patient joignable au 06 12 34 56 78 ne passe pas")
    panel = wizard.form.rows["description"].patient_data
    assert panel.isVisibleTo(wizard.form)
    assert any("téléphone" in box.text() for box in panel.boxes)


def test_keyboard_only_case_d(window: MainWindow, qtbot: QtBot) -> None:
    """From the home page to the finished report without the mouse.

    (QTest.keyClicks types ASCII only: accents abort it, so the text has none.)
    """
    window.activateWindow()
    qtbot.waitActive(window)
    handle = window.windowHandle()
    QTest.keyClick(handle, Qt.Key.Key_D)
    # A button's shortcut animates the click for a moment before it fires.
    qtbot.waitUntil(lambda: window.wizard is not None, timeout=2000)
    wizard = window.wizard
    assert wizard is not None and wizard.form is not None
    # The start time is pre-filled: the focus is on the first question to answer.
    assert isinstance(QApplication.focusWidget(), QRadioButton)
    assert QApplication.focusWidget() is wizard.form.rows["category"].editor.focus_target()
    QTest.keyClick(handle, Qt.Key.Key_Space)
    QTest.keyClick(handle, Qt.Key.Key_Tab)
    assert isinstance(QApplication.focusWidget(), QPlainTextEdit)
    QTest.keyClicks(QApplication.focusWidget(), "Le poste ne demarre plus")
    QTest.keyClick(handle, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: wizard.pages.currentWidget() is wizard.review, timeout=2000)
    QTest.keyClick(handle, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.home, timeout=2000)
    finished = [r for r in window.drafts.list_drafts().reports if r.status == "finished"]
    assert len(finished) == 1
    assert finished[0].answers["description"] == "Le poste ne demarre plus"


def test_every_change_is_saved_and_offered_back_at_next_start(
    window: MainWindow, qtbot: QtBot
) -> None:
    qtbot.mouseClick(window.home.ui.caseA, Qt.MouseButton.LeftButton)
    wizard = window.wizard
    assert wizard is not None and wizard.form is not None
    other = wizard.form.rows["otn_results"].editor.findChild(QPlainTextEdit)
    assert other is not None
    QTest.keyClicks(other, "15 : pas de tonalite")
    assert draft_on_disk(wizard)["answers"]["otn_results"] == "15 : pas de tonalite"
    report_id = wizard.report.id if wizard.report else None

    again = MainWindow(window.state, QApplication.windowIcon(),
                       TaskRunner(synchronous=True))
    qtbot.addWidget(again)
    notices = again.message_bar.notices()
    assert len(notices) == 1 and "cas A" in notices[0].label.text()
    resume = next(b for b in notices[0].findChildren(type(wizard.next)) if b.text() == "Reprendre")
    qtbot.mouseClick(resume, Qt.MouseButton.LeftButton)
    assert again.wizard is not None and again.wizard.report is not None
    assert again.wizard.report.id == report_id
    restored = again.wizard.form.rows["otn_results"].editor if again.wizard.form else None
    assert restored is not None and restored.value() == "15 : pas de tonalite"


def test_short_title_on_review_goes_into_the_subject(window: MainWindow, qtbot: QtBot) -> None:
    qtbot.mouseClick(window.home.ui.caseD, Qt.MouseButton.LeftButton)
    wizard = window.wizard
    assert wizard is not None
    fill_required(wizard)
    qtbot.mouseClick(wizard.next, Qt.MouseButton.LeftButton)
    title = wizard.review.findChild(QLineEdit)
    assert title is not None
    QTest.keyClicks(title, "Poste bloque")
    assert draft_on_disk(wizard)["title"] == "Poste bloque"


def test_a_report_left_while_being_handed_over_is_not_offered_again(
    window: MainWindow, qtbot: QtBot
) -> None:
    """The hand-over finishes after the user opened another case: no draft remains."""
    from PySide6.QtCore import QThreadPool

    window.tasks = TaskRunner(QThreadPool())  # the hand-over really runs in the background
    qtbot.mouseClick(window.home.ui.caseB, Qt.MouseButton.LeftButton)
    wizard = window.wizard
    assert wizard is not None
    qtbot.mouseClick(wizard.application_page.buttons["statistiques"], Qt.MouseButton.LeftButton)
    fill_required(wizard)
    report = wizard.report
    assert report is not None
    qtbot.mouseClick(wizard.next, Qt.MouseButton.LeftButton)
    window.sending.tasks = window.tasks
    qtbot.mouseClick(wizard.review.send, Qt.MouseButton.LeftButton)
    window.go_home()  # leaves before the outbox has answered
    qtbot.waitUntil(lambda: len(window.sending.outbox.entries()) == 1, timeout=10000)
    qtbot.waitUntil(lambda: window.drafts.load(report.id).status == "finished", timeout=10000)
    window.tasks.wait(5000)
    assert [r.id for r in window.drafts.unfinished()] == []
