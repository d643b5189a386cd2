"""The first-start setup: what it asks, its "Tester", and a save that fails.

Real parts: aiosmtpd with STARTTLS and AUTH and the test CA (tests/mail), the
Secret Service keyring, the settings file in the isolated home, a folder made
read-only for real. Nothing is mocked.
"""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QThreadPool
from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QSpinBox
from pytestqt.qtbot import QtBot

from samu_desktop.app.readiness import Missing, sending_readiness, setup_needed
from samu_desktop.app.state import AppState
from samu_desktop.config import credentials
from samu_desktop.config.paths import AppPaths
from samu_desktop.config.policy import Policy
from samu_desktop.config.settings import Settings
from samu_desktop.gui.first_start import FirstStartDialog
from samu_desktop.gui.tasks import TaskRunner
from samu_desktop.mail.transport import smtp_account
from tests.app.readonly import read_only
from tests.mail.smtp_server import PASSWORD, USER, MailServer, Pki, free_port, make_pki


@pytest.fixture
def runner() -> Iterator[TaskRunner]:
    task_runner = TaskRunner(QThreadPool())
    yield task_runner
    task_runner.wait(10_000)


@pytest.fixture(scope="module")
def pki(tmp_path_factory: pytest.TempPathFactory) -> Pki:
    return make_pki(tmp_path_factory.mktemp("pki"))


@pytest.fixture
def server(pki: Pki) -> Iterator[MailServer]:
    running = MailServer(pki).start()
    yield running
    running.stop()


def dialog_for(qtbot: QtBot, state: AppState, pki: Pki, runner: TaskRunner) -> FirstStartDialog:
    dialog = FirstStartDialog(state, runner, ssl_context_factory=pki.client_context)
    qtbot.addWidget(dialog)
    return dialog


def type_in(dialog: FirstStartDialog, values: dict[str, object]) -> None:
    for name, value in values.items():
        editor = dialog.editors[name]
        if isinstance(editor, QLineEdit):
            editor.setText(str(value))
        elif isinstance(editor, QSpinBox):
            editor.setValue(int(str(value)))
        elif isinstance(editor, QComboBox):
            editor.setCurrentIndex(["starttls", "tls", "none"].index(str(value)))
        elif isinstance(editor, QCheckBox):
            editor.setChecked(bool(value))


def run_test(dialog: FirstStartDialog, qtbot: QtBot) -> str:
    with qtbot.waitSignal(dialog.test_finished, timeout=20_000) as blocker:
        dialog.test_button.click()
    assert not dialog.testing and dialog.test_button.isEnabled()
    assert dialog.test_result.text() == blocker.args[0]
    return str(blocker.args[0])


def server_values(server: MailServer, **overrides: object) -> dict[str, object]:
    values: dict[str, object] = dict(smtp_host="127.0.0.1", smtp_port=server.port,
                                      smtp_security="starttls", smtp_auth=True,
                                      smtp_username=USER, sender_address=USER)
    values.update(overrides)
    return values


def test_a_fresh_install_asks_everything_and_cannot_send(secret_service: str) -> None:
    settings = Settings()
    assert setup_needed(settings, frozenset())
    missing = sending_readiness(settings).missing
    assert {Missing.SMTP_HOST, Missing.SENDER, Missing.CRRA} <= set(missing)
    assert all(s.endswith(".") for s in sending_readiness(settings).sentences())


def test_tester_says_in_one_sentence_what_is_wrong_then_that_it_works(
    qtbot: QtBot, server: MailServer, pki: Pki, runner: TaskRunner, secret_service: str,
) -> None:
    state = AppState.of(Settings(), AppPaths.default())
    dialog = dialog_for(qtbot, state, pki, runner)
    type_in(dialog, server_values(server))

    dialog.password.setText("wrong-synthetic-password")
    assert run_test(dialog, qtbot) == ("Le serveur a refusé l'identifiant ou le mot de passe : "
                                   "vérifiez-les, puis testez à nouveau.")

    closed = free_port()  # nothing listens there
    type_in(dialog, {"smtp_port": closed})
    sentence = run_test(dialog, qtbot)
    assert sentence == (f"Le serveur « 127.0.0.1 » refuse la connexion sur le port {closed} : "
                        "vérifiez le port, ou demandez à votre service informatique si le "
                        "serveur est en marche.")
    assert "nouvel essai" not in sentence

    type_in(dialog, {"smtp_port": server.port})
    dialog.password.setText(PASSWORD)
    assert run_test(dialog, qtbot) == ("La connexion au serveur d'envoi fonctionne : les "
                                   "signalements pourront partir.")
    assert server.delivered == []  # a test sends nothing
    # A test saves nothing either: the settings in force are still the fresh ones.
    assert state.settings.smtp_host == ""


