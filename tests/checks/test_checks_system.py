"""Operating system, screens (a real Xvfb), audio (/proc/asound layout), proxies (GNOME's
keyfile settings backend read by the real gsettings, environment, Firefox prefs)."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

from samu_desktop.checks import system_checks
from samu_desktop.checks.model import Status
from samu_desktop.checks.platform_linux import LinuxProbe
from samu_desktop.checks.probes import ScreenInfo
from tests.conftest import XServer, start_xvfb

CARDS = """ 0 [PCH            ]: HDA-Intel - HDA Intel PCH
                      HDA Intel PCH at 0xf7f10000 irq 32
 1 [Headset        ]: USB-Audio - Jabra EVOLVE 20 MS
                      GN Netcom A/S Jabra EVOLVE 20 MS at usb-0000:00:14.0-2, full speed
"""


def probe(root: Path, home: Path, environ: dict[str, str] | None = None) -> LinuxProbe:
    return LinuxProbe(root=root, home=home, environ=environ or {}, command=lambda a: None)


def test_os_release_is_read(tmp_path: Path) -> None:
    (tmp_path / "etc").mkdir()
    (tmp_path / "etc/os-release").write_text(
        'PRETTY_NAME="Ubuntu 24.04.1 LTS"\nNAME="Ubuntu"\nVERSION_ID="24.04"\n')
    outcome = system_checks.check_os(probe(tmp_path, tmp_path))
    assert outcome.status is Status.WARNING  # not the reference Windows workstation
    assert outcome.details["name"] == "Ubuntu 24.04.1 LTS"
    assert "Windows 10 ou 11" in outcome.explanation


def test_audio_cards_from_proc(tmp_path: Path) -> None:
    (tmp_path / "proc/asound").mkdir(parents=True)
    (tmp_path / "proc/asound/cards").write_text(CARDS)
    outcome = system_checks.check_audio(probe(tmp_path, tmp_path))
    assert outcome.status is Status.PASS
    assert outcome.details["outputs"] == ["HDA Intel PCH", "Jabra EVOLVE 20 MS"]


def test_no_sound_card(tmp_path: Path) -> None:
    (tmp_path / "proc/asound").mkdir(parents=True)
    (tmp_path / "proc/asound/cards").write_text("--- no soundcards ---\n")
    assert system_checks.check_audio(probe(tmp_path, tmp_path)).status is Status.WARNING


class FixedScreens:
    def __init__(self, *sizes: tuple[int, int]) -> None:
        self.sizes = sizes

    def screens(self) -> list[ScreenInfo]:
        return [ScreenInfo(w, h) for w, h in self.sizes]


def test_screen_rule() -> None:
    ok = system_checks.check_screens(FixedScreens((1366, 768), (1920, 1080)))
    assert ok.status is Status.PASS
    assert ok.details["screens"] == ["1366×768", "1920×1080"]
    assert system_checks.check_screens(FixedScreens((1600, 900))).status is Status.WARNING


@pytest.mark.xvfb
def test_screens_of_a_real_x_server(xserver: XServer, monkeypatch: pytest.MonkeyPatch,
                                    tmp_path: Path) -> None:
    monkeypatch.setenv("DISPLAY", xserver.display)
    outcome = system_checks.check_screens(probe(tmp_path, tmp_path))
    assert outcome.status is Status.PASS
    assert outcome.details["screens"] == ["1920×1080"]


@pytest.mark.xvfb
def test_small_real_screen_warns(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    proc, server = start_xvfb(1280, 1024)
    try:
        monkeypatch.setenv("DISPLAY", server.display)
        outcome = system_checks.check_screens(probe(tmp_path, tmp_path))
    finally:
        proc.terminate()
        proc.wait(10)
    assert outcome.status is Status.WARNING
    assert outcome.details["screens"] == ["1280×1024"]


@pytest.mark.skipif(sys.platform == "win32",
                    reason="DISPLAY / WAYLAND_DISPLAY: X11 and Wayland only")
def test_no_display_is_said_plainly(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    outcome = system_checks.check_screens(probe(tmp_path, tmp_path))
    assert outcome.status is Status.WARNING
    assert "écrans n'ont pas pu être lus" in outcome.explanation


@pytest.mark.skipif(shutil.which("gsettings") is None, reason="gsettings (libglib2.0-bin) absent")
def test_gnome_proxy_through_real_gsettings(isolated_home: Path) -> None:
    """GSETTINGS_BACKEND=keyfile: the real gsettings reads a real file, no D-Bus needed."""
    keyfile = isolated_home / "config" / "glib-2.0" / "settings" / "keyfile"
    keyfile.parent.mkdir(parents=True)
    keyfile.write_text(
        "[system/proxy]\nmode='manual'\nignore-hosts=['localhost', '*.chu.test']\n\n"
        "[system/proxy/https]\nhost='proxy.chu.test'\nport=3128\n\n"
        "[system/proxy/http]\nhost='proxy.chu.test'\nport=3128\n"
        "authentication-user='agent'\nauthentication-password='motdepasse-de-test'\n"
    )
    env = {"PATH": "/usr/bin:/bin", "HOME": str(isolated_home),
           "XDG_CONFIG_HOME": str(isolated_home / "config"), "GSETTINGS_BACKEND": "keyfile"}
    live = LinuxProbe(home=isolated_home, environ=env)
    info = live.system_proxy()
    assert info.mode == "manual"
    assert info.servers == {"http": "proxy.chu.test:3128", "https": "proxy.chu.test:3128"}
    assert "*.chu.test" in info.bypass
    outcome = system_checks.check_proxy(live)
    assert "motdepasse-de-test" not in str(outcome.details)
    assert "proxy manuel (proxy.chu.test:3128)" in outcome.explanation


def test_proxy_report_masks_credentials(tmp_path: Path) -> None:
    env = {"HTTPS_PROXY": "http://agent:secret-de-test@proxy.chu.test:3128",
           "NO_PROXY": "localhost,.chu.test"}
    outcome = system_checks.check_proxy(probe(tmp_path, tmp_path, env))
    assert outcome.status is Status.PASS
    assert "secret-de-test" not in str(outcome.details)
    assert outcome.details["environment"]["HTTPS_PROXY"] == "http://***@proxy.chu.test:3128"
    assert "HTTPS_PROXY" in outcome.explanation


def test_firefox_proxy_prefs_in_report(tmp_path: Path) -> None:
    home = tmp_path / "home"
    profile = home / ".mozilla/firefox/a.default-esr"
    profile.mkdir(parents=True)
    (home / ".mozilla/firefox/profiles.ini").write_text(
        "[Profile0]\nName=default-esr\nIsRelative=1\nPath=a.default-esr\nDefault=1\n")
    (profile / "prefs.js").write_text(
        'user_pref("network.proxy.type", 2);\n'
        'user_pref("network.proxy.autoconfig_url", "http://wpad.chu.test/proxy.pac");\n')
    outcome = system_checks.check_proxy(probe(tmp_path / "root", home))
    assert outcome.details["firefox"]["mode"] == "pac"
    assert outcome.details["firefox"]["pac_url"] == "http://wpad.chu.test/proxy.pac"
    assert "Firefox : script de configuration (PAC)" in outcome.explanation
