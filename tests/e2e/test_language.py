"""Started in English (``--lang en``), the whole report speaks English, questions included,
while the e-mail for the support desk stays in French (the procedure's language)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtWidgets import QAbstractButton, QMenuBar, QWidget
from pytestqt.qtbot import QtBot

from samu_desktop.gui.app import Application
from samu_desktop.report.model import PrerequisitesSummary
from tests.e2e.conftest import centre_settings, save_settings
from tests.e2e.forms import answer_everything, open_case
from tests.e2e.user import QtUser
from tests.mail.smtp_server import MailServer


def test_english_interface_asks_the_questions_in_english(
    make_app: Callable[..., Application], support_desk: MailServer, qtbot: QtBot,
) -> None:
    save_settings(centre_settings(support_desk))
    window = make_app(lang="en").window
    user = QtUser()
    wizard = open_case(user, window, "D", None, qtbot)
    assert wizard.form is not None
    assert wizard.form.rows["category"].label.text() == "Type of incident *"
    assert wizard.guidance.text().startswith("For any other incident outside SI-Samu")
    answer_everything(user, wizard)
    user.click(wizard.next, "Next")
    assert wizard.review.send.text() == "&Finish"  # no local IT address: nothing to send
    # What would leave the centre is French, whatever the interface language.
    assert "Type d’incident" in wizard.review.preview.toPlainText()


def active_mnemonics(window: QWidget) -> list[str]:
    """The Alt+letter keys of what is on screen: buttons, boxes and the menu bar."""
    keys = [button.shortcut().toString() for button in window.findChildren(QAbstractButton)
            if button.isVisible() and button.shortcut().toString().startswith("Alt+")]
    menu_bar = window.findChild(QMenuBar)
    if menu_bar is not None:
        for action in menu_bar.actions():
            text = action.text()
            if "&" in text.replace("&&", ""):
                keys.append("Alt+" + text[text.index("&") + 1].upper())
    return keys


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_each_alt_key_of_the_outage_screens_does_one_thing(
    lang: str, make_app: Callable[..., Application], support_desk: MailServer, qtbot: QtBot,
) -> None:
    """Journey 1 is done with Alt+2, Alt+V (Alt+K in English) and Alt+J (Alt+A): a letter
    used twice on one screen would only move the focus between the two."""
    save_settings(centre_settings(support_desk))
    window = make_app(lang=lang).window
    user = QtUser()
    wizard = open_case(user, window, "B", "bandeau", qtbot)
    screens = {"form": list(active_mnemonics(window))}
    wizard.open_screenshots()
    screens["screenshots"] = active_mnemonics(window)
    wizard.go_back()
    wizard.set_prerequisites(PrerequisitesSummary(passed=1))
    answer_everything(user, wizard)
    user.click(wizard.next, "Next")
    screens["review"] = active_mnemonics(window)
    for name, keys in screens.items():
        assert len(keys) == len(set(keys)), (name, sorted(keys))
    # « Login & mot de passe & OTP Mail » shows its "&", and is no Alt+Space shortcut.
    assert not any(k == "Alt+Space" for keys in screens.values() for k in keys)
    verified = "Alt+V" if lang == "fr" else "Alt+K"
    assert verified in screens["screenshots"]
