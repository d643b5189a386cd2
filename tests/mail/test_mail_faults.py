"""The fault matrix: each failure a centre can meet, against a real (faulty) aiosmtpd.

For each: the French sentence the user sees, the report still whole in the
outbox, no retry before its time (temporary) or before the user asks
(permanent), and once the server recovers, exactly one delivery. The clock
of the retry schedule is injected (FakeClock); everything else is real:
sockets, TLS with a test CA, the keyring (``secret_service``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from samu_desktop.config.settings import Settings
from samu_desktop.mail.compose import build_message
from samu_desktop.mail.failures import FailureKind
from samu_desktop.mail.outbox import EntryState, Outbox, RetryOutcome, status_text
from samu_desktop.mail.resend import mark_as_resend
from samu_desktop.mail.sender import Backoff, OutboxSender
from tests.mail.smtp_server import MailServer, Pki
from tests.mail.test_mail_transport import store_password, transport_for

Factory = Callable[..., MailServer]


class FakeClock:
    def __init__(self) -> None:
        self.value = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)

    def now(self) -> datetime:
        return self.value

    def advance(self, delta: timedelta) -> None:
        self.value += delta


@dataclass
class Case:
    kind: FailureKind
    phrase: str
    reply: str = ""


CASES = {
    "refused": Case(FailureKind.REFUSED, "refuse la connexion"),
    "dns": Case(FailureKind.DNS, "« smtp.samu-test.invalid » est introuvable"),
    "tls_garbage": Case(FailureKind.TLS_HANDSHAKE, "La connexion chiffrée avec le serveur"),
    "untrusted_cert": Case(FailureKind.CERTIFICATE, "n'est pas reconnu comme sûr"),
    "auth": Case(FailureKind.AUTH_REFUSED, "a refusé l'identifiant ou le mot de passe"),
    "421": Case(FailureKind.TEMPORARY, "momentanément indisponible (code 421)",
                "Service not available"),
    "451": Case(FailureKind.TEMPORARY, "momentanément indisponible (code 451)",
                "Temporary local problem"),
    "552": Case(FailureKind.TOO_LARGE, "trop volumineux (code 552)",
                "Message size exceeds fixed maximum"),
    "554": Case(FailureKind.REJECTED, "a refusé ce message (code 554)",
                "Message rejected by policy"),
    "drop_in_data": Case(FailureKind.DISCONNECTED, "a été coupée pendant l'envoi"),
    "silent": Case(FailureKind.TIMEOUT, "ne répond pas"),
}


@pytest.mark.parametrize("fault", list(CASES))
def test_fault_then_recovery_delivers_once(
    fault: str, mail_server: Factory, pki: Pki, secret_service: str, tmp_path: Path
) -> None:
    case = CASES[fault]
    server = mail_server(start=fault != "refused")
    good = server.settings(smtp_timeout_s=0.5 if fault == "silent" else 5.0)
    store_password(good)
    current: dict[str, Settings] = {"settings": good}
    if fault == "dns":
        current["settings"] = good.model_copy(update={"smtp_host": "smtp.samu-test.invalid"})
    elif fault == "auth":
        store_password(good, "wrong-synthetic-password")
    elif fault != "refused":
        server.fault = fault

    outbox = Outbox(tmp_path / "outbox")
    record = outbox.add(build_message(good, "Incident test", "texte", "<p>html</p>", [], "1"))
    stored = outbox.message_bytes(record.id)
    clock = FakeClock()
    sender = OutboxSender(outbox, lambda: current["settings"], transport_for(pki),
                          clock=clock, backoff=Backoff(base_s=30, cap_s=1800))

    (failed,) = sender.run_once()

    assert failed.error is not None and failed.error.kind is case.kind
    shown = status_text(failed)
    assert case.phrase in shown
    if case.reply:
        assert "Réponse du serveur : « " in shown and case.reply in shown
    temporary = failed.error.temporary
    assert failed.state is (EntryState.WAITING if temporary else EntryState.NEEDS_ACTION)
    assert outbox.message_bytes(record.id) == stored  # still whole in the outbox
    assert outbox.load(record.id) == failed  # and its state is on disk
    assert server.delivered == []

    # Recovery.
    if fault == "refused":
        server.start()
    elif fault == "dns":
        current["settings"] = good
    elif fault == "auth":
        store_password(good)
    else:
        server.fault = None

    if temporary:
        assert failed.next_attempt_at == clock.now() + timedelta(seconds=30)
        assert sender.run_once() == []  # not before its time
        clock.advance(timedelta(seconds=30))
    else:
        assert sender.run_once() == []  # waits for the user
        assert outbox.retry(record.id) is RetryOutcome.QUEUED

    (sent,) = sender.run_once()
    assert sent.state is EntryState.SENT, status_text(sent)
    assert sent.attempts == 2
    # A resend after an uncertain delivery is the same message (same Message-ID,
    # subject and reference), marked X-SAMU-Resend with a line in its bodies.
    expected = mark_as_resend(stored) if sent.maybe_delivered else stored
    assert sent.maybe_delivered is (fault == "drop_in_data")
    assert [d.content for d in server.delivered] == [expected]
    clock.advance(timedelta(days=1))
    assert sender.run_once() == []
    assert sender.run_once(force=True) == []
    assert len(server.delivered) == 1


def test_backoff_grows_and_is_capped(mail_server: Factory, pki: Pki, tmp_path: Path) -> None:
    server = mail_server(start=False, auth=False)  # nothing listens: refused each time
    outbox = Outbox(tmp_path / "outbox")
    settings = server.settings()
    outbox.add(build_message(settings, "s", "t", "h", [], "1"))
    clock = FakeClock()
    sender = OutboxSender(outbox, lambda: settings, transport_for(pki), clock=clock,
                          backoff=Backoff(base_s=30, cap_s=200))
    delays = []
    for _ in range(5):
        (record,) = sender.run_once(force=True)
        assert record.next_attempt_at is not None
        delays.append((record.next_attempt_at - clock.now()).total_seconds())
    assert delays == [30, 60, 120, 200, 200]
    assert record.attempts == 5 and record.state is EntryState.WAITING
