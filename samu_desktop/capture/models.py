"""What a capture is: rectangles, monitors, captured images and the log of hotkey captures.

Every coordinate here is in physical pixels on the virtual desktop (the space
mss grabs in). The GUI converts Qt's logical coordinates before calling in.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import Any, Literal

from PIL import Image
from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

CaptureKind = Literal["screen", "region", "window"]
Trigger = Literal["hotkey", "manual"]


class Rect(BaseModel):
    """A rectangle in physical pixels; ``right`` and ``bottom`` are exclusive."""

    model_config = ConfigDict(frozen=True)

    left: int
    top: int
    width: int = Field(gt=0)
    height: int = Field(gt=0)

    @property
    def right(self) -> int:
        return self.left + self.width

    @property
    def bottom(self) -> int:
        return self.top + self.height

    @property
    def area(self) -> int:
        return self.width * self.height

    @classmethod
    def from_corners(cls, x1: int, y1: int, x2: int, y2: int) -> Rect | None:
        """The rectangle between two corners in any order; None when it is empty."""
        left, right = sorted((x1, x2))
        top, bottom = sorted((y1, y2))
        if right <= left or bottom <= top:
            return None
        return cls(left=left, top=top, width=right - left, height=bottom - top)

    def contains(self, x: int, y: int) -> bool:
        return self.left <= x < self.right and self.top <= y < self.bottom

    def intersect(self, other: Rect) -> Rect | None:
        left, top = max(self.left, other.left), max(self.top, other.top)
        right, bottom = min(self.right, other.right), min(self.bottom, other.bottom)
        if right <= left or bottom <= top:
            return None
        return Rect(left=left, top=top, width=right - left, height=bottom - top)

    def as_mss(self) -> dict[str, int]:
        return {"left": self.left, "top": self.top, "width": self.width, "height": self.height}


class Monitor(BaseModel):
    """One screen. ``index`` counts from 1, in the order the system lists them."""

    model_config = ConfigDict(frozen=True)

    index: int = Field(ge=1)
    rect: Rect
    is_primary: bool = False
    name: str = ""


class MonitorLayout(BaseModel):
    """Every monitor of the desktop, as one consistent snapshot."""

    model_config = ConfigDict(frozen=True)

    monitors: tuple[Monitor, ...] = Field(min_length=1)

    @classmethod
    def from_mss(cls, mss_monitors: Sequence[dict[str, Any]]) -> MonitorLayout:
        """Build from ``mss.MSS().monitors`` (entry 0 is the union of all: skipped)."""
        monitors = tuple(
            Monitor(
                index=number,
                rect=Rect(
                    left=int(entry["left"]),
                    top=int(entry["top"]),
                    width=int(entry["width"]),
                    height=int(entry["height"]),
                ),
                is_primary=bool(entry.get("is_primary", False)),
                name=str(entry.get("name") or entry.get("output") or ""),
            )
            for number, entry in enumerate(mss_monitors[1:], start=1)
        )
        return cls(monitors=monitors)

    @classmethod
    def parse(cls, text: str) -> MonitorLayout:
        """Parse ``WxH+X+Y`` entries separated by commas, e.g. ``1920x1080+0+0,1920x1080+1920+0``.

        Used to inject a layout where the X server cannot show two monitors
        to mss (Xvfb): one wide screen, described as two.
        """
        monitors = []
        for number, item in enumerate(filter(None, (p.strip() for p in text.split(","))), 1):
            size, _, offset = item.partition("+")
            width, _, height = size.partition("x")
            x, _, y = offset.partition("+")
            rect = Rect(left=int(x or 0), top=int(y or 0), width=int(width), height=int(height))
            monitors.append(Monitor(index=number, rect=rect, is_primary=number == 1))
        return cls(monitors=tuple(monitors))

    @property
    def bounds(self) -> Rect:
        """The smallest rectangle holding every monitor."""
        rects = [m.rect for m in self.monitors]
        left = min(r.left for r in rects)
        top = min(r.top for r in rects)
        return Rect(
            left=left,
            top=top,
            width=max(r.right for r in rects) - left,
            height=max(r.bottom for r in rects) - top,
        )

    @property
    def primary(self) -> Monitor:
        return next((m for m in self.monitors if m.is_primary), self.monitors[0])

    def monitor(self, index: int) -> Monitor | None:
        return next((m for m in self.monitors if m.index == index), None)

    def monitor_at(self, x: int, y: int) -> Monitor | None:
        return next((m for m in self.monitors if m.rect.contains(x, y)), None)

    def best_monitor_for(self, rect: Rect) -> Monitor:
        """The monitor showing the largest part of ``rect`` (the primary if none does)."""
        best, best_area = self.primary, 0
        for monitor in self.monitors:
            part = monitor.rect.intersect(rect)
            if part is not None and part.area > best_area:
                best, best_area = monitor, part.area
        return best

    def clip(self, rect: Rect) -> Rect | None:
        """``rect`` limited to the desktop's bounds; None when nothing is left."""
        return rect.intersect(self.bounds)


