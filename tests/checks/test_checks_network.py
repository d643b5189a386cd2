"""Network checks against real servers on 127.0.0.1: HTTPS with a test CA, black holes, a
silent TLS peer, a CONNECT proxy, WebSocket, NTP and SMTP. Nothing leaves loopback."""

from __future__ import annotations

import ssl
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from checks_servers import (
    LOOPBACK,
    BlackHole,
    ConnectProxy,
    HttpsServer,
    LoopbackCA,
    SilentServer,
    free_port,
)

from samu_desktop.checks import network_checks as nc
from samu_desktop.checks.model import Status
from samu_desktop.checks.net import Deadline, TlsConfig
from samu_desktop.checks.platform_linux import LinuxProbe
from samu_desktop.config.settings import Settings

TIMEOUT = 0.6


def settings(**values: Any) -> Settings:
    base: dict[str, Any] = {"ntp_server": "", "check_timeout_s": TIMEOUT,
                            "tls_expected_issuers": ["Autorite de test SAMU"]}
    base.update(values)
    return Settings(**base)


def portal(probe: LinuxProbe, url: str, tls: TlsConfig, **values: Any) -> Any:
    return nc.check_portal(probe, settings(portal_url_production=url, **values), tls,
                           Deadline(TIMEOUT))


# -- portal -------------------------------------------------------------------------


def test_portal_reachable_over_verified_tls(bare_probe: LinuxProbe, https_server: HttpsServer,
                                            tls: TlsConfig) -> None:
    outcome = portal(bare_probe, https_server.url(path="/login?x=1"), tls)
    assert outcome.status is Status.PASS, outcome.explanation
    assert outcome.details["http_status"] == 200
    assert outcome.details["tls_version"] in ("TLSv1.2", "TLSv1.3")
    assert "Autorite de test SAMU" in outcome.details["issuer"]
    assert https_server.behaviour.requests == ["/login?x=1"]
    assert outcome.details["proxy"] == "direct"


def test_portal_formation_url_is_used_for_formation(bare_probe: LinuxProbe,
                                                    https_server: HttpsServer,
                                                    tls: TlsConfig) -> None:
    values = settings(environment="formation", portal_url_formation=https_server.url(),
                      portal_url_production="https://must-not-be-used.invalid/")
    outcome = nc.check_portal(bare_probe, values, tls, Deadline(TIMEOUT))
    assert outcome.status is Status.PASS
    assert outcome.details["environment"] == "formation"


def test_portal_not_configured_is_a_warning(bare_probe: LinuxProbe, tls: TlsConfig) -> None:
    outcome = portal(bare_probe, "", tls)
    assert outcome.status is Status.WARNING
    assert "n'est pas renseignée" in outcome.explanation


def test_portal_server_error_is_a_failure(bare_probe: LinuxProbe, https_server: HttpsServer,
                                          tls: TlsConfig) -> None:
    https_server.behaviour.status = 503
    outcome = portal(bare_probe, https_server.url(), tls)
    assert outcome.status is Status.FAILURE
    assert "503" in outcome.explanation


def test_portal_redirect_or_login_page_counts_as_reachable(
    bare_probe: LinuxProbe, https_server: HttpsServer, tls: TlsConfig
) -> None:
    https_server.behaviour.status = 302
    assert portal(bare_probe, https_server.url(), tls).status is Status.PASS


def test_untrusted_certificate_fails_and_names_its_issuer(
    bare_probe: LinuxProbe, https_server: HttpsServer
) -> None:
    """Without the test CA, the OS trust store (truststore) must refuse the certificate."""
    outcome = portal(bare_probe, https_server.url(), TlsConfig())
    assert outcome.status is Status.FAILURE
    assert outcome.details["step"] == "tls"
    assert "Autorite de test SAMU" in outcome.details["issuer"]
    assert "intercepte" in outcome.explanation


def test_unexpected_issuer_warns_of_tls_interception(
    bare_probe: LinuxProbe, intercepting_ca: LoopbackCA
) -> None:
    server = HttpsServer(intercepting_ca)
    try:
        outcome = portal(bare_probe, server.url(), TlsConfig(cafile=intercepting_ca.ca_file))
    finally:
        server.close()
    assert outcome.status is Status.WARNING
    assert "Pare-feu Inspection SSL" in outcome.explanation
    assert "inspection TLS" in outcome.explanation


