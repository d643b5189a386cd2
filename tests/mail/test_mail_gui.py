"""The sending settings dialog and the outbox page, with real widgets (offscreen).

Real parts: aiosmtpd with the test CA, the Secret Service keyring, files. The
one probe: opening a file in the default mail client cannot happen here (no
desktop session, no mail client), so the page's ``open_url`` is replaced by a
recorder and the test checks the file it was asked to open.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QThreadPool, QUrl
from PySide6.QtGui import QStandardItemModel
from PySide6.QtPrintSupport import QPrinter
from pytestqt.qtbot import QtBot

from samu_desktop.app.state import AppState
from samu_desktop.config import credentials
from samu_desktop.config.paths import AppPaths
from samu_desktop.config.policy import Policy
from samu_desktop.config.settings import Settings
from samu_desktop.gui.outbox_page import OutboxPage
from samu_desktop.gui.smtp_settings import SmtpSettingsDialog
from samu_desktop.gui.tasks import TaskRunner
from samu_desktop.mail.compose import build_message
from samu_desktop.mail.outbox import EntryState, Outbox
from samu_desktop.mail.sender import OutboxSender
from samu_desktop.mail.transport import SmtpConfig
from tests.mail.smtp_server import PASSWORD, USER, MailServer, Pki
from tests.mail.test_mail_transport import store_password, transport_for

Factory = Callable[..., MailServer]


@pytest.fixture
def runner() -> Iterator[TaskRunner]:
    task_runner = TaskRunner(QThreadPool())
    yield task_runner
    task_runner.wait(10_000)


def _dialog(qtbot: QtBot, settings: Settings, pki: Pki, runner: TaskRunner,
            locked: frozenset[str] = frozenset(), allow_plaintext: bool = False,
            ) -> SmtpSettingsDialog:
    policy = Policy(locked={name: getattr(settings, name) for name in locked},
                    allow_plaintext_smtp=allow_plaintext)
    state = AppState.of(settings, AppPaths.default(), policy)
    dialog = SmtpSettingsDialog(state, runner=runner, ssl_context_factory=pki.client_context)
    qtbot.addWidget(dialog)
    return dialog


def test_connection_test_shows_each_step_with_the_typed_password(
    qtbot: QtBot, mail_server: Factory, pki: Pki, runner: TaskRunner, secret_service: str,
) -> None:
    server = mail_server()
    settings = server.settings()
    credentials.delete_secret(SmtpConfig.from_settings(settings).account)
    dialog = _dialog(qtbot, settings, pki, runner)
    assert dialog.password.text() == ""
    assert dialog.password.placeholderText() == "Aucun mot de passe enregistré"
    dialog.password.setText(PASSWORD)
    dialog.test_button.click()
    qtbot.waitUntil(lambda: not dialog.testing, timeout=15_000)
    texts = dialog.step_texts()
    assert [t.split(" :")[0] for t in texts] == [
        "✔ Nom du serveur (DNS)", "✔ Connexion réseau (TCP)",
        "✔ Dialogue avec le serveur (SMTP)", "✔ Chiffrement (TLS)", "✔ Authentification"]
    assert f"Identifiant « {USER} » accepté." in texts[-1]
    assert server.auth_log == [("PLAIN", USER)] and server.delivered == []
    assert dialog.verdict.text() == ("La connexion au serveur d'envoi fonctionne : les "
                                     "signalements pourront partir.")

    dialog.password.setText("wrong-synthetic-password")
    dialog.test_button.click()
    qtbot.waitUntil(lambda: not dialog.testing, timeout=15_000)
    assert dialog.step_texts()[-1].startswith("✖ Authentification : Le serveur d'envoi a "
                                              "refusé l'identifiant ou le mot de passe")
    assert dialog.verdict.text() == ("Le serveur a refusé l'identifiant ou le mot de passe : "
                                     "vérifiez-les, puis testez à nouveau.")


def test_save_puts_the_password_in_the_keyring_only(
    qtbot: QtBot, mail_server: Factory, pki: Pki, runner: TaskRunner, secret_service: str,
    isolated_home: Path,
) -> None:
    server = mail_server()
    dialog = _dialog(qtbot, Settings(), pki, runner)
    dialog.host.setText("127.0.0.1")
    dialog.port.setValue(server.port)
    dialog.username.setText(USER)
    dialog.password.setText(PASSWORD)
    dialog.sender_edit.setText("crra-test@example.test")
    dialog.save()
    settings = dialog.result_settings
    assert isinstance(settings, Settings) and dialog.result() == dialog.DialogCode.Accepted
    assert (settings.smtp_host, settings.smtp_port, settings.smtp_username) == (
        "127.0.0.1", server.port, USER)
    assert credentials.get_secret(SmtpConfig.from_settings(settings).account) == PASSWORD
    for path in isolated_home.rglob("*"):
        if path.is_file():
            assert PASSWORD.encode() not in path.read_bytes(), path

    # Never shown back; the placeholder says one is stored, and an empty field keeps it.
    again = _dialog(qtbot, settings, pki, runner)
    assert again.password.text() == ""
    assert "Enregistré dans le trousseau" in again.password.placeholderText()
    again.save()
    assert again.result() == again.DialogCode.Accepted
    assert credentials.get_secret(SmtpConfig.from_settings(settings).account) == PASSWORD


def test_whoever_hears_of_the_save_finds_the_password_already_kept(
    qtbot: QtBot, mail_server: Factory, pki: Pki, runner: TaskRunner, secret_service: str,
    isolated_home: Path,
) -> None:
    """The outbox sender wakes on the save and tries at once: the password must be there."""
    server = mail_server()
    dialog = _dialog(qtbot, Settings(), pki, runner)
    seen: list[str | None] = []
    dialog._state.subscribe(lambda new: seen.append(
        credentials.get_secret(SmtpConfig.from_settings(new).account)))
    dialog.host.setText("127.0.0.1")
    dialog.port.setValue(server.port)
    dialog.username.setText(USER)
    dialog.password.setText(PASSWORD)
    dialog.sender_edit.setText("crra-test@example.test")
    dialog.save()
    assert dialog.result() == dialog.DialogCode.Accepted
    assert seen == [PASSWORD]


def test_plaintext_choice_follows_the_policy(qtbot: QtBot, pki: Pki, runner: TaskRunner,
                                             secret_service: str) -> None:
    forbidden = _dialog(qtbot, Settings(), pki, runner)
    model = forbidden.security.model()
    assert isinstance(model, QStandardItemModel)
    assert not model.item(2).isEnabled()
    allowed = _dialog(qtbot, Settings(smtp_security="none", smtp_port=25), pki, runner,
                      allow_plaintext=True)
    assert "circulent en clair" in allowed.plaintext_warning.text()
    assert allowed.values()["smtp_security"] == "none"


def test_locked_settings_cannot_be_changed(qtbot: QtBot, pki: Pki, runner: TaskRunner,
                                           secret_service: str) -> None:
    dialog = _dialog(qtbot, Settings(smtp_host="relais.example.test"), pki, runner,
                     locked=frozenset({"smtp_host", "smtp_port", "smtp_security"}))
    assert not dialog.host.isEnabled() and not dialog.port.isEnabled()
    assert "smtp_host" not in dialog.values()


def _page(qtbot: QtBot, outbox: Outbox, **kwargs: object) -> OutboxPage:
    page = OutboxPage(outbox, **kwargs)  # type: ignore[arg-type]
    qtbot.addWidget(page)
    return page


def test_outbox_page_without_server_guides_the_user(qtbot: QtBot, tmp_path: Path) -> None:
    outbox = Outbox(tmp_path / "outbox")
    record = outbox.add(build_message(Settings(), "Incident test", "texte", "<p>html</p>", [],
                                      "1"))
    page = _page(qtbot, outbox, settings=Settings)
    page.show()
    assert page.banner.isVisible()
    ((state, created, subject, attempts),) = page.rows()
    assert (state, subject, attempts) == ("En attente", "Incident test", "0")
    assert created == f"{record.created_at.astimezone():%d/%m/%Y %H:%M}"
    with qtbot.waitSignal(page.settings_requested, timeout=2000):
        page.settings_button.click()

    target = page.export_selected(tmp_path / "exports" / "signalement.eml")
    assert target is not None and target.read_bytes() == outbox.message_bytes(record.id)

    opened: list[QUrl] = []
    page_probe = _page(qtbot, outbox, open_url=lambda url: opened.append(url) or True)
    assert page_probe.open_in_mail_client()
    draft = Path(opened[0].toLocalFile())
    assert draft.read_bytes().startswith(b"X-Unsent: 1\r\n")
    assert draft.read_bytes().endswith(outbox.message_bytes(record.id))

    pdf = page.save_pdf(tmp_path / "exports" / "signalement.pdf")
    assert pdf is not None and pdf.read_bytes().startswith(b"%PDF")
    assert not list((tmp_path / "exports").glob(".*partial"))
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    assert page.print_selected(printer)
    del printer
    assert (tmp_path / "printed.pdf").read_bytes().startswith(b"%PDF")


def test_outbox_page_follows_the_sender_and_retries(
    qtbot: QtBot, mail_server: Factory, pki: Pki, tmp_path: Path, secret_service: str,
) -> None:
    server = mail_server()
    settings = server.settings()
    store_password(settings)
    outbox = Outbox(tmp_path / "outbox")
    record = outbox.add(build_message(settings, "Incident test", "t", "<p>h</p>", [], "1"))
    server.fault = "554"
    sender = OutboxSender(outbox, lambda: settings, transport_for(pki))
    page = _page(qtbot, outbox, sender=sender, settings=lambda: settings)
    sender.start()
    try:
        sender.wake()
        qtbot.waitUntil(lambda: page.rows()[0][0] == "Action requise", timeout=15_000)
        assert "code 554" in page.detail.text()
        assert "Message rejected by policy" in page.detail.text()
        assert page.retry_button.isEnabled() and not page.banner.isVisible()
        server.fault = None
        page.retry_button.click()
        qtbot.waitUntil(lambda: page.rows()[0][0] == "Envoyé", timeout=15_000)
    finally:
        assert sender.stop(10)
    # Said in words; the server's raw reply is not for the user.
    assert "le serveur d'envoi l'a accepté" in page.detail.text()
    assert "queued" not in page.detail.text() and "250" not in page.detail.text()
    assert not page.retry_button.isEnabled()
    assert outbox.load(record.id).state is EntryState.SENT
    assert len(server.delivered) == 1
