"""A settings save reaches whoever depends on it at once; a failed save loses nothing.

Real parts: the settings file in the isolated home, a folder made read-only for
real, aiosmtpd with STARTTLS and AUTH, the Secret Service keyring, the app's own
background sender.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit
from pytestqt.qtbot import QtBot

from samu_desktop.app.state import AppState
from samu_desktop.config import credentials
from samu_desktop.config.paths import AppPaths
from samu_desktop.config.settings import SCHEMA_VERSION
from samu_desktop.gui.main_window import MainWindow
from samu_desktop.gui.settings_dialog import SettingsDialog
from samu_desktop.gui.tasks import TaskRunner
from samu_desktop.mail.compose import build_message
from samu_desktop.mail.outbox import EntryState
from samu_desktop.mail.transport import smtp_account
from tests.app.readonly import read_only
from tests.guards import ModalDialogs
from tests.gui.test_wizard import fill_required
from tests.mail.smtp_server import PASSWORD, USER, MailServer, make_pki


@pytest.fixture
def window(qtbot: QtBot) -> MainWindow:
    state = AppState.load(AppPaths.default())
    win = MainWindow(state, QApplication.windowIcon(), TaskRunner(synchronous=True))
    qtbot.addWidget(win)
    win.show()
    yield win
    win.sending.outbox_sender.stop(5.0)


def _driven_by_the_test(modal_dialogs: ModalDialogs) -> None:
    """The settings dialog opens window-modal; the test types and clicks in it itself."""
    modal_dialogs.expect(lambda _dialog: None, SettingsDialog)


def _type(dialog: object, name: str, text: str) -> None:
    editor = dialog.findChild(QLineEdit, name)  # type: ignore[attr-defined]
    assert editor is not None
    editor.setText(text)


def test_a_new_number_reaches_the_open_call_page_at_once(
    window: MainWindow, qtbot: QtBot, modal_dialogs: ModalDialogs
) -> None:
    qtbot.mouseClick(window.home.ui.caseA, Qt.MouseButton.LeftButton)
    wizard = window.wizard
    assert wizard is not None
    fill_required(wizard)
    qtbot.mouseClick(wizard.next, Qt.MouseButton.LeftButton)
    assert wizard.pages.currentWidget() is wizard.call
    assert "Numéro non renseigné" in wizard.call.number.text()

    _driven_by_the_test(modal_dialogs)
    dialog = window.open_settings()
    qtbot.addWidget(dialog)
    _type(dialog, "support_phone_calls", "01 00 00 00 15")
    dialog.ui.buttons.accepted.emit()
    assert not dialog.isVisible()
    assert wizard.call.number.text() == "01 00 00 00 15"  # the page on screen, no reopening
    # The call is recorded with the number in force, not a copy taken at the start.
    qtbot.mouseClick(wizard.call.done, Qt.MouseButton.LeftButton)
    assert window.history is not None
    calls = [e for e in window.history.entries() if e.kind == "call"]
    assert [e.number for e in calls] == ["01 00 00 00 15"]


def test_a_save_that_fails_keeps_the_dialog_open_with_what_was_typed(
    window: MainWindow, qtbot: QtBot, modal_dialogs: ModalDialogs
) -> None:
    paths = AppPaths.default()
    window.state.save({"reporter_name": "Avant"})
    _driven_by_the_test(modal_dialogs)
    dialog = window.open_settings()
    qtbot.addWidget(dialog)
    _type(dialog, "reporter_name", "Agent Synthétique")
    _type(dialog, "support_phone_calls", "01 00 00 00 15")
    with read_only(paths.config_dir):
        dialog.ui.buttons.accepted.emit()
        assert dialog.isVisible()
        assert dialog.save_error.isVisibleTo(dialog)
        assert "réglages n'ont pas pu être enregistrés" in dialog.save_error.text()
        assert dialog.values()["reporter_name"] == "Agent Synthétique"
        assert dialog.values()["support_phone_calls"] == "01 00 00 00 15"
        assert window.state.settings.reporter_name == "Avant"  # nothing half-applied
    # Once the folder can be written again, the same click saves what was typed.
    dialog.ui.buttons.accepted.emit()
    assert not dialog.isVisible()
    assert json.loads(paths.settings_file.read_text()) == {
        "schema_version": SCHEMA_VERSION, "reporter_name": "Agent Synthétique",
        "support_phone_calls": "01 00 00 00 15"}


def test_changing_one_setting_in_the_dialog_writes_only_that_setting(
    window: MainWindow, qtbot: QtBot, modal_dialogs: ModalDialogs
) -> None:
    _driven_by_the_test(modal_dialogs)
    dialog = window.open_settings()
    qtbot.addWidget(dialog)
    _type(dialog, "reporter_phone", "01 00 00 00 42")
    dialog.ui.buttons.accepted.emit()
    assert json.loads(AppPaths.default().settings_file.read_text()) == {
        "schema_version": SCHEMA_VERSION, "reporter_phone": "01 00 00 00 42"}


def test_any_settings_save_wakes_the_sender(
    qtbot: QtBot, secret_service: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    modal_dialogs: ModalDialogs,
) -> None:
    """A report held back by a refused password leaves as soon as the settings are saved
    again (here from the general settings dialog), not at the sender's next idle poll
    (300 s)."""
    pki = make_pki(tmp_path)
    monkeypatch.setenv("SSL_CERT_FILE", str(pki.ca_file))
    server = MailServer(pki).start()
    try:
        account = smtp_account(USER, "127.0.0.1")
        credentials.set_secret(account, "wrong-synthetic-password")
        state = AppState.of(server.settings(crra_id="FR999"), AppPaths.default())
        window = MainWindow(state, QApplication.windowIcon(), TaskRunner(synchronous=True))
        qtbot.addWidget(window)
        sender = window.sending.outbox_sender
        sender.start()
        record = sender.submit(build_message(state.settings, "Incident test", "texte",
                                             "<p>texte</p>", [], "1"))
        qtbot.waitUntil(lambda: window.sending.outbox.load(record.id).state
                        is EntryState.NEEDS_ACTION, timeout=15_000)
        credentials.set_secret(account, PASSWORD)  # the password is put right

        _driven_by_the_test(modal_dialogs)
        dialog = window.open_settings()
        qtbot.addWidget(dialog)
        _type(dialog, "reporter_phone", "01 00 00 00 42")
        dialog.ui.buttons.accepted.emit()
        qtbot.waitUntil(lambda: len(server.delivered) == 1, timeout=15_000)
        sender.stop(5.0)
    finally:
        server.stop()
