"""Real services on 127.0.0.1 for the monitor's tests and benchmark, that can go down.

:class:`LoopbackService` is a threaded TCP server that speaks HTTP/1.1 and
answers a WebSocket upgrade (RFC 6455 handshake, then waits for the close
frame), over TLS with the test CA or in clear. ``down()`` closes the
listening socket (a connection is then refused, as when a server is stopped);
``up()`` listens again on the same port. ``mode`` changes the answer while
it runs: ``"ok"``, ``"error"`` (HTTP 503), ``"silent"`` (accepts, never
answers: the probe's timeout ends it).
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import socket
import socketserver
import ssl
import threading
from pathlib import Path

from tests.mail.smtp_server import free_port, make_pki

_GUID = b"258EAFA5-E914-47DA-95CA-C5AB0DC85B11"


class _Handler(socketserver.BaseRequestHandler):
    server: _Server

    def handle(self) -> None:
        sock: socket.socket = self.request
        sock.settimeout(5)
        service = self.server.service
        try:
            if service.tls_context is not None:
                sock = service.tls_context.wrap_socket(sock, server_side=True)
            head = b""
            while b"\r\n\r\n" not in head:
                chunk = sock.recv(4096)
                if not chunk:
                    return
                head += chunk
            service.requests += 1
            if service.mode == "silent":
                service.release.wait(10)
                return
            headers = {}
            for line in head.split(b"\r\n")[1:]:
                name, sep, value = line.partition(b":")
                if sep:
                    headers[name.strip().lower()] = value.strip()
            if service.mode == "error":
                sock.sendall(b"HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\n"
                             b"Connection: close\r\n\r\n")
                return
            key = headers.get(b"sec-websocket-key")
            if headers.get(b"upgrade", b"").lower() == b"websocket" and key:
                accept = base64.b64encode(hashlib.sha1(key + _GUID).digest())
                sock.sendall(b"HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n"
                             b"Connection: Upgrade\r\nSec-WebSocket-Accept: " + accept
                             + b"\r\n\r\n")
                sock.recv(64)  # the client's close frame
                return
            body = b"<html><body>portail de test</body></html>"
            sock.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: "
                         + str(len(body)).encode() + b"\r\nConnection: close\r\n\r\n" + body)
        except (OSError, ssl.SSLError):
            return
        finally:
            with contextlib.suppress(OSError):
                sock.close()


class _Server(socketserver.ThreadingTCPServer):
    allow_reuse_address = True
    daemon_threads = False
    block_on_close = True

    def __init__(self, address: tuple[str, int], service: LoopbackService) -> None:
        self.service = service
        super().__init__(address, _Handler)


class LoopbackService:
    def __init__(self, tls_context: ssl.SSLContext | None = None, port: int | None = None,
                 host: str = "127.0.0.1") -> None:
        self.tls_context = tls_context
        self.host = host
        self.port = port or free_port()
        self.mode = "ok"
        self.requests = 0
        self.release = threading.Event()
        self._server: _Server | None = None
        self._thread: threading.Thread | None = None

    def url(self, scheme: str, path: str = "/") -> str:
        return f"{scheme}://{self.host}:{self.port}{path}"

    def up(self) -> LoopbackService:
        if self._server is None:
            self.release.clear()
            self._server = _Server((self.host, self.port), self)
            self._thread = threading.Thread(target=self._server.serve_forever,
                                            kwargs={"poll_interval": 0.05},
                                            name=f"loopback-{self.port}", daemon=True)
            self._thread.start()
        return self

    def down(self) -> None:
        server, thread = self._server, self._thread
        self._server = self._thread = None
        if server is not None and thread is not None:
            self.release.set()
            server.shutdown()
            server.server_close()
            thread.join(10)

    stop = down

    @property
    def is_up(self) -> bool:
        return self._server is not None


def tls_pair(folder: Path) -> tuple[ssl.SSLContext, Path]:
    """A server context with a certificate for 127.0.0.1 and the CA file that trusts it."""
    folder.mkdir(parents=True, exist_ok=True)
    pki = make_pki(folder)
    return pki.server_context(), pki.ca_file
