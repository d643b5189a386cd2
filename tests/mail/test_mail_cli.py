"""``samu-desktop outbox [list|flush]``, run in-process against a real relay."""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable, Iterator

import pytest

from samu_desktop.cli import main
from samu_desktop.config.paths import AppPaths
from samu_desktop.config.settings import Settings
from samu_desktop.config.store import SettingsStore
from samu_desktop.mail.compose import build_message
from samu_desktop.mail.outbox import EntryState, Outbox
from tests.mail.smtp_server import MailServer, Pki

Factory = Callable[..., MailServer]


@pytest.fixture(autouse=True)
def _drop_log_handler() -> Iterator[None]:
    """The CLI logs to the app's file; do not leave that handler to later tests."""
    yield
    root = logging.getLogger()
    for handler in [h for h in root.handlers if getattr(h, "_samu", False)]:
        root.removeHandler(handler)
        handler.close()


def test_list_on_an_empty_outbox(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["outbox"]) == 0
    assert "La boîte d'envoi est vide." in capsys.readouterr().out


def test_flush_without_settings_keeps_the_report_and_says_why(
    capsys: pytest.CaptureFixture[str],
) -> None:
    outbox = Outbox(AppPaths.default().outbox_dir)
    record = outbox.add(build_message(Settings(), "Incident test", "t", "h", [], "1"))
    assert main(["outbox", "flush"]) == 1
    out = capsys.readouterr().out
    assert "Aucun serveur d'envoi (SMTP) n'est configuré" in out
    assert "1 signalement(s) restent dans la boîte d'envoi." in out
    assert outbox.load(record.id).state is EntryState.WAITING
    assert main(["outbox", "list"]) == 0
    out = capsys.readouterr().out
    assert record.id in out and "En attente" in out and "Incident test" in out


@pytest.mark.skipif(sys.platform == "win32",
                    reason="the test CA comes through SSL_CERT_FILE; Windows reads its store")
def test_flush_sends_then_lists_as_sent(
    mail_server: Factory, pki: Pki, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    # The production trust path (truststore) reads SSL_CERT_FILE like OpenSSL.
    monkeypatch.setenv("SSL_CERT_FILE", str(pki.ca_file))
    server = mail_server(auth=False)
    settings = server.settings()
    paths = AppPaths.default()
    SettingsStore(paths).save(settings, frozenset())
    outbox = Outbox(paths.outbox_dir)
    record = outbox.add(build_message(settings, "Incident test", "t", "h", [], "1"))
    assert main(["outbox", "flush"]) == 0
    assert "Envoyé" in capsys.readouterr().out
    assert len(server.delivered) == 1
    assert main(["outbox", "flush"]) == 0
    assert "Rien à envoyer." in capsys.readouterr().out
    assert main(["outbox", "list"]) == 0
    out = capsys.readouterr().out
    assert record.id in out and "250 2.0.0 Ok: queued as TEST0001" in out
    assert len(server.delivered) == 1


@pytest.mark.skipif(sys.platform == "win32",
                    reason="the test CA comes through SSL_CERT_FILE; Windows reads its store")
def test_flush_all_retries_what_needs_action(
    mail_server: Factory, pki: Pki, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("SSL_CERT_FILE", str(pki.ca_file))
    server = mail_server(auth=False)
    settings = server.settings()
    paths = AppPaths.default()
    SettingsStore(paths).save(settings, frozenset())
    outbox = Outbox(paths.outbox_dir)
    record = outbox.add(build_message(settings, "s", "t", "h", [], "1"))
    server.fault = "554"
    assert main(["outbox", "flush"]) == 1
    assert "code 554" in capsys.readouterr().out
    server.fault = None
    assert main(["outbox", "flush"]) == 1  # needs action: not retried without --all
    assert server.delivered == []
    assert main(["outbox", "flush", "--all"]) == 0
    assert outbox.load(record.id).state is EntryState.SENT
    assert len(server.delivered) == 1
