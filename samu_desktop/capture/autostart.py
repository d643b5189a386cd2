"""Start with the session: an XDG autostart entry on Linux, the Run key on Windows.

The app starts hidden in the tray (``--hidden``) so that the hotkey is ready
from the first minute of the shift.
"""

from __future__ import annotations

import logging
import os
import subprocess
import sys
from pathlib import Path
from typing import Protocol

from samu_desktop.capture.errors import AutostartError
from samu_desktop.errors import StorageError
from samu_desktop.fsutil import atomic_write_text, read_limited_text
from samu_desktop.i18n import translate

log = logging.getLogger(__name__)

ENTRY_NAME = "samu-desktop"
RUN_KEY = r"Software\Microsoft\Windows\CurrentVersion\Run"

# Characters that force quoting in a desktop entry's Exec (Desktop Entry spec).
_RESERVED = set(" \t\n\"'\\><~|&;$*?#()`")


def launch_command() -> list[str]:
    """How to start this very installation, hidden in the tray."""
    if getattr(sys, "frozen", False):
        executable = Path(sys.executable)
        # The Windows build's console twin would open a console at every login.
        gui = executable.with_name(executable.name.replace("-cli", ""))
        if gui != executable and gui.exists():
            executable = gui
        return [str(executable), "--hidden"]
    return [sys.executable, "-m", "samu_desktop", "--hidden"]


def _failure(exc: OSError | StorageError | None = None) -> AutostartError:
    return AutostartError(
        translate(
            "autostart",
            "Le démarrage avec la session n'a pas pu être modifié : vérifiez que votre "
            "dossier personnel est accessible en écriture, puis réessayez.",
        ),
        details=type(exc).__name__ if exc is not None else "",
    )


class Autostart(Protocol):
    def is_enabled(self) -> bool: ...

    def enable(self, command: list[str]) -> None: ...

    def disable(self) -> None: ...


# -- Linux and other XDG desktops ----------------------------------------
def exec_quote(argument: str) -> str:
    """One argument of an Exec line, quoted and escaped as the Desktop Entry spec says."""
    text = argument.replace("%", "%%")
    if _RESERVED & set(text) or not text:
        inner = "".join("\\" + c if c in '"`$\\' else c for c in text)
        text = f'"{inner}"'
    # The whole value is then a desktop-entry string, where "\" is escaped again.
    return text.replace("\\", "\\\\")


def desktop_entry(command: list[str]) -> str:
    exec_line = " ".join(exec_quote(arg) for arg in command)
    return "\n".join(
        [
            "[Desktop Entry]",
            "Type=Application",
            "Name=Incident SI-SAMU",
            "Comment=" + translate("autostart", "Signaler un incident sur les outils du SI-SAMU"),
            f"Exec={exec_line}",
            "Icon=samu-desktop",
            "Terminal=false",
            "X-GNOME-Autostart-enabled=true",
            "",
        ]
    )


class XdgAutostart:
    """``$XDG_CONFIG_HOME/autostart/samu-desktop.desktop`` (the freedesktop autostart spec)."""

    def __init__(self, config_home: Path | None = None) -> None:
        self._config_home = config_home

    @property
    def path(self) -> Path:
        home = self._config_home
        if home is None:
            env = os.environ.get("XDG_CONFIG_HOME", "")
            # The spec ignores a relative XDG_CONFIG_HOME.
            home = Path(env) if os.path.isabs(env) else Path.home() / ".config"
        return home / "autostart" / f"{ENTRY_NAME}.desktop"

    def is_enabled(self) -> bool:
        try:
            text = read_limited_text(self.path, 64_000)
        except OSError:  # absent, unreadable, not a regular file, too big
            return False
        lines = {line.strip().lower() for line in text.splitlines()}
        return "hidden=true" not in lines and "x-gnome-autostart-enabled=false" not in lines

    def enable(self, command: list[str]) -> None:
        try:
            atomic_write_text(self.path, desktop_entry(command))
        except StorageError as exc:
            raise _failure(exc) from exc

    def disable(self) -> None:
        try:
            self.path.unlink(missing_ok=True)
        except OSError as exc:
            raise _failure(exc) from exc


# -- Windows -------------------------------------------------------------
class RegistryProbe(Protocol):
    """String values of one registry key."""

    def get(self, name: str) -> str | None: ...

    def set(self, name: str, value: str) -> None: ...

    def delete(self, name: str) -> None: ...


class WinRegRunKey:
    """``HKEY_CURRENT_USER\\...\\Run``, through winreg. Windows only."""

    def get(self, name: str) -> str | None:
        if sys.platform != "win32":
            return None
        import winreg

        try:
            with winreg.OpenKey(winreg.HKEY_CURRENT_USER, RUN_KEY) as key:
                value, _kind = winreg.QueryValueEx(key, name)
        except FileNotFoundError:
            return None
        return str(value)

    def set(self, name: str, value: str) -> None:
        if sys.platform != "win32":
            raise OSError("not Windows")
        import winreg

        with winreg.CreateKey(winreg.HKEY_CURRENT_USER, RUN_KEY) as key:
            winreg.SetValueEx(key, name, 0, winreg.REG_SZ, value)

    def delete(self, name: str) -> None:
        if sys.platform != "win32":
            raise OSError("not Windows")
        import winreg

        try:
            with winreg.OpenKey(winreg.HKEY_CURRENT_USER, RUN_KEY, 0, winreg.KEY_SET_VALUE) as key:
                winreg.DeleteValue(key, name)
        except FileNotFoundError:
            pass


class WindowsAutostart:
    def __init__(self, registry: RegistryProbe | None = None) -> None:
        self._registry = registry or WinRegRunKey()

    def is_enabled(self) -> bool:
        try:
            return self._registry.get(ENTRY_NAME) is not None
        except OSError:
            return False

    def command_line(self) -> str | None:
        return self._registry.get(ENTRY_NAME)

    def enable(self, command: list[str]) -> None:
        try:
            # The Run key holds one command line, quoted the way Windows splits it.
            self._registry.set(ENTRY_NAME, subprocess.list2cmdline(command))
        except OSError as exc:
            raise _failure(exc) from exc

    def disable(self) -> None:
        try:
            self._registry.delete(ENTRY_NAME)
        except OSError as exc:
            raise _failure(exc) from exc


def platform_autostart() -> Autostart:
    return WindowsAutostart() if sys.platform == "win32" else XdgAutostart()


def apply_autostart(enabled: bool, autostart: Autostart | None = None) -> None:
    """Make the system match the ``start_with_session`` setting (rewrites the entry, so
    that a moved installation is started from its new place)."""
    target = autostart or platform_autostart()
    if enabled:
        target.enable(launch_command())
    else:
        target.disable()
    log.info("start with session: %s", "on" if enabled else "off")
