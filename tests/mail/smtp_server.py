"""A real SMTP server for tests and benchmarks: aiosmtpd with a test CA, and faults.

:func:`make_pki` makes a CA and a certificate for 127.0.0.1/localhost signed
by it, plus a rogue CA with its own certificate (the "untrusted" case).
:class:`MailServer` is a real aiosmtpd on 127.0.0.1 with STARTTLS (or
implicit TLS) and AUTH PLAIN/LOGIN, whose ``fault`` attribute can be changed
while it runs to inject one failure, then set back to ``None`` for the
server to "recover".
"""

from __future__ import annotations

import asyncio
import datetime as dt
import ipaddress
import socket
import ssl
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP, AuthResult, LoginPassword
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from samu_desktop.config.settings import Settings

USER = "crra-test@example.test"
# Obviously synthetic, and distinctive enough to be searched for in files.
PASSWORD = "Synthetic-Pw-7f3a9c-NOT-REAL"


# -- certificates --------------------------------------------------------------
def _name(common: str) -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, common)])


def _cert(subject: str, key: ec.EllipticCurvePrivateKey, issuer: str,
          issuer_key: ec.EllipticCurvePrivateKey, ca: bool) -> x509.Certificate:
    now = dt.datetime.now(dt.UTC)
    builder = (
        x509.CertificateBuilder()
        .subject_name(_name(subject))
        .issuer_name(_name(issuer))
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=30))
        .add_extension(x509.BasicConstraints(ca=ca, path_length=None), critical=True)
    )
    if ca:
        builder = builder.add_extension(
            x509.KeyUsage(digital_signature=True, key_cert_sign=True, crl_sign=True,
                          content_commitment=False, key_encipherment=False,
                          data_encipherment=False, key_agreement=False,
                          encipher_only=False, decipher_only=False), critical=True)
    else:
        builder = builder.add_extension(
            x509.SubjectAlternativeName([
                x509.DNSName("localhost"),
                x509.IPAddress(ipaddress.ip_address("127.0.0.1")),
            ]), critical=False)
    return builder.sign(issuer_key, hashes.SHA256())


def _pem(cert: x509.Certificate) -> bytes:
    return cert.public_bytes(serialization.Encoding.PEM)


def _key_pem(key: ec.EllipticCurvePrivateKey) -> bytes:
    return key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                             serialization.NoEncryption())


@dataclass(frozen=True)
class Pki:
    ca_file: Path
    server_cert: Path
    server_key: Path
    rogue_cert: Path
    rogue_key: Path

    def client_context(self) -> ssl.SSLContext:
        """What production does with the OS store, but trusting only the test CA."""
        context = ssl.create_default_context(cafile=str(self.ca_file))
        context.minimum_version = ssl.TLSVersion.TLSv1_2
        return context

    def server_context(self, rogue: bool = False) -> ssl.SSLContext:
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        if rogue:
            context.load_cert_chain(self.rogue_cert, self.rogue_key)
        else:
            context.load_cert_chain(self.server_cert, self.server_key)
        return context


def make_pki(folder: Path) -> Pki:
    """A test CA with a certificate for 127.0.0.1/localhost, and a rogue pair."""
    files: dict[str, bytes] = {}
    for prefix in ("", "rogue-"):
        ca_key = ec.generate_private_key(ec.SECP256R1())
        ca = _cert(f"{prefix}Test CA", ca_key, f"{prefix}Test CA", ca_key, ca=True)
        key = ec.generate_private_key(ec.SECP256R1())
        cert = _cert("localhost", key, f"{prefix}Test CA", ca_key, ca=False)
        files[f"{prefix}ca.pem"] = _pem(ca)
        files[f"{prefix}server.pem"] = _pem(cert) + _pem(ca)
        files[f"{prefix}server.key"] = _key_pem(key)
    for name, data in files.items():
        (folder / name).write_bytes(data)
    return Pki(folder / "ca.pem", folder / "server.pem", folder / "server.key",
               folder / "rogue-server.pem", folder / "rogue-server.key")


