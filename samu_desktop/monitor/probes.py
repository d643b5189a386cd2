"""One probe of one endpoint: its steps in order, each timed, bounded by one deadline.

The steps are the network checks' (``checks.net``) but the outcome is a
:class:`Record` — a step, an error class from a closed list, latencies — never
the exception's text, which can hold host names or a server's words. The
connection goes straight to the endpoint: the monitor asks "does the service
answer this workstation's network", which a proxy would blur.
"""

from __future__ import annotations

import errno
import os
import socket
import ssl
import struct
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from samu_desktop.checks.net import Target, TlsConfig, websocket_accept, websocket_key
from samu_desktop.checks.ntp import split_server
from samu_desktop.config.monitoring import MonitorEndpoint
from samu_desktop.monitor.model import ErrorClass, Record, Step, StepTime, probe_record

Resolver = Callable[[str, int], list[tuple[int, tuple[str, int]]]]
_NTP = struct.Struct("!BBbbII4sQQQQ")


class _Failed(Exception):
    def __init__(self, step: Step, err: ErrorClass) -> None:
        super().__init__(step.value)
        self.step = step
        self.err = err


@dataclass
class _Run:
    deadline: float
    steps: list[StepTime] = field(default_factory=list)

    def left(self, step: Step) -> float:
        remaining = self.deadline - time.monotonic()
        if remaining <= 0:
            raise _Failed(step, ErrorClass.TIMEOUT)
        return remaining

    def timed(self, step: Step, started: float) -> None:
        self.steps.append((step, round((time.monotonic() - started) * 1000)))


def system_resolver(host: str, port: int) -> list[tuple[int, tuple[str, int]]]:
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return [(int(family), (str(sockaddr[0]), int(sockaddr[1])))
            for family, _, _, _, sockaddr in infos]


def _resolve(run: _Run, host: str, port: int, resolver: Resolver
             ) -> list[tuple[int, tuple[str, int]]]:
    """The OS resolver cannot be interrupted: wait for it until the deadline, no longer."""
    started = time.monotonic()
    box: dict[str, object] = {}

    def work() -> None:
        try:
            box["addrs"] = resolver(host, port)
        except OSError as exc:
            box["error"] = exc

    worker = threading.Thread(target=work, name="monitor-dns", daemon=True)
    worker.start()
    worker.join(run.left(Step.DNS))
    if worker.is_alive():
        raise _Failed(Step.DNS, ErrorClass.TIMEOUT)
    addrs = box.get("addrs")
    if not isinstance(addrs, list) or not addrs:
        raise _Failed(Step.DNS, ErrorClass.DNS_NOT_FOUND)
    run.timed(Step.DNS, started)
    return addrs


def _os_error(step: Step, exc: BaseException) -> _Failed:
    if isinstance(exc, TimeoutError | socket.timeout):
        return _Failed(step, ErrorClass.TIMEOUT)
    if isinstance(exc, ConnectionRefusedError):
        return _Failed(step, ErrorClass.REFUSED)
    if isinstance(exc, ConnectionResetError | ConnectionAbortedError | BrokenPipeError):
        return _Failed(step, ErrorClass.RESET)
    if isinstance(exc, OSError) and exc.errno in (errno.ENETUNREACH, errno.EHOSTUNREACH,
                                                  errno.ENETDOWN, errno.EHOSTDOWN):
        return _Failed(step, ErrorClass.UNREACHABLE)
    return _Failed(step, ErrorClass.OTHER)


def _connect(run: _Run, host: str, port: int, resolver: Resolver) -> socket.socket:
    addrs = _resolve(run, host, port, resolver)
    started = time.monotonic()
    failure: _Failed | None = None
    for family, sockaddr in addrs:
        sock = socket.socket(family, socket.SOCK_STREAM)
        try:
            sock.settimeout(run.left(Step.TCP))
            sock.connect(sockaddr)
        except OSError as exc:
            sock.close()
            failure = _os_error(Step.TCP, exc)
            continue
        except _Failed:
            sock.close()
            raise
        run.timed(Step.TCP, started)
        return sock
    raise failure or _Failed(Step.TCP, ErrorClass.OTHER)


class _TlsChannel:
    """TLS over a connected socket through memory buffers (``wrap_bio``).

    Not ``wrap_socket``: when the peer resets the connection just before the
    handshake, CPython's ``SSLSocket`` raises without closing itself and the
    socket leaks (the probe sees exactly that when a server stops). Here the
    socket stays ours, and is closed on every path.
    """

    def __init__(self, sock: socket.socket, context: ssl.SSLContext, host: str) -> None:
        self.sock = sock
        self.incoming = ssl.MemoryBIO()
        self.outgoing = ssl.MemoryBIO()
        self.tls = context.wrap_bio(self.incoming, self.outgoing, server_hostname=host)

    def _flush(self) -> None:
        data = self.outgoing.read()
        if data:
            self.sock.sendall(data)

    def _fill(self) -> None:
        chunk = self.sock.recv(16_384)
        if not chunk:
            self.incoming.write_eof()
            return
        self.incoming.write(chunk)

    def settimeout(self, value: float) -> None:
        self.sock.settimeout(value)

    def handshake(self) -> None:
        while True:
            try:
                self.tls.do_handshake()
                self._flush()
                return
            except ssl.SSLWantReadError:
                self._flush()
                self._fill()

    def sendall(self, data: bytes) -> None:
        self.tls.write(data)
        self._flush()

    def recv(self, size: int) -> bytes:
        while True:
            try:
                return self.tls.read(size)
            except ssl.SSLWantReadError:
                self._flush()
                self._fill()
            except ssl.SSLZeroReturnError:
                return b""

    def close(self) -> None:
        self.sock.close()


