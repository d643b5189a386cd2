"""The macOS probe over a real Firefox.app layout in a temporary root; ``scutil --proxy``
output is recorded from a Mac (the command does not exist here)."""

from __future__ import annotations

from pathlib import Path

from samu_desktop.checks import browser_checks as bc
from samu_desktop.checks import system_checks
from samu_desktop.checks.model import Status
from samu_desktop.checks.platform_macos import MacProbe

SCUTIL = """<dictionary> {
  ExceptionsList : <array> {
    0 : *.local
    1 : 169.254/16
  }
  FTPPassive : 1
  HTTPEnable : 1
  HTTPPort : 3128
  HTTPProxy : proxy.chu.test
  HTTPSEnable : 1
  HTTPSPort : 3129
  HTTPSProxy : proxy.chu.test
}
"""


def test_firefox_app_bundle_and_proxy(tmp_path: Path) -> None:
    resources = tmp_path / "Applications/Firefox.app/Contents/Resources"
    (resources / "defaults/pref").mkdir(parents=True)
    (resources / "application.ini").write_text("[App]\nName=Firefox\nVersion=128.6.0\n")
    (resources / "defaults/pref/channel-prefs.js").write_text(
        'pref("app.update.channel", "esr");\n')
    probe = MacProbe(root=tmp_path, home=tmp_path / "Users/agent", environ={},
                     command=lambda args: SCUTIL if args == ["scutil", "--proxy"] else None)
    assert bc.check_firefox(probe, ["128esr"]).versions == {"Firefox": "128.6.0esr"}
    info = probe.system_proxy()
    assert info.mode == "manual"
    assert info.servers == {"http": "proxy.chu.test:3128", "https": "proxy.chu.test:3129"}
    assert system_checks.check_audio(probe).status is Status.NOT_APPLICABLE
    assert probe.smartcards().readers is None
