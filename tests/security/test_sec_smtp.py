"""Red team, SMTP: a relay that trickles its replies cannot hold a send for ever.

The per-read timeout alone let a relay that answers one byte at a time keep a
send with a 2 s timeout going for 24 s, and the one sender thread (with every
report behind it) waited. Each test starts a real server on loopback that
trickles: a raw socket server for the greeting, and aiosmtpd with STARTTLS and
AUTH whose reply to RCPT trickles once the client has logged in. The client's
per-read timeout never fires (a byte comes every 20 ms); only a deadline for
the whole session can end the wait.
"""

from __future__ import annotations

import asyncio
import socket
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP, AuthResult, LoginPassword

from samu_desktop.mail.failures import FailureKind, SendFailure
from samu_desktop.mail.transport import SmtpConfig, SmtpTransport, Step
from tests.mail.smtp_server import PASSWORD, USER, Pki, free_port, make_pki

BYTE_EVERY_S = 0.02
# Far longer than the session may last (3 × 1 s): only a cut ends it early.
TRICKLE_BYTES = 1500
TIMEOUT_S = 1.0


@pytest.fixture(scope="module")
def pki(tmp_path_factory: pytest.TempPathFactory) -> Pki:
    return make_pki(tmp_path_factory.mktemp("pki"))


# -- a raw greeting that never ends ----------------------------------------------
class TrickleGreeting:
    """Accepts connections and sends "220-" lines one byte at a time, then closes."""

    def __init__(self) -> None:
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = int(self.listener.getsockname()[1])
        self.sent = 0
        self.client_left_early = threading.Event()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def _serve(self) -> None:
        self.listener.settimeout(0.2)
        while not self._stop.is_set():
            try:
                conn, _ = self.listener.accept()
            except TimeoutError:
                continue
            with conn:
                data = b"220-relay busy, please wait\r\n" * (TRICKLE_BYTES // 29 + 1)
                for byte in data[:TRICKLE_BYTES]:
                    if self._stop.wait(BYTE_EVERY_S):
                        return
                    try:
                        conn.sendall(bytes([byte]))
                    except OSError:
                        self.client_left_early.set()
                        break
                    self.sent += 1

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(10)
        self.listener.close()


@pytest.fixture
def greeting() -> Iterator[TrickleGreeting]:
    server = TrickleGreeting()
    yield server
    server.stop()


def test_a_greeting_trickled_byte_by_byte_ends_at_the_session_deadline(
    greeting: TrickleGreeting,
) -> None:
    config = SmtpConfig(host="127.0.0.1", port=greeting.port, security="none", auth=False,
                        timeout_s=TIMEOUT_S)
    results = SmtpTransport(config, allow_plaintext=True).test_connection()
    smtp = next(r for r in results if r.step is Step.SMTP)
    assert smtp.status == "failed"
    assert "ne répond pas" in smtp.message  # the TIMEOUT sentence, not "disconnected"
    assert greeting.client_left_early.wait(10)
    assert greeting.sent < TRICKLE_BYTES


# -- aiosmtpd, STARTTLS + AUTH, a trickled reply to RCPT ------------------------------
class _TrickleSMTP(SMTP):  # type: ignore[misc]
    """Replies trickle once the client is authenticated (inside TLS)."""

    def __init__(self, owner: TrickleRelay, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._owner = owner

    async def push(self, status: Any) -> None:
        if not (self.session is not None and self.session.authenticated
                and str(status).startswith("250") and self.envelope.mail_from
                and not self._owner.trickled):
            await super().push(status)
            return
        self._owner.trickled = True
        data = (b"250-still checking the recipient\r\n" * (TRICKLE_BYTES // 34 + 1))
        try:
            for byte in data[:TRICKLE_BYTES]:
                if self.transport is None or self.transport.is_closing():
                    raise ConnectionError
                self._writer.write(bytes([byte]))
                await self._writer.drain()
                await asyncio.sleep(BYTE_EVERY_S)
        except (ConnectionError, asyncio.CancelledError):
            # aiosmtpd cancels the session's task when the client hangs up.
            self._owner.client_left_early.set()
            raise
        await super().push(status)


class _Handler:
    def __init__(self, owner: TrickleRelay) -> None:
        self.owner = owner

    async def handle_DATA(self, smtp: SMTP, session: Any, envelope: Any) -> str:
        self.owner.delivered.append(envelope.original_content)
        return "250 2.0.0 Ok: queued"


class TrickleRelay(Controller):  # type: ignore[misc]
    def __init__(self, pki: Pki) -> None:
        self.pki = pki
        self.delivered: list[bytes] = []
        self.trickled = False
        self.client_left_early = threading.Event()
        super().__init__(_Handler(self), hostname="127.0.0.1", port=free_port(),
                         tls_context=pki.server_context(), require_starttls=True,
                         authenticator=self._authenticate, auth_required=True,
                         auth_require_tls=True)

    def factory(self) -> SMTP:
        return _TrickleSMTP(self, self.handler, **self.SMTP_kwargs)

    @staticmethod
    def _authenticate(server: SMTP, session: Any, envelope: Any, mechanism: str,
                      auth_data: Any) -> AuthResult:
        ok = isinstance(auth_data, LoginPassword) and auth_data.login.decode() == USER \
            and auth_data.password.decode() == PASSWORD
        return AuthResult(success=ok, handled=False)


@pytest.fixture
def relay(pki: Pki) -> Iterator[TrickleRelay]:
    server = TrickleRelay(pki)
    server.start()
    yield server
    server.stop()


def test_a_send_whose_rcpt_reply_trickles_fails_as_timeout_and_delivers_nothing(
    relay: TrickleRelay, pki: Pki, isolated_home: Path
) -> None:
    config = SmtpConfig(host="127.0.0.1", port=relay.port, security="starttls", auth=True,
                        username=USER, timeout_s=TIMEOUT_S)
    transport = SmtpTransport(config, password_lookup=lambda _account: PASSWORD,
                              ssl_context_factory=pki.client_context)
    message = (b"From: crra-test@example.test\r\nTo: support@example.test\r\n"
               b"Subject: test\r\n\r\nbody\r\n")
    with pytest.raises(SendFailure) as caught:
        transport.send(message, "crra-test@example.test", ["support@example.test"])
    assert caught.value.kind is FailureKind.TIMEOUT
    assert caught.value.temporary  # the outbox will try again by itself
    assert not caught.value.after_data
    assert relay.trickled
    assert relay.client_left_early.wait(10)
    assert relay.delivered == []