def _tls(run: _Run, sock: socket.socket, host: str, tls: TlsConfig) -> _TlsChannel:
    started = time.monotonic()
    channel = _TlsChannel(sock, tls.context(), host)
    try:
        channel.settimeout(run.left(Step.TLS))
        channel.handshake()
    except ssl.SSLCertVerificationError as exc:
        code = getattr(exc, "verify_code", 0)
        if code == 10:  # X509_V_ERR_CERT_HAS_EXPIRED
            raise _Failed(Step.TLS, ErrorClass.CERT_EXPIRED) from None
        if code in (62, 64):  # X509_V_ERR_HOSTNAME_MISMATCH, X509_V_ERR_IP_ADDRESS_MISMATCH
            raise _Failed(Step.TLS, ErrorClass.CERT_HOSTNAME) from None
        raise _Failed(Step.TLS, ErrorClass.CERT_UNTRUSTED) from None
    except ssl.SSLError:
        raise _Failed(Step.TLS, ErrorClass.TLS_FAILED) from None
    except OSError as exc:
        failed = _os_error(Step.TLS, exc)
        raise (failed if failed.err is not ErrorClass.OTHER
               else _Failed(Step.TLS, ErrorClass.TLS_FAILED)) from None
    run.timed(Step.TLS, started)
    return channel


def _read_head(run: _Run, sock: socket.socket | _TlsChannel, step: Step) -> bytes:
    """Bytes up to the end of the HTTP headers (at most 16 kB)."""
    data = b""
    while b"\r\n\r\n" not in data:
        sock.settimeout(run.left(step))
        chunk = sock.recv(4096)
        if not chunk:
            break
        data += chunk
        if len(data) > 16_384:
            break
    return data


def _status(head: bytes, step: Step) -> tuple[int, dict[bytes, bytes]]:
    first, _, rest = head.partition(b"\r\n")
    parts = first.split(b" ", 2)
    if len(parts) < 2 or not parts[0].startswith(b"HTTP/1.") or not parts[1].isdigit():
        raise _Failed(step, ErrorClass.BAD_RESPONSE)
    headers: dict[bytes, bytes] = {}
    for line in rest.split(b"\r\n"):
        name, sep, value = line.partition(b":")
        if sep:
            headers[name.strip().lower()] = value.strip()
    status = int(parts[1])
    if not 100 <= status <= 599:
        raise _Failed(step, ErrorClass.BAD_RESPONSE)
    return status, headers


def _http(run: _Run, target: Target, resolver: Resolver, tls: TlsConfig,
          websocket: bool) -> int:
    raw = _connect(run, target.host, target.port, resolver)
    sock: socket.socket | _TlsChannel = raw
    step = Step.WEBSOCKET if websocket else Step.HTTP
    try:
        if target.secure:
            sock = _tls(run, raw, target.host, tls)
        started = time.monotonic()
        key = websocket_key()
        lines = [f"GET {target.path} HTTP/1.1", f"Host: {target.host_header}",
                 "User-Agent: samu-desktop-monitor", "Accept: */*"]
        if websocket:
            lines += ["Upgrade: websocket", "Connection: Upgrade",
                      f"Sec-WebSocket-Key: {key}", "Sec-WebSocket-Version: 13"]
        else:
            lines.append("Connection: close")
        try:
            sock.settimeout(run.left(step))
            sock.sendall(("\r\n".join(lines) + "\r\n\r\n").encode("latin-1"))
            head = _read_head(run, sock, step)
        except OSError as exc:
            raise _os_error(step, exc) from None
        if not head:
            raise _Failed(step, ErrorClass.RESET)
        status, headers = _status(head, step)
        run.timed(step, started)
        if websocket:
            if status != 101 or headers.get(b"sec-websocket-accept") != \
                    websocket_accept(key).encode("ascii"):
                raise _WithStatus(step, ErrorClass.WS_REJECTED, status)
            _close_websocket(sock)
        elif status >= 500:
            raise _WithStatus(step, ErrorClass.HTTP_SERVER_ERROR, status)
        # Any other answer (a redirect to the login page, 401, 404…) shows a service
        # that answers: the monitor watches availability, not the page.
        return status
    finally:
        raw.close()


