"""The core never imports PySide6: proven by importing it with PySide6 blocked."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

import samu_desktop

PACKAGE = Path(samu_desktop.__file__).parent

BLOCKER = """
import importlib, importlib.abc, pkgutil, sys

class Block(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name == "PySide6" or name.startswith("PySide6.") or name == "shiboken6":
            raise ImportError("the core must not import " + name)
        return None

sys.meta_path.insert(0, Block())
import samu_desktop
names = [m.name for m in pkgutil.walk_packages(samu_desktop.__path__, "samu_desktop.")
         if not m.name.startswith("samu_desktop.gui") and m.name != "samu_desktop.__main__"]
for name in names:
    importlib.import_module(name)
print(len(names))
"""


def test_core_imports_without_pyside6() -> None:
    result = subprocess.run([sys.executable, "-c", BLOCKER], capture_output=True, text=True,
                            timeout=120, check=False)
    assert result.returncode == 0, result.stderr
    assert int(result.stdout.strip()) >= 10


def test_no_core_source_mentions_pyside6_imports() -> None:
    offenders = []
    for path in PACKAGE.rglob("*.py"):
        if "gui" in path.relative_to(PACKAGE).parts:
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            stripped = line.strip()
            if stripped.startswith(("import PySide6", "from PySide6")):
                offenders.append(str(path))
    assert offenders == []


@pytest.mark.timeout(300)  # one fresh interpreter per GUI module
def test_every_gui_module_imports_first_in_a_fresh_interpreter() -> None:
    """Import order must not matter (PySide6's import hook once broke pydantic's)."""
    import pkgutil

    import samu_desktop.gui

    names = [m.name for m in pkgutil.walk_packages(samu_desktop.gui.__path__,
                                                   "samu_desktop.gui.")]
    assert len(names) > 20
    failed = []
    for name in names:
        result = subprocess.run([sys.executable, "-c", f"import {name}"], capture_output=True,
                                text=True, timeout=120, check=False,
                                env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
        if result.returncode != 0:
            failed.append(f"{name}: {result.stderr.strip().splitlines()[-1]}")
    assert failed == []
