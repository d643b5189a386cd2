"""The log file never holds secrets or patient data."""

from __future__ import annotations

import logging
import shutil
from pathlib import Path

from samu_desktop.config.paths import AppPaths
from samu_desktop.logsetup import LOG_NAME, close_logging, scrub, setup_logging


def test_scrub_removes_what_looks_like_patient_data_or_secrets() -> None:
    text = (
        "password=hunter2 mail dupont@example.test tel 06.12.34.56.78 "
        "+33 6 12 34 56 78 nir 1 84 12 75 123 456 78 ddn 01/02/1950 version 115.3.0esr"
    )
    out = scrub(text)
    for secret in ("hunter2", "dupont@example.test", "06.12.34.56.78", "+33 6 12 34 56 78",
                   "1 84 12 75 123 456 78", "01/02/1950"):
        assert secret not in out
    assert "115.3.0esr" in out  # versions stay readable


def test_log_file_is_scrubbed_including_tracebacks(tmp_path: Path) -> None:
    path = setup_logging(tmp_path)
    log = logging.getLogger("test")
    log.warning("user typed %s", "06 12 34 56 78")
    try:
        raise ValueError("token: abc123secret")
    except ValueError:
        log.exception("failed")
    for handler in logging.getLogger().handlers:
        handler.flush()
    close_logging()
    content = path.read_text(encoding="utf-8")
    assert "user typed" in content and "ValueError" in content
    assert "06 12 34 56 78" not in content
    assert "abc123secret" not in content


def _our_handlers() -> list[logging.Handler]:
    return [h for h in logging.getLogger().handlers if getattr(h, "_samu", False)]


def test_closed_log_file_lets_its_folder_go(tmp_path: Path) -> None:
    folder = tmp_path / "logs"
    setup_logging(folder).parent.joinpath("other.txt").write_text("x", encoding="utf-8")
    logging.getLogger("test").warning("written")
    close_logging()
    assert not _our_handlers()
    # On Windows an open file keeps its folder: WinError 32 here while the log is open.
    shutil.rmtree(folder)
    close_logging()  # nothing open: not an error


def test_the_outbox_command_closes_its_log_file(isolated_home: Path) -> None:
    from samu_desktop.cli import main

    assert main(["outbox"]) == 0
    log_dir = AppPaths.default().log_dir
    assert (log_dir / LOG_NAME).is_file()
    assert not _our_handlers()
    shutil.rmtree(log_dir)


def test_a_line_logged_by_another_thread_while_closing_never_reopens_the_file(
    tmp_path: Path,
) -> None:
    """Another thread (aiosmtpd's, the sender's) already holds the handler when the
    log is closed: its line must not open the file again behind everyone's back.
    The interleaving is forced: the late line is handled after ``close_logging``."""
    setup_logging(tmp_path)
    handler = next(h for h in logging.getLogger().handlers if getattr(h, "_samu", False))
    close_logging()
    record = logging.LogRecord("mail.log", logging.INFO, __file__, 1, "connection lost",
                               None, None)
    handler.handle(record)  # what the other thread's callHandlers does next
    assert getattr(handler, "stream", None) is None
    shutil.rmtree(tmp_path)  # nothing holds the folder (Windows refuses otherwise)
