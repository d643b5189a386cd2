"""Every page fits a 1366×768 laptop and a 1920×1080 desktop screen: the real
application in a real window on Xvfb of that size (``screen_fit_driver.py``), in
French and English, light and dark."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from samu_desktop.config.paths import AppPaths
from samu_desktop.config.settings import Settings
from samu_desktop.config.store import SettingsStore
from tests.conftest import REPO, start_xvfb

pytestmark = pytest.mark.xvfb


@pytest.mark.timeout(600)
@pytest.mark.parametrize(("width", "height", "language", "theme"), [
    (1366, 768, "fr", "light"), (1920, 1080, "fr", "dark"), (1366, 768, "en", "dark"),
], ids=["1366x768-fr", "1920x1080-fr-dark", "1366x768-en-dark"])
def test_every_page_fits_the_screen(width: int, height: int, language: str, theme: str,
                                    isolated_home: Path) -> None:
    settings = Settings(crra_id="FR999", centre_name="SAMU de test", reporter_name="ARM Test",
                        language=language, support_phone_calls="01 00 00 00 15",
                        support_phone_hardware="01 00 00 00 16", local_it_name="DSI de test",
                        local_it_phone="01 00 00 00 17")
    SettingsStore(AppPaths.default()).save(settings, frozenset())
    proc, xserver = start_xvfb(width, height)
    try:
        env = xserver.env()
        env["SAMU_DESKTOP_THEME"] = theme
        run = subprocess.run([sys.executable, "-m", "tests.gui.screen_fit_driver"], cwd=REPO,
                             env=env, capture_output=True, text=True, timeout=540, check=False)
    finally:
        proc.terminate()
        proc.wait(10)
    lines = [line for line in run.stdout.splitlines() if line.startswith("RESULT ")]
    assert run.returncode == 0 and lines, run.stdout[-3000:] + run.stderr[-3000:]
    result = json.loads(lines[-1].removeprefix("RESULT "))
    assert result["screen"][0] == width and result["screen"][1] <= height
    assert result["theme"] == theme
    assert len(result["pages"]) >= 20, result["pages"]
    assert result["problems"] == []
    # The masking screen, maximised, shows a full-HD capture at least 55 % of the screen
    # wide (it was 430 px in a 900-px window, with the labels over it).
    assert result["masking_capture_px"] >= 0.55 * width, result["masking_capture_px"]
