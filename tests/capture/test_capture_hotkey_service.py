"""HotkeyService end to end: xdotool presses the hotkey, the GUI thread gets the captures.

The Qt side runs offscreen in the test process; the hotkey backend and mss talk
to a real Xvfb, where another program (xmessage) has the focus.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Iterator
from typing import ClassVar

import pytest
from PySide6.QtCore import Qt, QThread
from pytestqt.qtbot import QtBot

from samu_desktop.capture.grabber import ScreenGrabber
from samu_desktop.capture.models import CaptureBatch, CaptureLog
from samu_desktop.capture.win32 import (
    ERROR_HOTKEY_ALREADY_REGISTERED,
    HOTKEY_ID,
    MOD_ALT,
    MOD_CONTROL,
    MOD_NOREPEAT,
    MOD_SHIFT,
    WM_HOTKEY,
    WM_QUIT,
    Win32HotkeyBackend,
)
from samu_desktop.capture.x11_hotkey import X11HotkeyBackend
from samu_desktop.gui.hotkey_bridge import HotkeyService
from tests.capture.conftest import TWO_MONITORS
from tests.capture.xhelpers import XCanvas, start_other_grabber, start_xmessage, stop_process
from tests.capture.xhelpers import xdotool as run_xdotool
from tests.conftest import XServer

RED, BLUE = (220, 30, 30), (20, 60, 200)

# The toast is a Qt.Tool window: showing one calls raise(), which only the
# offscreen platform of these tests cannot do.
OFFSCREEN_RAISE = pytest.mark.qt_log_ignore("This plugin does not support raise")


@pytest.fixture
def service_on() -> Iterator[list[HotkeyService]]:
    services: list[HotkeyService] = []
    yield services
    for service in services:
        service.shutdown()


def _service(server: XServer, qtbot: QtBot, services: list[HotkeyService],
             **kwargs: object) -> HotkeyService:
    service = HotkeyService(
        "<ctrl>+<alt>+<shift>+s",
        grabber=ScreenGrabber(display=server.display, layout=kwargs.pop("layout", None)),  # type: ignore[arg-type]
        backend=X11HotkeyBackend(server.display),
        **kwargs,  # type: ignore[arg-type]
    )
    services.append(service)
    return service


@pytest.mark.xvfb
def test_hotkey_pressed_in_another_program_delivers_every_screen(
    wide_xserver: XServer, wide_canvas: XCanvas, qtbot: QtBot,
    service_on: list[HotkeyService],
) -> None:
    wide_canvas.window(0, 0, 1920, 1080, RED)
    wide_canvas.window(1920, 0, 1920, 1080, BLUE)
    service = _service(wide_xserver, qtbot, service_on, layout=TWO_MONITORS,
                       notify_on_capture=False)
    assert service.start(), service.last_error
    proc, window = start_xmessage(wide_xserver.display, "+2500+600")
    try:
        deliveries: list[object] = []
        service.captured.connect(lambda _b: deliveries.append(QThread.currentThread()))
        with qtbot.waitSignal(service.captured, timeout=5000) as blocker:
            run_xdotool(wide_xserver.display, "key", "ctrl+alt+shift+s")
        assert int(run_xdotool(wide_xserver.display, "getwindowfocus")) == window
    finally:
        stop_process(proc)
    batch = blocker.args[0]
    assert isinstance(batch, CaptureBatch)
    assert batch.trigger == "hotkey" and batch.taken_at.tzinfo is not None
    left, right = batch.captures
    assert left.image.size == right.image.size == (1920, 1080)
    assert left.image.getpixel((10, 10)) == RED
    assert right.image.getpixel((10, 10)) == BLUE
    # xmessage sits on the right monitor, at (2500, 600): it is in the capture.
    assert right.image.getpixel((2500 - 1920 + 20, 600 + 20)) != BLUE
    assert deliveries == [service.thread()]  # delivered on the GUI thread
    assert service.capture_log.batches() == [batch]


@pytest.mark.xvfb
def test_several_presses_are_kept_in_order(
    xserver: XServer, canvas: XCanvas, qtbot: QtBot, service_on: list[HotkeyService]
) -> None:
    """Each press keeps what was on the screen at that moment, in order, with its time."""
    log = CaptureLog()
    service = _service(xserver, qtbot, service_on, capture_log=log, notify_on_capture=False)
    assert service.start()
    colors = [(200, 0, 0), (0, 200, 0), (0, 0, 200)]
    for color in colors:
        canvas.window(0, 0, 1920, 1080, color)
        with qtbot.waitSignal(service.captured, timeout=5000):
            run_xdotool(xserver.display, "key", "ctrl+alt+shift+s")
    batches = log.batches()
    assert [b.captures[0].image.getpixel((100, 100)) for b in batches] == colors
    times = [b.taken_at for b in batches]
    assert times == sorted(times) and len(set(times)) == 3
    assert log.first_taken_at == times[0]


@pytest.mark.xvfb
@OFFSCREEN_RAISE
def test_notification_without_tray_opens_a_report_with_the_batch(
    xserver: XServer, qtbot: QtBot, service_on: list[HotkeyService]
) -> None:
    service = _service(xserver, qtbot, service_on)
    assert service.start()
    with qtbot.waitSignal(service.captured, timeout=5000) as blocker:
        run_xdotool(xserver.display, "key", "ctrl+alt+shift+s")
    toast = service.toast
    assert toast is not None
    qtbot.addWidget(toast)
    assert toast.isVisible()
    assert "capturé à" in toast.label.text()
    assert blocker.args[0].taken_at.strftime("%H:%M:%S") in toast.label.text()
    with qtbot.waitSignal(service.open_requested, timeout=2000) as opened:
        qtbot.mouseClick(toast.open_button, Qt.MouseButton.LeftButton)
    assert opened.args[0] is blocker.args[0]
    assert not toast.isVisible()


@pytest.mark.xvfb
@OFFSCREEN_RAISE
def test_a_hotkey_held_elsewhere_is_reported_in_french(
    xserver: XServer, qtbot: QtBot, service_on: list[HotkeyService]
) -> None:
    other = start_other_grabber(xserver.display)
    try:
        service = _service(xserver, qtbot, service_on)
        with qtbot.waitSignal(service.error, timeout=2000) as blocker:
            assert not service.start()
        assert "déjà utilisé par un autre programme" in blocker.args[0]
        assert not service.is_active
        # The user picks another combination in the settings: it works.
        with qtbot.waitSignal(service.active_changed, timeout=2000):
            assert service.set_hotkey("<ctrl>+<alt>+<shift>+d")
        with qtbot.waitSignal(service.captured, timeout=5000):
            run_xdotool(xserver.display, "key", "ctrl+alt+shift+d")
    finally:
        stop_process(other)


def test_invalid_hotkey_text_is_an_error_not_a_crash(
    qtbot: QtBot, service_on: list[HotkeyService]
) -> None:
    service = HotkeyService("<shift>+s", backend=X11HotkeyBackend(":0"))
    service_on.append(service)
    with qtbot.waitSignal(service.error, timeout=2000) as blocker:
        assert not service.start()
    assert "n'est pas valable" in blocker.args[0]
    assert service.check("<ctrl>+<alt>+k") == ""


class FakeUser32:
    """Stands in for user32 (RegisterHotKey, GetMessageW …), which cannot exist on Linux.

    It behaves as Windows documents: registration is per thread, WM_HOTKEY is
    queued to the thread that registered, and a taken combination answers
    ERROR_HOTKEY_ALREADY_REGISTERED.
    """

    # System-wide, like Windows: a second instance sees the first one's hotkeys.
    taken: ClassVar[set[tuple[int, int]]] = set()

    def __init__(self) -> None:
        self.queues: dict[int, queue.Queue[tuple[int, int]]] = {}
        self.registered: dict[int, tuple[int, int]] = {}
        self.register_thread = 0

    def prepare_thread(self) -> int:
        tid = threading.get_ident()
        self.queues[tid] = queue.Queue()
        return tid

    def register_hotkey(self, hotkey_id: int, modifiers: int, vk: int) -> int:
        combo = (modifiers & ~MOD_NOREPEAT, vk)
        if combo in self.taken:
            return ERROR_HOTKEY_ALREADY_REGISTERED
        self.taken.add(combo)
        self.registered[hotkey_id] = combo
        self.register_thread = threading.get_ident()
        self.modifiers = modifiers
        return 0

    def unregister_hotkey(self, hotkey_id: int) -> None:
        self.taken.discard(self.registered.pop(hotkey_id))

    def get_message(self) -> tuple[int, int]:
        return self.queues[threading.get_ident()].get(timeout=10)

    def post_quit(self, thread_id: int) -> None:
        self.queues[thread_id].put((WM_QUIT, 0))

    def press(self) -> None:
        self.queues[self.register_thread].put((WM_HOTKEY, HOTKEY_ID))


def test_windows_backend_registers_fires_and_reports_conflicts() -> None:
    from samu_desktop.capture.hotkey import HotkeySpec

    spec = HotkeySpec.parse("<ctrl>+<alt>+<shift>+s")
    api = FakeUser32()
    fired = threading.Event()
    threads: list[str] = []

    def callback() -> None:
        threads.append(threading.current_thread().name)
        fired.set()

    backend = Win32HotkeyBackend(api)
    backend.start(spec, callback)
    try:
        assert api.modifiers == MOD_CONTROL | MOD_ALT | MOD_SHIFT | MOD_NOREPEAT
        assert api.registered[HOTKEY_ID] == (MOD_CONTROL | MOD_ALT | MOD_SHIFT, ord("S"))
        api.press()
        assert fired.wait(5)
        assert threads == ["hotkey-win32"]
        from samu_desktop.capture.errors import HotkeyConflict

        with pytest.raises(HotkeyConflict) as info:
            Win32HotkeyBackend(FakeUser32()).start(spec, callback)
        assert "Ctrl+Alt+Maj+S" in info.value.user_message
    finally:
        backend.stop()
    assert api.registered == {}  # unregistered on its own thread at stop
    Win32HotkeyBackend(FakeUser32()).stop()  # stopping a backend never started is fine
