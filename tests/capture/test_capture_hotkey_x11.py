"""The hotkey text, and the X11 backend against a real X server, pressed with xdotool."""

from __future__ import annotations

import os
import signal
import subprocess
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from Xlib import XK, X

from samu_desktop.capture.backends import default_backend
from samu_desktop.capture.errors import HotkeyConflict, HotkeyInvalid, HotkeyUnavailable
from samu_desktop.capture.hotkey import DEFAULT_HOTKEY, HotkeySpec
from samu_desktop.capture.wayland import wayland_unavailable
from samu_desktop.capture.x11_hotkey import X11HotkeyBackend
from samu_desktop.config.settings import Settings
from tests.capture.xhelpers import (
    XCanvas,
    start_other_grabber,
    start_xmessage,
    stop_process,
    wait_for,
    xdotool,
)
from tests.conftest import XServer

SPEC = HotkeySpec.parse(DEFAULT_HOTKEY)


@pytest.mark.parametrize(
    ("text", "modifiers", "key", "shown"),
    [
        ("<ctrl>+<alt>+<shift>+s", {"ctrl", "alt", "shift"}, "s", "Ctrl+Alt+Maj+S"),
        ("<CTRL_L>+<alt>+7", {"ctrl", "alt"}, "7", "Ctrl+Alt+7"),
        ("<cmd>+<print_screen>", {"cmd"}, "print_screen", "Super+Impr. écran"),
        ("<pause>", set(), "pause", "Pause"),
        ("<ctrl>+<f12>", {"ctrl"}, "f12", "Ctrl+F12"),
    ],
)
def test_parse_hotkey_text(text: str, modifiers: set[str], key: str, shown: str) -> None:
    spec = HotkeySpec.parse(text)
    assert spec.modifiers == modifiers and spec.key == key
    assert spec.display_text() == shown
    assert HotkeySpec.parse(spec.to_text()) == spec


@pytest.mark.parametrize(
    "text", ["", "s", "<shift>+s", "<ctrl>+<alt>", "<ctrl>+s+t", "<ctrl>+<bogus>", "<ctrl>++s",
             "<ctrl>+é"],
)
def test_bad_hotkey_text_gets_a_french_reason(text: str) -> None:
    with pytest.raises(HotkeyInvalid) as info:
        HotkeySpec.parse(text)
    assert "n'est pas valable" in info.value.user_message


def test_default_setting_is_the_default_hotkey() -> None:
    assert Settings().hotkey == DEFAULT_HOTKEY
    assert SPEC.windows_vk == ord("S") and SPEC.x_keysym_name == "s"


def test_wayland_reports_why_without_portal() -> None:
    class NoPortal:
        def global_shortcuts_version(self) -> int | None:
            return None

    class Portal:
        def global_shortcuts_version(self) -> int | None:
            return 1

    plain = wayland_unavailable(NoPortal())
    assert plain.user_message.startswith("Raccourci global indisponible sous Wayland")
    assert "session « Xorg »" in plain.user_message
    assert "données des patients" in wayland_unavailable(Portal()).user_message
    with pytest.raises(HotkeyUnavailable):
        default_backend(session="none")


def test_wayland_probe_on_a_bus_without_portal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/bus")
    with pytest.raises(HotkeyUnavailable) as info:
        default_backend(session="wayland")
    assert "Wayland" in info.value.user_message


@pytest.fixture
def backend(xserver: XServer) -> Iterator[X11HotkeyBackend]:
    hotkey = X11HotkeyBackend(xserver.display)
    try:
        yield hotkey
    finally:
        hotkey.stop()


class Counter:
    def __init__(self) -> None:
        self.count = 0
        self.threads: set[str] = set()
        self.changed = threading.Condition()

    def __call__(self) -> None:
        with self.changed:
            self.count += 1
            self.threads.add(threading.current_thread().name)
            self.changed.notify_all()

    def wait_for(self, count: int, timeout_s: float = 5.0) -> bool:
        with self.changed:
            return self.changed.wait_for(lambda: self.count >= count, timeout_s)


@pytest.mark.xvfb
def test_press_while_another_program_has_the_focus(
    xserver: XServer, backend: X11HotkeyBackend
) -> None:
    counter = Counter()
    backend.start(SPEC, counter)
    proc, window = start_xmessage(xserver.display)
    try:
        for n in range(1, 4):
            xdotool(xserver.display, "key", "ctrl+alt+shift+s")
            assert counter.wait_for(n), f"press {n} not seen"
        # Num Lock on changes the modifier state: the hotkey must still fire.
        xdotool(xserver.display, "key", "Num_Lock")
        xdotool(xserver.display, "key", "ctrl+alt+shift+s")
        assert counter.wait_for(4)
        assert int(xdotool(xserver.display, "getwindowfocus")) == window
    finally:
        proc.kill()
        proc.wait(10)
    assert counter.threads == {"hotkey-x11"}  # not the caller's thread


