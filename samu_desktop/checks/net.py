"""Network steps, each named and bounded by a deadline: DNS, TCP, proxy, TLS, HTTP, WebSocket.

Every step raises :class:`StepError` with the step's name and one French
sentence, so that a check can say exactly where the road is cut. Nothing here
waits past the deadline it is given, except the operating system's DNS call,
which cannot be interrupted: it runs in a daemon thread that is left behind.
"""

from __future__ import annotations

import base64
import hashlib
import http.client
import os
import socket
import ssl
import threading
import time
from dataclasses import dataclass, field
from email.message import Message
from pathlib import Path
from urllib.parse import urlsplit

from samu_desktop.i18n import translate

# Room left at the end of a step so that the check, not the runner, reports a timeout.
_MARGIN_S = 0.05
_WS_GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11"


class StepError(Exception):
    """A network step failed; ``message`` is French, ``detail`` is technical (for the report)."""

    def __init__(self, step: str, message: str, detail: str = "") -> None:
        super().__init__(message)
        self.step = step
        self.message = message
        self.detail = detail
        self.timings: dict[str, float] = {}


class Deadline:
    def __init__(self, seconds: float) -> None:
        self.end = time.monotonic() + seconds

    def remaining(self) -> float:
        return max(0.0, self.end - time.monotonic() - _MARGIN_S)

    def sub(self, fraction: float) -> Deadline:
        """A shorter deadline: ``fraction`` of what is left, for one part of a check."""
        child = Deadline(0)
        child.end = time.monotonic() + (self.end - time.monotonic()) * fraction
        return child

    def timeout(self, step: str, cap: float | None = None) -> float:
        left = self.remaining()
        if left <= 0:
            raise StepError(step, timeout_message(step))
        return min(left, cap) if cap is not None else left


def timeout_message(step: str) -> str:
    return translate("checks", "Délai dépassé à l'étape « {step} ».").format(step=step_label(step))


def step_label(step: str) -> str:
    labels = {
        "dns": translate("checks", "résolution du nom (DNS)"),
        "tcp": translate("checks", "connexion TCP"),
        "proxy": translate("checks", "passage par le proxy"),
        "tls": translate("checks", "négociation TLS"),
        "http": translate("checks", "réponse HTTP"),
        "websocket": translate("checks", "ouverture WebSocket"),
        "ntp": translate("checks", "serveur de temps (NTP)"),
        "smtp": translate("checks", "dialogue SMTP"),
        "config": translate("checks", "adresse"),
    }
    return labels.get(step, step)


