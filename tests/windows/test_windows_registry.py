"""The Windows probe against the real registry (winreg) and the real service manager.

The same situations as tests/checks/test_checks_windows.py, which feeds recorded values to
the probe: here fake keys are written into the registry of the lane's Wine prefix and the
probe reads them through its real reader.
"""

from __future__ import annotations

from pathlib import Path

from samu_desktop.checks import browser_checks as bc
from samu_desktop.checks import proxy as px
from samu_desktop.checks import system_checks
from samu_desktop.checks.model import Status
from samu_desktop.checks.platform_windows import (
    INTERNET_SETTINGS,
    WindowsProbe,
    WinRegReader,
    query_service,
)

ESR = r"HKLM\SOFTWARE\Mozilla\Mozilla Firefox ESR"


def probe(tmp_path: Path) -> WindowsProbe:
    """The real registry and service manager; no Firefox in the default Program Files."""
    import os

    env = dict(os.environ, ProgramFiles=str(tmp_path / "no-pf"),
               **{"ProgramFiles(x86)": str(tmp_path / "no-pf86")})
    return WindowsProbe(environ=env)


def firefox_files(folder: Path, version: str) -> Path:
    (folder / "defaults" / "pref").mkdir(parents=True)
    (folder / "application.ini").write_text(f"[App]\nName=Firefox\nVersion={version}\n")
    (folder / "defaults" / "pref" / "channel-prefs.js").write_text(
        'pref("app.update.channel", "esr");\n')
    return folder


def test_the_system_is_windows_10_from_the_registry(tmp_path: Path) -> None:
    assert isinstance(probe(tmp_path).registry, WinRegReader)
    outcome = system_checks.check_os(probe(tmp_path))
    assert outcome.status is Status.PASS, outcome.explanation
    assert "Windows 10" in outcome.details["name"]
    assert int(outcome.details["build"].split(".")[0]) >= 10240  # the first Windows 10 build


def test_firefox_esr_is_found_only_through_its_registry_keys(tmp_path: Path) -> None:
    from tests.windows.winreg_keys import registry_values

    folder = firefox_files(tmp_path / "Mozilla Firefox ESR", "128.5.0")
    assert bc.check_firefox(probe(tmp_path), ["128esr"]).status is not Status.PASS
    keys = {
        ESR: {"CurrentVersion": "128.5.0 ESR (x64 fr)"},
        ESR + r"\128.5.0 ESR (x64 fr)\Main": {
            "Install Directory": str(folder), "PathToExe": str(folder / "firefox.exe")},
    }
    with registry_values(keys):
        outcome = bc.check_firefox(probe(tmp_path), ["128esr"])
        assert outcome.status is Status.PASS, outcome.explanation
        assert outcome.versions == {"Firefox": "128.5.0esr"}
    assert WinRegReader().subkeys(ESR) == []  # the fake keys are gone


def test_firefox_policies_are_read_from_the_registry(tmp_path: Path) -> None:
    from tests.windows.winreg_keys import registry_values

    key = r"HKLM\SOFTWARE\Policies\Mozilla\Firefox"
    keys = {key: {"DisableAppUpdate": 1},
            key + r"\Certificates": {"ImportEnterpriseRoots": 1}}
    with registry_values(keys):
        sources = [s for s in probe(tmp_path).firefox_policies() if s.origin == key]
    assert len(sources) == 1
    assert sources[0].policies == {"DisableAppUpdate": True,
                                   "Certificates": {"ImportEnterpriseRoots": True}}


def test_manual_proxy_from_internet_settings(tmp_path: Path) -> None:
    from tests.windows.winreg_keys import registry_values

    values = {"ProxyEnable": 1, "ProxyServer": "http=proxy.hopital.test:3128;"
                                               "https=proxy.hopital.test:3128",
              "ProxyOverride": "*.hopital.test;<local>", "AutoConfigURL": ""}
    with registry_values({INTERNET_SETTINGS: values}):
        info = probe(tmp_path).system_proxy()
        assert info.mode == "manual"
        assert info.servers == {"http": "proxy.hopital.test:3128",
                                "https": "proxy.hopital.test:3128"}
        assert info.bypass == ["*.hopital.test", "<local>"]
        choice = px.choose_proxy(probe(tmp_path), "https://portail.si-samu.example/")
        assert (choice.proxy, choice.source) == (("proxy.hopital.test", 3128), "system")
        assert px.choose_proxy(probe(tmp_path), "https://intranet.hopital.test/").proxy is None
    assert probe(tmp_path).system_proxy().mode == "none"


def test_services_come_from_sc_query() -> None:
    # Wine's service manager runs "PlugPlay"; no smart-card service exists in a bare prefix.
    assert query_service("PlugPlay") == "running"
    assert query_service("SCardSvr") == "stopped"