# -- the server ------------------------------------------------------------------
@dataclass(frozen=True)
class Delivery:
    mail_from: str
    rcpt_tos: list[str]
    content: bytes


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class _Handler:
    def __init__(self, server: MailServer) -> None:
        self.server = server

    async def handle_MAIL(self, smtp: SMTP, session: Any, envelope: Any, address: str,
                          options: list[str]) -> str:
        if self.server.fault == "silent":
            # Stops answering: the client's timeout ends the wait (and this task).
            self.server.holding.set()
            await asyncio.sleep(3600)
        if self.server.fault == "421":
            return "421 4.3.2 Service not available, closing transmission channel"
        envelope.mail_from = address
        envelope.mail_options.extend(options)
        return "250 OK"

    async def handle_DATA(self, smtp: SMTP, session: Any, envelope: Any) -> str:
        fault = self.server.fault
        if fault == "hold":
            # A slow server: the message is in, the answer never comes before the
            # client dies; then this task is cancelled and nothing is delivered.
            self.server.holding.set()
            await asyncio.sleep(3600)
        replies = {
            "451": "451 4.3.0 Temporary local problem, try again later",
            "552": "552 5.3.4 Message size exceeds fixed maximum message size",
            "554": "554 5.7.1 Message rejected by policy",
        }
        if fault in replies:
            return replies[fault]
        self.server.delivered.append(
            Delivery(envelope.mail_from, list(envelope.rcpt_tos), envelope.original_content))
        return f"250 2.0.0 Ok: queued as TEST{len(self.server.delivered):04d}"


class _FaultySMTP(SMTP):  # type: ignore[misc]
    def __init__(self, server: MailServer, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._server = server

    async def smtp_STARTTLS(self, arg: str) -> None:
        if self._server.fault != "tls_garbage":
            await super().smtp_STARTTLS(arg)
            return
        await self.push("220 Ready to start TLS")
        self.transport.write(b"this is not a TLS handshake\r\n" * 20)
        self.transport.close()

    async def smtp_DATA(self, arg: str) -> None:
        if self._server.fault != "drop_in_data":
            await super().smtp_DATA(arg)
            return
        if not self.envelope.rcpt_tos:
            await super().smtp_DATA(arg)
            return
        await self.push("354 End data with <CR><LF>.<CR><LF>")
        await self._reader.readuntil(b"\r\n")  # the first line of the message …
        self.transport.abort()  # … then the connection drops


class _Controller(Controller):  # type: ignore[misc]
    def __init__(self, server: MailServer, **kwargs: Any) -> None:
        super().__init__(_Handler(server), hostname="127.0.0.1", port=server.port, **kwargs)
        self._server = server

    def factory(self) -> SMTP:
        kwargs = dict(self.SMTP_kwargs)
        if "tls_context" in kwargs:
            kwargs["tls_context"] = self._server.pki.server_context(
                rogue=self._server.fault == "untrusted_cert")
        return _FaultySMTP(self._server, self.handler, **kwargs)


@dataclass
class MailServer:
    pki: Pki
    security: str = "starttls"  # starttls | tls | none
    auth: bool = True
    mechanisms: tuple[str, ...] = ("PLAIN", "LOGIN")
    users: dict[str, str] = field(default_factory=lambda: {USER: PASSWORD})
    port: int = field(default_factory=free_port)
    fault: str | None = None
    delivered: list[Delivery] = field(default_factory=list)
    auth_log: list[tuple[str, str]] = field(default_factory=list)  # (mechanism, login)
    holding: threading.Event = field(default_factory=threading.Event)
    _controller: _Controller | None = None

    def start(self) -> MailServer:
        kwargs: dict[str, Any] = {}
        if self.security == "starttls":
            kwargs.update(tls_context=self.pki.server_context(), require_starttls=True)
        elif self.security == "tls":
            kwargs.update(ssl_context=self.pki.server_context())
        if self.auth:
            excluded = [m for m in ("PLAIN", "LOGIN") if m not in self.mechanisms]
            # aiosmtpd only knows STARTTLS as "TLS": with implicit TLS it must not insist.
            require_tls = self.security == "starttls"
            kwargs.update(authenticator=self._authenticate, auth_required=require_tls,
                          auth_require_tls=require_tls, auth_exclude_mechanism=excluded)
        self._controller = _Controller(self, **kwargs)
        self._controller.start()
        return self

    def stop(self) -> None:
        if self._controller is not None:
            self._controller.stop()
            self._controller = None

    def _authenticate(self, server: SMTP, session: Any, envelope: Any, mechanism: str,
                      auth_data: Any) -> AuthResult:
        ok = False
        if isinstance(auth_data, LoginPassword):
            login = auth_data.login.decode()
            self.auth_log.append((mechanism, login))
            ok = self.users.get(login) == auth_data.password.decode()
        return AuthResult(success=ok, handled=False)

    def settings(self, **overrides: Any) -> Settings:
        values: dict[str, Any] = dict(
            smtp_host="127.0.0.1", smtp_port=self.port, smtp_security=self.security,
            smtp_auth=self.auth, smtp_username=USER if self.auth else "",
            sender_address="crra-test@example.test", smtp_timeout_s=5.0,
        )
        values.update(overrides)
        return Settings(**values)