@dataclass(frozen=True)
class Target:
    scheme: str
    host: str
    port: int
    path: str

    @classmethod
    def parse(cls, url: str) -> Target:
        parts = urlsplit(url.strip())
        defaults = {"https": 443, "wss": 443, "http": 80, "ws": 80}
        if parts.scheme not in defaults or not parts.hostname:
            raise StepError(
                "config",
                translate("checks", "L'adresse « {url} » n'est pas valide (https://… ou "
                          "wss://… attendu).").format(url=url),
            )
        try:
            port = parts.port or defaults[parts.scheme]
        except ValueError as exc:
            raise StepError("config", translate("checks", "Le port de l'adresse « {url} » "
                                                "n'est pas valide.").format(url=url)) from exc
        path = parts.path or "/"
        if parts.query:
            path += "?" + parts.query
        return cls(parts.scheme, parts.hostname, port, path)

    @property
    def secure(self) -> bool:
        return self.scheme in ("https", "wss")

    @property
    def host_header(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        default = 443 if self.secure else 80
        return host if self.port == default else f"{host}:{self.port}"


@dataclass(frozen=True)
class TlsConfig:
    """How certificates are verified: the OS trust store, or (tests) one CA file."""

    cafile: Path | None = None

    def context(self, verify: bool = True) -> ssl.SSLContext:
        if not verify:
            ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
            ctx.check_hostname = False
            ctx.verify_mode = ssl.CERT_NONE
        elif self.cafile is not None:
            ctx = ssl.create_default_context(cafile=str(self.cafile))
        else:
            import truststore  # the OS trust store: Windows, macOS, or the distribution's CAs

            ctx = truststore.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
        ctx.minimum_version = ssl.TLSVersion.TLSv1_2
        return ctx


def resolve(host: str, port: int, deadline: Deadline) -> list[tuple[int, tuple[str, int]]]:
    """getaddrinfo cannot be interrupted: wait for it at most until the deadline."""
    box: dict[str, object] = {}

    def work() -> None:
        try:
            box["addrs"] = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
        except OSError as exc:
            box["error"] = exc

    worker = threading.Thread(target=work, name=f"dns-{host}", daemon=True)
    worker.start()
    worker.join(deadline.timeout("dns"))
    if worker.is_alive():
        raise StepError("dns", timeout_message("dns"), host)
    error = box.get("error")
    if error is not None:
        raise StepError(
            "dns",
            translate("checks", "Le nom « {host} » n'a pas pu être résolu (DNS).").format(
                host=host
            ),
            str(error),
        )
    addrs = box.get("addrs")
    assert isinstance(addrs, list)
    return [(family, sockaddr[:2]) for family, _, _, _, sockaddr in addrs]


def connect(host: str, port: int, deadline: Deadline, step: str = "tcp") -> socket.socket:
    last: Exception | None = None
    for family, sockaddr in resolve(host, port, deadline):
        sock = socket.socket(family, socket.SOCK_STREAM)
        try:
            sock.settimeout(deadline.timeout(step))
            sock.connect(sockaddr)
            return sock
        except TimeoutError as exc:
            sock.close()
            last = exc
            if deadline.remaining() <= 0:
                break
        except OSError as exc:
            sock.close()
            last = exc
    if isinstance(last, TimeoutError | socket.timeout) or last is None:
        raise StepError(step, translate("checks", "Pas de réponse de {host}:{port} (délai "
                                        "dépassé) : un pare-feu bloque peut-être l'accès.")
                        .format(host=host, port=port))
    if isinstance(last, ConnectionRefusedError):
        raise StepError(step, translate("checks", "Connexion refusée par {host}:{port}.")
                        .format(host=host, port=port), str(last))
    raise StepError(step, translate("checks", "Connexion impossible à {host}:{port}.")
                    .format(host=host, port=port), f"{type(last).__name__}: {last}")


def open_route(target: Target, proxy: tuple[str, int] | None, deadline: Deadline,
               timings: dict[str, float]) -> socket.socket:
    """A TCP connection to the target, directly or through an HTTP proxy (CONNECT)."""
    start = time.monotonic()
    if proxy is None:
        sock = connect(target.host, target.port, deadline)
        timings["tcp_s"] = time.monotonic() - start
        return sock
    sock = connect(proxy[0], proxy[1], deadline, step="proxy")
    timings["tcp_s"] = time.monotonic() - start
    try:
        authority = f"{target.host}:{target.port}"
        sock.settimeout(deadline.timeout("proxy"))
        sock.sendall(f"CONNECT {authority} HTTP/1.1\r\nHost: {authority}\r\n\r\n".encode())
        response = http.client.HTTPResponse(sock, method="CONNECT")
        response.begin()
        if response.status != 200:
            sock.close()
            raise StepError("proxy", translate("checks", "Le proxy {proxy} refuse l'accès à "
                                               "{host} (code {code}).").format(
                proxy=f"{proxy[0]}:{proxy[1]}", host=target.host, code=response.status))
    except TimeoutError as exc:
        sock.close()
        raise StepError("proxy", timeout_message("proxy")) from exc
    except (OSError, http.client.HTTPException) as exc:
        sock.close()
        raise StepError("proxy", translate("checks", "Le proxy {proxy} ne répond pas "
                                           "correctement.").format(proxy=f"{proxy[0]}:{proxy[1]}"),
                        type(exc).__name__) from exc
    timings["proxy_s"] = time.monotonic() - start
    return sock


@dataclass(frozen=True)
class TlsInfo:
    version: str
    cipher: str
    issuer: str
    issuer_org: str
    subject: str
    not_after: str


def certificate_info(der: bytes | None) -> tuple[str, str, str, str]:
    """(issuer, issuer organisation, subject, expiry) read from a DER certificate."""
    if not der:
        return "", "", "", ""
    from cryptography import x509
    from cryptography.x509.oid import NameOID

    cert = x509.load_der_x509_certificate(der)
    orgs = cert.issuer.get_attributes_for_oid(NameOID.ORGANIZATION_NAME)
    org = str(orgs[0].value) if orgs else ""
    return (cert.issuer.rfc4514_string(), org, cert.subject.rfc4514_string(),
            cert.not_valid_after_utc.isoformat())


def tls_handshake(sock: socket.socket, target: Target, context: ssl.SSLContext,
                  deadline: Deadline) -> tuple[ssl.SSLSocket, TlsInfo]:
    try:
        sock.settimeout(deadline.timeout("tls"))
        tls = context.wrap_socket(sock, server_hostname=target.host)
    except ssl.SSLCertVerificationError as exc:
        sock.close()
        raise StepError("tls", translate(
            "checks", "Le certificat présenté par {host} n'est pas reconnu par ce poste.")
            .format(host=target.host), exc.verify_message or str(exc)) from exc
    except TimeoutError as exc:
        sock.close()
        raise StepError("tls", timeout_message("tls")) from exc
    except (ssl.SSLError, OSError) as exc:
        sock.close()
        raise StepError("tls", translate(
            "checks", "La négociation TLS (1.2 ou plus) avec {host} a échoué.")
            .format(host=target.host), f"{type(exc).__name__}: {exc}") from exc
    cipher = tls.cipher()
    issuer, org, subject, not_after = certificate_info(tls.getpeercert(binary_form=True))
    info = TlsInfo(tls.version() or "", cipher[0] if cipher else "", issuer, org, subject,
                   not_after)
    return tls, info


@dataclass
class HttpAnswer:
    status: int
    reason: str
    headers: Message
    sent_at: float  # time.time() just before the request
    received_at: float  # time.time() when the status line arrived


def http_request(sock: socket.socket, target: Target, deadline: Deadline,
                 extra: dict[str, str] | None = None, step: str = "http") -> HttpAnswer:
    from samu_desktop import __version__

    headers = {
        "Host": target.host_header,
        "User-Agent": f"samu-desktop/{__version__} (verification des prerequis)",
        "Accept": "*/*",
        "Connection": "close",
    }
    headers.update(extra or {})
    request = f"GET {target.path} HTTP/1.1\r\n" + "".join(
        f"{k}: {v}\r\n" for k, v in headers.items()) + "\r\n"
    try:
        sock.settimeout(deadline.timeout(step))
        sent_at = time.time()
        sock.sendall(request.encode("latin-1"))
        response = http.client.HTTPResponse(sock, method="GET")
        response.begin()
        received_at = time.time()
    except TimeoutError as exc:
        raise StepError(step, timeout_message(step)) from exc
    except (OSError, http.client.HTTPException) as exc:
        raise StepError(step, translate("checks", "Le serveur {host} n'a pas répondu "
                                        "correctement.").format(host=target.host),
                        f"{type(exc).__name__}: {exc}") from exc
    return HttpAnswer(response.status, response.reason, response.msg, sent_at, received_at)


def websocket_key() -> str:
    return base64.b64encode(os.urandom(16)).decode("ascii")


def websocket_accept(key: str) -> str:
    digest = hashlib.sha1((key + _WS_GUID).encode("ascii")).digest()
    return base64.b64encode(digest).decode("ascii")


def websocket_open(sock: socket.socket, target: Target, deadline: Deadline,
                   origin: str = "") -> HttpAnswer:
    """The RFC 6455 opening handshake; then a polite close frame."""
    key = websocket_key()
    extra = {"Upgrade": "websocket", "Connection": "Upgrade", "Sec-WebSocket-Key": key,
             "Sec-WebSocket-Version": "13"}
    if origin:
        extra["Origin"] = origin
    answer = http_request(sock, target, deadline, extra, step="websocket")
    if answer.status != 101:
        raise StepError("websocket", translate(
            "checks", "Le serveur refuse l'ouverture WebSocket (code {code}).").format(
            code=answer.status))
    if answer.headers.get("Sec-WebSocket-Accept", "") != websocket_accept(key):
        raise StepError("websocket", translate(
            "checks", "La réponse WebSocket n'est pas valide : un proxy la modifie peut-être."))
    try:  # close frame, masked as a client must, status 1000
        mask = os.urandom(4)
        payload = bytes(b ^ mask[i % 4] for i, b in enumerate((1000).to_bytes(2, "big")))
        sock.settimeout(min(0.2, max(deadline.remaining(), 0.01)))
        sock.sendall(b"\x88\x82" + mask + payload)
    except OSError:
        pass  # the handshake is what was being checked
    return answer


@dataclass
class FetchResult:
    target: Target
    answer: HttpAnswer
    tls: TlsInfo | None
    timings: dict[str, float] = field(default_factory=dict)


def fetch(url: str, proxy: tuple[str, int] | None, tls_config: TlsConfig, deadline: Deadline,
          websocket: bool = False) -> FetchResult:
    """DNS, TCP (or proxy), TLS, then a GET or a WebSocket upgrade, each step timed."""
    target = Target.parse(url)
    timings: dict[str, float] = {}
    try:
        sock = open_route(target, proxy, deadline, timings)
        info = None
        if target.secure:
            start = time.monotonic()
            sock, info = tls_handshake(sock, target, tls_config.context(), deadline)
            timings["tls_s"] = time.monotonic() - start
        with sock:
            start = time.monotonic()
            if websocket:
                answer = websocket_open(sock, target, deadline)
            else:
                answer = http_request(sock, target, deadline)
            timings["http_s"] = time.monotonic() - start
    except StepError as exc:
        exc.timings = timings
        raise
    return FetchResult(target, answer, info, timings)


def peek_issuer(url: str, proxy: tuple[str, int] | None, deadline: Deadline) -> str:
    """The issuer of a certificate that failed verification, read without trusting it.

    Helps tell an intercepting proxy's certificate from a broken one.
    """
    target = Target.parse(url)
    try:
        sock = open_route(target, proxy, deadline, {})
        tls, info = tls_handshake(sock, target, TlsConfig().context(verify=False), deadline)
        tls.close()
    except StepError:
        return ""
    return info.issuer
