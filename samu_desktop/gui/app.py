"""Start the GUI: one instance, the window at once, then everything else.

The window is shown from Qt alone (plus the interface language, read from the
JSON files); the settings model, the crash handler, the procedure, the drafts,
the tray, the sender and the hotkey load after its first paint, so that the
start is as quick as a bare Qt window's.
"""

from __future__ import annotations

import logging
import os
import signal
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer, QTranslator
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from samu_desktop import __version__
from samu_desktop.config.language import interface_language
from samu_desktop.config.paths import AppPaths
from samu_desktop.errors import UserFacingError
from samu_desktop.gui.i18n import install_translators
from samu_desktop.gui.main_window import MainWindow
from samu_desktop.gui.quickstyle import QuickStartStyle
from samu_desktop.gui.single_instance import (
    InstanceLock,
    InstanceServer,
    hand_over,
    server_name,
)
from samu_desktop.gui.style import apply_style, follow_system_scheme
from samu_desktop.gui.tray import Tray
from samu_desktop.i18n import translate
from samu_desktop.resources import resource_path

if TYPE_CHECKING:
    # Loaded after the first paint (build, start_hotkey): start-up stays quick.
    from samu_desktop.app.state import AppState
    from samu_desktop.config.settings import Settings
    from samu_desktop.crash import CrashHandler, PreviousRun
    from samu_desktop.gui.hotkey_bridge import HotkeyService
    from samu_desktop.gui.monitor_bridge import MonitorService, RecoveryHandler
    from samu_desktop.monitor.runner import Clock

log = logging.getLogger(__name__)

# Set by benchmarks and tests: print a line on stdout once the window is painted,
# and another once the start is complete ("quit": leave right after the paint).
STARTUP_PROBE = "SAMU_DESKTOP_STARTUP_PROBE"


def _no_display() -> bool:
    if sys.platform != "linux" or os.environ.get("QT_QPA_PLATFORM"):
        return False
    return not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


