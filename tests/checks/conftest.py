"""Fixtures of the prerequisites-test tests: real loopback servers and real file layouts."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

# pytest puts this folder on sys.path (rootdir-relative "prepend" import mode).
from checks_servers import BlackHole, HttpsServer, LoopbackCA, NtpServer, SilentServer, make_ca

from samu_desktop.checks.net import TlsConfig
from samu_desktop.checks.platform_linux import LinuxProbe
from samu_desktop.checks.probes import SmartCardState


@pytest.fixture(scope="session")
def test_ca(tmp_path_factory: pytest.TempPathFactory) -> LoopbackCA:
    return make_ca(tmp_path_factory.mktemp("ca"), "Autorite de test SAMU")


@pytest.fixture(scope="session")
def intercepting_ca(tmp_path_factory: pytest.TempPathFactory) -> LoopbackCA:
    """What a TLS-inspecting proxy presents: another authority, trusted by the workstation."""
    return make_ca(tmp_path_factory.mktemp("mitm"), "Pare-feu Inspection SSL")


@pytest.fixture
def tls(test_ca: LoopbackCA) -> TlsConfig:
    return TlsConfig(cafile=test_ca.ca_file)


@pytest.fixture
def https_server(test_ca: LoopbackCA) -> Iterator[HttpsServer]:
    server = HttpsServer(test_ca)
    yield server
    server.close()


@pytest.fixture
def blackhole() -> Iterator[BlackHole]:
    hole = BlackHole()
    yield hole
    hole.close()


@pytest.fixture
def silent_server() -> Iterator[SilentServer]:
    server = SilentServer()
    yield server
    server.close()


@pytest.fixture
def ntp_server() -> Iterator[NtpServer]:
    server = NtpServer()
    yield server
    server.close()


@pytest.fixture
def empty_root(tmp_path: Path) -> Path:
    root = tmp_path / "root"
    root.mkdir()
    return root


@pytest.fixture
def bare_probe(empty_root: Path, isolated_home: Path) -> LinuxProbe:
    """A Linux probe over an empty system: no Firefox, no proxy, no smart card."""
    return LinuxProbe(root=empty_root, home=isolated_home, environ={},
                      smartcards=lambda: SmartCardState(None, "none in tests"),
                      command=lambda args: None)