def test_empty_expected_issuers_disables_interception_warning(
    bare_probe: LinuxProbe, intercepting_ca: LoopbackCA
) -> None:
    server = HttpsServer(intercepting_ca)
    try:
        outcome = portal(bare_probe, server.url(), TlsConfig(cafile=intercepting_ca.ca_file),
                         tls_expected_issuers=[])
    finally:
        server.close()
    assert outcome.status is Status.PASS


def test_tls_below_1_2_is_refused(bare_probe: LinuxProbe, test_ca: LoopbackCA,
                                  tls: TlsConfig) -> None:
    """A server stuck on TLS 1.0/1.1: the handshake must fail on the protocol version."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)  # TLS 1.1 is deprecated: the point
        # Security level 0 lets this OpenSSL really speak TLS 1.1 as a server.
        server = HttpsServer(test_ca, ciphers="DEFAULT:@SECLEVEL=0",
                             maximum_version=ssl.TLSVersion.TLSv1_1,
                             minimum_version=ssl.TLSVersion.TLSv1)
    try:
        outcome = portal(bare_probe, server.url(), tls)
    finally:
        server.close()
    assert outcome.status is Status.FAILURE
    assert outcome.details["step"] == "tls"
    assert "VERSION" in outcome.details["error"].upper() or "PROTOCOL" in outcome.details[
        "error"].upper()


def test_black_holed_portal_times_out_at_tcp(bare_probe: LinuxProbe, blackhole: BlackHole,
                                             tls: TlsConfig) -> None:
    outcome = portal(bare_probe, blackhole.url(), tls)
    assert outcome.status is Status.FAILURE
    assert outcome.details["step"] == "tcp"
    assert "délai dépassé" in outcome.explanation


def test_silent_server_times_out_during_tls(bare_probe: LinuxProbe, silent_server: SilentServer,
                                            tls: TlsConfig) -> None:
    outcome = portal(bare_probe, f"https://{LOOPBACK}:{silent_server.port}/", tls)
    assert outcome.status is Status.FAILURE
    assert outcome.details["step"] == "tls"
    assert "tcp_ms" in outcome.details  # TCP itself worked


def test_refused_port_is_reported_as_refused(bare_probe: LinuxProbe, tls: TlsConfig) -> None:
    outcome = portal(bare_probe, f"https://{LOOPBACK}:{free_port()}/", tls)
    assert outcome.status is Status.FAILURE
    assert "refusée" in outcome.explanation


def test_unknown_host_fails_at_dns(bare_probe: LinuxProbe, tls: TlsConfig) -> None:
    outcome = portal(bare_probe, "https://portail.does-not-exist.invalid/", tls)
    assert outcome.status is Status.FAILURE
    assert outcome.details["step"] == "dns"


def test_invalid_address_is_a_configuration_failure(bare_probe: LinuxProbe,
                                                    tls: TlsConfig) -> None:
    outcome = portal(bare_probe, "portail sans schema", tls)
    assert outcome.status is Status.FAILURE
    assert outcome.details["step"] == "config"


# -- proxies ------------------------------------------------------------------------------


@pytest.fixture
def proxy(https_server: HttpsServer) -> Iterator[ConnectProxy]:
    server = ConnectProxy({f"portail.test:{https_server.port}": https_server.port})
    yield server
    server.close()


def test_portal_through_environment_proxy(empty_root: Path, isolated_home: Path,
                                          https_server: HttpsServer, proxy: ConnectProxy,
                                          tls: TlsConfig) -> None:
    """portail.test does not resolve: only the proxy can reach it, as on a hospital network."""
    probe = LinuxProbe(root=empty_root, home=isolated_home,
                       environ={"https_proxy": f"http://{LOOPBACK}:{proxy.port}"},
                       command=lambda args: None)
    outcome = portal(probe, https_server.url(host="portail.test"), tls)
    assert outcome.status is Status.PASS, outcome.explanation
    assert proxy.seen == [f"portail.test:{https_server.port}"]
    assert "environment" in outcome.details["proxy"]


def test_no_proxy_list_is_honoured(empty_root: Path, isolated_home: Path,
                                   https_server: HttpsServer, proxy: ConnectProxy,
                                   tls: TlsConfig) -> None:
    probe = LinuxProbe(root=empty_root, home=isolated_home, command=lambda args: None,
                       environ={"HTTPS_PROXY": f"{LOOPBACK}:{proxy.port}",
                                "NO_PROXY": ".test"})
    outcome = portal(probe, https_server.url(host="portail.test"), tls)
    assert outcome.status is Status.FAILURE
    assert outcome.details["step"] == "dns"  # went direct, and the name is unknown
    assert proxy.seen == []


def test_firefox_manual_proxy_wins_over_environment(
    empty_root: Path, isolated_home: Path, https_server: HttpsServer, proxy: ConnectProxy,
    tls: TlsConfig
) -> None:
    profiles = isolated_home / ".mozilla" / "firefox"
    (profiles / "abcd.default-esr").mkdir(parents=True)
    (profiles / "profiles.ini").write_text(
        "[Profile0]\nName=default-esr\nIsRelative=1\nPath=abcd.default-esr\nDefault=1\n")
    (profiles / "abcd.default-esr" / "prefs.js").write_text(
        'user_pref("network.proxy.type", 1);\n'
        f'user_pref("network.proxy.ssl", "{LOOPBACK}");\n'
        f'user_pref("network.proxy.ssl_port", {proxy.port});\n')
    probe = LinuxProbe(root=empty_root, home=isolated_home, command=lambda args: None,
                       environ={"HTTPS_PROXY": "http://127.0.0.1:9/"})
    outcome = portal(probe, https_server.url(host="portail.test"), tls)
    assert outcome.status is Status.PASS, outcome.explanation
    assert "firefox" in outcome.details["proxy"]


def test_proxy_that_refuses_is_named(empty_root: Path, isolated_home: Path,
                                     proxy: ConnectProxy, tls: TlsConfig) -> None:
    probe = LinuxProbe(root=empty_root, home=isolated_home, command=lambda args: None,
                       environ={"HTTPS_PROXY": f"http://{LOOPBACK}:{proxy.port}"})
    outcome = portal(probe, "https://interdit.test/", tls)
    assert outcome.status is Status.FAILURE
    assert outcome.details["step"] == "proxy"
    assert "403" in outcome.explanation


# -- Session Server (WebSocket) ---------------------------------------------------------


@pytest.fixture
def websocket_server(test_ca: LoopbackCA) -> Iterator[str]:
    from websockets.sync.server import ServerConnection, serve

    def handler(connection: ServerConnection) -> None:
        for _ in connection:
            pass

    server = serve(handler, LOOPBACK, 0, ssl=test_ca.server_context())
    import threading

    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    port = server.socket.getsockname()[1]
    yield f"wss://session.test:{port}/bandeau"
    server.shutdown()
    thread.join(5)


def _session(probe: LinuxProbe, url: str, tls: TlsConfig) -> Any:
    return nc.check_session_server(probe, settings(session_server_url=url), tls,
                                   Deadline(TIMEOUT))


def test_session_server_websocket_handshake(empty_root: Path, isolated_home: Path,
                                            websocket_server: str, tls: TlsConfig) -> None:
    # session.test resolves through a CONNECT proxy that knows it, like a real route.
    port = int(websocket_server.rsplit(":", 1)[1].split("/")[0])
    relay = ConnectProxy({f"session.test:{port}": port})
    probe = LinuxProbe(root=empty_root, home=isolated_home, command=lambda args: None,
                       environ={"HTTPS_PROXY": f"http://{LOOPBACK}:{relay.port}"})
    try:
        outcome = _session(probe, websocket_server, tls)
    finally:
        relay.close()
    assert outcome.status is Status.PASS, outcome.explanation
    assert outcome.details["tls_version"] in ("TLSv1.2", "TLSv1.3")


def test_session_server_that_does_not_upgrade_fails(bare_probe: LinuxProbe,
                                                    https_server: HttpsServer,
                                                    tls: TlsConfig) -> None:
    url = f"wss://{LOOPBACK}:{https_server.port}/bandeau"
    outcome = _session(bare_probe, url, tls)
    assert outcome.status is Status.FAILURE
    assert outcome.details["step"] == "websocket"
    assert "200" in outcome.explanation


def test_session_server_not_configured(bare_probe: LinuxProbe, tls: TlsConfig) -> None:
    assert _session(bare_probe, "", tls).status is Status.NOT_APPLICABLE


def test_session_server_black_holed(bare_probe: LinuxProbe, blackhole: BlackHole,
                                    tls: TlsConfig) -> None:
    outcome = _session(bare_probe, blackhole.url("wss"), tls)
    assert outcome.status is Status.FAILURE
    assert outcome.details["step"] == "tcp"
