"""The Windows probe on Linux: the registry is a RecordedRegistry holding values as a real
Windows workstation records them (key paths, value names and types as winreg returns them);
files (Firefox, the Cryptolib DLL) are real files in a temporary tree; the service manager
and winmm, which cannot exist here, are small stand-ins."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from samu_desktop.checks import browser_checks as bc
from samu_desktop.checks import cps_checks, system_checks
from samu_desktop.checks import proxy as px
from samu_desktop.checks.model import Status
from samu_desktop.checks.platform_windows import RecordedRegistry, WindowsProbe
from samu_desktop.checks.probes import ReaderInfo, SmartCardState

WIN11 = {
    r"HKLM\SOFTWARE\Microsoft\Windows NT\CurrentVersion": {
        "ProductName": "Windows 10 Pro",  # Windows 11 keeps this name: the build tells
        "EditionID": "Professional",
        "DisplayVersion": "23H2",
        "CurrentBuildNumber": "22631",
        "UBR": 4460,
    },
}


def make_probe(tmp_path: Path, registry: dict[str, dict[str, Any]], **kwargs: Any) -> WindowsProbe:
    env = {
        "APPDATA": str(tmp_path / "Users/agent/AppData/Roaming"),
        "USERPROFILE": str(tmp_path / "Users/agent"),
        "SystemRoot": str(tmp_path / "Windows"),
        "ProgramFiles": str(tmp_path / "Program Files"),
        "ProgramFiles(x86)": str(tmp_path / "Program Files (x86)"),
        "PROCESSOR_ARCHITECTURE": "AMD64",
    }
    kwargs.setdefault("services", lambda name: "running")
    kwargs.setdefault("smartcards", lambda: SmartCardState(None, "stand-in"))
    kwargs.setdefault("audio", lambda: ["Haut-parleurs (Realtek(R) Audio)"])
    return WindowsProbe(RecordedRegistry({**WIN11, **registry}), environ=env, **kwargs)


def firefox_files(folder: Path, version: str) -> Path:
    (folder / "defaults" / "pref").mkdir(parents=True)
    (folder / "application.ini").write_text(f"[App]\nName=Firefox\nVersion={version}\n")
    (folder / "defaults" / "pref" / "channel-prefs.js").write_text(
        'pref("app.update.channel", "esr");\n')
    return folder


def test_windows_11_is_named_from_its_build(tmp_path: Path) -> None:
    outcome = system_checks.check_os(make_probe(tmp_path, {}))
    assert outcome.status is Status.PASS
    assert outcome.details["name"] == "Windows 11 Pro"
    assert outcome.details["build"] == "22631.4460"


def test_windows_10_passes_and_windows_7_fails(tmp_path: Path) -> None:
    key = r"HKLM\SOFTWARE\Microsoft\Windows NT\CurrentVersion"
    win10 = {key: {"ProductName": "Windows 10 Enterprise", "CurrentBuildNumber": "19045",
                   "DisplayVersion": "22H2", "UBR": 5131}}
    win7 = {key: {"ProductName": "Windows 7 Professional", "CurrentBuildNumber": "7601"}}
    assert system_checks.check_os(make_probe(tmp_path, win10)).status is Status.PASS
    assert system_checks.check_os(make_probe(tmp_path, win7)).status is Status.FAILURE


def test_firefox_found_through_the_registry(tmp_path: Path) -> None:
    folder = firefox_files(tmp_path / "Program Files/Mozilla Firefox ESR", "128.5.0")
    registry = {
        r"HKLM\SOFTWARE\Mozilla\Mozilla Firefox ESR": {"CurrentVersion": "128.5.0 ESR (x64 fr)"},
        r"HKLM\SOFTWARE\Mozilla\Mozilla Firefox ESR\128.5.0 ESR (x64 fr)\Main": {
            "Install Directory": str(folder), "PathToExe": str(folder / "firefox.exe")},
    }
    outcome = bc.check_firefox(make_probe(tmp_path, registry), ["128esr"])
    assert outcome.status is Status.PASS
    assert outcome.versions == {"Firefox": "128.5.0esr"}


def test_registry_version_is_used_when_files_are_unreadable(tmp_path: Path) -> None:
    registry = {
        r"HKLM\SOFTWARE\Mozilla\Mozilla Firefox": {"CurrentVersion": "115.18.0 ESR (x64 fr)"},
        r"HKLM\SOFTWARE\Mozilla\Mozilla Firefox\115.18.0 ESR (x64 fr)\Main": {
            "Install Directory": str(tmp_path / "missing")},
    }
    outcome = bc.check_firefox(make_probe(tmp_path, registry), ["115esr"])
    assert outcome.status is Status.PASS
    assert outcome.versions == {"Firefox": "115.18.0esr"}


def test_firefox_in_program_files_without_registry(tmp_path: Path) -> None:
    firefox_files(tmp_path / "Program Files/Mozilla Firefox", "140.3.0")
    assert bc.check_firefox(make_probe(tmp_path, {}), ["140esr"]).status is Status.PASS


def test_chrome_and_edge_versions(tmp_path: Path) -> None:
    registry = {
        r"HKCU\Software\Google\Chrome\BLBeacon": {"version": "124.0.6367.119", "state": 1},
        r"HKLM\SOFTWARE\WOW6432Node\Microsoft\Windows\CurrentVersion\Uninstall\Microsoft Edge": {
            "DisplayVersion": "125.0.2535.51", "DisplayName": "Microsoft Edge"},
    }
    outcome = bc.check_other_browsers(make_probe(tmp_path, registry))
    assert outcome.versions == {"Chrome": "124.0.6367.119", "Edge": "125.0.2535.51"}


def test_registry_policy_clearing_cookies(tmp_path: Path) -> None:
    profiles = tmp_path / "Users/agent/AppData/Roaming/Mozilla/Firefox"
    (profiles / "Profiles/k3x.default-esr").mkdir(parents=True)
    (profiles / "profiles.ini").write_text(
        "[Profile0]\nName=default-esr\nIsRelative=1\nPath=Profiles/k3x.default-esr\n\n"
        "[Install308046B0AF4A39CB]\nDefault=Profiles/k3x.default-esr\nLocked=1\n")
    registry = {
        r"HKLM\SOFTWARE\Policies\Mozilla\Firefox\SanitizeOnShutdown": {"Cookies": 1,
                                                                         "Cache": 1},
        r"HKLM\SOFTWARE\Policies\Mozilla\Firefox": {"DisableAppUpdate": 1},
    }
    outcome = bc.check_firefox_profile(make_probe(tmp_path, registry))
    assert outcome.status is Status.FAILURE
    assert "stratégie" in outcome.action
    assert outcome.details["policies"] == [r"HKLM\SOFTWARE\Policies\Mozilla\Firefox"]


def test_registry_preferences_policy_is_json(tmp_path: Path) -> None:
    registry = {r"HKLM\SOFTWARE\Policies\Mozilla\Firefox": {
        "Preferences": '{"network.cookie.lifetimePolicy": {"Value": 2, "Status": "locked"}}'}}
    sources = make_probe(tmp_path, registry).firefox_policies()
    assert sources[0].policies["Preferences"]["network.cookie.lifetimePolicy"]["Value"] == 2


@pytest.fixture
def cps_registry(tmp_path: Path) -> dict[str, dict[str, Any]]:
    system32 = tmp_path / "Windows/System32"
    system32.mkdir(parents=True)
    (system32 / "cps3_pkcs11_w64.dll").write_bytes(b"MZ")
    return {
        r"HKLM\SOFTWARE\ASIP\Cryptolib CPS": {
            "InstallDir": r"C:\Program Files\santesocial\CPS", "Version": "5.2.2"},
        r"HKLM\SOFTWARE\Mozilla\PKCS11Modules\cps3": {
            "ModuleName": "CPS", "ModulePath": str(system32 / "cps3_pkcs11_w64.dll")},
    }


def test_cps_ready_on_windows(tmp_path: Path, cps_registry: dict[str, dict[str, Any]]) -> None:
    """A reader with a card is a stand-in here: no smart card can exist on this machine."""
    probe = make_probe(tmp_path, cps_registry, smartcards=lambda: SmartCardState(
        [ReaderInfo("Gemalto PC Twin Reader 0", True)]))
    outcome = cps_checks.check_cps(probe, "cps", "5.2")
    assert outcome.status is Status.PASS, outcome.explanation
    assert outcome.versions == {"Cryptolib CPS": "5.2.2"}


def test_cps_service_stopped_and_old_cryptolib(tmp_path: Path,
                                               cps_registry: dict[str, dict[str, Any]]) -> None:
    cps_registry[r"HKLM\SOFTWARE\ASIP\Cryptolib CPS"]["Version"] = "5.0.37"
    probe = make_probe(tmp_path, cps_registry, services=lambda name: "stopped",
                       smartcards=lambda: SmartCardState([ReaderInfo("Lecteur", False)]))
    outcome = cps_checks.check_cps(probe, "cps", "5.2")
    assert outcome.status is Status.FAILURE
    steps = {s["step"]: s["status"] for s in outcome.details["steps"]}
    assert steps == {"cryptolib": "failure", "firefox_module": "pass", "service": "failure",
                     "reader": "pass", "card": "warning"}
    assert "5.0.37" in outcome.explanation


def test_cps_not_needed_for_otp(tmp_path: Path) -> None:
    outcome = cps_checks.check_cps(make_probe(tmp_path, {}), "otp_sms", "5.2")
    assert outcome.status is Status.NOT_APPLICABLE


def test_windows_system_proxy(tmp_path: Path) -> None:
    settings_key = r"HKCU\Software\Microsoft\Windows\CurrentVersion\Internet Settings"
    registry = {settings_key: {
        "ProxyEnable": 1, "ProxyServer": "http=proxy.chu.test:8080;https=proxy.chu.test:8443",
        "ProxyOverride": "*.chu.test;<local>"}}
    probe = make_probe(tmp_path, registry)
    info = probe.system_proxy()
    assert info.mode == "manual"
    assert info.servers == {"http": "proxy.chu.test:8080", "https": "proxy.chu.test:8443"}
    choice = px.choose_proxy(probe, "https://www.portail.formation.si-samu.fr/")
    assert choice.proxy == ("proxy.chu.test", 8443)
    assert px.choose_proxy(probe, "https://intranet.chu.test/").proxy is None
    assert px.choose_proxy(probe, "https://serveur/").proxy is None  # <local>


def test_windows_pac_is_reported_not_evaluated(tmp_path: Path) -> None:
    key = r"HKCU\Software\Microsoft\Windows\CurrentVersion\Internet Settings"
    probe = make_probe(tmp_path, {key: {"AutoConfigURL": "http://wpad.chu.test/proxy.pac",
                                        "ProxyEnable": 0}})
    outcome = system_checks.check_proxy(probe)
    assert outcome.details["system"]["mode"] == "auto"
    assert "configuration automatique" in outcome.explanation
    assert px.choose_proxy(probe, "https://portail.test/").note == "pac"


def test_audio_devices_from_winmm_stand_in(tmp_path: Path) -> None:
    assert system_checks.check_audio(make_probe(tmp_path, {})).status is Status.PASS
    silent = make_probe(tmp_path, {}, audio=lambda: [])
    assert system_checks.check_audio(silent).status is Status.WARNING


def test_recorded_registry_is_case_insensitive() -> None:
    registry = RecordedRegistry({r"HKLM\SOFTWARE\Mozilla\PKCS11Modules\cps3": {"a": "b"}})
    assert registry.values(r"hklm\software\mozilla\pkcs11modules\CPS3") == {"a": "b"}
    assert registry.subkeys(r"HKLM\SOFTWARE\MOZILLA") == ["PKCS11Modules"]
