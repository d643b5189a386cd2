"""Start the GUI: one instance, settings, crash handler, translations, window, tray."""

from __future__ import annotations

import logging
import os
import signal
import sys
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer, QTranslator
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from samu_desktop import __version__
from samu_desktop.config.paths import AppPaths
from samu_desktop.config.settings import Settings
from samu_desktop.config.store import SettingsStore
from samu_desktop.crash import CrashHandler, PreviousRun
from samu_desktop.errors import UserFacingError
from samu_desktop.gui.bridge import gui_bridge
from samu_desktop.gui.i18n import install_translators
from samu_desktop.gui.main_window import MainWindow
from samu_desktop.gui.single_instance import (
    InstanceLock,
    InstanceServer,
    hand_over,
    server_name,
)
from samu_desktop.gui.style import apply_style
from samu_desktop.gui.tray import Tray
from samu_desktop.i18n import translate
from samu_desktop.logsetup import close_logging, setup_logging
from samu_desktop.resources import resource_path

if TYPE_CHECKING:
    # Loaded once the window is up (start_hotkey): start-up stays quick.
    from samu_desktop.gui.hotkey_bridge import HotkeyService

log = logging.getLogger(__name__)

# Set by benchmarks and tests: print a line on stdout once the window is painted.
STARTUP_PROBE = "SAMU_DESKTOP_STARTUP_PROBE"


def _no_display() -> bool:
    if sys.platform != "linux" or os.environ.get("QT_QPA_PLATFORM"):
        return False
    return not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


class _FirstPaint(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, lambda: print("samu-desktop: window shown", flush=True))
        return False


def start_hotkey(running: Application) -> HotkeyService:
    """The global capture hotkey: a press keeps every screen, the notification opens a report."""
    from samu_desktop.capture.autostart import apply_autostart
    from samu_desktop.capture.hotkey import HotkeySpec
    from samu_desktop.gui.hotkey_bridge import HotkeyService

    window = running.window
    service = HotkeyService(
        window.loaded.settings.hotkey,
        tray=running.tray.icon if running.tray is not None else None,
        parent=window,
    )
    service.error.connect(window.message_bar.add)

    def open_report(_latest: object) -> None:
        window.open_with_captures(service.capture_log.take())

    service.open_requested.connect(open_report)

    def settings_changed(settings: Settings) -> None:
        if settings.hotkey != service.hotkey:
            service.set_hotkey(settings.hotkey)
        try:
            apply_autostart(settings.start_with_session)
        except UserFacingError as exc:
            window.message_bar.add(exc.user_message)

    window.settings_changed.connect(settings_changed)

    def status() -> str:
        if service.is_active:
            return window.tr("Raccourci de capture actif : {keys}").format(
                keys=HotkeySpec.parse(service.hotkey).display_text(sys.platform == "win32")
            )
        return service.last_error or window.tr("Le raccourci de capture n'est pas actif.")

    window.hotkey_status = status
    service.start()
    return service


@dataclass
class Application:
    """Everything the running app holds; built by :func:`build` on an existing QApplication."""

    paths: AppPaths
    store: SettingsStore
    window: MainWindow
    crash: CrashHandler
    tray: Tray | None
    translators: list[QTranslator] = field(default_factory=list)

    def shutdown(self) -> None:
        # A report being sent is either accepted in time or resent (with the
        # same Message-ID) at the next start: the outbox keeps it either way.
        self.window.sending.stop(5.0)
        self.crash.clean_exit()
        log.info("clean exit")