def test_what_the_policy_gives_is_not_asked(
    qtbot: QtBot, pki: Pki, runner: TaskRunner, secret_service: str,
) -> None:
    locked = {"smtp_host": "smtp.centre.example.test", "smtp_port": 587,
              "smtp_security": "starttls", "crra_id": "FR999", "centre_name": "SAMU de test"}
    state = AppState.of(Settings(), AppPaths.default(), Policy(locked=locked))
    dialog = dialog_for(qtbot, state, pki, runner)
    for name in locked:
        assert name not in dialog.editors
        assert dialog.findChild(QLineEdit, name) is None
    assert {"reporter_name", "reporter_phone", "reporter_email", "smtp_username"} <= set(
        dialog.editors)
    assert set(dialog.values()).isdisjoint(locked)
    # Everything locked: nothing left to ask.
    every = {**locked, "reporter_name": "ARM Test", "reporter_phone": "01 00 00 00 99",
             "reporter_email": USER, "smtp_auth": False, "smtp_username": "",
             "sender_address": USER}
    full = AppState.of(Settings(), AppPaths.default(), Policy(locked=every))
    assert not setup_needed(full.settings, full.locked)
    assert setup_needed(state.settings, state.locked)


def test_a_save_that_fails_keeps_what_was_typed_then_saves_it(
    qtbot: QtBot, server: MailServer, pki: Pki, runner: TaskRunner, secret_service: str,
) -> None:
    paths = AppPaths.default()
    state = AppState.load(paths)
    dialog = dialog_for(qtbot, state, pki, runner)
    dialog.show()
    typed = {"centre_name": "SAMU de test", "crra_id": "FR999", "reporter_name": "ARM Test",
             "reporter_phone": "01 00 00 00 99", "reporter_email": "arm-test@example.test",
             **server_values(server)}
    type_in(dialog, typed)
    dialog.password.setText(PASSWORD)
    account = smtp_account(USER, "127.0.0.1")
    credentials.delete_secret(account)

    # A wrong CRRA id: said in one sentence, nothing saved, everything kept.
    type_in(dialog, {"crra_id": "680"})
    dialog.save_button.click()
    assert dialog.isVisible() and dialog.save_error.isVisible()
    assert "Identifiant du CRRA" in dialog.save_error.text()
    type_in(dialog, {"crra_id": "FR999"})

    with read_only(paths.config_dir):
        dialog.save_button.click()
        assert dialog.isVisible()
        assert "réglages n'ont pas pu être enregistrés" in dialog.save_error.text()
        assert dialog.values() == typed
        assert dialog.password.text() == PASSWORD
        assert state.settings.smtp_host == ""  # nothing half-applied
    with qtbot.waitSignal(dialog.saved, timeout=5000):
        dialog.save_button.click()
    assert not dialog.isVisible()
    written = json.loads(paths.settings_file.read_text(encoding="utf-8"))
    assert {k: written[k] for k in typed if k in written} == {
        k: v for k, v in typed.items() if v != Settings.model_fields[k].default}
    assert credentials.get_secret(account) == PASSWORD
    assert sending_readiness(state.settings).ready
    assert not setup_needed(state.settings, state.locked)


def test_plus_tard_saves_nothing(
    qtbot: QtBot, pki: Pki, runner: TaskRunner, secret_service: str,
) -> None:
    paths = AppPaths.default()
    state = AppState.load(paths)
    dialog = dialog_for(qtbot, state, pki, runner)
    dialog.show()
    # Every field asked, it still fits a 1366×768 screen (taskbar and title bar included).
    hint = dialog.sizeHint()
    assert hint.width() <= 1366 and hint.height() <= 768 - 80, hint
    type_in(dialog, {"reporter_name": "ARM Test"})
    dialog.later_button.click()
    assert not dialog.isVisible()
    assert state.settings.reporter_name == "" and not paths.settings_file.exists()
