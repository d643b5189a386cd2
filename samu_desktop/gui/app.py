"""Start the GUI: one instance, settings, crash handler, translations, window, tray."""

from __future__ import annotations

import logging
import os
import signal
import sys

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from samu_desktop import __version__
from samu_desktop.config.paths import AppPaths
from samu_desktop.config.store import SettingsStore
from samu_desktop.crash import CrashHandler
from samu_desktop.gui.i18n import install_translators
from samu_desktop.gui.main_window import MainWindow
from samu_desktop.gui.single_instance import InstanceServer, send_to_running, server_name
from samu_desktop.gui.tray import Tray
from samu_desktop.i18n import translate
from samu_desktop.logsetup import setup_logging
from samu_desktop.resources import resource_path

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
    app = QApplication(sys.argv[:1])
    app.setApplicationName("samu-desktop")
    app.setApplicationDisplayName("Incident SI-SAMU")
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("samu-desktop")

    name = server_name(str(paths.config_dir))
    if send_to_running(name, "quit" if quit_running else "show"):
        return 0
    if quit_running:
        return 0

    setup_logging(paths.log_dir)
    crash = CrashHandler(paths.crash_dir)
    previous = crash.previous_run()
    crash.install()
    store = SettingsStore(paths)
    loaded = store.load()
    translators = install_translators(app, lang or loaded.settings.language)
    log.info("start %s, language %s", __version__, lang or loaded.settings.language)

    icon = QIcon(str(resource_path("icons", "samu-desktop.png")))
    app.setWindowIcon(icon)
    window = MainWindow(loaded, store, icon)
    for message in loaded.messages:
        log.warning("start-up notice: %s", message)
        window.message_bar.add(message)
    if previous.crashed:
        window.message_bar.add(
            app.translate(
                "app",
                "L'application s'est arrêtée de façon inattendue lors de sa dernière "
                "utilisation. Si cela se reproduit, transmettez les détails à votre "
                "service informatique.",
            ),
            details=previous.details,
        )

    def on_exception(details: str) -> None:
        window.message_bar.add(
            app.translate(
                "app",
                "Une erreur inattendue s'est produite ; votre saisie est conservée. Si cela "
                "se reproduit, transmettez les détails à votre service informatique.",
            ),
            details=details,
        )

    crash.on_exception = on_exception

    tray: Tray | None = None
    if Tray.available():
        tray = Tray(icon, app)
        tray.open_requested.connect(window.show_and_raise)
        tray.new_report_requested.connect(window.go_home)
        tray.new_report_requested.connect(window.show_and_raise)
        tray.quit_requested.connect(window.quit_requested)
        tray.show()
        window.hide_on_close = True

    server = InstanceServer(name, app)
    server.message.connect(
        lambda msg: window.quit_requested() if msg == "quit" else window.show_and_raise()
    )

    # Ctrl+C and SIGTERM end the event loop cleanly; the timer lets Python run
    # its signal handlers while Qt's loop is in C++.
    signal.signal(signal.SIGTERM, lambda *_: window.quit_requested())
    signal.signal(signal.SIGINT, lambda *_: window.quit_requested())
    wake = QTimer(app)
    wake.start(250)
    wake.timeout.connect(lambda: None)

    if os.environ.get(STARTUP_PROBE):
        probe = _FirstPaint(app)
        window.installEventFilter(probe)
    if not (hidden and tray is not None):
        window.show()
    code = app.exec()
    server.close()
    crash.clean_exit()
    del translators
    log.info("clean exit")
    return int(code)
