"""Each probe against real services on loopback: what answers, what fails, and where."""

from __future__ import annotations

import contextlib
import socket
import struct
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from websockets.sync.server import ServerConnection, serve

from samu_desktop.checks.net import TlsConfig
from samu_desktop.config.monitoring import MonitorEndpoint
from samu_desktop.monitor.model import ErrorClass, Step
from samu_desktop.monitor.probes import probe
from tests.mail.smtp_server import free_port, make_pki
from tests.monitor.servers import LoopbackService

NOW = 1_800_000_000_000


@pytest.fixture
def pki_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "pki"
    folder.mkdir()
    return folder


@pytest.fixture
def tls_service(pki_dir: Path) -> Iterator[tuple[LoopbackService, TlsConfig]]:
    pki = make_pki(pki_dir)
    service = LoopbackService(pki.server_context()).up()
    try:
        yield service, TlsConfig(cafile=pki.ca_file)
    finally:
        service.down()


def _ep(kind: str, target: str) -> MonitorEndpoint:
    return MonitorEndpoint.model_validate({"id": "ep", "kind": kind, "target": target})


def test_https_answers_with_every_step_timed(tls_service: tuple[LoopbackService, TlsConfig]
                                             ) -> None:
    service, tls = tls_service
    record = probe(_ep("https", service.url("https")), 3.0, NOW, tls)
    assert record.ok and record.err is ErrorClass.NONE and record.http == 200
    assert [s for s, _ in record.steps] == [Step.DNS, Step.TCP, Step.TLS, Step.HTTP]
    assert record.t == NOW


def test_https_failures_are_classified(tls_service: tuple[LoopbackService, TlsConfig],
                                       pki_dir: Path) -> None:
    service, tls = tls_service
    service.mode = "error"
    record = probe(_ep("https", service.url("https")), 3.0, NOW, tls)
    assert (record.ok, record.step, record.err, record.http) == (
        False, Step.HTTP, ErrorClass.HTTP_SERVER_ERROR, 503)
    service.mode = "silent"
    record = probe(_ep("https", service.url("https")), 0.5, NOW, tls)
    assert (record.step, record.err) == (Step.HTTP, ErrorClass.TIMEOUT)
    service.mode = "ok"
    # The certificate is for 127.0.0.1 and localhost, not 127.0.0.2 (same loopback).
    other = LoopbackService(service.tls_context, host="127.0.0.2").up()
    try:
        record = probe(_ep("https", other.url("https")), 3.0, NOW, tls)
        assert (record.step, record.err) == (Step.TLS, ErrorClass.CERT_HOSTNAME)
    finally:
        other.down()
    # Another CA's certificate (as an intercepting proxy would present).
    other_ca = make_pki(_fresh(pki_dir)).ca_file
    record = probe(_ep("https", service.url("https")), 3.0, NOW, TlsConfig(cafile=other_ca))
    assert (record.step, record.err) == (Step.TLS, ErrorClass.CERT_UNTRUSTED)
    service.down()
    record = probe(_ep("https", service.url("https")), 3.0, NOW, tls)
    assert (record.ok, record.step, record.err) == (False, Step.TCP, ErrorClass.REFUSED)


def _fresh(pki_dir: Path) -> Path:
    folder = pki_dir.parent / "other-pki"
    folder.mkdir(exist_ok=True)
    return folder


def test_dns_failure_and_timeout_through_the_resolver() -> None:
    def not_found(host: str, port: int) -> list[tuple[int, tuple[str, int]]]:
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    stuck = threading.Event()

    def hangs(host: str, port: int) -> list[tuple[int, tuple[str, int]]]:
        stuck.wait(5)
        return []

    record = probe(_ep("https", "https://portail.example.test/"), 2.0, NOW,
                   resolver=not_found)
    assert (record.step, record.err) == (Step.DNS, ErrorClass.DNS_NOT_FOUND)
    record = probe(_ep("dns", "portail.example.test"), 0.3, NOW, resolver=hangs)
    stuck.set()
    assert (record.step, record.err) == (Step.DNS, ErrorClass.TIMEOUT)
    assert record.ms < 2_000  # bounded by the probe's timeout, not by the resolver


