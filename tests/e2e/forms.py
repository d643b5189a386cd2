"""Answering a form through its widgets, as a user would: clicks and typing only."""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit, QPlainTextEdit
from pytestqt.qtbot import QtBot

from samu_desktop.gui.main_window import MainWindow
from samu_desktop.gui.wizard.fields import (
    DateTimeEditor,
    LongTextEditor,
    MultiChoiceEditor,
    NumberEditor,
    ShortTextEditor,
    SingleChoiceEditor,
    YesNoEditor,
)
from samu_desktop.gui.wizard.wizard import ReportWizard
from samu_desktop.report.validation import is_answered, visible_fields
from tests.e2e.conftest import CATALOGUE
from tests.e2e.user import QtUser


def text_for(field_id: str) -> str:
    """ASCII only: QTest cannot type accents."""
    return f"Reponse de test pour {field_id}"


def answer_everything(user: QtUser, wizard: ReportWizard) -> None:
    """Answer every question still open, optional ones included, until none appears.

    Single choices take their last option and multiple choices their first and
    last (they open the most follow-up questions); yes/no is "Oui".
    """
    assert wizard.form is not None and wizard.report is not None
    for _round in range(4):
        opened = False
        for field in visible_fields(CATALOGUE, wizard.report):
            if is_answered(field, wizard.report):
                continue
            editor = wizard.form.rows[field.id].editor
            if not wizard.form.is_reachable(field.id):  # optional questions come folded
                user.click(wizard.form.more_toggle, "Autres questions")
            if isinstance(editor, YesNoEditor):
                user.click(editor.buttons["yes"], f"{field.id}: Oui")
            elif isinstance(editor, SingleChoiceEditor):
                user.click(list(editor.buttons.values())[-1], f"{field.id}: last choice")
            elif isinstance(editor, MultiChoiceEditor):
                boxes = list(editor.boxes.values())
                for box in dict.fromkeys((boxes[0], boxes[-1])):
                    user.click(box, f"{field.id}: {box.text()}")
            elif isinstance(editor, NumberEditor):
                user.type(editor.edit, "3")
            elif isinstance(editor, ShortTextEditor | LongTextEditor):
                target = editor.findChild(QLineEdit) or editor.findChild(QPlainTextEdit)
                assert target is not None
                user.type(target, text_for(field.id))
            elif isinstance(editor, DateTimeEditor):
                user.click(editor.quick_buttons[1], f"{field.id}: il y a 5 min")
            else:
                continue  # screenshots and the prerequisites test have their own pages
            opened = True
        if not opened:
            return


def open_case(user: QtUser, window: MainWindow, case: str, application: str | None,
              qtbot: QtBot) -> ReportWizard:
    user.click(getattr(window.home.ui, f"case{case}"), f"case {case}")
    qtbot.waitUntil(lambda: window.wizard is not None, timeout=5000)
    wizard = window.wizard
    assert wizard is not None
    if application is not None:
        user.click(wizard.application_page.buttons[application], application)
    assert wizard.form is not None and wizard.report is not None
    return wizard