def build(
    app: QApplication,
    paths: AppPaths,
    lang: str | None = None,
    crash: CrashHandler | None = None,
    previous: PreviousRun | None = None,
) -> Application:
    store = SettingsStore(paths)
    loaded = store.load()
    language = lang or loaded.settings.language
    translators = install_translators(app, language)
    # Qt appends the display name to every window title: in the user's language,
    # or an English window reads "SI-SAMU incident — Incident SI-SAMU".
    app.setApplicationDisplayName(QCoreApplication.translate("app", "Incident SI-SAMU"))
    log.info("start %s, language %s", __version__, language)

    apply_style(app)
    icon = QIcon(str(resource_path("icons", "samu-desktop.png")))
    app.setWindowIcon(icon)
    window = MainWindow(loaded, store, icon)
    # The questions follow the interface's language (``--lang`` included), not only
    # the saved setting.
    window.language = "en" if language == "en" else "fr"
    window.run_prerequisites_on_open = True
    for message in loaded.messages:
        log.warning("start-up notice: %s", message)
        window.message_bar.add(message)
    if previous is not None and previous.crashed:
        log.warning("previous run ended abruptly (reported to the user)")
        window.message_bar.add(
            app.translate(
                "app",
                "L'application s'est arrêtée de façon inattendue lors de sa dernière "
                "utilisation. Si cela se reproduit, transmettez les détails à votre "
                "service informatique.",
            ),
            details=previous.details,
        )
    crash = crash or CrashHandler(paths.crash_dir)
    # The outbox sender (and what it imports) starts once the window is up.
    QTimer.singleShot(0, window, window.sending.start)

    def on_exception(details: str) -> None:
        window.message_bar.add(
            app.translate(
                "app",
                "Une erreur inattendue s'est produite ; votre saisie est conservée. Si cela "
                "se reproduit, transmettez les détails à votre service informatique.",
            ),
            details=details,
        )

    # The hooks run on whatever thread raised: the notice is built on the GUI thread.
    bridge = gui_bridge()
    crash.on_exception = lambda details: bridge.post(lambda: on_exception(details), owner=window)

    tray: Tray | None = None
    if Tray.available():
        tray = Tray(icon, app)
        tray.open_requested.connect(window.show_and_raise)
        tray.new_report_requested.connect(window.go_home)
        tray.new_report_requested.connect(window.show_and_raise)
        tray.quit_requested.connect(window.quit_requested)
        tray.show()
        window.hide_on_close = True
    return Application(paths, store, window, crash, tray, translators)


def run_gui(lang: str | None = None, quit_running: bool = False, hidden: bool = False) -> int:
    if _no_display():
        print(
            translate(
                "app",
                "Aucun écran n'est disponible (ni DISPLAY ni WAYLAND_DISPLAY) : lancez "
                "l'application depuis une session graphique.",
            ),
            file=sys.stderr,
        )
        return 1
    paths = AppPaths.default()
    qapp = QApplication(sys.argv[:1])
    qapp.setApplicationName("samu-desktop")
    qapp.setApplicationDisplayName("Incident SI-SAMU")
    qapp.setApplicationVersion(__version__)
    qapp.setDesktopFileName("samu-desktop")

    name = server_name(str(paths.config_dir))
    # Lock first, then listen: of two launches at the same moment exactly one
    # becomes the instance; the other hands over to it and ends.
    instance = InstanceLock(paths.state_dir)
    if not instance.acquire():
        # A hidden start (the session's autostart) asks for nothing to appear.
        command = "quit" if quit_running else ("start-hidden" if hidden else "show")
        if hand_over(name, command):
            return 0
        print(
            translate(
                "app",
                "L'application est déjà ouverte mais ne répond pas : fermez-la (ou redémarrez "
                "la session), puis relancez-la.",
            ),
            file=sys.stderr,
        )
        return 1
    if quit_running:
        instance.release()
        return 0
    # Listening before the (slower) start-up: a launch meanwhile is answered
    # once the window exists (messages wait in the event loop).
    server = InstanceServer(name, qapp)

    setup_logging(paths.log_dir)
    if not server.listening:
        log.warning("single instance: cannot listen for later launches")
    crash = CrashHandler(paths.crash_dir)
    previous = crash.previous_run()
    crash.install()
    running = build(qapp, paths, lang, crash, previous)
    window = running.window

    def on_message(message: str) -> None:
        log.info("another launch asked to %s", message)
        if message == "quit":
            window.quit_requested()
        elif message == "show":
            window.show_and_raise()

    server.message.connect(on_message)
    # Ctrl+C and SIGTERM end the event loop cleanly; the timer lets Python run
    # its signal handlers while Qt's loop is in C++.
    signal.signal(signal.SIGTERM, lambda *_: window.quit_requested())
    signal.signal(signal.SIGINT, lambda *_: window.quit_requested())
    wake = QTimer(qapp)
    wake.timeout.connect(lambda: None)
    wake.start(250)

    # The hotkey (X grab, warm capture) starts once the window is up.
    hotkeys: list[HotkeyService] = []
    QTimer.singleShot(0, lambda: hotkeys.append(start_hotkey(running)))
    if os.environ.get(STARTUP_PROBE):
        window.installEventFilter(_FirstPaint(qapp))
    if not (hidden and running.tray is not None):
        window.show()
    code = qapp.exec()
    for hotkey in hotkeys:
        hotkey.shutdown()
    server.close()
    running.shutdown()
    close_logging()
    instance.release()
    return int(code)
