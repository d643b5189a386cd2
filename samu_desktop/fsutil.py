"""Atomic, durable file writes: a crash leaves the old file or the new one."""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
import time
from pathlib import Path

from samu_desktop.errors import StorageError
from samu_desktop.i18n import translate


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file, fsync, then rename."""
    tmp_name = ""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp_name, path)
        _fsync_dir(path.parent)
    except OSError as exc:
        if tmp_name:
            with contextlib.suppress(OSError):
                os.unlink(tmp_name)
        raise StorageError(
            translate(
                "fsutil",
                "Impossible d'enregistrer le fichier {name} : vérifiez l'espace disque "
                "disponible, puis réessayez.",
            ).format(name=path.name),
            details=f"{type(exc).__name__}: {exc.strerror}",
        ) from exc


def atomic_write_text(path: Path, text: str) -> None:
    atomic_write_bytes(path, text.encode("utf-8"))


def _fsync_dir(directory: Path) -> None:
    # Makes the rename itself durable; not possible (nor needed) on Windows.
    if os.name != "posix":
        return
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def quarantine_copy(path: Path, quarantine_dir: Path) -> Path | None:
    """Copy a file that could not be read aside, so that nothing is lost."""
    stamp = time.strftime("%Y%m%d-%H%M%S")
    target = quarantine_dir / f"{path.stem}.{stamp}{path.suffix}"
    try:
        quarantine_dir.mkdir(parents=True, exist_ok=True)
        shutil.copy2(path, target)
    except OSError:
        return None
    return target