class _WithStatus(_Failed):
    def __init__(self, step: Step, err: ErrorClass, status: int) -> None:
        super().__init__(step, err)
        self.status = status


def _close_websocket(sock: socket.socket | _TlsChannel) -> None:
    mask = os.urandom(4)
    payload = bytes(b ^ mask[i % 4] for i, b in enumerate((1000).to_bytes(2, "big")))
    try:
        sock.settimeout(0.2)
        sock.sendall(b"\x88\x82" + mask + payload)
    except OSError:
        pass  # the handshake is what was being measured


def _host_port(text: str, default: int) -> tuple[str, int]:
    host, port = split_server(text, default)
    return host, port


def _smtp(run: _Run, target: str, resolver: Resolver) -> None:
    host, port = _host_port(target, 25)
    sock = _connect(run, host, port, resolver)
    started = time.monotonic()
    try:
        line = b""
        while b"\n" not in line:
            sock.settimeout(run.left(Step.SMTP))
            chunk = sock.recv(512)
            if not chunk:
                raise _Failed(Step.SMTP, ErrorClass.RESET)
            line += chunk
        with_code = line[:3]
        if not with_code.isdigit():
            raise _Failed(Step.SMTP, ErrorClass.BAD_RESPONSE)
        if with_code != b"220":
            raise _Failed(Step.SMTP, ErrorClass.SMTP_REFUSED)
        run.timed(Step.SMTP, started)
        try:
            sock.settimeout(run.left(Step.SMTP))
            sock.sendall(b"QUIT\r\n")
        except OSError:
            pass
    except OSError as exc:
        raise _os_error(Step.SMTP, exc) from None
    finally:
        sock.close()


def _ntp(run: _Run, target: str, resolver: Resolver) -> None:
    host, port = _host_port(target, 123)
    family, sockaddr = _resolve(run, host, port, resolver)[0]
    started = time.monotonic()
    cookie = int.from_bytes(os.urandom(8), "big")
    request = _NTP.pack(0x23, 0, 0, 0, 0, 0, b"\0" * 4, 0, 0, 0, cookie)
    with socket.socket(family, socket.SOCK_DGRAM) as sock:
        try:
            sock.connect(sockaddr)
            sock.send(request)
            while True:
                sock.settimeout(run.left(Step.NTP))
                data = sock.recv(512)
                if len(data) >= _NTP.size and _NTP.unpack_from(data)[8] == cookie:
                    break
        except OSError as exc:
            raise _os_error(Step.NTP, exc) from None
    first, stratum = _NTP.unpack_from(data)[:2]
    if first & 0x7 != 4 or stratum == 0 or stratum > 15 or first >> 6 == 3:
        raise _Failed(Step.NTP, ErrorClass.NTP_UNSYNCHRONISED)
    run.timed(Step.NTP, started)


_LAST_STEP = {"https": Step.HTTP, "http": Step.HTTP, "websocket": Step.WEBSOCKET,
              "dns": Step.DNS, "tcp": Step.TCP, "smtp": Step.SMTP, "ntp": Step.NTP}


def probe(endpoint: MonitorEndpoint, timeout_s: float, now_ms: int,
          tls: TlsConfig | None = None, resolver: Resolver = system_resolver) -> Record:
    """Probe ``endpoint`` once; never raises for a network failure, never waits past
    ``timeout_s`` (the OS resolver aside, which is abandoned at the deadline)."""
    tls = tls or TlsConfig()
    started = time.monotonic()
    run = _Run(deadline=started + timeout_s)
    status: int | None = None
    try:
        kind = endpoint.kind
        if kind in ("https", "http", "websocket"):
            target = Target.parse(endpoint.target)
            status = _http(run, target, resolver, tls, websocket=kind == "websocket")
        elif kind == "smtp":
            _smtp(run, endpoint.target, resolver)
        elif kind == "ntp":
            _ntp(run, endpoint.target, resolver)
        else:
            host, port = _host_port(endpoint.target, 443)
            if kind == "dns":
                _resolve(run, host, port, resolver)
            else:
                _connect(run, host, port, resolver).close()
    except _Failed as failed:
        if isinstance(failed, _WithStatus):
            status = failed.status
        return _record(endpoint, now_ms, started, run, False, failed.step, failed.err, status)
    except Exception:  # a bug must not stop the monitor: classify, never crash the round
        step = run.steps[-1][0] if run.steps else Step.DNS
        return _record(endpoint, now_ms, started, run, False, step, ErrorClass.OTHER, status)
    return _record(endpoint, now_ms, started, run, True, _LAST_STEP[endpoint.kind],
                   ErrorClass.NONE, status)


def _record(endpoint: MonitorEndpoint, now_ms: int, started: float, run: _Run, ok: bool,
            step: Step, err: ErrorClass, status: int | None) -> Record:
    elapsed = round((time.monotonic() - started) * 1000)
    return probe_record(endpoint.id, now_ms, ok, step, elapsed, err, status, tuple(run.steps))
