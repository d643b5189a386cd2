"""Fixtures of the capture tests: a wide X server (two 1920×1080 monitors side by side)."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from typing import TYPE_CHECKING

import pytest

from samu_desktop.capture.models import MonitorLayout
from tests.conftest import XServer, start_xvfb

if TYPE_CHECKING:
    from Xlib.display import Display

    from tests.capture.xhelpers import XCanvas

# These modules drive an X server through python-xlib and xdotool: Linux only (the
# Windows lane runs the Windows hotkey, capture and autostart in tests/windows/).
collect_ignore = (
    ["test_capture_grabber_x11.py", "test_capture_hotkey_x11.py",
     "test_capture_hotkey_service.py", "test_capture_overlay.py", "test_capture_tray.py"]
    if sys.platform == "win32" else []
)

# Xvfb shows mss one screen only: the two monitors are injected on a wide one.
TWO_MONITORS = MonitorLayout.parse("1920x1080+0+0,1920x1080+1920+0")


@pytest.fixture
def wide_xserver() -> Iterator[XServer]:
    """A real Xvfb of 3840×1080, standing for two 1920×1080 monitors side by side."""
    proc, server = start_xvfb(3840, 1080)
    keeper = _keep_alive(server)
    try:
        yield server
    finally:
        keeper.close()
        proc.terminate()
        proc.wait(10)


@pytest.fixture
def canvas(xserver: XServer) -> Iterator[XCanvas]:
    from tests.capture.xhelpers import XCanvas

    painter = XCanvas(xserver.display)
    try:
        yield painter
    finally:
        painter.close()


@pytest.fixture
def wide_canvas(wide_xserver: XServer) -> Iterator[XCanvas]:
    from tests.capture.xhelpers import XCanvas

    painter = XCanvas(wide_xserver.display)
    try:
        yield painter
    finally:
        painter.close()


def _keep_alive(server: XServer) -> Display:
    # An X server resets when its last client leaves, and refuses connections
    # meanwhile; a test that closes one connection and opens another would
    # then fail at random. A desktop always has clients: so do the tests.
    from Xlib.display import Display

    return Display(server.display)


@pytest.fixture
def xserver(xserver: XServer) -> Iterator[XServer]:
    """The shared 1920×1080 Xvfb, with one idle client so that it never resets mid-test."""
    keeper = _keep_alive(xserver)
    try:
        yield xserver
    finally:
        keeper.close()
