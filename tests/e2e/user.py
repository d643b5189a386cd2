"""The simulated user: every click and key press goes through here, and is counted.

Two ways to act, one ledger:

- :class:`XUser` drives the real program from outside, with ``xdotool`` on the
  test's X server (key chords, clicks at screen coordinates, typed text);
- :class:`QtUser` drives widgets in the test's own process with ``QTest``.

A key chord (``ctrl+Return``) is one key press; typed text counts one key
press per character. Setting up the scene (starting programs, giving the
focus to the window the user was working in) is not a user action and does
not go through these classes.
"""

from __future__ import annotations

import subprocess
import time
from dataclasses import dataclass, field

import mss
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QCheckBox,
    QRadioButton,
    QWidget,
)

from tests.conftest import XServer

# A person reads the screen for a moment before acting again.
HUMAN_PAUSE_S = 0.3

# Journey name -> its counted actions, shown at the end of the run (conftest.py).
RECORDED: dict[str, Ledger] = {}


@dataclass
class Ledger:
    clicks: int = 0
    keys: int = 0
    typed: int = 0  # characters, also counted in ``keys``
    steps: list[str] = field(default_factory=list)
    show_steps: bool = False  # list them at the end of the run

    @property
    def total(self) -> int:
        return self.clicks + self.keys

    def summary(self) -> str:
        text = f"{self.total} actions: {self.clicks} click(s), {self.keys} key press(es)"
        if self.typed:
            text += f" ({self.typed} of them typing text)"
        return text

    def record(self, journey: str, show_steps: bool = False) -> None:
        self.show_steps = show_steps
        RECORDED[journey] = self


class XUser:
    """A user at the keyboard and mouse of the X server, acting on whatever has the focus.

    Like a person, it looks at the screen before the next action: each action
    waits until the screen has changed (a page turned, a box got ticked, the
    focus moved). Qt's buttons fire their shortcut a moment after the key
    (``animateClick``): a second key sent before that would be lost.
    """

    def __init__(self, xserver: XServer) -> None:
        self.xserver = xserver
        self.ledger = Ledger()
        self._screen = mss.MSS(display=xserver.display.encode())

    def close(self) -> None:
        self._screen.close()

    def _pixels(self) -> bytes:
        return bytes(self._screen.grab(self._screen.monitors[1]).bgra)

    def _xdotool(self, *args: str) -> str:
        return subprocess.run(["xdotool", *args], env=self.xserver.env(), check=True,
                              timeout=60, capture_output=True, text=True).stdout

    def _then_look(self, before: bytes, timeout: float = 20.0) -> None:
        deadline = time.monotonic() + timeout
        while self._pixels() == before:
            if time.monotonic() > deadline:
                raise AssertionError(f"nothing changed on screen after {self.ledger.steps[-1]}")
            time.sleep(0.03)
        time.sleep(HUMAN_PAUSE_S)

    def key(self, *chords: str) -> None:
        """Press each chord in turn (``"alt+2"``, ``"space"``): one action each."""
        for chord in chords:
            before = self._pixels()
            self._xdotool("key", "--clearmodifiers", chord)
            self.ledger.keys += 1
            self.ledger.steps.append(f"key {chord}")
            self._then_look(before)

    def type(self, text: str) -> None:
        before = self._pixels()
        self._xdotool("type", "--delay", "12", text)
        self.ledger.keys += len(text)
        self.ledger.typed += len(text)
        self.ledger.steps.append(f"type {text!r}")
        self._then_look(before)

    def click(self, x: int, y: int, what: str) -> None:
        before = self._pixels()
        self._xdotool("mousemove", "--sync", str(x), str(y), "click", "1")
        self.ledger.clicks += 1
        self.ledger.steps.append(f"click {what}")
        self._then_look(before)


class QtUser:
    """A user of the window in this process: clicks on widgets, keys to the focused one."""

    def __init__(self) -> None:
        self.ledger = Ledger()

    def click(self, widget: QWidget, what: str = "") -> None:
        assert widget.isVisible() and widget.isEnabled(), f"cannot click {what or widget}"
        if isinstance(widget, QCheckBox | QRadioButton):
            # On the box or the dot: a wide row's centre can be past the end of the text.
            QTest.mouseClick(widget, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                             QPoint(8, widget.height() // 2))
        elif isinstance(widget, QAbstractButton):
            QTest.mouseClick(widget, Qt.MouseButton.LeftButton)
        else:
            QTest.mouseClick(widget, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                             QPoint(widget.width() // 2, widget.height() // 2))
        self.ledger.clicks += 1
        self.ledger.steps.append(f"click {what or widget.objectName() or type(widget).__name__}")

    def type(self, widget: QWidget, text: str) -> None:
        """Click into a text field, then type (QTest types ASCII only)."""
        self.click(widget, "text field")
        QTest.keyClicks(widget, text)
        self.ledger.keys += len(text)
        self.ledger.typed += len(text)
        self.ledger.steps.append(f"type {text!r}")

    def key(self, window: QWidget, key: Qt.Key,
            modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier,
            what: str = "") -> None:
        """A key press to the active ``window``, as the keyboard sends it (shortcuts
        included; the caller made the window active with ``qtbot.waitActive``)."""
        handle = window.windowHandle()
        assert handle is not None
        QTest.keyClick(handle, key, modifiers)
        self.ledger.keys += 1
        self.ledger.steps.append(f"key {what or key.name}")
