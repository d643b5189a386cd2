"""One running instance per user: a second launch raises the first one's window.

Signals: message(str) — a command from another launch ("show", "quit").
"""

from __future__ import annotations

import getpass
import importlib
import sys
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

from samu_desktop.config.paths import APP_NAME


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
    socket = QLocalSocket()
    socket.connectToServer(name)
    if not socket.waitForConnected(timeout_ms):
        return False
    socket.write(message.encode("utf-8") + b"\n")
    socket.waitForBytesWritten(timeout_ms)
    socket.disconnectFromServer()
    return True


class InstanceServer(QObject):
    """Listens for later launches. Signals: message(str)."""

    message = Signal(str)

    def __init__(self, name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._server = QLocalServer(self)
        # A crashed instance may have left its socket file behind (Unix).
        QLocalServer.removeServer(name)
        self._server.listen(name)
        self._server.newConnection.connect(self._accept)

    def _accept(self) -> None:
        while self._server.hasPendingConnections():
            socket = self._server.nextPendingConnection()
            socket.readyRead.connect(lambda s=socket: self._read(s))
            socket.disconnected.connect(socket.deleteLater)

    def _read(self, socket: QLocalSocket) -> None:
        while socket.canReadLine():
            line = bytes(socket.readLine().data()).decode("utf-8", "replace").strip()
            if line:
                self.message.emit(line)

    def close(self) -> None:
        self._server.close()
