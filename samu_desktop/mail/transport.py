"""SMTP, one named step at a time: DNS, TCP, TLS, SMTP, authentication.

The steps are done by hand (not by ``smtplib.SMTP(host)``) so that a failure
says exactly where it happened, both for "Tester la connexion" and for a real
send. Certificates are always verified: in production against the operating
system's trust store (truststore); tests pass their own CA through
``ssl_context_factory``. Plain-text SMTP is refused unless the administrator's
policy allows it, and even then it is reported as a warning.
"""

from __future__ import annotations

import contextlib
import enum
import logging
import re
import smtplib
import socket
import ssl
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Literal

import truststore

from samu_desktop.config import credentials
from samu_desktop.config.settings import Settings, SmtpSecurity
from samu_desktop.i18n import translate
from samu_desktop.mail.failures import FailureKind, SendFailure, clean_reply, kind_for_reply

log = logging.getLogger(__name__)

DEFAULT_TIMEOUT_S = 30.0
# The whole session (DNS to the server's last reply) gets a deadline too: the
# per-read timeout alone lets a relay that trickles its replies a byte at a
# time hold the one sender thread (and every report behind it) for ever. A
# healthy session is a handful of round trips plus the upload of the message.
SESSION_ROUND_TRIPS = 3
# The slowest upload still considered alive (a loaded 1 Mbit/s line is 4× this).
MIN_UPLOAD_BYTES_PER_S = 32 * 1024


def session_limit_s(timeout_s: float, size: int = 0) -> float:
    """The longest a whole SMTP session may last, for a message of ``size`` bytes."""
    return timeout_s * SESSION_ROUND_TRIPS + size / MIN_UPLOAD_BYTES_PER_S


class _SessionDeadline:
    """Cuts the connection when the session's time is up, whatever it is waiting for.

    A timer shuts down a duplicate of the TCP socket: shutting down one
    descriptor ends the connection for all of them, so a read or write blocked
    inside smtplib, TLS included (which replaces the socket object), returns at
    once, and ``expired`` tells the failure apart from a real disconnection.
    """

    def __init__(self, seconds: float) -> None:
        self.expires = time.monotonic() + seconds
        self.expired = False
        self._lock = threading.Lock()
        self._watched: socket.socket | None = None
        self._released = threading.Event()
        self._timer: threading.Thread | None = None

    def remaining(self) -> float:
        return max(0.0, self.expires - time.monotonic())

    def watch(self, sock: socket.socket) -> None:
        with self._lock:
            self._watched = sock.dup()
        # A plain daemon thread, not threading.Timer: a Timer asks which thread
        # creates it, which registers a placeholder for a Qt pool thread.
        self._timer = threading.Thread(target=self._wait, name="smtp-deadline", daemon=True)
        self._timer.start()

    def _wait(self) -> None:
        if not self._released.wait(self.remaining()):
            self._cut()

    def _cut(self) -> None:
        with self._lock:
            if self._watched is None:
                return
            self.expired = True
            with contextlib.suppress(OSError):  # already closed by the other side
                self._watched.shutdown(socket.SHUT_RDWR)
        log.info("smtp session deadline reached: connection cut")

    def release(self) -> None:
        self._released.set()
        with self._lock:
            watched, self._watched = self._watched, None
        if watched is not None:
            watched.close()


class Step(enum.StrEnum):
    DNS = "dns"
    TCP = "tcp"
    TLS = "tls"
    SMTP = "smtp"
    AUTH = "auth"


def step_label(step: Step) -> str:
    labels = {
        Step.DNS: translate("mail", "Nom du serveur (DNS)"),
        Step.TCP: translate("mail", "Connexion réseau (TCP)"),
        Step.TLS: translate("mail", "Chiffrement (TLS)"),
        Step.SMTP: translate("mail", "Dialogue avec le serveur (SMTP)"),
        Step.AUTH: translate("mail", "Authentification"),
    }
    return labels[step]


StepStatus = Literal["ok", "failed", "warning", "skipped"]


@dataclass(frozen=True)
class StepResult:
    step: Step
    status: StepStatus
    message: str
    # Why a failed step failed: lets "Tester" word it for a test, not for a send.
    kind: FailureKind | None = None

    @property
    def label(self) -> str:
        return step_label(self.step)


@dataclass(frozen=True)
class Receipt:
    """The server's final answer to a message it accepted."""

    code: int
    reply: str


def smtp_account(username: str, host: str) -> str:
    """The keyring account that holds the SMTP password."""
    return f"smtp:{username.strip()}@{host.strip().lower()}"


