"""Logging to a rotating file that never holds secrets or patient data.

The rule is first a discipline (log events and identifiers, never field
values or passwords); the filter below is the safety net that scrubs what
looks like a secret or patient data before a record reaches the file.
"""

from __future__ import annotations

import logging
import logging.handlers
import re
from pathlib import Path

LOG_NAME = "samu-desktop.log"

# Patterns of what must never be written: the last line of defence.
_SCRUBBERS: tuple[tuple[re.Pattern[str], str], ...] = (
    # key=value or key: value for secret-looking keys
    (
        re.compile(r"(?i)\b(pass(?:word|wd)?|mot de passe|secret|token|auth\w*)\s*[=:]\s*\S+"),
        r"\1=<masqué>",
    ),
    (re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"), "<e-mail>"),
    # NIR / INS: 13 digits + optional 2-digit key, spaces allowed
    (
        re.compile(r"\b[12]\s?\d{2}\s?\d{2}\s?(?:\d{2}|2[AB])\s?\d{3}\s?\d{3}(?:\s?\d{2})?\b"),
        "<nir>",
    ),
    # French phone numbers
    (re.compile(r"(?:\+33\s?|\b0)[1-9](?:[\s.-]?\d{2}){4}\b"), "<téléphone>"),
    # dd/mm/yyyy dates (birth dates look like this)
    (re.compile(r"\b\d{1,2}[/.-]\d{1,2}[/.-](?:19|20)\d{2}\b"), "<date>"),
)


def scrub(text: str) -> str:
    for pattern, replacement in _SCRUBBERS:
        text = pattern.sub(replacement, text)
    return text


class ScrubbingFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        record.msg = scrub(record.getMessage())
        record.args = None
        if record.exc_info and record.exc_info[1] is not None:
            # Tracebacks are formatted later: pre-format and scrub them now.
            record.exc_text = scrub(logging.Formatter().formatException(record.exc_info))
            record.exc_info = None
        return True


class _LogFile(logging.handlers.RotatingFileHandler):
    """The log file, which stays shut once closed.

    Another thread (the mail server's, the sender's) can be inside ``callHandlers``
    with this handler when :func:`close_logging` closes it; the standard handler
    then opens the file again to write that one line and nobody ever closes it
    (on Windows, the log folder can no longer be removed). ``handle`` holds the
    handler's lock around ``emit`` and ``close`` takes it too, so the check is exact.
    """

    def emit(self, record: logging.LogRecord) -> None:
        if getattr(self, "_closed", False):
            return
        super().emit(record)


def setup_logging(log_dir: Path, level: int = logging.INFO) -> Path:
    log_dir.mkdir(parents=True, exist_ok=True)
    path = log_dir / LOG_NAME
    handler = _LogFile(
        path, maxBytes=1_000_000, backupCount=5, encoding="utf-8"
    )
    handler.setFormatter(
        logging.Formatter("%(asctime)s %(levelname)s %(name)s [%(threadName)s] %(message)s")
    )
    handler.addFilter(ScrubbingFilter())
    root = logging.getLogger()
    close_logging()
    handler._samu = True  # type: ignore[attr-defined]
    root.addHandler(handler)
    root.setLevel(level)
    return path


def close_logging() -> None:
    """Detach and close the log file set up by :func:`setup_logging`.

    On Windows an open file cannot be deleted or moved, nor can the folders holding
    it (WinError 32): whoever set the log up closes it when done, so that the log
    folder (and a test's temporary folder) can go.
    """
    root = logging.getLogger()
    for handler in [h for h in root.handlers if getattr(h, "_samu", False)]:
        root.removeHandler(handler)
        handler.close()
