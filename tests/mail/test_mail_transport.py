"""Sending to a real aiosmtpd (STARTTLS or TLS with a test CA, AUTH PLAIN/LOGIN).

The password always comes from the real Secret Service (gnome-keyring on a
private D-Bus, ``secret_service`` fixture). The only thing injected is the
TLS trust: production trusts the OS store, the tests trust their own CA.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from email import message_from_bytes
from email import policy as email_policy
from email.message import EmailMessage
from pathlib import Path

import pytest

from samu_desktop.config import credentials
from samu_desktop.config.paths import AppPaths
from samu_desktop.config.settings import Settings
from samu_desktop.logsetup import setup_logging
from samu_desktop.mail.compose import build_message
from samu_desktop.mail.failures import FailureKind, SendFailure
from samu_desktop.mail.message import Attachment, AttachmentKind
from samu_desktop.mail.outbox import EntryState, Outbox
from samu_desktop.mail.sender import OutboxSender
from samu_desktop.mail.transport import SmtpConfig, SmtpTransport, Step
from tests.mail.screens import screen_png
from tests.mail.smtp_server import PASSWORD, USER, MailServer, Pki

Factory = Callable[..., MailServer]


def transport_for(pki: Pki, **kwargs: object) -> Callable[[SmtpConfig], SmtpTransport]:
    return lambda config: SmtpTransport(config, ssl_context_factory=pki.client_context,
                                        **kwargs)  # type: ignore[arg-type]


def store_password(settings: Settings, password: str = PASSWORD) -> None:
    credentials.set_secret(SmtpConfig.from_settings(settings).account, password)


@pytest.fixture
def no_leftover_log_handler() -> object:
    yield None
    root = logging.getLogger()
    for handler in [h for h in root.handlers if getattr(h, "_samu", False)]:
        root.removeHandler(handler)
        handler.close()


@pytest.mark.parametrize("mechanism", ["PLAIN", "LOGIN"])
def test_report_arrives_byte_for_byte(
    mechanism: str, mail_server: Factory, pki: Pki, secret_service: str, isolated_home: Path,
    no_leftover_log_handler: object,
) -> None:
    paths = AppPaths.default()
    setup_logging(paths.log_dir)
    server = mail_server(mechanisms=(mechanism,))
    settings = server.settings(reporter_email="arm-test@example.test",
                               cc_address="copie-test@example.test",
                               support_email="support-test@example.test")
    store_password(settings)
    shot = screen_png(3)
    attachments = [
        Attachment(filename="écran 1.png", mime_type="image/png", data=shot,
                   kind=AttachmentKind.SCREENSHOT),
        Attachment(filename="prerequis.json", mime_type="application/json",
                   data=b'{"firefox": "128.5.0esr"}', kind=AttachmentKind.CHECKS_JSON),
    ]
    msg = build_message(settings, "[SI-SAMU] Incident Bandeau — FR680 — été\r\nBcc: x@y.test",
                        "Fonctionnalité : Connexion\n", "<p>Fonctionnalité : Connexion</p>\n",
                        attachments, "1.2.3")
    outbox = Outbox(paths.outbox_dir)
    record = outbox.add(msg)
    stored = outbox.message_bytes(record.id)

    sender = OutboxSender(outbox, lambda: settings, transport_for(pki))
    (done,) = sender.run_once()

    assert done.state is EntryState.SENT
    assert done.server_reply == "250 2.0.0 Ok: queued as TEST0001"
    assert done.sent_at is not None and done.attempts == 1
    assert outbox.load(record.id).state is EntryState.SENT
    assert server.auth_log == [(mechanism, USER)]
    (delivery,) = server.delivered
    assert delivery.mail_from == "crra-test@example.test"
    # The reporter's own copy travels as a Cc.
    assert delivery.rcpt_tos == ["support-test@example.test", "copie-test@example.test",
                                 "arm-test@example.test"]
    # Exactly the bytes kept in the outbox, which are exactly the built message.
    assert delivery.content == stored == msg.as_bytes()
    got = message_from_bytes(delivery.content, policy=email_policy.default)
    assert isinstance(got, EmailMessage)
    assert got["Subject"] == "[SI-SAMU] Incident Bandeau — FR680 — été Bcc: x@y.test"
    assert got["Bcc"] is None
    assert got["Message-ID"] == record.message_id
    assert got["X-Samu-Desktop-Version"] == "1.2.3"
    assert (got["From"], got["To"], got["Cc"], got["Reply-To"]) == (
        "crra-test@example.test", "support-test@example.test",
        "copie-test@example.test, arm-test@example.test", "arm-test@example.test")
    body = got.get_body(preferencelist=("plain",))
    assert body is not None and body.get_content() == "Fonctionnalité : Connexion\r\n"
    parts = list(got.iter_attachments())
    assert [p.get_filename() for p in parts] == ["écran 1.png", "prerequis.json"]
    assert parts[0].get_payload(decode=True) == shot
    assert parts[1].get_payload(decode=True) == b'{"firefox": "128.5.0esr"}'
    # The password is in the keyring only: not in any file the app wrote, nor the log.
    written = [p for p in isolated_home.rglob("*") if p.is_file()]
    assert any(p.name == "samu-desktop.log" for p in written)
    for path in written:
        assert PASSWORD.encode() not in path.read_bytes(), path


def test_implicit_tls(mail_server: Factory, pki: Pki, secret_service: str) -> None:
    server = mail_server(security="tls")
    settings = server.settings()
    store_password(settings)
    transport = transport_for(pki)(SmtpConfig.from_settings(settings))
    receipt = transport.send(b"Subject: t\r\n\r\nx\r\n", USER, ["a@example.test"])
    assert receipt.code == 250
    assert server.delivered[0].content == b"Subject: t\r\n\r\nx\r\n"


def test_internal_relay_without_auth(mail_server: Factory, pki: Pki) -> None:
    server = mail_server(auth=False)
    looked_up: list[str] = []
    transport = SmtpTransport(
        SmtpConfig.from_settings(server.settings()), ssl_context_factory=pki.client_context,
        password_lookup=lambda account: looked_up.append(account) or None)
    results = transport.test_connection()
    assert [r.status for r in results] == ["ok", "ok", "ok", "ok", "skipped"]
    transport.send(b"Subject: t\r\n\r\nx\r\n", "a@example.test", ["b@example.test"])
    assert looked_up == []  # no password asked for
    assert server.auth_log == [] and len(server.delivered) == 1


def test_plaintext_only_when_the_policy_allows(mail_server: Factory, pki: Pki) -> None:
    server = mail_server(security="none", auth=False)
    config = SmtpConfig.from_settings(server.settings())
    with pytest.raises(SendFailure) as info:
        SmtpTransport(config).send(b"x\r\n", "a@example.test", ["b@example.test"])
    assert info.value.kind is FailureKind.PLAINTEXT_FORBIDDEN
    assert "n'est pas autorisé par votre administrateur" in info.value.user_message
    assert server.delivered == []

    allowed = SmtpTransport(config, allow_plaintext=True)
    tls = next(r for r in allowed.test_connection() if r.step is Step.TLS)
    assert tls.status == "warning" and "en clair" in tls.message
    allowed.send(b"x\r\n", "a@example.test", ["b@example.test"])
    assert len(server.delivered) == 1


def test_connection_test_names_each_step(mail_server: Factory, pki: Pki,
                                         secret_service: str) -> None:
    server = mail_server()
    settings = server.settings()
    store_password(settings)
    seen: list[Step] = []
    results = transport_for(pki)(SmtpConfig.from_settings(settings)).test_connection(
        lambda r: seen.append(r.step))
    assert [r.step for r in results] == list(Step)
    assert [r.status for r in results] == ["ok"] * 5
    assert seen == [Step.DNS, Step.TCP, Step.SMTP, Step.TLS, Step.AUTH]  # STARTTLS order
    assert "TLSv1.3" in results[2].message
    assert server.delivered == []

    store_password(settings, "wrong-synthetic-password")
    results = transport_for(pki)(SmtpConfig.from_settings(settings)).test_connection()
    assert [r.status for r in results] == ["ok", "ok", "ok", "ok", "failed"]
    assert "refusé l'identifiant ou le mot de passe" in results[4].message


def test_connection_test_stops_at_dns(pki: Pki) -> None:
    config = SmtpConfig(host="smtp.samu-test.invalid", port=587, auth=False)
    results = SmtpTransport(config, ssl_context_factory=pki.client_context).test_connection()
    assert [r.status for r in results] == ["failed", "skipped", "skipped", "skipped", "skipped"]
    assert "« smtp.samu-test.invalid » est introuvable" in results[0].message


def test_no_password_in_the_keyring(mail_server: Factory, pki: Pki,
                                    secret_service: str) -> None:
    server = mail_server()
    settings = server.settings(smtp_username="nobody-test@example.test")
    credentials.delete_secret(SmtpConfig.from_settings(settings).account)
    with pytest.raises(SendFailure) as info:
        transport_for(pki)(SmtpConfig.from_settings(settings)).send(b"x\r\n", USER, [USER])
    assert info.value.kind is FailureKind.NO_PASSWORD
    assert "Aucun mot de passe SMTP" in info.value.user_message


@pytest.mark.skipif(sys.platform == "win32", reason="the Secret Service: Linux's keyring")
def test_keyring_unavailable_is_a_clear_message(
    mail_server: Factory, pki: Pki, monkeypatch: pytest.MonkeyPatch
) -> None:
    server = mail_server()
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/bus")
    with pytest.raises(SendFailure) as info:
        transport_for(pki)(SmtpConfig.from_settings(server.settings())).send(b"x\r\n", USER,
                                                                             [USER])
    assert info.value.kind is FailureKind.KEYRING
    assert "trousseau sécurisé" in info.value.user_message
    assert not info.value.temporary
