"""The packaging files themselves: a spec with nothing of one platform, the plugin filter,
the desktop entry and the installer script."""

from __future__ import annotations

import configparser
import importlib.util
import re
import tomllib
from pathlib import Path
from types import ModuleType

import pytest

REPO = Path(__file__).resolve().parents[2]
PACKAGING = REPO / "packaging"


def load(path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location(path.stem, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def code_lines(path: Path) -> list[str]:
    """The file without comments and docstring lines that only explain."""
    lines = []
    for line in path.read_text(encoding="utf-8").splitlines():
        code = line.split("#", 1)[0].strip()
        if code:
            lines.append(code)
    return lines


SPEC_FILES = [PACKAGING / "samu-desktop.spec", *sorted((PACKAGING / "hooks").glob("*.py"))]

# Paths, file names and plugin folders that exist on one platform only.
PLATFORM_ONLY = re.compile(
    r"""["'](/usr|/etc|/opt|/lib|/home|/tmp)\b|\.so\b|\.so\.|\.dll\b|\.dylib\b|x86_64|"""
    r"""linux-gnu|\blibq|site-packages|dist-packages|[A-Z]:\\""",
)


@pytest.mark.parametrize("path", SPEC_FILES, ids=lambda p: p.name)
def test_spec_and_hooks_hard_code_nothing_of_one_platform(path: Path) -> None:
    lines = code_lines(path)
    offending = [
        line for before, line in zip(["", *lines], lines, strict=False)
        # Allowed right under a test for the platform (`if WINDOWS:`, `elif WINDOWS:` …).
        if PLATFORM_ONLY.search(line)
        and not (before.startswith(("if ", "elif ")) and "WINDOWS" in before)
    ]
    assert offending == []


def test_spec_names_the_platform_plugin_of_each_os() -> None:
    text = (PACKAGING / "samu-desktop.spec").read_text(encoding="utf-8")
    assert re.search(r'PLATFORM_PLUGIN = "qwindows" if WINDOWS else "qcocoa" if MACOS else "qxcb"',
                     text)


@pytest.mark.parametrize(("src", "dest", "kept"), [
    # Linux wheel layout
    ("/v/PySide6/Qt/plugins/platforms/libqxcb.so", "PySide6/Qt/plugins/platforms", True),
    ("/v/PySide6/Qt/plugins/platforms/libqwayland.so", "PySide6/Qt/plugins/platforms", True),
    ("/v/PySide6/Qt/plugins/platforms/libqeglfs.so", "PySide6/Qt/plugins/platforms", False),
    ("/v/PySide6/Qt/plugins/platforms/libqvnc.so", "PySide6/Qt/plugins/platforms", False),
    ("/v/PySide6/Qt/plugins/platformthemes/libqgtk3.so", "PySide6/Qt/plugins/platformthemes",
     False),
    ("/v/PySide6/Qt/plugins/platformthemes/libqxdgdesktopportal.so",
     "PySide6/Qt/plugins/platformthemes", True),
    ("/v/PySide6/Qt/plugins/imageformats/libqjpeg.so", "PySide6/Qt/plugins/imageformats", True),
    ("/v/PySide6/Qt/plugins/imageformats/libqpdf.so", "PySide6/Qt/plugins/imageformats", False),
    ("/v/PySide6/Qt/plugins/tls/libqopensslbackend.so", "PySide6/Qt/plugins/tls", False),
    ("/v/PySide6/Qt/plugins/printsupport/libcupsprintersupport.so",
     "PySide6/Qt/plugins/printsupport", True),
    ("/v/PySide6/Qt/lib/libQt6Gui.so.6", "PySide6/Qt/lib", True),
    # Windows wheel layout
    (r"C:\v\PySide6\plugins\platforms\qwindows.dll", r"PySide6\plugins\platforms", True),
    (r"C:\v\PySide6\plugins\platforms\qdirect2d.dll", r"PySide6\plugins\platforms", False),
    (r"C:\v\PySide6\plugins\platforms\qminimal.dll", r"PySide6\plugins\platforms", False),
    (r"C:\v\PySide6\plugins\styles\qmodernwindowsstyle.dll", r"PySide6\plugins\styles", True),
    (r"C:\v\PySide6\Qt6Gui.dll", "PySide6", True),
])
def test_qt_plugin_filter(src: str, dest: str, kept: bool) -> None:
    qtplugins = load(PACKAGING / "hooks" / "qtplugins.py")
    if "\\" in dest:  # a Windows build sees its own separators
        pytest.importorskip("ntpath")
        import ntpath

        original = qtplugins.os.path
        qtplugins.os.path = ntpath  # type: ignore[attr-defined]
        try:
            assert qtplugins.wanted(src, dest) is kept
        finally:
            qtplugins.os.path = original  # type: ignore[attr-defined]
    else:
        assert qtplugins.wanted(src, dest) is kept


def test_desktop_entry_starts_the_installed_command() -> None:
    entry = configparser.ConfigParser(interpolation=None, strict=True)
    entry.optionxform = str  # type: ignore[assignment,method-assign]
    entry.read(PACKAGING / "linux" / "samu-desktop.desktop", encoding="utf-8")
    section = entry["Desktop Entry"]
    assert section["Type"] == "Application"
    scripts = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    assert section["Exec"].split()[0] in scripts["project"]["scripts"]
    icon = section["Icon"]
    assert (REPO / "resources" / "icons" / f"{icon}.png").is_file()
    assert section["Categories"].endswith(";")
    assert section["StartupWMClass"] == "samu-desktop"  # what Qt sets for the executable
    assert section["Name"] and section["Comment"] and section["Name[en]"]


def test_installer_is_per_machine_with_shortcut_autostart_and_uninstaller() -> None:
    """The NSIS script's main lines; scripts/windows/release.sh installs it under Wine."""
    nsi = (PACKAGING / "windows" / "samu-desktop.nsi").read_text(encoding="utf-8")
    assert re.search(r"^RequestExecutionLevel admin$", nsi, re.MULTILINE)
    assert re.search(r'^InstallDir "\$PROGRAMFILES64\\samu-desktop"$', nsi, re.MULTILINE)
    assert "SetShellVarContext all" in nsi  # shortcuts for every user
    assert re.search(r'CreateShortcut "\$SMPROGRAMS\\', nsi)
    assert 'WriteUninstaller "$INSTDIR\\${UNINSTALLER}"' in nsi
    # The same value name as the per-user entry the app writes (capture/autostart.py).
    from samu_desktop.capture.autostart import ENTRY_NAME

    run_value = re.search(r'WriteRegStr HKLM "\$\{RUN_KEY\}" "([^"]+)" (.*)$', nsi,
                          re.MULTILINE)
    assert run_value is not None and run_value.group(1) == ENTRY_NAME
    assert "--hidden" in run_value.group(2)
    assert 'DeleteRegValue HKLM "${RUN_KEY}" "samu-desktop"' in nsi
    assert 'CreateDirectory "$APPDATA\\samu-desktop"' in nsi  # the policy folder, locked down
    assert "icacls.exe" in nsi


def test_build_script_and_spec_agree_on_the_version_info_variable() -> None:
    build = (PACKAGING / "build.py").read_text(encoding="utf-8")
    spec = (PACKAGING / "samu-desktop.spec").read_text(encoding="utf-8")
    for variable in ("SAMU_WIN_VERSION_INFO", "SAMU_WITHOUT_OCR"):
        assert variable in build and variable in spec


def test_runtime_hook_finds_bundled_libraries_the_system_lacks(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import ctypes.util
    import runpy
    import sys

    system = {"xcb": "libxcb.so.1"}
    monkeypatch.setattr(ctypes.util, "find_library", system.get)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    (tmp_path / "libxcb-render.so.0").write_bytes(b"")
    (tmp_path / "libxcb.so.1").write_bytes(b"")
    runpy.run_path(str(PACKAGING / "rthooks" / "find_library.py"))
    if not sys.platform.startswith("linux"):
        assert ctypes.util.find_library is system.get  # untouched elsewhere
        return
    assert ctypes.util.find_library("xcb") == "libxcb.so.1"  # the system's copy first
    assert ctypes.util.find_library("xcb-render") == str(tmp_path / "libxcb-render.so.0")
    assert ctypes.util.find_library("xcb-shm") is None


def test_runtime_hook_changes_nothing_but_linux() -> None:
    import ast

    tree = ast.parse((PACKAGING / "rthooks" / "find_library.py").read_text(encoding="utf-8"))
    docstring, import_sys, guarded = tree.body  # nothing else at the top level
    assert isinstance(docstring, ast.Expr) and isinstance(import_sys, ast.Import)
    assert isinstance(guarded, ast.If) and not guarded.orelse
    assert ast.unparse(guarded.test) == "sys.platform.startswith('linux')"
