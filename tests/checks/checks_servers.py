"""Real servers on 127.0.0.1 for the network checks: HTTPS, black holes, WebSocket, NTP,
an HTTP CONNECT proxy, and a test certificate authority. Nothing leaves loopback."""

from __future__ import annotations

import contextlib
import datetime as dt
import http.server
import ipaddress
import select
import socket
import ssl
import struct
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from email.utils import formatdate
from pathlib import Path
from typing import Any

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

LOOPBACK = "127.0.0.1"
HOSTNAMES = ("localhost", "portail.test", "session.test", "smtp.test")


def _name(org: str, common: str) -> x509.Name:
    return x509.Name([
        x509.NameAttribute(NameOID.COUNTRY_NAME, "FR"),
        x509.NameAttribute(NameOID.ORGANIZATION_NAME, org),
        x509.NameAttribute(NameOID.COMMON_NAME, common),
    ])


@dataclass
class LoopbackCA:
    """A certificate authority and one server certificate for loopback and the test names."""

    ca_file: Path
    cert_file: Path
    key_file: Path
    org: str

    def server_context(self, **kwargs: Any) -> ssl.SSLContext:
        ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        ctx.load_cert_chain(self.cert_file, self.key_file)
        ciphers = kwargs.pop("ciphers", None)
        if ciphers:
            ctx.set_ciphers(ciphers)
        for name, value in kwargs.items():
            setattr(ctx, name, value)
        return ctx


def make_ca(folder: Path, org: str) -> LoopbackCA:
    folder.mkdir(parents=True, exist_ok=True)
    now = dt.datetime.now(dt.UTC)
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca_name = _name(org, f"{org} Root")
    ca = (
        x509.CertificateBuilder()
        .subject_name(ca_name).issuer_name(ca_name).public_key(ca_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1)).not_valid_after(now + dt.timedelta(days=30))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .add_extension(x509.KeyUsage(True, False, False, False, False, True, True, False, False),
                       critical=True)
        .sign(ca_key, hashes.SHA256())
    )
    key = ec.generate_private_key(ec.SECP256R1())
    sans: list[x509.GeneralName] = [x509.DNSName(h) for h in HOSTNAMES]
    sans.append(x509.IPAddress(ipaddress.ip_address(LOOPBACK)))
    cert = (
        x509.CertificateBuilder()
        .subject_name(_name(org, "portail.test")).issuer_name(ca_name)
        .public_key(key.public_key()).serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1)).not_valid_after(now + dt.timedelta(days=30))
        .add_extension(x509.SubjectAlternativeName(sans), critical=False)
        .add_extension(x509.ExtendedKeyUsage([x509.oid.ExtendedKeyUsageOID.SERVER_AUTH]),
                       critical=False)
        .sign(ca_key, hashes.SHA256())
    )
    ca_file, cert_file, key_file = folder / "ca.pem", folder / "cert.pem", folder / "key.pem"
    ca_file.write_bytes(ca.public_bytes(serialization.Encoding.PEM))
    cert_file.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_file.write_bytes(key.private_bytes(serialization.Encoding.PEM,
                                           serialization.PrivateFormat.PKCS8,
                                           serialization.NoEncryption()))
    return LoopbackCA(ca_file, cert_file, key_file, org)


def free_port() -> int:
    with socket.socket() as s:
        s.bind((LOOPBACK, 0))
        return int(s.getsockname()[1])


# -- HTTPS ---------------------------------------------------------------------------


@dataclass
class HttpsBehaviour:
    status: int = 200
    date_offset_s: float = 0.0
    send_date: bool = True
    requests: list[str] = field(default_factory=list)


class HttpsServer:
    """A threaded HTTPS server; the status and the Date header's offset are adjustable."""

    def __init__(self, ca: LoopbackCA, **ctx_options: Any) -> None:
        behaviour = self.behaviour = HttpsBehaviour()

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                behaviour.requests.append(self.path)
                self.send_response_only(behaviour.status)
                if behaviour.send_date:
                    self.send_header("Date", formatdate(time.time() + behaviour.date_offset_s,
                                                        usegmt=True))
                self.send_header("Content-Length", "2")
                self.end_headers()
                self.wfile.write(b"ok")

            def log_message(self, *args: Any) -> None:
                pass

        self.httpd = http.server.ThreadingHTTPServer((LOOPBACK, 0), Handler)
        self.httpd.daemon_threads = True
        context = ca.server_context(**ctx_options)
        self.httpd.socket = context.wrap_socket(self.httpd.socket, server_side=True)
        self.port = int(self.httpd.server_address[1])
        self._thread = threading.Thread(target=self.httpd.serve_forever, args=(0.05,),
                                        daemon=True)
        self._thread.start()

    def url(self, host: str = LOOPBACK, path: str = "/") -> str:
        return f"https://{host}:{self.port}{path}"

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


# -- black holes -------------------------------------------------------------------------


