"""Rectangles in image pixels, and the rule that turns them into covered pixels.

A :class:`Box` is stored in the coordinates of the original capture, as
floats: the editor works in scene coordinates, a HiDPI screen has fractional
scale factors, and a detector may report sub-pixel positions. Only at burn
time does a box become whole pixels, and the rule is conservative on purpose:
every pixel that the box touches with a positive area is covered. Rounding
to the nearest pixel would leave a one-pixel sliver of text visible at the
edge of a box drawn at 125 % or 150 % scaling.

Reversed corners are swapped, boxes partly or fully off the image are clipped,
boxes with no area cover nothing: no geometry ever raises at burn time.

The detector (``samu_desktop.pii``) proposes these same boxes, with a kind, in
whole pixels; the editor shows and edits them: one type from detection to burn.
"""

from __future__ import annotations

import dataclasses
import math

PixelRect = tuple[int, int, int, int]
"""``(left, top, right, bottom)`` in whole pixels, right and bottom excluded."""

# Far beyond any image (PNG stops at 2**31 pixels a side), small enough that
# scaling never overflows to infinity.
COORD_LIMIT = 1e12


@dataclasses.dataclass(frozen=True)
class Box:
    """A rectangle to hide, in pixels of the original capture: the one box type of the
    detector, the redaction and the editor.

    ``kind`` is ``None`` for a box the user drew, or the detector's kind
    (``samu_desktop.pii.kinds.PatientDataKind`` values such as ``"phone"``) for
    a proposed box. Both are burnt the same way.

    A plain dataclass, not a pydantic model: detection makes thousands of them, and
    the pydantic models that hold boxes (``RedactionState``) validate and serialise
    dataclasses as they do their own fields.
    """

    left: float
    top: float
    right: float
    bottom: float
    kind: str | None = None

    def __post_init__(self) -> None:
        # A box dragged up or to the left arrives with its corners reversed.
        # Coordinates far off the image are pulled in to COORD_LIMIT, which
        # changes nothing once clipped to the image; NaN and infinity are refused.
        edges = []
        for name in ("left", "top", "right", "bottom"):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, int | float):
                raise TypeError(f"{name} must be a number, not {type(value).__name__}")
            if not math.isfinite(value):
                raise ValueError(f"{name} must be a finite number, not {value!r}")
            edges.append(_limit(float(value)))
        left, top, right, bottom = edges
        if left > right:
            left, right = right, left
        if top > bottom:
            top, bottom = bottom, top
        for name, value in zip(("left", "top", "right", "bottom"), (left, top, right, bottom),
                               strict=True):
            object.__setattr__(self, name, value)

    @classmethod
    def from_xywh(
        cls, x: float, y: float, width: float, height: float, kind: str | None = None
    ) -> Box:
        return cls(left=x, top=y, right=x + width, bottom=y + height, kind=kind)

    @classmethod
    def from_points(
        cls, x0: float, y0: float, x1: float, y1: float, kind: str | None = None
    ) -> Box:
        """Two opposite corners in any order (as a mouse drag gives them)."""
        return cls(left=x0, top=y0, right=x1, bottom=y1, kind=kind)

    def with_kind(self, kind: str | None) -> Box:
        """The same rectangle with another kind (``None``: drawn by the user)."""
        return dataclasses.replace(self, kind=kind)

    @property
    def x(self) -> float:
        """The left edge: detection and its tests speak of a corner and a size."""
        return self.left

    @property
    def y(self) -> float:
        return self.top

    @property
    def width(self) -> float:
        return self.right - self.left

    @property
    def height(self) -> float:
        return self.bottom - self.top

    @property
    def is_empty(self) -> bool:
        return not (self.right > self.left and self.bottom > self.top)

    @property
    def is_proposed(self) -> bool:
        return self.kind is not None

    def scaled(self, factor: float) -> Box:
        """The same box in another unit, e.g. logical pixels × device pixel ratio."""
        if not (math.isfinite(factor) and factor > 0):
            raise ValueError(f"scale factor must be finite and positive, not {factor!r}")
        return Box(
            left=_limit(self.left * factor),
            top=_limit(self.top * factor),
            right=_limit(self.right * factor),
            bottom=_limit(self.bottom * factor),
            kind=self.kind,
        )

    def translated(self, dx: float, dy: float) -> Box:
        return Box(
            left=_limit(self.left + dx),
            top=_limit(self.top + dy),
            right=_limit(self.right + dx),
            bottom=_limit(self.bottom + dy),
            kind=self.kind,
        )

    def snapped(self) -> Box:
        """Grown outwards to whole pixels, so that what is shown is what is burnt."""
        if self.is_empty:
            return self
        return Box(
            left=math.floor(self.left),
            top=math.floor(self.top),
            right=math.ceil(self.right),
            bottom=math.ceil(self.bottom),
            kind=self.kind,
        )

    def pixel_rect(self, width: int, height: int) -> PixelRect | None:
        """The pixels of a ``width`` × ``height`` image this box covers, or None.

        A pixel ``(i, j)`` is the square ``[i, i+1) × [j, j+1)``; it is covered
        when its intersection with the box has a positive area.
        """
        if self.is_empty or width <= 0 or height <= 0:
            return None
        left = _clamp(math.floor(self.left), 0, width)
        top = _clamp(math.floor(self.top), 0, height)
        right = _clamp(math.ceil(self.right), 0, width)
        bottom = _clamp(math.ceil(self.bottom), 0, height)
        if right <= left or bottom <= top:
            return None
        return (left, top, right, bottom)

    def crop_rect(self, width: int, height: int) -> PixelRect | None:
        """This box used as a crop: rounded to the nearest pixel, inside the image.

        Unlike :meth:`pixel_rect`, nothing is hidden by a crop, so the nearest
        pixel is right; returns None when less than one pixel would remain.
        """
        if self.is_empty or width <= 0 or height <= 0:
            return None
        left = _clamp(round(self.left), 0, width)
        top = _clamp(round(self.top), 0, height)
        right = _clamp(round(self.right), 0, width)
        bottom = _clamp(round(self.bottom), 0, height)
        if right <= left or bottom <= top:
            return None
        return (left, top, right, bottom)


def _clamp(value: int, low: int, high: int) -> int:
    return max(low, min(high, value))


def _limit(value: float) -> float:
    # An overflow to infinity becomes the limit; never a NaN, never an error.
    return max(-COORD_LIMIT, min(COORD_LIMIT, value))