class _FirstPaint(QObject):
    """Runs ``then`` once the watched window has painted for the first time."""

    def __init__(self, then: Callable[[], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._then = then

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self._then)
        return False


def start_hotkey(running: Application) -> HotkeyService:
    """The global capture hotkey: a press keeps every screen, the notification opens a report."""
    from samu_desktop.capture.autostart import apply_autostart
    from samu_desktop.capture.hotkey import HotkeySpec
    from samu_desktop.gui.hotkey_bridge import HotkeyService

    window = running.window
    service = HotkeyService(
        running.state.settings.hotkey,
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

    running.state.subscribe(settings_changed)

    def status() -> str:
        if service.is_active:
            return window.tr("Raccourci de capture actif : {keys}").format(
                keys=HotkeySpec.parse(service.hotkey).display_text(sys.platform == "win32")
            )
        return service.last_error or window.tr("Le raccourci de capture n'est pas actif.")

    window.hotkey_status = status
    service.start()
    return service


def start_monitor(running: Application, recovery_handler: RecoveryHandler | None = None,
                  clock: Clock | None = None) -> MonitorService:
    """The outage monitor, when the administrator's policy turns it on (off by default).

    ``recovery_handler`` sends the "rétablissement" follow-up of the outage's report;
    by default the history's threaded follow-up, through the outbox. ``clock`` is for
    tests (simulated time between rounds).
    """
    from samu_desktop.gui.monitor_bridge import MonitorService, followup_sender

    window = running.window
    if recovery_handler is None:
        recovery_handler = followup_sender(window)
    service = MonitorService(window, running.tray.icon if running.tray is not None else None,
                             recovery_handler=recovery_handler, clock=clock, parent=window)
    service.error.connect(window.message_bar.add)

    def offered(text: str, action: Callable[[], None] | None) -> None:
        # A bubble fades after a while: the offer stays in the window's message bar.
        window.message_bar.add(text, actions=[(window.tr("Signaler"), action)] if action else ())

    service.offered.connect(offered)
    running.state.subscribe(service.settings_changed)
    service.start()
    return service


def watch_monitor(running: Application, started: list[MonitorService]) -> None:
    """Start the outage monitor now if the policy turns it on, else once it does.

    Off by default: then nothing of the monitor (its probes, the report model, the
    keyring and the vault its reports need) is loaded, and the idle tray stays small.
    """
    unsubscribe: list[Callable[[], None]] = []

    def maybe_start(settings: Settings) -> None:
        if settings.monitor_enabled and not started:
            for stop_watching in unsubscribe:
                stop_watching()
            started.append(start_monitor(running))

    unsubscribe.append(running.state.subscribe(maybe_start))
    maybe_start(running.state.settings)


@dataclass
class Application:
    """Everything the running app holds; built by :func:`build` on an existing QApplication."""

    paths: AppPaths
    state: AppState
    window: MainWindow
    crash: CrashHandler
    tray: Tray | None
    translators: list[QTranslator] = field(default_factory=list)

    def shutdown(self) -> None:
        # A report being sent is either accepted in time or resent (with the
        # same Message-ID) at the next start: the outbox keeps it either way.
        self.window.stop_sender(5.0)
        self.crash.clean_exit()
        log.info("clean exit")


@dataclass
class Shell:
    """The window as shown before anything but Qt is loaded."""

    window: MainWindow
    icon: QIcon
    language: str
    translators: list[QTranslator]


def _outbox_has_entries(paths: AppPaths) -> bool:
    """Whether a report waits in the outbox (a folder listing: nothing loaded for it)."""
    try:
        return any(p.is_dir() and not p.name.startswith(".")
                   for p in paths.outbox_dir.iterdir())
    except OSError:
        return False


def open_shell(app: QApplication, paths: AppPaths, lang: str | None = None) -> Shell:
    """The translators and the window's shell: what the first paint needs, nothing more."""
    language = interface_language(paths, lang)
    translators = install_translators(app, language)
    # Qt appends the display name to every window title: in the user's language,
    # or an English window reads "SI-SAMU incident — Incident SI-SAMU".
    app.setApplicationDisplayName(QCoreApplication.translate("app", "Incident SI-SAMU"))
    apply_style(app)  # Fusion, the theme's palette, the type scale, the style sheet
    if not isinstance(app.style(), QuickStartStyle):
        app.setStyle(QuickStartStyle("Fusion"))
    icon = QIcon(str(resource_path("icons", "samu-desktop.png")))
    app.setWindowIcon(icon)
    return Shell(MainWindow(None, icon), icon, language, translators)


def build(
    app: QApplication,
    paths: AppPaths,
    lang: str | None = None,
    crash: CrashHandler | None = None,
    previous: PreviousRun | None = None,
    shell: Shell | None = None,
    in_tray: bool = False,
) -> Application:
    """The running application: state, window attached, crash notices, tray, sender.

    ``in_tray``: started hidden in the tray; the window's reports and the sender load
    when needed (a report to send waits in the outbox: then the sender starts at once).
    """
    from samu_desktop.app.state import AppState
    from samu_desktop.crash import CrashHandler
    from samu_desktop.gui.bridge import gui_bridge

    shell = shell or open_shell(app, paths, lang)
    # The questions follow the interface's language (``--lang`` included), not only
    # the saved setting.
    state = AppState.load(paths, shell.language)
    log.info("start %s, language %s", __version__, state.language)
    window = shell.window
    style = app.style()
    if isinstance(style, QuickStartStyle):
        style.release()
    # The system's colour scheme as Qt knows it (too costly before the first paint).
    follow_system_scheme(app)
    in_tray = in_tray and Tray.available()
    # Another launch may have shown the window while this was loading.
    window.attach(state, reports_later=in_tray and not window.isVisible())
    window.run_prerequisites_on_open = True
    for message in state.messages:
        log.warning("start-up notice: %s", message)
        window.message_bar.add(message)
    _offer_first_start(app, window, state)
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
    # The outbox sender (and what it imports) starts once the window is up; in the
    # tray, only when a report waits in the outbox, else with the first one.
    waiting = _outbox_has_entries(paths)
    if in_tray and not waiting:
        window.start_sender_on_use = True
    else:
        QTimer.singleShot(0, window, window.start_sender)
    if waiting:
        # Reports left unsent by the last run (a blocked report, a quit): said at once.
        window.outbox_flow.announce_waiting()

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
    window.ask_on_close = True  # closing quits, unless a tray keeps the app (below)
    if Tray.available():
        tray = Tray(shell.icon, app)
        tray.open_requested.connect(window.show_and_raise)
        tray.new_report_requested.connect(window.go_home)
        tray.new_report_requested.connect(window.show_and_raise)
        # Asks first while a report has not left (a logout or --quit never asks).
        tray.quit_requested.connect(window.ask_quit)
        tray.show()
        window.hide_on_close = True
        window.ask_on_close = False
    return Application(paths, state, window, crash, tray, shell.translators)


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
    shell = open_shell(qapp, paths, lang)
    window = shell.window
    probe = bool(os.environ.get(STARTUP_PROBE))
    started: list[Application] = []
    hotkeys: list[HotkeyService] = []
    monitors: list[MonitorService] = []
    # Launches handed over before logging is set up (it comes after the first paint).
    early: list[str] = []
    servers: list[InstanceServer] = []

    def listen() -> None:
        # Just after the first paint (Qt Network loads then), before the slower rest:
        # a launch meanwhile waits for it (hand_over) and is answered once the rest is up.
        server = InstanceServer(name, qapp)
        server.message.connect(on_message)
        servers.append(server)

    def finish_start() -> None:
        """Everything the first paint did not need."""
        from samu_desktop.crash import CrashHandler
        from samu_desktop.logsetup import setup_logging

        listen()
        setup_logging(paths.log_dir)
        for message in early:
            log.info("another launch asked to %s", message)
        early.clear()
        crash = CrashHandler(paths.crash_dir)
        previous = crash.previous_run()
        crash.install()
        running = build(qapp, paths, lang, crash, previous, shell, in_tray=hidden)
        started.append(running)
        if hidden and running.tray is None:
            window.show()  # no tray to wait in: the window is the way back
        # The hotkey (X grab, warm capture) starts once the rest is up.
        hotkeys.append(start_hotkey(running))
        # The outage monitor, when the policy turns it on (its probes run on its thread).
        watch_monitor(running, monitors)
        if probe:
            print("samu-desktop: started", flush=True)

    def on_message(message: str) -> None:
        if started:
            log.info("another launch asked to %s", message)
        else:
            early.append(message)
        if message == "quit":
            window.quit_requested()
        elif message == "show":
            window.show_and_raise()

    # Ctrl+C and SIGTERM end the event loop cleanly; the timer lets Python run
    # its signal handlers while Qt's loop is in C++.
    signal.signal(signal.SIGTERM, lambda *_: window.quit_requested())
    signal.signal(signal.SIGINT, lambda *_: window.quit_requested())
    wake = QTimer(qapp)
    wake.timeout.connect(lambda: None)
    wake.start(250)

    if hidden and Tray.available():
        QTimer.singleShot(0, finish_start)
    else:
        def painted() -> None:
            if probe:
                print("samu-desktop: window shown", flush=True)
            if os.environ.get(STARTUP_PROBE) == "quit":  # benchmarks: time to the paint
                qapp.quit()
                return
            finish_start()

        window.installEventFilter(_FirstPaint(painted, qapp))
        window.show()
    code = qapp.exec()
    for hotkey in hotkeys:
        hotkey.shutdown()
    for monitor in monitors:
        monitor.shutdown()
    for server in servers:
        server.close()
    for running in started:
        running.shutdown()
    from samu_desktop.logsetup import close_logging

    close_logging()
    instance.release()
    return int(code)


def _offer_first_start(app: QApplication, window: MainWindow, state: AppState) -> None:
    """A fresh install: offer the short setup at once, without forcing it (a report can
    be written and captured before; the send page says what is missing)."""
    from samu_desktop.app.readiness import setup_needed

    if not setup_needed(state.settings, state.locked):
        return
    log.info("first start: setup offered")
    notice = window.message_bar.add(
        app.translate(
            "app",
            "Premier démarrage : indiquez votre centre, vos coordonnées et le serveur "
            "d'envoi, pour que vos signalements puissent partir. Vous pouvez le faire plus "
            "tard ; un signalement peut déjà être écrit.",
        ),
        actions=[(app.translate("app", "Faire les réglages"), window.open_first_start)],
    )
    from samu_desktop.gui.send_readiness import close_when

    close_when(notice, state, lambda settings: not setup_needed(settings, state.locked))
