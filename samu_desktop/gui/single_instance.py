"""One running instance per user: a second launch raises the first one's window.

Atomic, so that two launches at the same moment (both autostart entries at
logon) leave exactly one running: the instance is whoever holds an exclusive
lock on ``instance.lock`` (:class:`InstanceLock`; the operating system releases
it when the holder dies, even killed). Only the holder listens, so it alone may
remove a socket file a crashed instance left behind: a live instance's socket
is never removed. It listens as soon as it holds the lock; a later launch that
cannot take the lock hands its command over (:func:`hand_over`) and exits.

Signals: message(str) — a command from another launch ("show", "quit").
"""

from __future__ import annotations

import getpass
import importlib
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

from samu_desktop.config.paths import APP_NAME
from samu_desktop.mail.filelock import FileLock

if TYPE_CHECKING:
    from PySide6.QtNetwork import QLocalSocket

# Qt Network (QLocalServer, QLocalSocket) loads when first used: the instance takes
# its lock before the first paint and listens just after it (a launch meanwhile
# waits for it, see hand_over).

LOCK_FILE = "instance.lock"
# The holder listens within moments of taking the lock; a slow start-up is
# still covered, a hung instance is not waited for indefinitely.
HAND_OVER_S = 20.0


def _sha256(data: bytes) -> Any:
    """Python's built-in SHA-256: ``hashlib`` would load OpenSSL before the first window."""
    try:
        module = importlib.import_module("_sha2" if sys.version_info >= (3, 12) else "_sha256")
    except ImportError:
        module = importlib.import_module("hashlib")
    return module.sha256(data)


def server_name(config_dir: str) -> str:
    # Per user and per settings folder, so tests with their own HOME never
    # find each other.
    digest = _sha256(f"{getpass.getuser()}:{config_dir}".encode()).hexdigest()[:16]
    return f"{APP_NAME}-{digest}"


def send_to_running(name: str, message: str, timeout_ms: int = 1000) -> bool:
    """Deliver ``message`` to a running instance; False when none answers."""
    from PySide6.QtNetwork import QLocalSocket

    socket = QLocalSocket()
    socket.connectToServer(name)
    if not socket.waitForConnected(timeout_ms):
        return False
    socket.write(message.encode("utf-8") + b"\n")
    socket.waitForBytesWritten(timeout_ms)
    socket.disconnectFromServer()
    return True


class InstanceLock:
    """The right to be the running instance: an exclusive lock held until exit."""

    def __init__(self, state_dir: Path) -> None:
        self.path = state_dir / LOCK_FILE
        self._lock = FileLock(self.path)

    def acquire(self) -> bool:
        """True when this process is now the instance; never waits."""
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            return self._lock.acquire()
        except OSError:
            # The folder cannot hold a lock (read-only, full): run rather than
            # refuse to start; the socket guard below still catches most cases.
            return True

    def release(self) -> None:
        self._lock.release()


def hand_over(name: str, message: str, within_s: float = HAND_OVER_S) -> bool:
    """Deliver ``message`` to the instance that holds the lock, waiting for it to listen."""
    deadline = time.monotonic() + within_s
    while True:
        if send_to_running(name, message, timeout_ms=500):
            return True
        if time.monotonic() >= deadline:
            return False
        time.sleep(0.1)  # the holder is between taking the lock and listening


class InstanceServer(QObject):
    """Listens for later launches. Signals: message(str)."""

    message = Signal(str)

    def __init__(self, name: str, parent: QObject | None = None) -> None:
        from PySide6.QtNetwork import QLocalServer

        super().__init__(parent)
        self._server = QLocalServer(self)
        # Only the holder of the instance lock gets here: a socket file that
        # exists was left by a crashed instance (Unix), never by a live one.
        QLocalServer.removeServer(name)
        self.listening = self._server.listen(name)
        self._server.newConnection.connect(self._accept)

    def _accept(self) -> None:
        while self._server.hasPendingConnections():
            socket = self._server.nextPendingConnection()
            socket.readyRead.connect(lambda s=socket: self._read(s))
            socket.disconnected.connect(socket.deleteLater)
            self._read(socket)  # what arrived before the signal was connected

    def _read(self, socket: QLocalSocket) -> None:
        while socket.canReadLine():
            line = bytes(socket.readLine().data()).decode("utf-8", "replace").strip()
            if line:
                self.message.emit(line)

    def close(self) -> None:
        self._server.close()
