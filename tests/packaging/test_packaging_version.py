"""One version everywhere (--version, About box, Windows version resource) with the git commit."""

from __future__ import annotations

import ast
import importlib.util
import re
import sys
from pathlib import Path
from types import ModuleType

import pytest
from pytestqt.qtbot import QtBot

from samu_desktop import __version__, buildinfo
from samu_desktop.cli import main

REPO = Path(__file__).resolve().parents[2]


def load_build_script() -> ModuleType:
    path = REPO / "packaging" / "build.py"
    spec = importlib.util.spec_from_file_location("packaging_build", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def commit_module(monkeypatch: pytest.MonkeyPatch) -> ModuleType:
    """Stand in for the generated samu_desktop._commit, whatever this checkout has."""
    module = ModuleType("samu_desktop._commit")
    module.COMMIT = "0123456789ab"  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "samu_desktop._commit", module)
    buildinfo.commit.cache_clear()
    yield module
    buildinfo.commit.cache_clear()


def test_commit_comes_from_the_generated_module(commit_module: ModuleType) -> None:
    assert buildinfo.commit() == "0123456789ab"
    assert buildinfo.version_line() == f"samu-desktop {__version__} (commit 0123456789ab)"


@pytest.mark.parametrize("value", ["", "not a commit", None, "0123456789ab\nX-Injected: 1"])
def test_a_malformed_commit_is_reported_as_unknown(
    commit_module: ModuleType, value: str | None
) -> None:
    commit_module.COMMIT = value  # type: ignore[attr-defined]
    assert buildinfo.commit() == "unknown"


def test_without_the_generated_module_the_commit_is_unknown(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setitem(sys.modules, "samu_desktop._commit", None)  # import fails
    buildinfo.commit.cache_clear()
    try:
        assert buildinfo.commit() == "unknown"
    finally:
        buildinfo.commit.cache_clear()


def test_dirty_builds_say_so(commit_module: ModuleType) -> None:
    commit_module.COMMIT = "0123456789ab-dirty"  # type: ignore[attr-defined]
    assert buildinfo.commit() == "0123456789ab-dirty"


def test_version_option_prints_version_and_commit(
    commit_module: ModuleType, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as stop:
        main(["--version"])
    assert stop.value.code == 0
    assert capsys.readouterr().out == f"samu-desktop {__version__} (commit 0123456789ab)\n"


def test_about_box_shows_version_and_commit(
    commit_module: ModuleType, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QApplication, QMessageBox

    from samu_desktop.config.paths import AppPaths
    from samu_desktop.gui.app import build

    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "about", lambda _parent, _title, text: shown.append(text))
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    running = build(app, AppPaths.default(), "fr")
    qtbot.addWidget(running.window)
    try:
        running.window.show_about()
    finally:
        running.shutdown()  # the outbox sender that build() starts
        if running.tray is not None:
            running.tray.hide()
        for translator in running.translators:
            app.removeTranslator(translator)
    assert shown and f"version {__version__} (commit 0123456789ab)" in shown[0]


# -- the Windows version resource ------------------------------------------------------------
def pyinstaller_signatures() -> dict[str, list[str]]:
    """Constructor parameters of PyInstaller's version-resource classes, read from its source.

    PyInstaller reads the filled template with ``eval`` in its versioninfo module,
    which cannot be imported off Windows (pefile, win32api): read the source instead.
    """
    spec = importlib.util.find_spec("PyInstaller.utils.win32.versioninfo")
    assert spec is not None and spec.origin is not None
    tree = ast.parse(Path(spec.origin).read_text(encoding="utf-8"))
    signatures = {}
    for node in tree.body:
        if isinstance(node, ast.ClassDef):
            for item in node.body:
                if isinstance(item, ast.FunctionDef) and item.name == "__init__":
                    signatures[node.name] = [a.arg for a in item.args.args[1:]]
    return signatures


def test_windows_version_resource_is_filled_from_the_version_and_commit() -> None:
    text = load_build_script().render_version_info("1.2.3rc1", "0123456789ab")
    signatures = pyinstaller_signatures()
    made: dict[str, list[dict[str, object]]] = {}

    def recorder(name: str):  # type: ignore[no-untyped-def]
        def make(*args: object, **kwargs: object) -> dict[str, object]:
            params = signatures[name]
            assert len(args) + len(kwargs) <= len(params), name
            assert set(kwargs) <= set(params), (name, kwargs)
            bound = dict(zip(params, args, strict=False)) | kwargs
            made.setdefault(name, []).append(bound)
            return bound
        return make

    names = ["VSVersionInfo", "FixedFileInfo", "StringFileInfo", "StringTable", "StringStruct",
             "VarFileInfo", "VarStruct"]
    eval(text, {n: recorder(n) for n in names})  # what PyInstaller does, with stand-ins
    fixed = made["FixedFileInfo"][0]
    assert fixed["filevers"] == fixed["prodvers"] == (1, 2, 3, 0)
    strings = {s["name"]: s["val"] for s in made["StringStruct"]}
    assert strings["FileVersion"] == "1.2.3rc1"
    assert strings["ProductVersion"] == "1.2.3rc1 (commit 0123456789ab)"
    assert strings["OriginalFilename"] == "samu-desktop.exe"
    assert re.fullmatch(r"[0-9A-F]{8}", made["StringTable"][0]["name"])  # type: ignore[arg-type]


@pytest.mark.parametrize(("version", "numbers"), [
    ("0.1.0", (0, 1, 0, 0)), ("2", (2, 0, 0, 0)), ("1.2.3.4.5", (1, 2, 3, 4)),
    ("1.2.0+local", (1, 2, 0, 0)), ("1.10.0.dev3", (1, 10, 0, 0)),
])
def test_windows_version_numbers(version: str, numbers: tuple[int, ...]) -> None:
    assert load_build_script().version_tuple(version) == numbers


def test_the_build_reads_the_package_version() -> None:
    assert load_build_script().read_version() == __version__
