"""The result page, driven through the real widget (offscreen Qt)."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from samu_desktop.checks.model import CheckReport, Outcome, Status
from samu_desktop.checks.net import Deadline
from samu_desktop.checks.platform_linux import LinuxProbe
from samu_desktop.checks.runner import CheckEnv, CheckSpec
from samu_desktop.config.settings import Settings
from samu_desktop.gui.checks_page import COL_STATUS, COL_SUMMARY, ChecksPage

WAIT_MS = 10_000


@pytest.fixture
def gate() -> Iterator[threading.Event]:
    event = threading.Event()
    yield event
    event.set()


def fixed(status: Status, text: str = "") -> CheckSpec:
    return CheckSpec(f"fixed_{status.value}", f"Fixe {status.value}",
                     lambda e, d: Outcome(status, text or f"Toujours {status.value}.",
                                          "Faire ceci." if status is Status.FAILURE else ""))


def make_page(qtbot: QtBot, probe: LinuxProbe, specs: list[CheckSpec],
              timeout: float = 2.0) -> ChecksPage:
    page = ChecksPage(Settings(check_timeout_s=timeout), probe=probe, specs=specs)
    qtbot.addWidget(page)
    return page


def row_status(page: ChecksPage, index: int) -> str:
    return page.tree.topLevelItem(index).text(COL_STATUS)


def test_full_run_shows_every_result(qtbot: QtBot, bare_probe: LinuxProbe) -> None:
    specs = [fixed(s) for s in Status]
    page = make_page(qtbot, bare_probe, specs)
    with qtbot.waitSignal(page.finished, timeout=WAIT_MS) as blocker:
        qtbot.mouseClick(page.run_button, Qt.MouseButton.LeftButton)
    report = blocker.args[0]
    assert isinstance(report, CheckReport)
    assert [row_status(page, i) for i in range(4)] == [
        "Réussi", "Avertissement", "Échec", "Sans objet"]
    assert page.tree.topLevelItem(2).text(COL_SUMMARY) == "Toujours failure."
    assert page.progress.value() == 4
    assert "échecs : 1" in page.summary.text()
    assert page.run_button.isEnabled() and not page.cancel_button.isEnabled()
    assert all(b.isEnabled() for b in page._rerun_buttons.values())
    page.tree.setCurrentItem(page.tree.topLevelItem(2))
    assert "Faire ceci." in page.details.toPlainText()


def test_page_updates_while_a_check_hangs_then_cancel(qtbot: QtBot, bare_probe: LinuxProbe,
                                                      gate: threading.Event) -> None:
    """The GUI shows the quick result while another check is still blocked: the event loop
    is never held by the test. Cancel then ends the run at once."""
    def hang(e: CheckEnv, d: Deadline) -> Outcome:
        gate.wait()
        return Outcome(Status.PASS, "trop tard")

    specs = [CheckSpec("slow", "Lente", hang, timeout_s=60), fixed(Status.PASS)]
    page = make_page(qtbot, bare_probe, specs)
    results = []
    page.result_ready.connect(results.append)
    page.start()
    assert row_status(page, 0) == "En cours…"
    qtbot.waitUntil(lambda: row_status(page, 1) == "Réussi", timeout=WAIT_MS)
    assert page.is_running() and row_status(page, 0) == "En cours…"
    assert page.cancel_button.isEnabled() and not page.run_button.isEnabled()
    with qtbot.waitSignal(page.finished, timeout=WAIT_MS) as blocker:
        qtbot.mouseClick(page.cancel_button, Qt.MouseButton.LeftButton)
    assert blocker.args[0].cancelled
    assert row_status(page, 0) == "Annulée"
    assert "annulé" in page.summary.text()
    assert [r.id for r in results] == ["fixed_pass"]
    assert not page._rerun_buttons["slow"].isEnabled()  # nothing to re-run yet


def test_overrunning_check_shows_timeout(qtbot: QtBot, bare_probe: LinuxProbe,
                                         gate: threading.Event) -> None:
    specs = [CheckSpec("hung", "Bloquée", lambda e, d: (gate.wait(), Outcome(
        Status.PASS, ""))[1], timeout_s=0.2)]
    page = make_page(qtbot, bare_probe, specs)
    with qtbot.waitSignal(page.finished, timeout=WAIT_MS):
        page.start()
    assert row_status(page, 0) == "Échec"
    assert "Délai dépassé" in page.tree.topLevelItem(0).text(COL_SUMMARY)


def test_rerun_one_check_replaces_its_result(qtbot: QtBot, bare_probe: LinuxProbe) -> None:
    calls = {"n": 0}

    def flaky(e: CheckEnv, d: Deadline) -> Outcome:
        calls["n"] += 1
        if calls["n"] == 1:
            return Outcome(Status.FAILURE, "Lecteur absent.", "Branchez le lecteur.")
        return Outcome(Status.PASS, "Lecteur présent.")

    specs = [CheckSpec("reader", "Lecteur", flaky), fixed(Status.WARNING)]
    page = make_page(qtbot, bare_probe, specs)
    with qtbot.waitSignal(page.finished, timeout=WAIT_MS):
        page.start()
    assert row_status(page, 0) == "Échec"
    with qtbot.waitSignal(page.finished, timeout=WAIT_MS) as blocker:
        qtbot.mouseClick(page._rerun_buttons["reader"], Qt.MouseButton.LeftButton)
    report = blocker.args[0]
    assert row_status(page, 0) == "Réussi"
    assert [r.status for r in report.results] == [Status.PASS, Status.WARNING]
    assert page.report() is report
    assert calls["n"] == 2


def test_f5_reruns_the_selected_check(qtbot: QtBot, bare_probe: LinuxProbe) -> None:
    calls = {"n": 0}

    def count(e: CheckEnv, d: Deadline) -> Outcome:
        calls["n"] += 1
        return Outcome(Status.PASS, f"appel {calls['n']}")

    page = make_page(qtbot, bare_probe, [CheckSpec("count", "Compteur", count)])
    with qtbot.waitSignal(page.finished, timeout=WAIT_MS):
        page.start()
    with qtbot.waitActive(page, timeout=WAIT_MS):
        page.show()
        page.activateWindow()
    page.tree.setCurrentItem(page.tree.topLevelItem(0))
    page.tree.setFocus()
    # Shortcuts see keys sent to the window (a keyClick on the widget bypasses them).
    with qtbot.waitSignal(page.finished, timeout=WAIT_MS):
        QTest.keyClick(page.windowHandle(), Qt.Key.Key_F5)
    assert page.tree.topLevelItem(0).text(COL_SUMMARY) == "appel 2"


def test_the_real_default_checks_run_on_this_machine(qtbot: QtBot,
                                                     bare_probe: LinuxProbe) -> None:
    page = ChecksPage(Settings(check_timeout_s=1), probe=bare_probe)
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.finished, timeout=WAIT_MS) as blocker:
        page.start()
    report = blocker.args[0]
    assert len(report.results) == page.tree.topLevelItemCount() == 12
    assert all(row_status(page, i) != "En cours…" for i in range(12))
    page.tree.setCurrentItem(page.tree.topLevelItem(0))
    page.copy_button.click()
    assert "Test des prérequis du poste" in QApplication.clipboard().text()


def test_destroying_the_page_cancels_its_run(qtbot: QtBot, bare_probe: LinuxProbe,
                                            gate: threading.Event) -> None:
    spec = CheckSpec("slow", "Lente", lambda e, d: (gate.wait(), Outcome(Status.PASS, ""))[1],
                     timeout_s=60)
    page = ChecksPage(Settings(), probe=bare_probe, specs=[spec])
    page.start()
    job = page._job
    assert job is not None
    page.deleteLater()
    qtbot.waitUntil(lambda: job.run.cancelled, timeout=WAIT_MS)
