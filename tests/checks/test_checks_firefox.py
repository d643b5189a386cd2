"""Firefox checks over real file layouts built in temporary folders, and over the real
Debian firefox-esr installed on this machine."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from samu_desktop.checks import browser_checks as bc
from samu_desktop.checks import firefox_files as ff
from samu_desktop.checks.model import Status
from samu_desktop.checks.platform_linux import LinuxProbe

CHANNEL_PREFS = """/* This Source Code Form is subject to the terms of the Mozilla Public
 * License, v. 2.0. */
// Do not add other prefs to this file.

pref("app.update.channel", "{channel}");
"""


def make_install(directory: Path, version: str, channel: str | None) -> Path:
    (directory / "defaults" / "pref").mkdir(parents=True)
    (directory / "application.ini").write_text(
        "; This file is not used.\n[App]\nVendor=Mozilla\nName=Firefox\n"
        f"RemotingName=firefox-esr\nVersion={version}\nBuildID=20261117185949\n"
        "ID={ec8030f7-c20a-464f-9b0e-13a3a9e97384}\n\n[Gecko]\nMinVersion=1\n"
    )
    if channel is not None:
        (directory / "defaults" / "pref" / "channel-prefs.js").write_text(
            CHANNEL_PREFS.format(channel=channel))
    return directory


def probe_for(root: Path, home: Path) -> LinuxProbe:
    return LinuxProbe(root=root, home=home, environ={"HOME": str(home)},
                      command=lambda args: None)


def write_profiles(home: Path, profiles: dict[str, dict[str, str]], in_use: str,
                   install_section: bool = True) -> Path:
    """profiles.ini with one [ProfileN] per entry; files maps file name to its content."""
    root = home / ".mozilla" / "firefox"
    root.mkdir(parents=True, exist_ok=True)
    lines: list[str] = []
    for index, (name, files) in enumerate(profiles.items()):
        folder = f"x{index}yz.{name}"
        (root / folder).mkdir()
        for file_name, content in files.items():
            (root / folder / file_name).write_text(content)
        lines += [f"[Profile{index}]", f"Name={name}", "IsRelative=1", f"Path={folder}"]
        if not install_section and name == in_use:
            lines.append("Default=1")
        lines.append("")
    if install_section:
        folder = f"x{list(profiles).index(in_use)}yz.{in_use}"
        lines += ["[Install3B6073811A6ABF12]", f"Default={folder}", "Locked=1", ""]
    lines += ["[General]", "StartWithLastProfile=1", "Version=2", ""]
    (root / "profiles.ini").write_text("\n".join(lines))
    return root


# -- parsing -----------------------------------------------------------------------------


def test_prefs_parser_handles_comments_strings_and_locks() -> None:
    text = """
    // user_pref("privacy.sanitize.sanitizeOnShutdown", true);
    /* user_pref("network.cookie.lifetimePolicy", 2); */
    # a hash comment, allowed in prefs files
    user_pref("network.proxy.autoconfig_url", "http://pac.example.test//proxy.pac");
    user_pref("a.string", 'it\\'s');
    user_pref("an.int", -5);
    lockPref("locked.one", true);
    pref("locked.one", false);
    pref("sticky.one", 1, sticky);
    pref("locked.two", "x", locked);
    """
    prefs = ff.parse_prefs(text)
    assert "privacy.sanitize.sanitizeOnShutdown" not in prefs.values
    assert "network.cookie.lifetimePolicy" not in prefs.values
    assert prefs.values["network.proxy.autoconfig_url"] == "http://pac.example.test//proxy.pac"
    assert prefs.values["a.string"] == "it's"
    assert prefs.values["an.int"] == -5
    assert prefs.values["locked.one"] is True  # a later pref() cannot override a lock
    assert prefs.values["sticky.one"] == 1
    assert prefs.locked == {"locked.one", "locked.two"}


def test_read_install_reads_version_and_channel(tmp_path: Path) -> None:
    install = ff.read_install(make_install(tmp_path / "ff", "128.5.0", "esr"))
    assert install is not None
    assert (install.version, install.channel, install.display_version) == (
        "128.5.0", "esr", "128.5.0esr")
    assert install.major == 128


def test_read_install_ignores_other_mozilla_applications(tmp_path: Path) -> None:
    folder = make_install(tmp_path / "tb", "128.5.0", "esr")
    ini = folder / "application.ini"
    ini.write_text(ini.read_text().replace("Name=Firefox", "Name=Thunderbird"))
    assert ff.read_install(folder) is None


def test_profiles_ini_install_section_wins_over_default_flag(tmp_path: Path) -> None:
    root = tmp_path / "firefox"
    root.mkdir()
    (root / "profiles.ini").write_text(
        "[Profile1]\nName=ancien\nIsRelative=1\nPath=a.ancien\nDefault=1\n\n"
        "[Profile0]\nName=default-esr\nIsRelative=1\nPath=b.default-esr\n\n"
        "[Profile2]\nName=ailleurs\nIsRelative=0\nPath=/srv/profils/c\n\n"
        "[InstallABC]\nDefault=b.default-esr\nLocked=1\n"
    )
    profiles = {p.name: p for p in ff.read_profiles(root)}
    assert profiles["default-esr"].is_default
    assert not profiles["ancien"].is_default
    assert profiles["ailleurs"].path == Path("/srv/profils/c")


# -- the Firefox version check ------------------------------------------------------------


@pytest.mark.parametrize(
    ("version", "channel", "supported", "status"),
    [
        ("128.5.0", "esr", ["115esr", "128esr"], Status.PASS),
        ("128.5.0", "release", ["115esr", "128esr"], Status.WARNING),  # not ESR
        ("102.15.0", "esr", ["115esr", "128esr"], Status.FAILURE),  # too old
        ("140.2.0", "esr", ["115esr", "128esr"], Status.WARNING),  # newer than validated
        ("131.0", "release", ["131"], Status.PASS),  # an admin may allow a rapid release
    ],
)
def test_firefox_version_against_supported_list(tmp_path: Path, version: str, channel: str,
                                                supported: list[str], status: Status) -> None:
    make_install(tmp_path / "root" / "usr/lib/firefox-esr", version, channel)
    outcome = bc.check_firefox(probe_for(tmp_path / "root", tmp_path / "home"), supported)
    assert outcome.status is status, outcome.explanation
    expected = version + ("esr" if channel == "esr" else "")
    assert outcome.versions == {"Firefox": expected}


def test_best_of_several_installations_is_judged(tmp_path: Path) -> None:
    root = tmp_path / "root"
    make_install(root / "opt/firefox", "102.0", "release")
    make_install(root / "usr/lib/firefox-esr", "128.3.1", "esr")
    outcome = bc.check_firefox(probe_for(root, tmp_path / "home"), ["128esr"])
    assert outcome.status is Status.PASS
    assert len(outcome.details["installations"]) == 2


def test_no_firefox_is_a_failure(tmp_path: Path) -> None:
    outcome = bc.check_firefox(probe_for(tmp_path, tmp_path / "home"), ["128esr"])
    assert outcome.status is Status.FAILURE


@pytest.mark.skipif(shutil.which("dpkg-query") is None, reason="needs Debian's dpkg")
def test_real_debian_firefox_esr_is_reported_with_its_version_and_channel() -> None:
    """The machine's own firefox-esr package (scripts/setup.sh installs it for the tests)."""
    query = subprocess.run(["dpkg-query", "-W", "-f=${Version}", "firefox-esr"],
                           capture_output=True, text=True, check=False)
    if query.returncode != 0:
        pytest.fail("firefox-esr is not installed: run scripts/setup.sh test")
    # 153.8.0esr-1~deb12u1 -> 153.8.0esr
    expected = query.stdout.split("-", 1)[0]
    probe = LinuxProbe()
    installs = [i for i in probe.firefox_installs() if "firefox-esr" in str(i.path)]
    assert installs, "the probe did not find /usr/lib/firefox-esr"
    assert installs[0].channel == "esr"
    assert installs[0].display_version == expected
    major = expected.split(".", 1)[0]
    outcome = bc.check_firefox(probe, [f"{major}esr"])
    assert outcome.status is Status.PASS
    assert outcome.versions["Firefox"] == expected


# -- cookies cleared on exit --------------------------------------------------------------

SANITIZE = 'user_pref("privacy.sanitize.sanitizeOnShutdown", true);\n'


@pytest.mark.skipif(sys.platform == "win32", reason="Linux's ~/.mozilla profile folder")
def test_profile_that_clears_cookies_is_a_failure(tmp_path: Path) -> None:
    home = tmp_path / "home"
    write_profiles(home, {"default-esr": {"prefs.js": SANITIZE}}, "default-esr")
    outcome = bc.check_firefox_profile(probe_for(tmp_path / "root", home))
    assert outcome.status is Status.FAILURE
    assert "default-esr" in outcome.explanation
    row = outcome.details["profiles"][0]
    assert row["reasons"] == ["privacy.sanitize.sanitizeOnShutdown"]
    assert row["path"].startswith("~/.mozilla/firefox/")  # no login name in the report


def test_user_js_overrides_prefs_js(tmp_path: Path) -> None:
    home = tmp_path / "home"
    user_js = 'user_pref("privacy.sanitize.sanitizeOnShutdown", false);\n'
    write_profiles(home, {"default-esr": {"prefs.js": SANITIZE, "user.js": user_js}},
                   "default-esr")
    assert bc.check_firefox_profile(probe_for(tmp_path / "root", home)).status is Status.PASS


@pytest.mark.parametrize(
    ("files", "status"),
    [
        # Firefox 115 reads the old preference; unticking cookies keeps them.
        ({"compatibility.ini": "[Compatibility]\nLastVersion=115.18.0_20241119/20241119\n",
          "prefs.js": SANITIZE + 'user_pref("privacy.clearOnShutdown.cookies", false);\n'},
         Status.PASS),
        # Firefox 128+ reads the _v2 preference: the old one set to false does not help.
        ({"compatibility.ini": "[Compatibility]\nLastVersion=128.5.0_20241118/20241118\n",
          "prefs.js": SANITIZE + 'user_pref("privacy.clearOnShutdown.cookies", false);\n'},
         Status.FAILURE),
        ({"compatibility.ini": "[Compatibility]\nLastVersion=140.1.0_20250701/20250701\n",
          "prefs.js": SANITIZE
          + 'user_pref("privacy.clearOnShutdown_v2.cookiesAndStorage", false);\n'},
         Status.PASS),
        ({"prefs.js": 'user_pref("network.cookie.lifetimePolicy", 2);\n'}, Status.FAILURE),
        ({"prefs.js": 'user_pref("browser.privatebrowsing.autostart", true);\n'},
         Status.FAILURE),
        ({"prefs.js": 'user_pref("browser.startup.page", 3);\n'}, Status.PASS),
    ],
)
def test_cookie_preferences_by_firefox_version(tmp_path: Path, files: dict[str, str],
                                               status: Status) -> None:
    home = tmp_path / "home"
    write_profiles(home, {"default-esr": files}, "default-esr")
    outcome = bc.check_firefox_profile(probe_for(tmp_path / "root", home))
    assert outcome.status is status, outcome.details


def test_other_profile_that_clears_cookies_is_a_warning(tmp_path: Path) -> None:
    home = tmp_path / "home"
    write_profiles(home, {"default-esr": {"prefs.js": ""}, "test": {"prefs.js": SANITIZE}},
                   "default-esr", install_section=False)
    outcome = bc.check_firefox_profile(probe_for(tmp_path / "root", home))
    assert outcome.status is Status.WARNING
    assert "test" in outcome.explanation
    in_use = [r["name"] for r in outcome.details["profiles"] if r["in_use"]]
    assert in_use == ["default-esr"]


def test_policy_clearing_cookies_is_reported_as_imposed(tmp_path: Path) -> None:
    root, home = tmp_path / "root", tmp_path / "home"
    write_profiles(home, {"default-esr": {"prefs.js": ""}}, "default-esr")
    policies = root / "etc/firefox/policies"
    policies.mkdir(parents=True)
    (policies / "policies.json").write_text(
        '{"policies": {"SanitizeOnShutdown": {"Cookies": true, "History": false}}}')
    outcome = bc.check_firefox_profile(probe_for(root, home))
    assert outcome.status is Status.FAILURE
    assert "stratégie" in outcome.action
    assert outcome.details["policies"] == [str(policies / "policies.json")]


def test_installation_default_prefs_are_applied(tmp_path: Path) -> None:
    """An administrator's autoconfig file in the installation locks the preference."""
    root, home = tmp_path / "root", tmp_path / "home"
    install = make_install(root / "usr/lib/firefox-esr", "128.5.0", "esr")
    prefs_dir = install / "browser" / "defaults" / "preferences"
    prefs_dir.mkdir(parents=True)
    (prefs_dir / "hopital.js").write_text(
        'lockPref("privacy.sanitize.sanitizeOnShutdown", true);\n')
    user_js = 'user_pref("privacy.sanitize.sanitizeOnShutdown", false);\n'
    write_profiles(home, {"default-esr": {"user.js": user_js}}, "default-esr")
    assert bc.check_firefox_profile(probe_for(root, home)).status is Status.FAILURE


def test_no_profile_yet(tmp_path: Path) -> None:
    root = tmp_path / "root"
    make_install(root / "usr/lib/firefox-esr", "128.5.0", "esr")
    outcome = bc.check_firefox_profile(probe_for(root, tmp_path / "home"))
    assert outcome.status is Status.WARNING
    no_firefox = bc.check_firefox_profile(probe_for(tmp_path / "empty", tmp_path / "home"))
    assert no_firefox.status is Status.NOT_APPLICABLE


@pytest.mark.skipif(sys.platform == "win32", reason="Debian's dpkg status")
def test_other_browsers_from_dpkg_status(tmp_path: Path) -> None:
    status = tmp_path / "root" / "var/lib/dpkg/status"
    status.parent.mkdir(parents=True)
    status.write_text(
        "Package: google-chrome-stable\nStatus: install ok installed\n"
        "Version: 124.0.6367.91-1\n\n"
        "Package: microsoft-edge-stable\nStatus: deinstall ok config-files\n"
        "Version: 123.0.2420.97-1\n\n"
        "Package: chromium\nStatus: install ok installed\nVersion: 1:125.0.6422.60-1~deb12u1\n"
    )
    outcome = bc.check_other_browsers(probe_for(tmp_path / "root", tmp_path / "home"))
    assert outcome.status is Status.PASS
    assert outcome.versions == {"Chrome": "124.0.6367.91", "Chromium": "125.0.6422.60"}
