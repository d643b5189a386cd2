"""Build hooks: compile Qt Designer files and translations, ship resources/.

Everything else lives in pyproject.toml. Like picard's ``build_ui``, the
generated files land in the source tree (ignored by git) so that an editable
install and a wheel both find them; the wheel also gets a copy of the
top-level ``resources/`` folder inside the package.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path
from typing import ClassVar

from setuptools import Command, setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent
GENERATED = ROOT / "samu_desktop" / "gui" / "generated"
HEADER = "# Generated from {src} by pyside6-uic at build time: do not edit.\n"


def _tool(name: str) -> str:
    """Find a PySide6 tool next to the running interpreter, then on PATH."""
    beside = Path(sys.executable).parent / name
    if beside.exists():
        return str(beside)
    found = shutil.which(name)
    if found is None:
        raise SystemExit(f"{name} not found: install PySide6-Essentials first")
    return found


def compile_ui() -> None:
    GENERATED.mkdir(parents=True, exist_ok=True)
    for ui in sorted((ROOT / "ui").glob("*.ui")):
        target = GENERATED / f"ui_{ui.stem}.py"
        if target.exists() and target.stat().st_mtime >= ui.stat().st_mtime:
            continue
        code = subprocess.run(
            [_tool("pyside6-uic"), "--from-imports", str(ui)],
            check=True, capture_output=True, text=True,
        ).stdout
        target.write_text(HEADER.format(src=f"ui/{ui.name}") + code, encoding="utf-8")


def compile_translations() -> None:
    for ts in sorted((ROOT / "resources" / "translations").glob("*.ts")):
        qm = ts.with_suffix(".qm")
        if qm.exists() and qm.stat().st_mtime >= ts.stat().st_mtime:
            continue
        subprocess.run(
            [_tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True
        )


class BuildUi(Command):
    description = "compile ui/*.ui and resources/translations/*.ts"
    user_options: ClassVar[list[tuple[str, str | None, str]]] = []

    def initialize_options(self) -> None:
        pass

    def finalize_options(self) -> None:
        pass

    def run(self) -> None:
        compile_ui()
        compile_translations()


class BuildPy(build_py):
    def run(self) -> None:
        self.run_command("build_ui")
        super().run()
        if not getattr(self, "editable_mode", False):
            target = Path(self.build_lib) / "samu_desktop" / "resources"
            shutil.copytree(ROOT / "resources", target, dirs_exist_ok=True,
                            ignore=shutil.ignore_patterns("*.ts"))


setup(cmdclass={"build_ui": BuildUi, "build_py": BuildPy})
