"""Capture against a real X server (Xvfb): sizes and pixel values of windows the test draws."""

from __future__ import annotations

import threading

import pytest

from samu_desktop.capture.errors import CaptureError
from samu_desktop.capture.grabber import CaptureRequest, ScreenGrabber
from samu_desktop.capture.models import Rect
from samu_desktop.capture.x11_window import X11WindowProbe
from tests.capture.conftest import TWO_MONITORS
from tests.capture.xhelpers import XCanvas, start_xmessage, xdotool
from tests.conftest import XServer

pytestmark = pytest.mark.xvfb

BLUE, RED, GREEN, WHITE = (20, 60, 200), (220, 30, 30), (30, 200, 60), (255, 255, 255)


def test_all_screens_one_screen_sizes_and_pixels(xserver: XServer, canvas: XCanvas) -> None:
    canvas.window(0, 0, 1920, 1080, BLUE)
    panel = canvas.window(100, 200, 400, 300, RED)
    canvas.window(50, 60, 10, 10, GREEN, parent=panel)  # at (150, 260) on the screen
    with ScreenGrabber(display=xserver.display) as grabber:
        captures = grabber.grab_all()
    assert len(captures) == 1
    capture = captures[0]
    assert capture.image.mode == "RGB"
    assert capture.image.size == (1920, 1080)
    assert capture.taken_at.tzinfo is not None
    assert capture.image.getpixel((0, 0)) == BLUE
    assert capture.image.getpixel((99, 199)) == BLUE
    assert capture.image.getpixel((100, 200)) == RED
    assert capture.image.getpixel((499, 499)) == RED
    assert capture.image.getpixel((500, 500)) == BLUE
    assert capture.image.getpixel((150, 260)) == GREEN
    assert capture.image.getpixel((159, 269)) == GREEN
    assert capture.image.getpixel((160, 270)) == RED


def test_two_monitors_give_one_image_each(wide_xserver: XServer, wide_canvas: XCanvas) -> None:
    wide_canvas.window(0, 0, 1920, 1080, RED)
    wide_canvas.window(1920, 0, 1920, 1080, BLUE)
    wide_canvas.window(1910, 500, 20, 20, GREEN)  # straddles the two monitors
    with ScreenGrabber(display=wide_xserver.display, layout=TWO_MONITORS) as grabber:
        batch = grabber.grab_batch()
        second = grabber.grab_monitor(2)
        region = grabber.grab_rect(Rect(left=1905, top=490, width=40, height=40))
    left, right = batch.captures
    assert [c.monitor.index for c in batch.captures] == [1, 2]
    assert left.image.size == right.image.size == (1920, 1080)
    assert left.taken_at == right.taken_at == batch.taken_at
    assert left.image.getpixel((0, 0)) == RED and left.image.getpixel((1909, 500)) == RED
    assert left.image.getpixel((1910, 500)) == GREEN and left.image.getpixel((1919, 519)) == GREEN
    # The right monitor's own (0, 0) is the desktop's (1920, 0).
    assert right.image.getpixel((0, 0)) == BLUE and right.image.getpixel((9, 519)) == GREEN
    assert right.image.getpixel((10, 500)) == BLUE
    assert right.area == Rect(left=1920, top=0, width=1920, height=1080)
    assert second.image.tobytes() == right.image.tobytes()
    assert region.image.size == (40, 40) and region.monitor.index == 2
    assert region.image.getpixel((5, 10)) == GREEN and region.image.getpixel((24, 29)) == GREEN
    assert region.image.getpixel((0, 0)) == RED and region.image.getpixel((39, 0)) == BLUE


def test_region_outside_the_desktop_is_clipped_or_refused(xserver: XServer) -> None:
    with ScreenGrabber(display=xserver.display) as grabber:
        clipped = grabber.grab_rect(Rect(left=1900, top=1000, width=100, height=200))
        assert clipped.image.size == (20, 80)
        with pytest.raises(CaptureError) as info:
            grabber.grab_rect(Rect(left=5000, top=0, width=10, height=10))
        assert "hors des écrans" in info.value.user_message
        with pytest.raises(CaptureError):
            grabber.grab_monitor(3)


def test_active_window_is_the_one_with_the_focus(xserver: XServer, canvas: XCanvas) -> None:
    canvas.window(0, 0, 1920, 1080, BLUE)
    target = canvas.window(640, 360, 320, 240, RED)
    xdotool(xserver.display, "windowfocus", "--sync", str(target.id))
    probe = X11WindowProbe(xserver.display)
    assert probe.active_window() == Rect(left=640, top=360, width=320, height=240)
    with ScreenGrabber(display=xserver.display, window_probe=probe) as grabber:
        capture = grabber.grab_active_window()
    assert capture.kind == "window"
    assert capture.image.size == (320, 240)
    assert capture.image.getcolors() == [(320 * 240, RED)]


def test_active_window_of_another_program(xserver: XServer) -> None:
    proc, window = start_xmessage(xserver.display, "+300+200")
    try:
        rect = X11WindowProbe(xserver.display).active_window()
        geometry = xdotool(xserver.display, "getwindowgeometry", "--shell", str(window))
    finally:
        proc.kill()
        proc.wait(10)
    values = dict(line.split("=") for line in geometry.splitlines())
    assert rect is not None
    assert (rect.left, rect.top) == (int(values["X"]), int(values["Y"])) == (300, 200)
    # xmessage's top-level has a 1-pixel X border: on screen, so in the capture.
    assert (rect.width, rect.height) == (int(values["WIDTH"]) + 2, int(values["HEIGHT"]) + 2)


def test_no_focused_window_gives_a_french_message(xserver: XServer) -> None:
    probe = X11WindowProbe(xserver.display)
    assert probe.active_window() is None  # a bare server: the focus is on the root
    with ScreenGrabber(display=xserver.display, window_probe=probe) as grabber, \
            pytest.raises(CaptureError) as info:
        grabber.grab_active_window()
    assert "fenêtre active" in info.value.user_message


def test_cancelled_delay_captures_nothing(xserver: XServer) -> None:
    with ScreenGrabber(display=xserver.display) as grabber:
        cancel = threading.Event()
        cancel.set()
        assert grabber.capture(CaptureRequest(delay_s=30), cancel) is None


def test_delayed_capture_shows_the_screen_after_the_delay(
    xserver: XServer, canvas: XCanvas
) -> None:
    """The user asks for a delay to open a menu first: what they open meanwhile is captured."""
    canvas.window(0, 0, 1920, 1080, BLUE)
    results: list[object] = []
    with ScreenGrabber(display=xserver.display) as grabber:
        worker = threading.Thread(target=lambda: results.append(grabber.capture(
            CaptureRequest(mode="monitor", monitor_index=1, delay_s=1.0))))
        worker.start()
        canvas.window(0, 0, 1920, 1080, GREEN)  # "opens the menu" during the delay
        worker.join(10)
    batch = results[0]
    assert batch is not None and batch.trigger == "manual"  # type: ignore[attr-defined]
    assert batch.captures[0].image.getpixel((5, 5)) == GREEN  # type: ignore[attr-defined]


def test_wayland_session_refuses_with_a_reason() -> None:
    grabber = ScreenGrabber(session="wayland")
    with pytest.raises(CaptureError) as info:
        grabber.open()
    assert "Wayland" in info.value.user_message


def test_refresh_layout_reads_the_screen_again(xserver: XServer) -> None:
    with ScreenGrabber(display=xserver.display) as grabber:
        layout = grabber.refresh_layout()
    assert [m.rect for m in layout.monitors] == [Rect(left=0, top=0, width=1920, height=1080)]