def test_websocket_upgrade_against_an_independent_server() -> None:
    """The handshake checked by another implementation (the ``websockets`` library)."""
    def handler(connection: ServerConnection) -> None:
        for _ in connection:
            pass

    port = free_port()
    with serve(handler, "127.0.0.1", port) as server:
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        try:
            record = probe(_ep("websocket", f"ws://127.0.0.1:{port}/session"), 3.0, NOW)
            assert record.ok, record
            assert record.http == 101 and record.step is Step.WEBSOCKET
            plain = probe(_ep("http", f"http://127.0.0.1:{port}/"), 3.0, NOW)
        finally:
            server.shutdown()
            thread.join(5)
    # A plain GET to a WebSocket-only server is an HTTP answer (426 or 400), not an outage.
    assert plain.ok and plain.http is not None and plain.http >= 400


def test_websocket_refused_by_a_plain_web_server(
        tls_service: tuple[LoopbackService, TlsConfig]) -> None:
    service, tls = tls_service
    service.mode = "error"
    record = probe(_ep("websocket", service.url("wss", "/ws")), 3.0, NOW, tls)
    assert (record.step, record.err, record.http) == (Step.WEBSOCKET, ErrorClass.WS_REJECTED,
                                                      503)
    service.mode = "ok"
    assert probe(_ep("websocket", service.url("wss", "/ws")), 3.0, NOW, tls).ok


def _one_line_server(greeting: bytes) -> tuple[socket.socket, threading.Thread]:
    listener = socket.create_server(("127.0.0.1", 0))

    def serve_one() -> None:
        connection, _ = listener.accept()
        with connection:
            connection.sendall(greeting)
            connection.settimeout(2)
            with contextlib.suppress(OSError):
                connection.recv(64)

    thread = threading.Thread(target=serve_one, daemon=True)
    thread.start()
    return listener, thread


@pytest.mark.parametrize(("greeting", "ok", "err"), [
    (b"220 relais.example.test ESMTP\r\n", True, ErrorClass.NONE),
    (b"421 service not available\r\n", False, ErrorClass.SMTP_REFUSED),
    (b"SSH-2.0-OpenSSH\r\n", False, ErrorClass.BAD_RESPONSE),
])
def test_smtp_greeting(greeting: bytes, ok: bool, err: ErrorClass) -> None:
    listener, thread = _one_line_server(greeting)
    try:
        port = listener.getsockname()[1]
        record = probe(_ep("smtp", f"127.0.0.1:{port}"), 3.0, NOW)
    finally:
        thread.join(5)
        listener.close()
    assert (record.ok, record.err) == (ok, err)
    assert record.step is Step.SMTP


def _ntp_server(stratum: int) -> tuple[socket.socket, threading.Thread]:
    sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    sock.bind(("127.0.0.1", 0))
    packet = struct.Struct("!BBbbII4sQQQQ")

    def answer() -> None:
        sock.settimeout(3)
        try:
            data, peer = sock.recvfrom(512)
        except OSError:
            return
        cookie = packet.unpack_from(data)[10]
        now = int((time.time() + 2_208_988_800) * 2**32)
        sock.sendto(packet.pack(0x24, stratum, 0, 0, 0, 0, b"LOCL", now, cookie, now, now),
                    peer)

    thread = threading.Thread(target=answer, daemon=True)
    thread.start()
    return sock, thread


@pytest.mark.parametrize(("stratum", "ok"), [(2, True), (0, False)])
def test_ntp(stratum: int, ok: bool) -> None:
    sock, thread = _ntp_server(stratum)
    try:
        record = probe(_ep("ntp", f"127.0.0.1:{sock.getsockname()[1]}"), 3.0, NOW)
    finally:
        thread.join(5)
        sock.close()
    assert record.ok is ok and record.step is Step.NTP
    if not ok:
        assert record.err is ErrorClass.NTP_UNSYNCHRONISED


def test_tcp_and_dns_kinds() -> None:
    listener = socket.create_server(("127.0.0.1", 0))
    try:
        port = listener.getsockname()[1]
        assert probe(_ep("tcp", f"127.0.0.1:{port}"), 2.0, NOW).ok
    finally:
        listener.close()
    record = probe(_ep("tcp", f"127.0.0.1:{port}"), 2.0, NOW)
    assert (record.step, record.err) == (Step.TCP, ErrorClass.REFUSED)
    assert probe(_ep("dns", "localhost"), 2.0, NOW).ok
