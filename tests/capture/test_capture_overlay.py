"""The region overlay across two monitors: logic offscreen, then real mouse drags under Xvfb."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from samu_desktop.capture.models import Capture, MonitorLayout, Rect
from samu_desktop.gui.capture_overlay import RegionOverlay, ScreenMapping
from tests.capture.conftest import TWO_MONITORS
from tests.capture.xhelpers import XCanvas, stop_process, xdotool
from tests.conftest import XServer

RED, BLUE = (220, 30, 30), (20, 60, 200)
DRIVER = Path(__file__).with_name("overlay_driver.py")
# Overlay panes are Qt.Tool windows that grab the keyboard: showing one calls
# raise() and grabKeyboard(), which only the offscreen platform of the
# in-process tests cannot do (the Xvfb tests below do them for real).
OFFSCREEN_RAISE = pytest.mark.qt_log_ignore(
    "This plugin does not support raise", "This plugin does not support grabbing the keyboard"
)


def _screens(layout: MonitorLayout) -> list[Capture]:
    when = datetime(2026, 1, 5, 14, 3, tzinfo=UTC)
    return [
        Capture(image=Image.new("RGB", (m.rect.width, m.rect.height), color), monitor=m,
                area=m.rect, taken_at=when)
        for m, color in zip(layout.monitors, (RED, BLUE), strict=True)
    ]


def test_mapping_keeps_the_origin_and_scales_distances() -> None:
    mapping = ScreenMapping(origin_x=1920, origin_y=0, dpr=2.0)
    assert mapping.to_logical(1920, 0) == (1920, 0)
    assert mapping.to_logical(3840, 1080) == (2880, 540)
    assert mapping.to_physical(2880, 540) == (3840, 1080)
    assert mapping.to_physical(2000.3, 10.6) == (2081, 21)
    rect = mapping.logical_rect(Rect(left=1920, top=0, width=1920, height=1080))
    assert (rect.x(), rect.y(), rect.width(), rect.height()) == (1920, 0, 960, 540)


def _mouse(widget: object, kind: QEvent.Type, global_pos: QPointF,
           button: Qt.MouseButton, buttons: Qt.MouseButton) -> None:
    pane = widget
    local = global_pos - QPointF(pane.geometry().topLeft())  # type: ignore[attr-defined]
    event = QMouseEvent(kind, local, global_pos, button, buttons,
                        Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(pane, event)  # type: ignore[arg-type]


@pytest.fixture
def overlay(qtbot: QtBot) -> Iterator[RegionOverlay]:
    # Offscreen Qt has one 800×800 screen: no QScreen holds these monitors,
    # so the mapping is the identity, as on a plain two-monitor desktop.
    region = RegionOverlay(_screens(TWO_MONITORS), TWO_MONITORS)
    for pane in region.panes:
        qtbot.addWidget(pane)
    yield region
    region.close()


@OFFSCREEN_RAISE
def test_drag_across_two_monitors_cuts_from_both(qtbot: QtBot, overlay: RegionOverlay) -> None:
    left, right = overlay.panes
    assert (right.geometry().x(), right.geometry().width()) == (1920, 1920)
    overlay.show()
    left_button, none = Qt.MouseButton.LeftButton, Qt.MouseButton.NoButton
    _mouse(left, QEvent.Type.MouseButtonPress, QPointF(1800, 500), left_button, left_button)
    # With an implicit grab, moves and the release keep going to the pane
    # where the press happened, even over the other monitor.
    _mouse(left, QEvent.Type.MouseMove, QPointF(1950, 600), none, left_button)
    assert overlay.selection == Rect(left=1800, top=500, width=150, height=100)
    with qtbot.waitSignal(overlay.selected, timeout=2000) as blocker:
        _mouse(left, QEvent.Type.MouseButtonRelease, QPointF(2100, 700), left_button, none)
    capture = blocker.args[0]
    assert capture.area == Rect(left=1800, top=500, width=300, height=200)
    assert capture.image.getpixel((119, 0)) == RED
    assert capture.image.getpixel((120, 199)) == BLUE
    assert not any(p.isVisible() for p in overlay.panes)  # closed once chosen
    assert overlay.captures == []  # the frozen screens are let go


@OFFSCREEN_RAISE
def test_a_click_takes_the_whole_screen(qtbot: QtBot, overlay: RegionOverlay) -> None:
    right = overlay.panes[1]
    overlay.show()
    left_button, none = Qt.MouseButton.LeftButton, Qt.MouseButton.NoButton
    _mouse(right, QEvent.Type.MouseButtonPress, QPointF(2500, 300), left_button, left_button)
    with qtbot.waitSignal(overlay.selected, timeout=2000) as blocker:
        _mouse(right, QEvent.Type.MouseButtonRelease, QPointF(2501, 301), left_button, none)
    capture = blocker.args[0]
    assert capture.area == TWO_MONITORS.monitors[1].rect
    assert capture.image.getcolors() == [(1920 * 1080, BLUE)]


@OFFSCREEN_RAISE
def test_escape_cancels(qtbot: QtBot, overlay: RegionOverlay) -> None:
    pane = overlay.panes[1]
    overlay.show()
    with qtbot.waitSignal(overlay.cancelled, timeout=2000):
        QTest.keyClick(pane, Qt.Key.Key_Escape)
    with qtbot.assertNotEmitted(overlay.selected):
        overlay.release((10, 10))


def _run_overlay(server: XServer, canvas: XCanvas, extra_env: dict[str, str],
                 actions: list[list[str]]) -> tuple[dict[str, object], dict[str, object]]:
    canvas.window(0, 0, 1920, 1080, RED)
    canvas.window(1920, 0, 1920, 1080, BLUE)
    env = server.env()
    env.update(extra_env)
    proc = subprocess.Popen(
        [sys.executable, str(DRIVER), "1920x1080+0+0,1920x1080+1920+0"],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline()
        assert line.startswith("ready "), line + (proc.stderr.read() if proc.stderr else "")
        info = json.loads(line[len("ready "):])
        for action in actions:
            xdotool(server.display, *action)
        out, err = proc.communicate(timeout=20)
    finally:
        if proc.poll() is None:
            stop_process(proc)
    assert proc.returncode == 0, err
    return info, json.loads(out.strip().splitlines()[-1])


DRAG = [["mousemove", "1800", "500"], ["mousedown", "1"], ["mousemove", "1950", "600"],
        ["mousemove", "2100", "700"], ["mouseup", "1"]]


@pytest.mark.xvfb
@pytest.mark.parametrize("scale", ["1", "2"])
def test_real_drag_across_two_monitors(
    wide_xserver: XServer, wide_canvas: XCanvas, scale: str
) -> None:
    """xdotool drags over a 3840×1080 X screen holding two monitors; with QT_SCALE_FACTOR=2
    Qt works in logical pixels (half), and the region must still come out in physical ones."""
    info, result = _run_overlay(wide_xserver, wide_canvas, {"QT_SCALE_FACTOR": scale}, DRAG)
    assert info["screens"][0]["dpr"] == float(scale)  # type: ignore[index]
    assert result["area"] == {"left": 1800, "top": 500, "width": 300, "height": 200}
    assert result["size"] == [300, 200]
    assert result["monitor"] == 2
    samples = result["samples"]
    assert samples["0,0"] == list(RED)  # type: ignore[index]
    assert samples["299,199"] == list(BLUE)  # type: ignore[index]


@pytest.mark.xvfb
def test_real_escape_cancels(wide_xserver: XServer, wide_canvas: XCanvas) -> None:
    _info, result = _run_overlay(wide_xserver, wide_canvas, {}, [["key", "Escape"]])
    assert result == {"cancelled": True}


@pytest.mark.xvfb
def test_layout_monitors_in_a_wide_screen_are_reached(wide_xserver: XServer) -> None:
    """Sanity: the injected second monitor is really on the X screen (mss grabs it)."""
    from samu_desktop.capture.grabber import ScreenGrabber

    with ScreenGrabber(display=wide_xserver.display, layout=TWO_MONITORS) as grabber:
        assert grabber.grab_monitor(2).image.size == (1920, 1080)
