#!/usr/bin/env python3
"""Regenerate the user guide's screenshots from the real windows, in French and English,
as a 1366×768 laptop screen (docs/images/{fr,en}/) and a 1920×1080 one
(docs/images/{fr,en}/1920x1080/, the main window's pages) leave the window; it exits
non-zero, saying what, when a picture would show something cut off.

    .venv/bin/python scripts/make_user_guide.py                 # docs/images/{fr,en}/
    .venv/bin/python scripts/make_user_guide.py --out /tmp/g --lang fr --fast

The application is built as ``samu-desktop`` builds it (``samu_desktop.gui.app.build``)
on Qt's offscreen platform, in a temporary home: the user's own settings, drafts,
outbox and keyring are never read or touched. If ``dbus-daemon`` and
``gnome-keyring-daemon`` are installed, a private Secret Service is started for the
run (as the tests do); otherwise the screens show the keyring as unavailable.

The demo centre is fictional (CRRA FR999); the capture is a drawn stand-in for the
communication banner with invented patient data, which the real detector proposes
to hide. The prerequisites test really runs, against closed ports of 127.0.0.1, so
its network lines fail: the guide explains how to read them. The sending server is
a closed port too: the report waits in the outbox, as it does when the network is
down. The workstation facts shown (Windows 11, Firefox ESR) are those of an
SI-SAMU workstation, given to the window instead of this machine's.

``--fast`` skips the palette reduction and uses quick PNG compression (the test of
this script uses it); the committed images are made without it.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
# The screens the guides show: a 1366×768 laptop (the images in the text) and a
# 1920×1080 desktop (linked under each picture, in a folder of that name). The window
# is as large as such a screen leaves it, title bar and task bar taken off (the
# application's own allowance, FRAME_ALLOWANCE).
SCREENS = {"1366x768": (1366, 768), "1920x1080": (1920, 1080)}
MAIN_SCREEN = "1366x768"
LANGUAGES = ("fr", "en")
# Every image the guides show, in the order they are made.
IMAGES = ("home", "notification", "application", "screenshots", "form", "prerequisites",
          "review", "call", "local-it", "outbox", "history", "settings", "sending-settings",
          "restore", "mail")
# The images of the main window: made at both screen sizes.
WINDOW_IMAGES = ("home", "application", "screenshots", "form", "prerequisites", "review",
                 "call", "local-it", "outbox", "history", "restore")


def window_size(screen: str) -> tuple[int, int]:
    from samu_desktop.gui.widgets import FRAME_ALLOWANCE

    width, height = SCREENS[screen]
    return width - FRAME_ALLOWANCE.width(), height - FRAME_ALLOWANCE.height()


def cut_off(window: object, room: tuple[int, int]) -> list[str]:
    """What the picture would show cut: the window needing more than the screen leaves
    it (``room``), or a button outside it (a scrolled area's are reached by scrolling)."""
    from PySide6.QtCore import QRect
    from PySide6.QtWidgets import QAbstractButton, QAbstractScrollArea, QWidget

    assert isinstance(window, QWidget)
    problems = []
    need = window.minimumSizeHint().expandedTo(window.minimumSize())
    width, height = room
    # Qt keeps a window at least its minimum size: larger than the screen, it is cut.
    if max(need.width(), window.width()) > width or max(need.height(), window.height()) > height:
        problems.append(f"needs {max(need.width(), window.width())}×"
                        f"{max(need.height(), window.height())}, the screen leaves "
                        f"{width}×{height}")
    inside = QRect(0, 0, window.width(), window.height())

    def scrolled(widget: QWidget) -> bool:
        parent = widget.parentWidget()
        while parent is not None:
            grand = parent.parentWidget()
            if isinstance(grand, QAbstractScrollArea) and grand.viewport() is parent:
                return True
            parent = grand
        return False

    for button in window.findChildren(QAbstractButton):
        if button.isVisible() and button.window() is window and not scrolled(button):
            rect = QRect(button.mapTo(window, button.rect().topLeft()), button.size())
            if not inside.contains(rect):
                problems.append(f"« {button.text() or button.objectName()} » at "
                                f"{rect.getRect()} is cut off")
    return problems


def fresh_translations() -> None:
    """Compile the English translation if its source changed (as the build does)."""
    lrelease = Path(sys.executable).parent / "pyside6-lrelease"
    for ts in sorted((REPO / "resources" / "translations").glob("*.ts")):
        qm = ts.with_suffix(".qm")
        if not qm.exists() or qm.stat().st_mtime < ts.stat().st_mtime:
            subprocess.run([str(lrelease if lrelease.exists() else "pyside6-lrelease"),
                            "-silent", str(ts), "-qm", str(qm)], check=True)


def quiet_qt() -> None:
    """Offscreen, Qt says it cannot resize or raise windows: true, and not news."""
    from PySide6.QtCore import QtMsgType, qInstallMessageHandler

    def handler(kind: QtMsgType, _context: object, text: str) -> None:
        if "This plugin does not support" not in text:
            print(text, file=sys.stderr)

    qInstallMessageHandler(handler)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _isolate(home: Path) -> None:
    """A fresh home for the whole run: platformdirs and Qt read these at each call."""
    for sub in ("config", "data", "state", "cache", "etc-xdg", "runtime"):
        (home / sub).mkdir(parents=True, exist_ok=True)
    (home / "runtime").chmod(0o700)
    os.environ.update(
        HOME=str(home), XDG_CONFIG_HOME=str(home / "config"), XDG_DATA_HOME=str(home / "data"),
        XDG_STATE_HOME=str(home / "state"), XDG_CACHE_HOME=str(home / "cache"),
        XDG_CONFIG_DIRS=str(home / "etc-xdg"), XDG_RUNTIME_DIR=str(home / "runtime"),
        QT_QPA_PLATFORM="offscreen", LANGUAGE="", LC_ALL="C.UTF-8",
    )
    os.environ.pop("DISPLAY", None)
    os.environ.pop("WAYLAND_DISPLAY", None)


@contextlib.contextmanager
def private_keyring(home: Path) -> Iterator[None]:
    """A private D-Bus with an unlocked gnome-keyring, or no D-Bus at all: never the
    session's keyring."""
    os.environ["DBUS_SESSION_BUS_ADDRESS"] = f"unix:path={home / 'no-bus'}"
    if not (shutil.which("dbus-daemon") and shutil.which("gnome-keyring-daemon")):
        yield
        return
    bus = subprocess.run(["dbus-daemon", "--session", "--fork", "--print-address=1",
                          "--print-pid=1"], capture_output=True, text=True, check=True)
    address, pid = bus.stdout.split()[:2]
    os.environ["DBUS_SESSION_BUS_ADDRESS"] = address
    daemon = subprocess.Popen(
        ["gnome-keyring-daemon", "--foreground", "--unlock", "--components=secrets"],
        stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    assert daemon.stdin is not None
    daemon.stdin.write(b"user-guide-keyring")
    daemon.stdin.close()
    try:
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            names = subprocess.run(
                ["dbus-send", "--session", "--print-reply", "--dest=org.freedesktop.DBus",
                 "/org/freedesktop/DBus", "org.freedesktop.DBus.ListNames"],
                capture_output=True, text=True, check=False).stdout
            if '"org.freedesktop.secrets"' in names:
                break
            time.sleep(0.05)
        yield
    finally:
        daemon.terminate()
        daemon.wait(10)
        os.kill(int(pid), 15)


def banner_capture() -> object:
    """A stand-in for the communication banner at the moment it broke (invented data)."""
    from PIL import Image, ImageDraw, ImageFont

    from samu_desktop.capture.models import Capture, CaptureBatch, Monitor, Rect

    image = Image.new("RGB", (1280, 720), "#eef1f5")
    draw = ImageDraw.Draw(image)
    big = ImageFont.truetype("DejaVuSans.ttf", 30)
    font = ImageFont.truetype("DejaVuSans.ttf", 24)
    draw.rectangle((0, 0, 1280, 64), fill="#1f3a5f")
    draw.text((24, 14), "Bandeau de communication", fill="white", font=big)
    draw.rectangle((40, 110, 1240, 420), fill="white", outline="#9aa5b1")
    draw.text((70, 140), "Appel entrant - ligne 15 - en attente 02:41", fill="black", font=font)
    draw.text((70, 210), "Patient : DURAND Marie", fill="black", font=font)
    draw.text((70, 280), "Tél. : 06 12 34 56 78", fill="black", font=font)
    draw.text((70, 350), "Poste : ARM 3 - file Régulation", fill="black", font=font)
    draw.rectangle((40, 470, 1240, 560), fill="#fde8e8", outline="#c62828")
    draw.text((70, 500), "Erreur : connexion au Session Server perdue (code 1006)",
              fill="#b71c1c", font=font)
    taken = datetime(2026, 11, 2, 9, 41).astimezone()
    rect = Rect(left=0, top=0, width=1280, height=720)
    capture = Capture(image=image, monitor=Monitor(index=1, rect=rect, is_primary=True),
                      area=rect, taken_at=taken)
    return CaptureBatch(captures=(capture,), taken_at=taken)


class Shooter:
    def __init__(self, out: Path, fast: bool, screen: str = MAIN_SCREEN) -> None:
        self.out = out if screen == MAIN_SCREEN else out / screen
        self.fast = fast
        self.screen = screen
        self.made: list[Path] = []
        self.problems: list[str] = []
        self.out.mkdir(parents=True, exist_ok=True)

    def __call__(self, name: str, widget: object) -> None:
        from PIL import Image
        from PySide6.QtGui import QImage
        from PySide6.QtWidgets import QWidget

        assert name in IMAGES, name
        assert isinstance(widget, QWidget)
        if self.screen != MAIN_SCREEN and name not in WINDOW_IMAGES:
            return  # a dialog or a notification looks the same on any screen
        settle()
        if name in WINDOW_IMAGES:
            self.problems += [f"{self.screen} {name}: {p}"
                              for p in cut_off(widget, window_size(self.screen))]
        image = widget.grab().toImage().convertToFormat(QImage.Format.Format_RGB888)
        picture = Image.frombuffer("RGB", (image.width(), image.height()),
                                   bytes(image.constBits()), "raw", "RGB",
                                   image.bytesPerLine(), 1)
        path = self.out / f"{name}.png"
        if self.fast:
            picture.save(path, compress_level=1)
        else:
            # Screens of text and flat colours: a palette keeps them small and sharp.
            picture.quantize(colors=256, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE
                             ).save(path, optimize=True, compress_level=9)
        self.made.append(path)


def settle(until: Callable[[], object] | None = None, timeout: float = 60.0) -> None:
    """Let the window do its work (background tasks included) until ``until`` holds."""
    from PySide6.QtWidgets import QApplication

    deadline = time.monotonic() + timeout
    while True:
        QApplication.processEvents()
        if until is None or until():
            break
        if time.monotonic() > deadline:
            raise RuntimeError("the window did not get there in time")
        time.sleep(0.01)
    for _ in range(3):
        QApplication.processEvents()


def close_notices(window: object) -> None:
    """What the user would have dismissed (« Fermer ») before the screen that matters."""
    from samu_desktop.gui.main_window import MainWindow

    assert isinstance(window, MainWindow)
    for notice in window.message_bar.notices():
        notice.close_notice()


def make_language(lang: str, out: Path, home: Path, fast: bool,
                  screen: str = MAIN_SCREEN) -> Shooter:
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QApplication

    from samu_desktop import i18n
    from samu_desktop.config import credentials
    from samu_desktop.config.paths import AppPaths
    from samu_desktop.config.settings import Settings
    from samu_desktop.config.store import SettingsStore
    from samu_desktop.crash import PreviousRun
    from samu_desktop.errors import UserFacingError
    from samu_desktop.gui.app import build
    from samu_desktop.gui.hotkey_bridge import CaptureToast
    from samu_desktop.mail.outbox import EntryState
    from samu_desktop.mail.transport import smtp_account
    from samu_desktop.report.autofill import MachineFacts

    _isolate(home)
    paths = AppPaths.default()
    settings = Settings(
        language=lang, crra_id="FR999", centre_name="SAMU 99 (démonstration)",
        reporter_name="Camille ARM", reporter_phone="01 99 00 00 01",
        environment="production", auth_mode="otp_mail",
        support_phone_calls="01 99 00 00 15", support_phone_hardware="01 99 00 00 16",
        local_it_name="DSI du centre hospitalier", local_it_phone="poste 4242",
        local_it_email="dsi@ch-demo.example",
        portal_url_production="https://127.0.0.1:9/", ntp_server="127.0.0.1:9",
        check_timeout_s=1.0,
        smtp_host="127.0.0.1", smtp_port=_free_port(), smtp_username="crra-demo",
        sender_address="crra-demo@ch-demo.example", smtp_timeout_s=2.0,
    )
    SettingsStore(paths).save(settings, frozenset())
    with contextlib.suppress(UserFacingError):  # no keyring: the screens say so
        credentials.set_secret(smtp_account("crra-demo", "127.0.0.1"), "demo-password")
    workstation = MachineFacts(os_name="Windows", os_version="11 (10.0.22631)",
                               browser="firefox", browser_version="128.5.0esr")
    shot = Shooter(out, fast, screen)
    WIDTH, HEIGHT = window_size(screen)
    qapp = QApplication.instance()
    assert isinstance(qapp, QApplication)
    running = build(qapp, paths, lang)
    window = running.window
    try:
        window.resize(WIDTH, HEIGHT)
        window.show()
        window.tasks.wait(30_000)
        settle()
        window.facts = workstation
        close_notices(window)
        shot("home", window)

        # The hotkey service's own words (same context, same translation).
        said = QCoreApplication.translate("HotkeyService", "Écran capturé à {time}.").format(
            time="09:41:07") + " " + QCoreApplication.translate(
            "HotkeyService", "Cliquez pour les joindre à un nouveau signalement.")
        toast = CaptureToast(said)
        toast.show_text(said)
        shot("notification", toast)
        toast.hide()
        toast.deleteLater()

        # Case B, the communication banner, with the hotkey's capture.
        window.home.ui.caseB.click()
        wizard = window.wizard
        assert wizard is not None
        shot("application", window)
        wizard.add_captures(banner_capture())  # type: ignore[arg-type]
        wizard.application_page.buttons["bandeau"].click()
        page = wizard.screenshots
        assert page is not None and wizard.report is not None and wizard.form is not None
        settle(lambda: page.editor.count() == 1 and page.detecting == 0)
        close_notices(window)
        # The masking screen maximises the window; offscreen, the "screen" is 800 px
        # square: the guide shows it at the guide's size.
        window.showNormal()
        window.resize(WIDTH, HEIGHT)
        settle()
        shot("screenshots", window)
        page.accept.click()  # one capture: « Image vérifiée : joindre »
        settle(lambda: wizard.pages.currentWidget() is wizard.form)
        rows = wizard.form.rows
        rows["impact"].editor.set_value("partiel")
        rows["state"].editor.set_value("partiel")
        rows["impacted_functions"].editor.set_value(["reception", "transfert"])
        rows["reproducibility"].editor.set_value("systematique")
        settle(lambda: wizard.report is not None and wizard.report.prerequisites is not None)
        wizard.form.verticalScrollBar().setValue(0)
        close_notices(window)
        shot("form", window)
        wizard.open_prerequisites()
        checks = wizard.checks
        assert checks is not None
        checks.tree.setCurrentItem(checks.tree.topLevelItem(1))
        shot("prerequisites", window)
        wizard.go_back()
        rows["description"].editor.set_value(
            "Depuis 9 h 40, les appels du 15 n'arrivent plus dans la file Régulation ; "
            "le transfert vers le médecin échoue.")
        wizard.go_next()  # « Relire avant l'envoi »
        assert wizard.pages.currentWidget() is wizard.review
        shot("review", window)
        wizard.review.send.click()
        settle(lambda: window.wizard is None or window.pages.currentWidget() is window.home)

        # Case A: the number to call first; the details noted, then what to say.
        window.home.ui.caseA.click()
        call = window.wizard
        assert call is not None and call.form is not None
        assert call.pages.currentWidget() is call.call
        call.call.form_button.click()
        call.form.rows["lines"].editor.set_value(["l15"])
        call.form.rows["reception"].editor.set_value("nulle")
        call.form.rows["otn_results"].editor.set_value(
            "Appel test vers le 15 depuis un portable : pas de tonalité.")
        call.go_next()
        assert call.pages.currentWidget() is call.call
        close_notices(window)
        shot("call", window)
        call.call.done.click()
        settle()

        # Case D: the centre's own IT.
        window.home.ui.caseD.click()
        local = window.wizard
        assert local is not None and local.form is not None
        local.form.rows["category"].editor.set_value("poste")
        local.form.rows["description"].editor.set_value(
            "Le poste ARM 3 redémarre tout seul depuis ce matin.")
        local.go_next()
        assert local.pages.currentWidget() is local.review
        close_notices(window)
        shot("local-it", window)
        local.review.send.click()
        settle(lambda: window.pages.currentWidget() is window.home)

        # The outbox while the sending server cannot be reached.
        outbox = window.sending.outbox
        settle(lambda: len(outbox.entries()) == 2 and all(
            r.state is not EntryState.SENDING and r.error is not None
            for r in outbox.entries()))
        window.show_outbox()
        close_notices(window)
        shot("outbox", window)
        window.show_history()
        shot("history", window)
        window.go_home()

        dialog = window.open_settings()
        dialog.resize(560, dialog.sizeHint().height())
        shot("settings", dialog)
        dialog.reject()
        sending = window.sending.smtp_dialog(window)
        sending.show()
        sending.resize(560, sending.sizeHint().height())
        shot("sending-settings", sending)
        sending.reject()

        # An unfinished report, then the next start after an abrupt end.
        window.home.ui.caseC.click()
        unfinished = window.wizard
        assert unfinished is not None and unfinished.form is not None
        unfinished.form.rows["equipment"].editor.set_value("telephone")
        settle()
    finally:
        window.tasks.wait(30_000)
        running.shutdown()
        window.close()
        window.deleteLater()
        for translator in running.translators:
            QCoreApplication.removeTranslator(translator)
        settle()

    again = build(qapp, paths, lang, previous=PreviousRun(ended_abruptly=True, details=""))
    try:
        again.window.resize(WIDTH, HEIGHT)
        again.window.show()
        again.window.tasks.wait(30_000)
        shot("restore", again.window)
    finally:
        again.window.tasks.wait(30_000)
        again.shutdown()
        again.window.close()
        again.window.deleteLater()
        for translator in again.translators:
            QCoreApplication.removeTranslator(translator)
        i18n.install(None)
        settle()
    return shot


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=REPO / "docs" / "images",
                        help="folder for the images, one subfolder per language")
    parser.add_argument("--lang", choices=(*LANGUAGES, "all"), default="all")
    parser.add_argument("--fast", action="store_true",
                        help="quick PNG encoding (for the test), larger files")
    args = parser.parse_args(argv)
    languages = LANGUAGES if args.lang == "all" else (args.lang,)
    out: Path = args.out.resolve()
    sys.path.insert(0, str(REPO))
    fresh_translations()
    with tempfile.TemporaryDirectory(prefix="samu-guide-") as tmp:
        root = Path(tmp)
        _isolate(root / "home-start")
        with private_keyring(root):
            from PySide6.QtWidgets import QApplication

            from samu_desktop.logsetup import setup_logging

            setup_logging(root / "log")  # the app's log, not the console
            quiet_qt()
            qapp = QApplication([sys.argv[0]])
            qapp.setApplicationName("samu-desktop")
            qapp.setApplicationDisplayName("Incident SI-SAMU")
            made: list[Path] = []
            problems: list[str] = []
            for lang in languages:
                for screen in SCREENS:
                    shooter = make_language(lang, out / lang, root / f"home-{lang}-{screen}",
                                            args.fast, screen)
                    made += shooter.made
                    problems += [f"{lang} {p}" for p in shooter.problems]
            del qapp
        # The e-mail as the support desk sees it, rendered by Firefox (always in French).
        sys.path.insert(0, str(REPO / "scripts"))
        from make_mail_picture import render

        made += render([out / lang / "mail.png" for lang in languages], args.fast)
    for path in made:
        print(f"{path.relative_to(out.parent) if out.parent in path.parents else path}"
              f"  {path.stat().st_size // 1024} kB")
    for problem in problems:
        print(f"cut off: {problem}", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
