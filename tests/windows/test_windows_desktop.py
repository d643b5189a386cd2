"""The global hotkey through RegisterHotKey and the screen capture through GDI (mss), for
real, under the lane's Wine (no key can be pressed there: a Wine hotkey only fires while a
Wine window has the focus, so WM_HOTKEY is posted to the hotkey thread's real queue)."""

from __future__ import annotations

import threading

import pytest


def test_hotkey_registers_and_a_second_registration_is_a_conflict() -> None:
    from samu_desktop.capture.errors import HotkeyConflict
    from samu_desktop.capture.hotkey import HotkeySpec
    from samu_desktop.capture.win32 import HOTKEY_ID, WM_HOTKEY, Win32HotkeyBackend

    spec = HotkeySpec.parse("<ctrl>+<alt>+<shift>+s")
    fired = threading.Event()
    threads: list[str] = []

    def callback() -> None:
        threads.append(threading.current_thread().name)
        fired.set()

    first = Win32HotkeyBackend()
    first.start(spec, callback)
    try:
        with pytest.raises(HotkeyConflict) as info:
            Win32HotkeyBackend().start(spec, callback)
        assert "Ctrl+Alt+Maj+S" in info.value.user_message
        # What Windows sends on a press: WM_HOTKEY with our id, on the registering thread.
        import ctypes

        user32 = ctypes.WinDLL("user32", use_last_error=True)
        assert user32.PostThreadMessageW(first._thread_id, WM_HOTKEY, HOTKEY_ID, 0)
        assert fired.wait(10)
        assert threads == ["hotkey-win32"]
    finally:
        first.stop()
    # Released on stop: the same keys can be registered again.
    again = Win32HotkeyBackend()
    again.start(spec, callback)
    again.stop()


def test_the_screen_is_captured_through_gdi() -> None:
    from samu_desktop.capture.grabber import ScreenGrabber

    with ScreenGrabber() as grabber:
        layout = grabber.layout()
        assert layout.monitors
        captures = grabber.grab_all()
    assert len(captures) == len(layout.monitors)
    first = captures[0]
    assert first.image.size == (layout.monitors[0].rect.width, layout.monitors[0].rect.height)
