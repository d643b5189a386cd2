"""Files on disk: atomic, durable writes (a crash leaves the old file or the new one),
and bounded reads (a hostile or damaged file cannot hang or exhaust the application).
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
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


class UnsafeFile(OSError):
    """A file that is not a regular file (a device, a FIFO, a socket…) or far too big.

    An :class:`OSError`, so that every caller's "could not be read" path applies.
    """


# Copies set aside for the administrator are small files of ours; nothing bigger is copied.
QUARANTINE_LIMIT = 16 * 1024 * 1024
_READ_CHUNK = 1024 * 1024


def read_limited(path: Path, limit: int) -> bytes:
    """The bytes of the regular file ``path``, refused when bigger than ``limit``.

    Every file the application reads goes through here. The file is opened without
    blocking (a FIFO would otherwise wait forever for a writer) and judged by what was
    opened, so a link to ``/dev/zero``, a FIFO or a socket is refused, and a file
    bigger than ``limit`` is refused without reading more than ``limit + 1`` bytes
    (``/proc`` files and growing files report a size that cannot be trusted).

    Raises :class:`FileNotFoundError` when absent, :class:`UnsafeFile` as said above,
    other :class:`OSError` when it cannot be read.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    flags |= getattr(os, "O_NOCTTY", 0)
    fd = os.open(path, flags)
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise UnsafeFile(errno.EINVAL, "not a regular file", str(path))
        if info.st_size > limit:
            raise UnsafeFile(errno.EFBIG, "file too big", str(path))
        chunks: list[bytes] = []
        size = 0
        while size <= limit:
            chunk = os.read(fd, min(_READ_CHUNK, limit + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        if size > limit:
            raise UnsafeFile(errno.EFBIG, "file too big", str(path))
        return b"".join(chunks)
    finally:
        os.close(fd)


def read_limited_text(path: Path, limit: int) -> str:
    """:func:`read_limited`, decoded as UTF-8 with undecodable bytes replaced."""
    return read_limited(path, limit).decode("utf-8", errors="replace")


def quarantine_copy(path: Path, quarantine_dir: Path) -> Path | None:
    """Copy a file that could not be read aside, so that nothing is lost.

    Only regular files up to :data:`QUARANTINE_LIMIT` are copied (never an endless
    device or a FIFO); ``None`` when nothing could be copied.
    """
    stamp = time.strftime("%Y%m%d-%H%M%S")
    target = quarantine_dir / f"{path.stem}.{stamp}{path.suffix}"
    try:
        data = read_limited(path, QUARANTINE_LIMIT)
        quarantine_dir.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    except OSError:
        return None
    return target


def set_aside(path: Path, quarantine_dir: Path) -> Path | None:
    """Move an unusable file (or link, FIFO…) itself out of the way, so that it is not met
    again at every start; ``None`` when it could not be moved."""
    stamp = time.strftime("%Y%m%d-%H%M%S")
    target = quarantine_dir / f"{path.stem}.{stamp}{path.suffix}"
    try:
        quarantine_dir.mkdir(parents=True, exist_ok=True)
        os.replace(path, target)
    except OSError:
        return None
    return target