@pytest.mark.xvfb
def test_the_hotkey_does_not_leak_into_the_focused_window(
    xserver: XServer, backend: X11HotkeyBackend, canvas: XCanvas
) -> None:
    counter = Counter()
    backend.start(SPEC, counter)
    target = canvas.window(0, 0, 200, 200, (0, 0, 0), event_mask=X.KeyPressMask)
    xdotool(xserver.display, "windowfocus", "--sync", str(target.id))
    xdotool(xserver.display, "key", "ctrl+alt+shift+s")
    assert counter.wait_for(1)
    # A marker key the window does get, typed after the hotkey.
    xdotool(xserver.display, "key", "x")
    keycode_s = canvas.display.keysym_to_keycode(XK.string_to_keysym("s"))
    keycode_x = canvas.display.keysym_to_keycode(XK.string_to_keysym("x"))
    seen: list[int] = []

    def marker_arrived() -> bool:
        while canvas.display.pending_events():
            event = canvas.display.next_event()
            if event.type == X.KeyPress:
                seen.append(event.detail)
        return keycode_x in seen

    assert wait_for(marker_arrived)
    assert keycode_s not in seen


@pytest.mark.xvfb
def test_a_combination_held_by_another_program_is_reported(
    xserver: XServer, backend: X11HotkeyBackend
) -> None:
    other = start_other_grabber(xserver.display)
    try:
        with pytest.raises(HotkeyConflict) as info:
            backend.start(SPEC, Counter())
        assert info.value.user_message == (
            "Le raccourci Ctrl+Alt+Maj+S est déjà utilisé par un autre programme : "
            "choisissez-en un autre dans les réglages."
        )
        assert not backend.running
        # Another combination is still free.
        backend.start(HotkeySpec.parse("<ctrl>+<alt>+<shift>+d"), Counter())
        assert backend.running
    finally:
        stop_process(other)


@pytest.mark.xvfb
def test_stop_releases_the_combination(xserver: XServer) -> None:
    first = X11HotkeyBackend(xserver.display)
    first.start(SPEC, Counter())
    second = X11HotkeyBackend(xserver.display)
    with pytest.raises(HotkeyConflict):
        second.start(SPEC, Counter())
    first.stop()
    assert not first.running
    counter = Counter()
    second.start(SPEC, counter)
    try:
        xdotool(xserver.display, "key", "ctrl+alt+shift+s")
        assert counter.wait_for(1)
    finally:
        second.stop()


@pytest.mark.xvfb
def test_holding_the_keys_captures_once(xserver: XServer, backend: X11HotkeyBackend) -> None:
    """Key auto-repeat (xdotool keydown, a pause, keyup) must not fire again and again."""
    counter = Counter()
    backend.start(SPEC, counter)
    xdotool(xserver.display, "keydown", "ctrl+alt+shift+s", "sleep", "0.8",
            "keyup", "ctrl+alt+shift+s")
    assert counter.wait_for(1)
    xdotool(xserver.display, "key", "ctrl+alt+shift+s")
    assert counter.wait_for(2)
    assert counter.count == 2


def test_portal_probe_reads_the_version_from_a_real_bus(tmp_path: Path) -> None:
    """A private dbus-daemon, and a stand-in portal on it (no desktop here) that answers
    Properties.Get like xdg-desktop-portal does; the probe must read the version 2."""
    from jeepney import HeaderFields, MessageType, new_error, new_method_return
    from jeepney.io.blocking import open_dbus_connection

    from samu_desktop.capture.wayland import DBusPortalProbe

    bus = subprocess.run(
        ["dbus-daemon", "--session", "--fork", "--print-address=1", "--print-pid=1",
         f"--address=unix:path={tmp_path}/bus"],
        capture_output=True, text=True, check=True,
    )
    address, pid = bus.stdout.split()[:2]
    stop = threading.Event()
    served: list[tuple[str, ...]] = []

    def portal() -> None:
        with open_dbus_connection(bus=address) as conn:
            conn.bus_proxy.RequestName("org.freedesktop.portal.Desktop")
            ready.set()
            while not stop.is_set():
                try:
                    msg = conn.receive(timeout=0.1)
                except TimeoutError:
                    continue
                if msg.header.message_type != MessageType.method_call:
                    continue
                member = msg.header.fields.get(HeaderFields.member)
                if member == "Get" and msg.body == (
                    "org.freedesktop.portal.GlobalShortcuts", "version"
                ):
                    served.append(msg.body)
                    conn.send(new_method_return(msg, "v", (("u", 2),)))
                else:
                    conn.send(new_error(msg, "org.freedesktop.DBus.Error.UnknownMethod"))

    ready = threading.Event()
    thread = threading.Thread(target=portal, daemon=True)
    thread.start()
    try:
        assert ready.wait(5)
        assert DBusPortalProbe(address).global_shortcuts_version() == 2
        assert served == [("org.freedesktop.portal.GlobalShortcuts", "version")]
    finally:
        stop.set()
        thread.join(5)
        os.kill(int(pid), signal.SIGTERM)
