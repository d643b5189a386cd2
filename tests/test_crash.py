"""The crash path, exercised by real processes that crash or get killed."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import threading
from pathlib import Path

import pytest

from samu_desktop.crash import FAULT_LOG, RUNNING, CrashHandler


def run_child(crash_dir: Path, body: str) -> subprocess.CompletedProcess[str]:
    code = textwrap.dedent(
        f"""
        from pathlib import Path
        from samu_desktop.crash import CrashHandler
        handler = CrashHandler(Path({str(crash_dir)!r}))
        handler.install()
        """
    ) + textwrap.dedent(body)
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=60, check=False)


def test_clean_run_leaves_nothing_to_report(tmp_path: Path) -> None:
    run_child(tmp_path, "handler.clean_exit()\n")
    assert not (tmp_path / RUNNING).exists()
    assert not (tmp_path / FAULT_LOG).exists()
    assert not CrashHandler(tmp_path).previous_run().crashed


def test_uncaught_exception_is_reported_next_time_without_patient_data(tmp_path: Path) -> None:
    result = run_child(tmp_path, "raise RuntimeError('patient 06 12 34 56 78 boom')\n")
    assert result.returncode != 0
    previous = CrashHandler(tmp_path).previous_run()
    assert previous.crashed
    assert "RuntimeError" in previous.details
    assert "06 12 34 56 78" not in previous.details
    # Reported once: the next start has nothing new to say.
    (tmp_path / RUNNING).unlink()
    (tmp_path / FAULT_LOG).unlink()
    assert not CrashHandler(tmp_path).previous_run().crashed


def test_hard_crash_lands_in_the_faulthandler_log(tmp_path: Path) -> None:
    result = run_child(tmp_path, "import faulthandler; faulthandler._sigsegv()\n")
    assert result.returncode != 0
    previous = CrashHandler(tmp_path).previous_run()
    assert previous.ended_abruptly
    assert "Segmentation fault" in previous.details or "Fatal Python error" in previous.details


@pytest.mark.posix_only
def test_sigkill_is_detected_by_the_running_marker(tmp_path: Path) -> None:
    code = (
        "from pathlib import Path\nfrom samu_desktop.crash import CrashHandler\n"
        f"CrashHandler(Path({str(tmp_path)!r})).install()\n"
        "print('ready', flush=True)\nimport time\ntime.sleep(60)\n"
    )
    child = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    assert child.stdout is not None
    assert child.stdout.readline().strip() == "ready"
    os.kill(child.pid, signal.SIGKILL)
    child.wait(10)
    child.stdout.close()
    previous = CrashHandler(tmp_path).previous_run()
    assert previous.ended_abruptly


def test_thread_exception_reaches_the_gui_callback(tmp_path: Path) -> None:
    handler = CrashHandler(tmp_path)
    seen: list[str] = []
    handler.on_exception = seen.append
    old_hook, old_thread_hook = sys.excepthook, threading.excepthook
    try:
        handler.install()

        def boom() -> None:
            raise ValueError("in a worker")

        worker = threading.Thread(target=boom, name="worker-1")
        worker.start()
        worker.join()
    finally:
        handler.clean_exit()
        sys.excepthook, threading.excepthook = old_hook, old_thread_hook
    assert len(seen) == 1
    assert "worker-1" in seen[0] and "ValueError" in seen[0]
    assert list(tmp_path.glob("crash-*.txt"))