@dataclass(frozen=True)
class SmtpConfig:
    host: str
    port: int
    security: SmtpSecurity = "starttls"
    auth: bool = True
    username: str = ""
    timeout_s: float = DEFAULT_TIMEOUT_S

    @classmethod
    def from_settings(cls, settings: Settings) -> SmtpConfig:
        return cls(
            host=settings.smtp_host.strip(),
            port=settings.smtp_port,
            security=settings.smtp_security,
            auth=settings.smtp_auth,
            username=settings.smtp_username.strip(),
            timeout_s=settings.smtp_timeout_s,
        )

    @property
    def account(self) -> str:
        return smtp_account(self.username, self.host)


def default_ssl_context() -> ssl.SSLContext:
    """Verification against the OS trust store, TLS 1.2 at least."""
    context = truststore.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    context.minimum_version = ssl.TLSVersion.TLSv1_2
    return context


PasswordLookup = Callable[[str], str | None]
_AddrInfo = tuple[socket.AddressFamily, socket.SocketKind, int, str, tuple[object, ...]]
Reporter = Callable[[StepResult], None]


class _Client(smtplib.SMTP):
    """smtplib on a socket we connected (and maybe wrapped) ourselves."""

    def __init__(self, sock: socket.socket, host: str, port: int, timeout: float) -> None:
        self._ready = sock
        name = sock.getsockname()[0]
        # An address literal for EHLO: the machine's name can be slow to find
        # when DNS is down, and need not be told.
        literal = f"[IPv6:{name}]" if ":" in name else f"[{name}]"
        super().__init__(host, port, local_hostname=literal, timeout=timeout)

    def _get_socket(self, host: str, port: int, timeout: float) -> socket.socket:
        return self._ready


def _quote_periods(data: bytes) -> bytes:
    data = re.sub(rb"(?m)^\.", b"..", data)
    if not data.endswith(b"\r\n"):
        data += b"\r\n"
    return data + b".\r\n"


