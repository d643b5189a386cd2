"""The administrator's guide stays true: every setting documented, the paths it gives."""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path
from types import ModuleType

import platformdirs.windows
import pytest

from samu_desktop.config.paths import APP_NAME, AppPaths
from samu_desktop.config.settings import ADMIN_SETTINGS, setting_names

REPO = Path(__file__).resolve().parents[2]
GUIDE = REPO / "docs" / "guide-administrateur.md"


def load_settings_table() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "settings_table", REPO / "packaging" / "settings_table.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def guide() -> str:
    return GUIDE.read_text(encoding="utf-8")


def test_the_guide_table_is_the_one_generated_from_settings() -> None:
    table = load_settings_table()
    assert table.guide_table(guide()) == table.table(), (
        "docs/guide-administrateur.md is out of date: "
        "run .venv/bin/python packaging/settings_table.py --write"
    )


def test_every_setting_has_a_row_with_a_description() -> None:
    rows = load_settings_table().guide_table(guide()).splitlines()[2:]
    documented = {}
    for row in rows:
        cells = [c.strip() for c in row.strip("|").split(" | ")]
        documented[cells[0].strip("`")] = cells
    assert set(documented) == set(setting_names())
    for name, cells in documented.items():
        assert cells[3], f"{name} has no description"
        assert cells[4] == ("oui" if name in ADMIN_SETTINGS else "non")


def test_the_linux_policy_path_in_the_guide_is_where_the_app_reads_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("XDG_CONFIG_DIRS")  # a session that does not set it
    if sys.platform != "linux":
        pytest.skip("the XDG rules apply on Linux")
    assert str(AppPaths.default().policy_file) == "/etc/xdg/samu-desktop/policy.json"
    assert "`/etc/xdg/samu-desktop/policy.json`" in guide()
    # The Ubuntu case the guide warns about: the first folder of XDG_CONFIG_DIRS.
    monkeypatch.setenv("XDG_CONFIG_DIRS", "/etc/xdg/xdg-ubuntu:/etc/xdg")
    assert str(AppPaths.default().policy_file) == (
        "/etc/xdg/xdg-ubuntu/samu-desktop/policy.json")
    assert "`/etc/xdg/xdg-ubuntu/samu-desktop/policy.json`" in guide()


def test_the_windows_paths_in_the_guide_are_platformdirs_own(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """platformdirs' Windows rules, with the known folders of a typical machine."""
    folders = {
        "CSIDL_COMMON_APPDATA": "C:/ProgramData",
        "CSIDL_LOCAL_APPDATA": "%LOCALAPPDATA%",
        "CSIDL_APPDATA": "%APPDATA%",
    }
    monkeypatch.setattr(platformdirs.windows, "get_win_folder", folders.__getitem__)
    dirs = platformdirs.windows.Windows(appname=APP_NAME, appauthor=False)

    def windows(path: str) -> str:
        return path.replace("/", "\\")

    text = guide()
    policy = windows(dirs.site_config_dir) + "\\policy.json"
    assert policy == r"C:\ProgramData\samu-desktop\policy.json"
    assert f"`{policy}`" in text
    for path in (dirs.user_config_dir, dirs.user_data_dir, dirs.user_state_dir):
        assert f"`{windows(path)}\\`" in text
    assert f"`{windows(dirs.user_log_dir)}\\`" in text


def test_the_silent_install_switches_in_the_guide_are_those_of_the_installer() -> None:
    """The guide's switches are parsed by the NSIS script (the Windows lane runs them)."""
    nsi = (REPO / "packaging" / "windows" / "samu-desktop.nsi").read_text(encoding="utf-8")
    tasks = set(re.findall(r'^\s*!insertmacro HasTask "(\w+)"', nsi, re.MULTILINE))
    assert tasks == {"autostart", "desktopicon"}
    text = guide()
    for task in tasks:
        assert f'/TASKS="{task}' in text or f',{task}"' in text
    for switch in ("/VERYSILENT", "/SUPPRESSMSGBOXES", "/NORESTART", "/TASKS=", "/DIR=",
                   "/LOG=", "/CLOSEAPPLICATIONS"):
        assert switch in text and switch in nsi
    assert re.search(r'\$\{GetOptions\} \$R0 "/VERYSILENT"', nsi)
    app_id = re.search(r'^!define APP_ID "(\{[0-9A-F-]+\})"', nsi, re.MULTILINE)
    assert app_id is not None
    assert app_id.group(1) + "_is1" in text  # the detection rule names the real key
