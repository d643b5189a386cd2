"""The guards themselves: an unexpected modal dialog fails in seconds, not never.

Each case runs in a child pytest (``pytester``) so that the failure it must
produce can be observed from outside.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent


def _run_child(tmp_path: Path, body: str) -> subprocess.CompletedProcess[str]:
    test = tmp_path / "test_child.py"
    test.write_text(textwrap.dedent(body), encoding="utf-8")
    # The child uses this project's conftest and settings (guards, time limit).
    (tmp_path / "conftest.py").write_text(
        "import sys\n"
        f"sys.path.insert(0, {str(REPO)!r})\n"
        "from tests.conftest import *  # noqa: F403\n"
        "pytest_plugins = ['tests.guards']\n",
        encoding="utf-8",
    )
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
         "-c", str(REPO / "pyproject.toml"), "--rootdir", str(tmp_path), str(test)],
        capture_output=True, text=True, timeout=120, cwd=tmp_path,
    )


def test_an_unexpected_message_box_fails_its_test_instead_of_hanging(tmp_path: Path) -> None:
    result = _run_child(tmp_path, """
        from PySide6.QtWidgets import QMessageBox

        def test_opens_a_box(qtbot):
            answer = QMessageBox.warning(None, "Titre", "Personne ne cliquera")
            assert answer == QMessageBox.StandardButton.Ok or True
    """)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "unexpected modal dialog: QMessageBox 'Titre' 'Personne ne cliquera'" in result.stdout
    assert "1 error" in result.stdout or "1 failed" in result.stdout


def test_an_expected_dialog_is_answered_and_passes(tmp_path: Path) -> None:
    result = _run_child(tmp_path, """
        from PySide6.QtWidgets import QMessageBox

        def test_answers(qtbot, modal_dialogs):
            modal_dialogs.expect(
                lambda box: box.button(QMessageBox.StandardButton.Yes).click(),
                QMessageBox, "Continuer ?")
            answer = QMessageBox.question(None, "Question", "Continuer ?")
            assert answer == QMessageBox.StandardButton.Yes
    """)
    assert result.returncode == 0, result.stdout + result.stderr


def test_an_expected_dialog_that_never_comes_fails(tmp_path: Path) -> None:
    result = _run_child(tmp_path, """
        from PySide6.QtWidgets import QMessageBox

        def test_expects(qtbot, modal_dialogs):
            modal_dialogs.expect(lambda box: box.accept(), QMessageBox, "jamais")
    """)
    assert result.returncode == 1
    assert "expected modal dialog never shown" in result.stdout


@pytest.mark.parametrize("leak", ["thread", "widget", "timer"])
def test_a_test_that_leaves_things_running_fails(tmp_path: Path, leak: str) -> None:
    bodies = {
        "thread": "import threading\nstop = threading.Event()\n"
                  "def test_leaks():\n    threading.Thread(target=stop.wait, daemon=True)"
                  ".start()\n",
        "widget": "from PySide6.QtWidgets import QWidget\nkept = []\n"
                  "def test_leaks(qtbot):\n    w = QWidget()\n    w.show()\n"
                  "    kept.append(w)\n",
        "timer": "from PySide6.QtCore import QTimer\nkept = []\n"
                 "def test_leaks(qtbot):\n    t = QTimer()\n    t.start(60_000)\n"
                 "    kept.append(t)\n",
    }
    result = _run_child(tmp_path, bodies[leak])
    assert result.returncode == 1, result.stdout + result.stderr
    assert f"{leak} left" in result.stdout


def test_a_hang_inside_a_qt_event_loop_hits_the_time_limit(tmp_path: Path) -> None:
    result = _run_child(tmp_path, """
        import pytest
        from PySide6.QtCore import QEventLoop

        @pytest.mark.timeout(2)
        def test_hangs(qtbot):
            QEventLoop().exec()  # nothing will ever quit it
    """)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Timeout" in result.stdout + result.stderr
