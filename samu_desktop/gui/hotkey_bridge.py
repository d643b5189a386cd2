"""The outage hotkey in the GUI: capture on the backend's thread, deliver on the GUI thread.

The backend calls back on its own thread (X11 event loop, Windows message
loop). The screens are grabbed right there — the press must keep the screen
as it was, even if the GUI thread is busy — then the batch crosses to the GUI
thread through the GUI bridge (``gui/bridge.py``; a ``QTimer.singleShot``
from a foreign thread never fires).

Integration: the main window connects ``open_requested`` to "new report",
takes the waiting captures with ``service.capture_log.take()`` (oldest first;
``first_taken_at`` is the incident start to offer) and shows ``error`` texts
in its message bar / the settings.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QMouseEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSystemTrayIcon, QWidget

from samu_desktop.capture.backends import HotkeyBackend, default_backend
from samu_desktop.capture.errors import HotkeyError
from samu_desktop.capture.grabber import ScreenGrabber
from samu_desktop.capture.hotkey import HotkeySpec
from samu_desktop.capture.models import CaptureBatch, CaptureLog
from samu_desktop.errors import UserFacingError
from samu_desktop.gui.bridge import gui_bridge

log = logging.getLogger(__name__)

# Dynamic property of the tray icon naming who showed its last bubble.
MESSAGE_OWNER = "samuMessageOwner"


class CaptureToast(QWidget):
    """A small window in a corner when there is no tray; never takes the focus.

    Signals: open_clicked()
    """

    open_clicked = Signal()

    def __init__(self, text: str, timeout_ms: int = 10_000, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowFlags(
            Qt.WindowType.Tool
            | Qt.WindowType.FramelessWindowHint
            | Qt.WindowType.WindowStaysOnTopHint
            | Qt.WindowType.WindowDoesNotAcceptFocus
        )
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
        self.setObjectName("captureToast")
        self.setWindowTitle(self.tr("Capture d'écran conservée"))
        self.setStyleSheet(
            "#captureToast { background: #fffbe6; border: 1px solid #8a6d00; }"
        )
        layout = QHBoxLayout(self)
        self.label = QLabel(text, self)
        self.label.setWordWrap(True)
        layout.addWidget(self.label, 1)
        self.open_button = QPushButton(self.tr("Ouvrir un signalement"), self)
        self.open_button.clicked.connect(self._open)
        layout.addWidget(self.open_button)
        close = QPushButton(self.tr("Fermer"), self)
        close.setAccessibleName(self.tr("Fermer cette notification"))
        close.clicked.connect(self.hide)
        layout.addWidget(close)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(timeout_ms)
        self.timer.timeout.connect(self.hide)

    def show_text(self, text: str) -> None:
        self.label.setText(text)
        self.adjustSize()
        screen = QGuiApplication.primaryScreen()
        if screen is not None:
            area = screen.availableGeometry()
            self.move(area.right() - self.width() - 16, area.bottom() - self.height() - 16)
        self.show()  # on top by its window flags; raise_() would take the focus
        self.timer.start()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        # Like a tray bubble: a click anywhere on the notification opens it.
        if event.button() == Qt.MouseButton.LeftButton:
            self._open()
            return
        super().mousePressEvent(event)

    def _open(self) -> None:
        self.hide()
        self.open_clicked.emit()


class HotkeyService(QObject):
    """The global capture hotkey, from key press to notification.

    Signals:
        captured(object) — a CaptureBatch (one capture per screen, ``taken_at``),
            on the GUI thread, already added to ``capture_log``;
        error(str) — a French sentence: the hotkey could not be registered (taken by
            another program, Wayland, bad text), or a capture failed;
        open_requested(object) — the user clicked the notification: the latest
            CaptureBatch (the whole series waits in ``capture_log``);
        active_changed(bool) — the hotkey is (no longer) held.
    """

    captured = Signal(object)
    error = Signal(str)
    open_requested = Signal(object)
    active_changed = Signal(bool)

    def __init__(
        self,
        hotkey: str,
        capture_log: CaptureLog | None = None,
        grabber: ScreenGrabber | None = None,
        backend: HotkeyBackend | None = None,
        tray: QSystemTrayIcon | None = None,
        notify_on_capture: bool = True,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.hotkey = hotkey
        # "is None", not "or": an empty CaptureLog is falsy (it has a length).
        self.capture_log = capture_log if capture_log is not None else CaptureLog()
        self.grabber = grabber if grabber is not None else ScreenGrabber()
        self.notify_on_capture = notify_on_capture
        self.last_error = ""
        self.toast: CaptureToast | None = None
        self._backend = backend
        self._active = False
        self._pending: CaptureBatch | None = None
        self._tray: QSystemTrayIcon | None = None
        self._bridge = gui_bridge()
        self.set_tray(tray)
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication):
            # A screen plugged, unplugged or rearranged: the warm capture must
            # learn the new layout before the next press, not at it.
            app.screenAdded.connect(self._screens_changed)
            app.screenRemoved.connect(self._screens_changed)
            app.primaryScreenChanged.connect(self._screens_changed)

    @property
    def is_active(self) -> bool:
        return self._active

    def set_tray(self, tray: QSystemTrayIcon | None) -> None:
        if self._tray is not None:
            self._tray.messageClicked.disconnect(self._tray_message_clicked)
        self._tray = tray
        if tray is not None:
            tray.messageClicked.connect(self._tray_message_clicked)

    def start(self) -> bool:
        """Claim the hotkey and warm the capture; on failure emit ``error`` and return False."""
        self.stop()
        try:
            spec = HotkeySpec.parse(self.hotkey)
            if self._backend is None:
                self._backend = default_backend()
            # Warm now, not at the first press: the press comes at the moment it
            # breaks, and a cold capture there took 180-210 ms on a loaded machine
            # (warm: 25 ms), long enough for an error box to go. It costs 8-13 MB
            # of the idle tray (benchmarks/capture_hotkey.py, tray_memory.py).
            self.grabber.open()
            self._backend.start(spec, self._on_hotkey)
        except UserFacingError as exc:
            self._report(exc.user_message)
            return False
        self.last_error = ""
        self._set_active(True)
        return True

    def stop(self) -> None:
        if self._backend is not None and self._active:
            self._backend.stop()
        self._set_active(False)

    def set_hotkey(self, hotkey: str) -> bool:
        """Switch to another combination (after the settings changed); True when held."""
        self.hotkey = hotkey
        return self.start()

    def check(self, hotkey: str) -> str:
        """'' when ``hotkey`` is valid text, else the French reason (for the settings page)."""
        try:
            HotkeySpec.parse(hotkey)
        except HotkeyError as exc:
            return exc.user_message
        return ""

    # -- notification --------------------------------------------------
    def notify(self, batch: CaptureBatch) -> None:
        """Tell the user the screens were kept; clicking opens a new report with them."""
        self._pending = batch
        text = self._notification_text(batch)
        tray = self._tray
        if tray is not None and tray.isVisible() and QSystemTrayIcon.supportsMessages():
            tray.setProperty(MESSAGE_OWNER, "hotkey")
            tray.showMessage(
                self.tr("Capture d'écran conservée"),
                text,
                QSystemTrayIcon.MessageIcon.Information,
                10_000,
            )
            return
        if self.toast is None:
            self.toast = CaptureToast(text)
            self.toast.open_clicked.connect(self._tray_clicked)
        self.toast.show_text(text)

    def _notification_text(self, batch: CaptureBatch) -> str:
        time_text = batch.taken_at.strftime("%H:%M:%S")
        screens = len(batch.captures)
        text = (
            self.tr("Écran capturé à {time}.")
            if screens == 1
            else self.tr("{count} écrans capturés à {time}.")
        ).format(time=time_text, count=screens)
        waiting = len(self.capture_log)
        if waiting > 1:
            text += " " + self.tr("{count} captures en attente.").format(count=waiting)
        return text + " " + self.tr("Cliquez pour les joindre à un nouveau signalement.")

    def _tray_message_clicked(self) -> None:
        # The tray's last bubble may be another service's (the outage monitor's).
        if self._tray is not None and self._tray.property(MESSAGE_OWNER) in (None, "hotkey"):
            self._tray_clicked()

    def _tray_clicked(self) -> None:
        if self._pending is not None:
            self.open_requested.emit(self._pending)

    def _screens_changed(self, *_: object) -> None:
        if not self._active or not self.grabber.is_open:
            return  # a closed grabber reads the layout when it opens
        try:
            self.grabber.refresh_layout()
        except UserFacingError as exc:
            self._report(exc.user_message)

    # -- threads ---------------------------------------------------------
    def _on_hotkey(self) -> None:
        # On the backend's thread: touch only the thread-safe grabber and log.
        try:
            batch = self.grabber.grab_batch(trigger="hotkey")
        except UserFacingError as exc:
            message = exc.user_message
            self._bridge.post(lambda: self._report(message), owner=self)
            return
        self.capture_log.add(batch)
        self._bridge.post(lambda: self._deliver(batch), owner=self)

    def _deliver(self, batch: CaptureBatch) -> None:
        log.info("hotkey capture: %d screen(s)", len(batch.captures))
        self.captured.emit(batch)
        if self.notify_on_capture:
            self.notify(batch)

    def _report(self, message: str) -> None:
        self.last_error = message
        log.warning("hotkey problem reported to the user")
        self.error.emit(message)

    def _set_active(self, active: bool) -> None:
        if active != self._active:
            self._active = active
            self.active_changed.emit(active)

    def shutdown(self) -> None:
        """Release the hotkey and the screen connection (at quit)."""
        self.stop()
        self.grabber.close()
        if self.toast is not None:
            self.toast.deleteLater()
            self.toast = None