class SmtpTransport:
    def __init__(
        self,
        config: SmtpConfig,
        *,
        allow_plaintext: bool = False,
        password_lookup: PasswordLookup | None = None,
        ssl_context_factory: Callable[[], ssl.SSLContext] = default_ssl_context,
    ) -> None:
        self.config = config
        self.allow_plaintext = allow_plaintext
        self._password_lookup = password_lookup or credentials.get_secret
        self._ssl_context_factory = ssl_context_factory

    # -- public -----------------------------------------------------------
    def test_connection(self, report: Reporter | None = None) -> list[StepResult]:
        """Go through every step, then QUIT; one result per step, in order."""
        results: dict[Step, StepResult] = {}

        def record(result: StepResult) -> None:
            results[result.step] = result
            if report is not None:
                report(result)

        deadline = _SessionDeadline(session_limit_s(self.config.timeout_s))
        try:
            client = self._open(record, deadline)
        except SendFailure:
            pass
        else:
            self._quit(client)
        finally:
            deadline.release()
        for step in Step:
            if step not in results:
                record(StepResult(step, "skipped", translate("mail", "Étape non atteinte.")))
        return [results[step] for step in Step]

    def send(
        self,
        data: bytes,
        sender: str,
        recipients: Sequence[str],
        before_data: Callable[[], None] | None = None,
        on_accepted: Callable[[Receipt], None] | None = None,
    ) -> Receipt:
        """Send one message; raises :class:`SendFailure` with the step and the reason.

        ``before_data`` runs once the envelope is accepted, just before the
        message itself goes out; ``on_accepted`` runs the moment the server
        accepts it, before QUIT. The outbox records both moments durably.
        The whole session must end within :func:`session_limit_s`.
        """
        deadline = _SessionDeadline(session_limit_s(self.config.timeout_s, len(data)))
        try:
            return self._send(deadline, data, sender, recipients, before_data, on_accepted)
        finally:
            deadline.release()

    def _send(
        self,
        deadline: _SessionDeadline,
        data: bytes,
        sender: str,
        recipients: Sequence[str],
        before_data: Callable[[], None] | None,
        on_accepted: Callable[[Receipt], None] | None,
    ) -> Receipt:
        client = self._open(None, deadline)
        host = self.config.host
        sent_whole = False
        try:
            options = [f"SIZE={len(data)}"] if client.has_extn("size") else []
            code, reply = client.mail(sender, options)
            if code != 250:
                raise SendFailure(kind_for_reply(code), host=host, code=code,
                                  reply=clean_reply(reply), details=f"MAIL {code}")
            for rcpt in recipients:
                code, reply = client.rcpt(rcpt)
                if code not in (250, 251):
                    raise SendFailure(kind_for_reply(code), host=host, code=code,
                                      reply=clean_reply(reply), details=f"RCPT {code}")
            if before_data is not None:
                before_data()
            code, reply = client.docmd("DATA")
            if code != 354:
                raise SendFailure(kind_for_reply(code), host=host, code=code,
                                  reply=clean_reply(reply), details=f"DATA {code}")
            client.send(_quote_periods(data))
            sent_whole = True
            code, reply = client.getreply()
            if code != 250:
                raise SendFailure(kind_for_reply(code), host=host, code=code,
                                  reply=clean_reply(reply), details=f"end of DATA {code}")
        except SendFailure as failure:
            client.close()
            if deadline.expired:
                raise self._failure(failure, Step.SMTP, sent_whole, deadline) from failure
            raise
        except Exception as exc:
            client.close()
            raise self._failure(exc, Step.SMTP, sent_whole, deadline) from exc
        receipt = Receipt(code, clean_reply(reply))
        if on_accepted is not None:
            on_accepted(receipt)
        self._quit(client)  # the message is accepted whatever QUIT gives
        return receipt

    # -- the steps --------------------------------------------------------
    def _open(self, report: Reporter | None, deadline: _SessionDeadline) -> _Client:
        cfg = self.config

        def emit(step: Step, status: StepStatus, message: str,
                 kind: FailureKind | None = None) -> None:
            if report is not None:
                report(StepResult(step, status, message, kind))

        def fail(step: Step, failure: SendFailure) -> SendFailure:
            emit(step, "failed", failure.user_message, failure.kind)
            log.info("smtp step %s failed: %s", step, failure.kind)
            return failure

        if not cfg.host:
            raise fail(Step.DNS, SendFailure(FailureKind.NOT_CONFIGURED))
        if cfg.security == "none" and not self.allow_plaintext:
            raise fail(Step.TLS, SendFailure(FailureKind.PLAINTEXT_FORBIDDEN, host=cfg.host))

        try:
            infos = socket.getaddrinfo(cfg.host, cfg.port, type=socket.SOCK_STREAM)
        except (socket.gaierror, UnicodeError) as exc:
            raise fail(Step.DNS, self._failure(exc, Step.DNS)) from exc
        if deadline.remaining() <= 0:  # the name took the whole session's time
            raise fail(Step.DNS, self._failure(TimeoutError(), Step.DNS))
        addresses = sorted({str(info[4][0]) for info in infos})
        emit(Step.DNS, "ok", translate("mail", "« {host} » correspond à {addresses}.").format(
            host=cfg.host, addresses=", ".join(addresses)))

        sock = self._tcp(infos, fail, deadline)
        deadline.watch(sock)
        emit(Step.TCP, "ok", translate("mail", "Connecté à {address}, port {port}.").format(
            address=sock.getpeername()[0], port=cfg.port))

        if cfg.security == "tls":
            sock = self._wrap(sock, fail, deadline)
            emit(Step.TLS, "ok", self._tls_text(sock))
        client: _Client | None = None
        try:
            client = _Client(sock, cfg.host, cfg.port, cfg.timeout_s)
            code, reply = client.ehlo()
            if code != 250:
                raise smtplib.SMTPHeloError(code, reply)
        except Exception as exc:
            if client is not None:
                client.close()  # also closes the file smtplib reads replies from
            sock.close()
            raise fail(Step.SMTP, self._failure(exc, Step.SMTP, deadline=deadline)) from exc
        emit(Step.SMTP, "ok", translate("mail", "Le serveur « {name} » répond.").format(
            name=clean_reply(client.ehlo_resp or b"", 120).split(" ")[0] or cfg.host))

        if cfg.security == "starttls":
            try:
                code, reply = client.starttls(context=self._ssl_context_factory())
                client.ehlo()
            except Exception as exc:
                client.close()
                raise fail(Step.TLS, self._failure(exc, Step.TLS, deadline=deadline)) from exc
            assert client.sock is not None
            emit(Step.TLS, "ok", self._tls_text(client.sock))
        elif cfg.security == "none":
            log.warning("smtp without encryption (allowed by the administrator's policy)")
            emit(Step.TLS, "warning", translate(
                "mail",
                "Connexion non chiffrée, autorisée par votre administrateur : le mot de passe "
                "et le signalement circulent en clair sur le réseau."))

        if not cfg.auth:
            emit(Step.AUTH, "skipped", translate(
                "mail", "Pas d'authentification : le serveur est un relais interne."))
            return client
        try:
            password = self._password_lookup(cfg.account)
        except credentials.CredentialsUnavailable as exc:
            client.close()
            raise fail(Step.AUTH, SendFailure(FailureKind.KEYRING, host=cfg.host,
                                              details=exc.details)) from exc
        if not password:
            client.close()
            raise fail(Step.AUTH, SendFailure(FailureKind.NO_PASSWORD, host=cfg.host))
        try:
            client.login(cfg.username, password)
        except Exception as exc:
            client.close()
            raise fail(Step.AUTH, self._failure(exc, Step.AUTH, deadline=deadline)) from exc
        finally:
            del password
        emit(Step.AUTH, "ok", translate("mail", "Identifiant « {user} » accepté.").format(
            user=cfg.username))
        return client

    def _tcp(
        self,
        infos: Sequence[_AddrInfo],
        fail: Callable[[Step, SendFailure], SendFailure],
        deadline: _SessionDeadline,
    ) -> socket.socket:
        last: OSError | None = None
        for family, kind, proto, _, address in infos:
            sock = socket.socket(family, kind, proto)
            sock.settimeout(max(0.001, min(self.config.timeout_s, deadline.remaining())))
            try:
                sock.connect(address)
                sock.settimeout(self.config.timeout_s)
                return sock
            except OSError as exc:
                sock.close()
                last = exc
        assert last is not None
        raise fail(Step.TCP, self._failure(last, Step.TCP)) from last

    def _wrap(
        self,
        sock: socket.socket,
        fail: Callable[[Step, SendFailure], SendFailure],
        deadline: _SessionDeadline,
    ) -> ssl.SSLSocket:
        try:
            return self._ssl_context_factory().wrap_socket(sock, server_hostname=self.config.host)
        except Exception as exc:
            sock.close()
            raise fail(Step.TLS, self._failure(exc, Step.TLS, deadline=deadline)) from exc

    @staticmethod
    def _tls_text(sock: socket.socket) -> str:
        version = sock.version() if isinstance(sock, ssl.SSLSocket) else None
        return translate("mail", "Connexion chiffrée ({version}), certificat vérifié.").format(
            version=version or "TLS")

    @staticmethod
    def _quit(client: smtplib.SMTP) -> None:
        try:
            client.quit()
        except (smtplib.SMTPException, OSError):
            client.close()

    def _failure(
        self,
        exc: BaseException,
        step: Step,
        after_data: bool = False,
        deadline: _SessionDeadline | None = None,
    ) -> SendFailure:
        host = self.config.host
        details = f"{step}: {type(exc).__name__}: {str(exc)[:200]}"

        def make(kind: FailureKind, code: int | None = None, reply: str = "") -> SendFailure:
            return SendFailure(kind, host=host, code=code, reply=reply, details=details,
                               after_data=after_data)

        if deadline is not None and deadline.expired:
            # Whatever the cut connection looked like from inside, time ran out.
            return make(FailureKind.TIMEOUT)
        if isinstance(exc, SendFailure):
            return exc
        if isinstance(exc, socket.gaierror | UnicodeError):
            return make(FailureKind.DNS)
        if isinstance(exc, smtplib.SMTPNotSupportedError) or (
            type(exc) is smtplib.SMTPException and step is Step.AUTH
        ):
            return make(FailureKind.NO_STARTTLS if step is Step.TLS
                        else FailureKind.AUTH_UNSUPPORTED)
        if isinstance(exc, smtplib.SMTPServerDisconnected):
            # smtplib reports a read timeout as a disconnection; the cause tells.
            if isinstance(exc.__context__, TimeoutError):
                return make(FailureKind.TIMEOUT)
            return make(FailureKind.DISCONNECTED)
        if isinstance(exc, smtplib.SMTPResponseException):
            code, reply = exc.smtp_code, clean_reply(exc.smtp_error)
            if step is Step.AUTH and code >= 500:
                return make(FailureKind.AUTH_REFUSED, code, reply)
            if step is Step.TLS and code >= 500:
                return make(FailureKind.NO_STARTTLS, code, reply)
            return make(kind_for_reply(code), code, reply)
        if isinstance(exc, ssl.SSLCertVerificationError):
            return make(FailureKind.CERTIFICATE)
        if isinstance(exc, TimeoutError):
            return make(FailureKind.TIMEOUT)
        if isinstance(exc, ssl.SSLError):
            return make(FailureKind.TLS_HANDSHAKE if step is Step.TLS
                        else FailureKind.DISCONNECTED)
        if isinstance(exc, ConnectionRefusedError):
            return make(FailureKind.REFUSED)
        if isinstance(exc, ConnectionError | EOFError):
            if step is Step.TLS:
                return make(FailureKind.TLS_HANDSHAKE)
            return make(FailureKind.DISCONNECTED)
        if isinstance(exc, OSError):
            return make(FailureKind.NETWORK)
        return make(FailureKind.UNEXPECTED)
