"""Journey: cases A and D on a 1366×768 laptop screen, in the real application.

Case A opens on the number to call (large, copyable into the real X clipboard)
and what to say with a short reference; without a configured number, one
French sentence says what to do and nothing on the page is cut off. Case D's
text is copied (the full text, read back from the X clipboard by another
process) and saved through the save dialog. The driver is
``tests/e2e/call_pages_driver.py``, in its own process on its own Xvfb.
"""

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

NUMBER = "01 00 00 00 15"


@pytest.mark.timeout(300)
def test_case_a_with_and_without_a_number_and_case_d_copy_and_save_at_1366x768(
    isolated_home: Path, tmp_path: Path,
) -> None:
    settings = Settings(crra_id="FR999", centre_name="SAMU de test", reporter_name="ARM Test",
                        support_phone_calls=NUMBER, local_it_name="DSI de test",
                        local_it_phone="01 00 00 00 17")
    SettingsStore(AppPaths.default()).save(settings, frozenset())
    proc, xserver = start_xvfb(1366, 768)
    try:
        env = xserver.env()
        env["CALL_PAGES_OUT"] = str(tmp_path)
        run = subprocess.run([sys.executable, "-m", "tests.e2e.call_pages_driver"], cwd=REPO,
                             env=env, capture_output=True, text=True, timeout=240, check=False)
    finally:
        proc.terminate()
        proc.wait(10)
    lines = [line for line in run.stdout.splitlines() if line.startswith("RESULT ")]
    assert run.returncode == 0 and lines, run.stdout[-3000:] + run.stderr[-3000:]
    r = json.loads(lines[-1].removeprefix("RESULT "))
    assert r["screen"][0] == 1366 and r["screen"][1] <= 768

    # Case A: the number first, large, copied as is into the X clipboard.
    assert r["a_first_page"] == "call"
    assert r["a_number"] == NUMBER and r["a_clipboard"] == NUMBER, run.stderr[-3000:]
    assert r["a_number_px"] >= 2 * r["base_px"], (r["a_number_px"], r["base_px"])
    assert "Ma référence : " in r["a_checklist"] and "=====" not in r["a_checklist"]
    assert r["a_cut"] == [], r["a_cut"]

    # Without a number: what to do, in one ordinary sentence; the way on is there.
    assert r["a2_first_page"] == "call"
    assert r["a2_no_number"].startswith("Le numéro du support n'est pas renseigné")
    assert "demandez-le" in r["a2_no_number"]
    assert not r["a2_number_shown"] and r["a2_done_shown"]
    assert r["a2_cut"] == [], r["a2_cut"]

    # Case D: the full text in the clipboard, and the same text in the saved file.
    text = r["d_text"]
    assert text.startswith("[SI-SAMU][Incident][D][FR999]") and len(text.splitlines()) > 5
    assert r["d_clipboard"] == text
    assert r["d_dialog_title"] == "Enregistrer le signalement"
    assert r["d_saved"] == text
    assert "pour la DSI.txt" in r["d_saved_note"]
    assert r["d_cut"] == [], r["d_cut"]
