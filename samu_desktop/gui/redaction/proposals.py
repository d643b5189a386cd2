"""What automatic detection hands the editor: boxes in either of two shapes.

``samu_desktop.redaction.Box`` gives edges; ``samu_desktop.pii.detect.Box``
gives a corner and a size. Both become a redaction Box with a kind, which is
what marks a box as proposed (dashed, labelled, burnt like the others).
"""

from __future__ import annotations

from typing import Protocol, runtime_checkable

from samu_desktop.redaction import Box


@runtime_checkable
class EdgeBox(Protocol):
    """A proposed box given by its edges (``samu_desktop.redaction.Box``)."""

    @property
    def left(self) -> float: ...
    @property
    def top(self) -> float: ...
    @property
    def right(self) -> float: ...
    @property
    def bottom(self) -> float: ...
    @property
    def kind(self) -> object: ...


@runtime_checkable
class CornerSizeBox(Protocol):
    """A proposed box given by its corner and size (``samu_desktop.pii.detect.Box``)."""

    @property
    def x(self) -> float: ...
    @property
    def y(self) -> float: ...
    @property
    def width(self) -> float: ...
    @property
    def height(self) -> float: ...
    @property
    def kind(self) -> object: ...


ProposedBox = EdgeBox | CornerSizeBox


def as_box(proposed: ProposedBox) -> Box:
    # A kind is what makes the box "proposed": never let it be empty.
    kind = str(proposed.kind) if proposed.kind is not None else "?"
    if isinstance(proposed, Box):
        return proposed.model_copy(update={"kind": kind})
    if isinstance(proposed, EdgeBox):
        return Box(left=proposed.left, top=proposed.top, right=proposed.right,
                   bottom=proposed.bottom, kind=kind)
    return Box.from_xywh(proposed.x, proposed.y, proposed.width, proposed.height, kind=kind)