class Capture(BaseModel):
    """One captured image, in memory only: an unredacted capture never goes to disk in clear.

    ``area`` is where the image was on the desktop, in physical pixels (so the
    image's size is ``area``'s size); ``monitor`` is the screen holding it, or
    the largest part of it.
    """

    model_config = ConfigDict(frozen=True, arbitrary_types_allowed=True)

    image: Image.Image
    monitor: Monitor
    area: Rect
    taken_at: datetime
    kind: CaptureKind = "screen"

    @field_validator("image")
    @classmethod
    def _rgb(cls, value: Image.Image) -> Image.Image:
        if value.mode != "RGB":
            raise ValueError(f"capture images are RGB, not {value.mode}")
        return value

    @field_validator("taken_at")
    @classmethod
    def _aware(cls, value: datetime) -> datetime:
        if value.tzinfo is None or value.utcoffset() is None:
            raise ValueError("taken_at must carry its time zone")
        return value

    @model_validator(mode="after")
    def _size_matches(self) -> Capture:
        if self.image.size != (self.area.width, self.area.height):
            raise ValueError("the image size must be the area's size")
        return self

    def __repr__(self) -> str:
        # Never the pixels: a repr can end up in a log.
        return (
            f"Capture(kind={self.kind!r}, monitor={self.monitor.index}, "
            f"size={self.area.width}x{self.area.height}, taken_at={self.taken_at.isoformat()})"
        )

    __str__ = __repr__


class CaptureBatch(BaseModel):
    """The captures taken by one action (a hotkey press: one per screen), with its time."""

    model_config = ConfigDict(frozen=True, arbitrary_types_allowed=True)

    captures: tuple[Capture, ...] = Field(min_length=1)
    taken_at: datetime
    trigger: Trigger = "hotkey"
    # The title and class of the window that had the focus at the hotkey ("" if
    # unknown): a hint of which application broke. In memory only, never shown
    # in a log (see __repr__): a title may carry a patient's name.
    focused_window: str = ""

    @field_validator("taken_at")
    @classmethod
    def _aware(cls, value: datetime) -> datetime:
        if value.tzinfo is None or value.utcoffset() is None:
            raise ValueError("taken_at must carry its time zone")
        return value

    def __repr__(self) -> str:
        return (
            f"CaptureBatch(trigger={self.trigger!r}, captures={len(self.captures)}, "
            f"taken_at={self.taken_at.isoformat()})"
        )

    __str__ = __repr__


class CaptureLog:
    """The hotkey captures waiting for a report, oldest first; safe to use from any thread.

    Memory is bounded: beyond ``max_batches`` the oldest batch goes, except
    the very first one, whose time is the best guess of when the incident
    started.
    """

    def __init__(self, max_batches: int = 12) -> None:
        if max_batches < 2:
            raise ValueError("max_batches must be at least 2")
        self.max_batches = max_batches
        self._lock = threading.Lock()
        self._batches: list[CaptureBatch] = []
        self.dropped = 0

    def add(self, batch: CaptureBatch) -> None:
        with self._lock:
            self._batches.append(batch)
            # Kept in time order even if two threads add out of order.
            self._batches.sort(key=lambda b: b.taken_at)
            while len(self._batches) > self.max_batches:
                del self._batches[1]
                self.dropped += 1

    def extend(self, batches: Iterable[CaptureBatch]) -> None:
        for batch in batches:
            self.add(batch)

    def batches(self) -> list[CaptureBatch]:
        with self._lock:
            return list(self._batches)

    def captures(self) -> list[Capture]:
        """Every capture, in the order taken."""
        return [capture for batch in self.batches() for capture in batch.captures]

    @property
    def first_taken_at(self) -> datetime | None:
        """When the first waiting capture was taken: offered as the incident start."""
        with self._lock:
            return self._batches[0].taken_at if self._batches else None

    def take(self) -> list[CaptureBatch]:
        """Hand every waiting batch over (to a new report) and empty the log."""
        with self._lock:
            batches, self._batches = self._batches, []
            self.dropped = 0
            return batches

    def clear(self) -> None:
        self.take()

    def __len__(self) -> int:
        with self._lock:
            return len(self._batches)
