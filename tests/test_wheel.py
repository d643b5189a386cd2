"""A wheel built from the repository, installed into a fresh venv, runs."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent

CHECK = """
import os
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from pathlib import Path
import samu_desktop
from samu_desktop.resources import resources_dir
res = resources_dir()
assert res.is_relative_to(Path(samu_desktop.__file__).parent), res
assert (res / "icons" / "samu-desktop.png").is_file()
assert (res / "translations" / "samu_desktop_en.qm").is_file()
from PySide6.QtWidgets import QApplication
from samu_desktop.config.paths import AppPaths
from samu_desktop.gui.app import build
app = QApplication([])
window = build(app, AppPaths.default(), "en").window
print(window.home.ui.titleLabel.text())
"""


@pytest.mark.slow
@pytest.mark.timeout(600)  # builds a wheel and installs it with its dependencies
def test_wheel_installs_and_runs_in_a_fresh_venv(tmp_path: Path, isolated_home: Path) -> None:
    dist = tmp_path / "dist"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
         "-w", str(dist), str(REPO)],
        check=True, timeout=600,
    )
    wheel = next(dist.glob("samu_desktop-*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    assert "samu_desktop/gui/generated/ui_home_page.py" in names
    assert "samu_desktop/resources/translations/samu_desktop_en.qm" in names
    assert not any(n.endswith(".ts") for n in names)
    generated = zipfile.ZipFile(wheel).read("samu_desktop/gui/generated/ui_home_page.py")
    assert b"do not edit" in generated

    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=300)
    subprocess.run([str(venv / "bin" / "python"), "-m", "pip", "install", "-q",
                    "--disable-pip-version-check", str(wheel)], check=True, timeout=900)
    version = subprocess.run([str(venv / "bin" / "samu-desktop"), "--version"],
                             capture_output=True, text=True, check=True, timeout=60)
    from samu_desktop import __version__

    # The wheel carries the commit it was built from (samu_desktop/_commit.py, buildinfo.py).
    assert version.stdout.startswith(f"samu-desktop {__version__} (commit ")
    if (REPO / ".git").exists():
        assert "(commit unknown)" not in version.stdout
    shown = subprocess.run([str(venv / "bin" / "python"), "-c", CHECK], cwd=tmp_path,
                           capture_output=True, text=True, timeout=120, check=False)
    assert shown.returncode == 0, shown.stderr
    assert shown.stdout.strip() == "Which tool is the incident on?"