class BlackHole:
    """A loopback TCP port that drops SYNs: its one-slot backlog is full and never accepted.

    Connections to it hang exactly like a firewall that drops packets.
    """

    def __init__(self) -> None:
        self.listener = socket.socket()
        self.listener.bind((LOOPBACK, 0))
        self.listener.listen(0)
        self.port = int(self.listener.getsockname()[1])
        self.fillers: list[socket.socket] = []
        for _ in range(8):
            filler = socket.socket()
            filler.setblocking(False)
            filler.connect_ex((LOOPBACK, self.port))
            self.fillers.append(filler)
            time.sleep(0.01)
            try:
                filler.getpeername()
            except OSError:
                break  # this one hangs in SYN_SENT: the queue is full
        else:
            raise RuntimeError("could not fill the backlog")

    def url(self, scheme: str = "https", host: str = LOOPBACK) -> str:
        return f"{scheme}://{host}:{self.port}/"

    def close(self) -> None:
        for s in self.fillers:
            s.close()
        self.listener.close()


class SilentServer:
    """Accepts TCP (the kernel completes the handshake) but never says a word: TLS hangs."""

    def __init__(self) -> None:
        self.listener = socket.socket()
        self.listener.bind((LOOPBACK, 0))
        self.listener.listen(64)
        self.port = int(self.listener.getsockname()[1])

    def close(self) -> None:
        self.listener.close()


# -- NTP ------------------------------------------------------------------------------------

NTP_DELTA = 2_208_988_800


def _ntp(ts: float) -> int:
    return (int(ts + NTP_DELTA) << 32) | int(((ts + NTP_DELTA) % 1) * (1 << 32))


@dataclass
class NtpBehaviour:
    offset_s: float = 0.0
    stratum: int = 2
    leap: int = 0
    answer: bool = True
    queries: int = 0


class NtpServer:
    """An SNTP server on a loopback UDP port, written for the tests (RFC 4330 answers)."""

    def __init__(self) -> None:
        self.behaviour = NtpBehaviour()
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        self.sock.bind((LOOPBACK, 0))
        self.port = int(self.sock.getsockname()[1])
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    @property
    def address(self) -> str:
        return f"{LOOPBACK}:{self.port}"

    def _serve(self) -> None:
        while not self._stop.is_set():
            ready, _, _ = select.select([self.sock], [], [], 0.05)
            if not ready:
                continue
            data, peer = self.sock.recvfrom(512)
            b = self.behaviour
            b.queries += 1
            if not b.answer or len(data) < 48:
                continue
            now = time.time() + b.offset_s
            client_transmit = data[40:48]
            packet = struct.pack("!BBbbII4sQ", (b.leap << 6) | (4 << 3) | 4, b.stratum, 6, -20,
                                 0, 0, b"TEST", _ntp(now - 1))
            packet += client_transmit + struct.pack("!QQ", _ntp(now), _ntp(now))
            self.sock.sendto(packet, peer)

    def close(self) -> None:
        self._stop.set()
        self._thread.join(2)
        self.sock.close()


# -- HTTP CONNECT proxy -------------------------------------------------------------------


class ConnectProxy:
    """An HTTP proxy that only knows CONNECT; ``routes`` maps "host:port" to a loopback port."""

    def __init__(self, routes: dict[str, int]) -> None:
        self.routes = routes
        self.seen: list[str] = []
        self.listener = socket.socket()
        self.listener.bind((LOOPBACK, 0))
        self.listener.listen(16)
        self.port = int(self.listener.getsockname()[1])
        self._handlers: list[threading.Thread] = []
        self._thread = threading.Thread(target=self._accept, daemon=True)
        self._thread.start()

    def _accept(self) -> None:
        while True:
            try:
                client, _ = self.listener.accept()
            except OSError:
                return
            handler = threading.Thread(target=self._handle, args=(client,), daemon=True)
            self._handlers.append(handler)
            handler.start()

    def _handle(self, client: socket.socket) -> None:
        with client:
            head = b""
            while b"\r\n\r\n" not in head:
                chunk = client.recv(1024)
                if not chunk:
                    return
                head += chunk
            method, authority = head.split(b" ", 2)[:2]
            self.seen.append(authority.decode())
            port = self.routes.get(authority.decode())
            if method != b"CONNECT" or port is None:
                client.sendall(b"HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n")
                return
            with socket.create_connection((LOOPBACK, port)) as upstream:
                client.sendall(b"HTTP/1.1 200 Connection established\r\n\r\n")
                _pipe(client, upstream)

    def close(self) -> None:
        # close() alone does not wake a thread blocked in accept() on Linux.
        with contextlib.suppress(OSError):
            self.listener.shutdown(socket.SHUT_RDWR)
        self.listener.close()
        self._thread.join(5)
        for handler in self._handlers:
            handler.join(10)


def _pipe(a: socket.socket, b: socket.socket) -> None:
    pair = {a: b, b: a}
    while True:
        ready, _, _ = select.select(list(pair), [], [], 5)
        if not ready:
            return
        for s in ready:
            try:
                data = s.recv(65536)
                if data:
                    pair[s].sendall(data)
            except OSError:  # one side reset the connection: the tunnel is over
                return
            if not data:
                return


def serve_in_thread(target: Callable[[], None]) -> threading.Thread:
    thread = threading.Thread(target=target, daemon=True)
    thread.start()
    return thread
