"""Start with the session: the XDG autostart entry (real files), the Windows Run key (stand-in)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from samu_desktop import __version__
from samu_desktop.capture.autostart import (
    ENTRY_NAME,
    WindowsAutostart,
    XdgAutostart,
    apply_autostart,
    exec_quote,
    launch_command,
)
from samu_desktop.capture.errors import AutostartError


def _exec_argv(entry: str) -> list[str]:
    """Split an Exec value back into arguments, by the Desktop Entry spec's rules."""
    value = next(line[5:] for line in entry.splitlines() if line.startswith("Exec="))
    value = value.replace("\\\\", "\\")  # the string escaping first: \\ is one backslash
    args: list[str] = []
    current, quoted, started, i = "", False, False, 0
    while i < len(value):
        char = value[i]
        if quoted and char == "\\" and i + 1 < len(value) and value[i + 1] in '"`$\\':
            current += value[i + 1]
            i += 2
            continue
        if char == '"':
            quoted, started = not quoted, True
        elif char == " " and not quoted:
            if started:
                args.append(current)
            current, started = "", False
        else:
            current, started = current + char, True
        i += 1
    if started:
        args.append(current)
    return [arg.replace("%%", "%") for arg in args]


def test_entry_written_in_xdg_config_home_starts_this_installation(isolated_home: Path) -> None:
    autostart = XdgAutostart()
    assert autostart.path == isolated_home / "config" / "autostart" / f"{ENTRY_NAME}.desktop"
    assert not autostart.is_enabled()
    apply_autostart(True, autostart)
    assert autostart.is_enabled()
    entry = autostart.path.read_text(encoding="utf-8")
    assert entry.startswith("[Desktop Entry]\n")
    assert "Type=Application" in entry and "X-GNOME-Autostart-enabled=true" in entry
    argv = _exec_argv(entry)
    assert argv == launch_command() and argv[-1] == "--hidden"
    # The command really starts this installation (asked for its version here).
    result = subprocess.run([*argv[:-1], "--version"], capture_output=True, text=True,
                            timeout=60, check=False)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(f"samu-desktop {__version__}")
    apply_autostart(False, autostart)
    assert not autostart.is_enabled() and not autostart.path.exists()
    apply_autostart(False, autostart)  # already off: not an error


@pytest.mark.parametrize(
    "argument",
    ["/opt/samu desktop/bin/python", "C:\\Program Files\\x", 'quote"d', "cost$HOME", "100%",
     "back`tick", "plain"],
)
def test_exec_quoting_round_trips(argument: str) -> None:
    entry = f"Exec={exec_quote(argument)} --hidden\n"
    assert _exec_argv(entry) == [argument, "--hidden"]


def test_a_user_disabled_entry_counts_as_off(isolated_home: Path) -> None:
    autostart = XdgAutostart()
    autostart.enable(["/usr/bin/samu-desktop", "--hidden"])
    text = autostart.path.read_text(encoding="utf-8")
    autostart.path.write_text(text + "Hidden=true\n", encoding="utf-8")
    assert not autostart.is_enabled()


def test_unwritable_place_gives_a_french_message(tmp_path: Path) -> None:
    # A file where the autostart folder should be: fails even as root.
    blocker = tmp_path / "conf"
    blocker.mkdir()
    (blocker / "autostart").write_text("not a folder", encoding="utf-8")
    with pytest.raises(AutostartError) as info:
        XdgAutostart(config_home=blocker).enable(["x"])
    assert "démarrage avec la session" in info.value.user_message.lower()


class MemoryRegistry:
    """Stands in for HKCU\\...\\Run (winreg cannot exist on Linux); same contract as winreg:
    values are strings, deleting a missing value is not an error for our wrapper."""

    def __init__(self, fail: bool = False) -> None:
        self.values: dict[str, str] = {}
        self.fail = fail

    def get(self, name: str) -> str | None:
        return self.values.get(name)

    def set(self, name: str, value: str) -> None:
        if self.fail:
            raise PermissionError("access denied")
        self.values[name] = value

    def delete(self, name: str) -> None:
        self.values.pop(name, None)


def test_windows_run_key_holds_one_quoted_command_line() -> None:
    registry = MemoryRegistry()
    autostart = WindowsAutostart(registry)
    autostart.enable([r"C:\Program Files\SAMU Desktop\samu-desktop.exe", "--hidden"])
    assert registry.values[ENTRY_NAME] == (
        r'"C:\Program Files\SAMU Desktop\samu-desktop.exe" --hidden'
    )
    assert autostart.is_enabled()
    autostart.disable()
    assert not autostart.is_enabled()
    with pytest.raises(AutostartError):
        WindowsAutostart(MemoryRegistry(fail=True)).enable(["x"])


@pytest.mark.skipif(sys.platform == "win32",
                    reason="the XDG entry; Windows: tests/windows (the Run key)")
def test_cli_switches_autostart(isolated_home: Path) -> None:
    def cli(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "samu_desktop", *args],
                              capture_output=True, encoding="utf-8", timeout=60, check=False)

    on = cli("autostart", "on")
    assert on.returncode == 0, on.stderr
    assert "activé" in on.stdout
    assert XdgAutostart().is_enabled()
    off = cli("autostart", "off")
    assert "désactivé" in off.stdout and not XdgAutostart().is_enabled()
    bad = cli("hotkey", "--keys", "<shift>+s")
    assert bad.returncode == 1 and "n'est pas valable" in bad.stderr


def test_the_console_twin_registers_the_windowed_program(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Frozen Windows build: `samu-desktop-cli.exe autostart on` must start the GUI program."""
    from samu_desktop.capture.autostart import launch_command

    cli = tmp_path / "samu-desktop-cli.exe"
    gui = tmp_path / "samu-desktop.exe"
    cli.write_bytes(b"")
    gui.write_bytes(b"")
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(cli))
    assert launch_command() == [str(gui), "--hidden"]
    monkeypatch.setattr(sys, "executable", str(gui))
    assert launch_command() == [str(gui), "--hidden"]
