"""Clock (NTP server written in the test, the portal's Date header) and SMTP (aiosmtpd with
STARTTLS) checks, against real servers on 127.0.0.1."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from checks_servers import LOOPBACK, BlackHole, HttpsServer, LoopbackCA, NtpServer, free_port

from samu_desktop.checks import network_checks as nc
from samu_desktop.checks.model import Status
from samu_desktop.checks.net import Deadline, TlsConfig
from samu_desktop.checks.platform_linux import LinuxProbe
from samu_desktop.config.settings import Settings

TIMEOUT = 0.6


def settings(**values: Any) -> Settings:
    base: dict[str, Any] = {"ntp_server": "", "check_timeout_s": TIMEOUT}
    base.update(values)
    return Settings(**base)


# -- clock ----------------------------------------------------------------------------------


def _clock(probe: LinuxProbe, tls: TlsConfig, **values: Any) -> Any:
    return nc.check_clock(probe, settings(**values), tls, Deadline(TIMEOUT))


def test_clock_in_time_against_ntp(bare_probe: LinuxProbe, ntp_server: NtpServer,
                                   tls: TlsConfig) -> None:
    outcome = _clock(bare_probe, tls, ntp_server=ntp_server.address)
    assert outcome.status is Status.PASS, outcome.explanation
    assert abs(outcome.details["ntp"]["offset_s"]) < 1
    assert ntp_server.behaviour.queries == 1


def test_clock_far_off_against_ntp_fails(bare_probe: LinuxProbe, ntp_server: NtpServer,
                                         tls: TlsConfig) -> None:
    ntp_server.behaviour.offset_s = 600
    outcome = _clock(bare_probe, tls, ntp_server=ntp_server.address)
    assert outcome.status is Status.FAILURE
    assert 599 < outcome.details["max_offset_s"] < 601


def test_clock_slightly_off_is_a_warning(bare_probe: LinuxProbe, ntp_server: NtpServer,
                                         tls: TlsConfig) -> None:
    ntp_server.behaviour.offset_s = -30
    outcome = _clock(bare_probe, tls, ntp_server=ntp_server.address)
    assert outcome.status is Status.WARNING
    assert "-30" in outcome.explanation


def test_unsynchronised_ntp_server_is_not_trusted(bare_probe: LinuxProbe, ntp_server: NtpServer,
                                                  https_server: HttpsServer,
                                                  tls: TlsConfig) -> None:
    ntp_server.behaviour.stratum = 0  # kiss-o'-death
    ntp_server.behaviour.offset_s = 999
    outcome = _clock(bare_probe, tls, ntp_server=ntp_server.address,
                     portal_url_production=https_server.url())
    assert "error" in outcome.details["ntp"]
    assert outcome.status is Status.PASS  # judged on the portal's Date header alone
    assert abs(outcome.details["http"]["offset_s"]) <= 2


def test_blocked_ntp_falls_back_on_the_portal_date(bare_probe: LinuxProbe, ntp_server: NtpServer,
                                                   https_server: HttpsServer,
                                                   tls: TlsConfig) -> None:
    ntp_server.behaviour.answer = False  # UDP black hole
    https_server.behaviour.date_offset_s = 45
    outcome = _clock(bare_probe, tls, ntp_server=ntp_server.address,
                     portal_url_production=https_server.url())
    assert "ne répond pas" in outcome.details["ntp"]["error"]
    assert outcome.status is Status.WARNING
    assert 43 <= outcome.details["http"]["offset_s"] <= 47


def test_clock_without_any_reference(bare_probe: LinuxProbe, ntp_server: NtpServer,
                                     tls: TlsConfig) -> None:
    ntp_server.behaviour.answer = False
    outcome = _clock(bare_probe, tls, ntp_server=ntp_server.address)
    assert outcome.status is Status.WARNING
    assert "aucune référence" in outcome.explanation


# -- SMTP --------------------------------------------------------------------------------


@pytest.fixture
def smtp_server(test_ca: LoopbackCA) -> Iterator[Any]:
    from aiosmtpd.controller import Controller
    from aiosmtpd.smtp import AuthResult

    class Sink:
        def __init__(self, offer_auth: bool) -> None:
            self.offer_auth = offer_auth

        async def handle_EHLO(self, server: Any, session: Any, envelope: Any, hostname: str,
                              responses: list[str]) -> list[str]:
            # aiosmtpd always offers AUTH; an internal relay without AUTH does not.
            session.host_name = hostname
            if self.offer_auth:
                return responses
            return [r for r in responses if not r[4:].upper().startswith("AUTH")]

        async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
            return "250 OK"

    def authenticator(*args: Any) -> AuthResult:
        return AuthResult(success=False, handled=False)

    def start(auth: bool) -> Any:
        kwargs: dict[str, Any] = {}
        if auth:
            kwargs.update(authenticator=authenticator, auth_require_tls=True)
        controller = Controller(Sink(auth), hostname=LOOPBACK, port=free_port(),
                                tls_context=test_ca.server_context(), require_starttls=True,
                                **kwargs)
        controller.start()
        started.append(controller)
        return controller

    started: list[Any] = []
    yield start
    for controller in started:
        controller.stop()


def _smtp(port: int, tls: TlsConfig, **values: Any) -> Any:
    return nc.check_smtp(settings(smtp_host=LOOPBACK, smtp_port=port, **values), tls,
                         Deadline(TIMEOUT * 2))


def test_smtp_starttls_with_auth(smtp_server: Any, tls: TlsConfig) -> None:
    controller = smtp_server(auth=True)
    outcome = _smtp(controller.port, tls)
    assert outcome.status is Status.PASS, outcome.explanation
    assert outcome.details["auth_offered"] is True
    assert outcome.details["tls_version"] in ("TLSv1.2", "TLSv1.3")


def test_smtp_without_auth_when_auth_expected_warns(smtp_server: Any, tls: TlsConfig) -> None:
    controller = smtp_server(auth=False)
    assert _smtp(controller.port, tls).status is Status.WARNING
    assert _smtp(controller.port, tls, smtp_auth=False).status is Status.PASS


def test_smtp_untrusted_certificate_fails(smtp_server: Any) -> None:
    controller = smtp_server(auth=True)
    outcome = _smtp(controller.port, TlsConfig())
    assert outcome.status is Status.FAILURE
    assert "certificat" in outcome.explanation


def test_smtp_implicit_tls_against_starttls_server_fails(smtp_server: Any,
                                                         tls: TlsConfig) -> None:
    controller = smtp_server(auth=True)
    outcome = _smtp(controller.port, tls, smtp_security="tls")
    assert outcome.status is Status.FAILURE
    assert outcome.details["step"] == "tls"


def test_smtp_black_holed(blackhole: BlackHole, tls: TlsConfig) -> None:
    outcome = _smtp(blackhole.port, tls)
    assert outcome.status is Status.FAILURE
    assert outcome.details["step"] == "tcp"


def test_smtp_not_configured(tls: TlsConfig) -> None:
    outcome = nc.check_smtp(settings(), tls, Deadline(TIMEOUT))
    assert outcome.status is Status.WARNING

