"""Box geometry, fuzzed: any box burns without error and leaves no pixel uncovered."""

from __future__ import annotations

import itertools
import math
import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import Image
from pydantic import ValidationError

from samu_desktop.redaction import Box, RedactionState, burn
from samu_desktop.redaction.geometry import COORD_LIMIT

FILL = (0, 0, 0)

# Mostly near the image, sometimes far off it or absurdly large.
coords = st.one_of(
    st.floats(-40, 60, allow_nan=False),
    st.integers(-40, 60).map(float),
    st.floats(-1e300, 1e300, allow_nan=False, allow_infinity=False),
)
sizes = st.tuples(st.integers(1, 24), st.integers(1, 24))
boxes = st.builds(Box.from_points, coords, coords, coords, coords)
# Usual desktop scale factors, and arbitrary ones.
scales = st.one_of(
    st.sampled_from([1.0, 1.25, 1.5, 1.75, 2.0, 2.25, 2.5, 3.0]),
    st.floats(0.1, 8.0, allow_nan=False),
)


def noise(width: int, height: int, seed: int = 1) -> Image.Image:
    """An image with no pixel equal to the fill colour, so coverage is visible."""
    rng = random.Random(seed)
    data = bytes(rng.randrange(1, 256) for _ in range(width * height * 3))
    return Image.frombytes("RGB", (width, height), data)


def covers(box: Box, i: int, j: int) -> bool:
    """Reference rule: the pixel square and the box overlap with a positive area."""
    overlap_x = min(box.right, i + 1) - max(box.left, i)
    overlap_y = min(box.bottom, j + 1) - max(box.top, j)
    return overlap_x > 0 and overlap_y > 0


def check_burn(image: Image.Image, burnt: Image.Image, box_list: list[Box]) -> None:
    assert burnt.size == image.size and burnt.mode == "RGB"
    for j in range(image.height):
        for i in range(image.width):
            if any(covers(b, i, j) for b in box_list):
                assert burnt.getpixel((i, j)) == FILL, (i, j)
            else:
                assert burnt.getpixel((i, j)) == image.getpixel((i, j)), (i, j)


@settings(max_examples=300, deadline=None)
@given(size=sizes, box_list=st.lists(boxes, max_size=4))
def test_any_boxes_burn_exactly_the_pixels_they_touch(
    size: tuple[int, int], box_list: list[Box]
) -> None:
    image = noise(*size)
    check_burn(image, burn(image, box_list, FILL), box_list)


@settings(max_examples=200, deadline=None)
@given(
    size=sizes,
    box=st.builds(Box.from_xywh, st.floats(-10, 20), st.floats(-10, 20),
                  st.floats(0, 15), st.floats(0, 15)),
    scale=scales,
)
def test_hidpi_scaled_box_covers_every_device_pixel_it_touches(
    size: tuple[int, int], box: Box, scale: float
) -> None:
    device = box.scaled(scale)
    image = noise(*size)
    check_burn(image, burn(image, [device], FILL), [device])


@settings(max_examples=200, deadline=None)
@given(
    width=st.integers(4, 30),
    cuts=st.lists(st.floats(0.01, 0.99), min_size=1, max_size=5),
    scale=scales,
    top=st.floats(0, 3),
)
def test_adjacent_boxes_leave_no_gap_at_any_scale(
    width: int, cuts: list[float], scale: float, top: float
) -> None:
    # A logical band cut into touching boxes (as when a user draws boxes edge
    # to edge at 125 %): burnt in device pixels, it must equal the whole band.
    edges = [0.0, *sorted(c * width for c in cuts), float(width)]
    parts = [Box(left=a, top=top, right=b, bottom=top + 4) for a, b in itertools.pairwise(edges)]
    whole = Box(left=0, top=top, right=width, bottom=top + 4).scaled(scale)
    size = (math.ceil(width * scale) + 2, math.ceil((top + 4) * scale) + 2)
    image = noise(*size)
    pieces = burn(image, [p.scaled(scale) for p in parts], FILL)
    assert pieces.tobytes() == burn(image, [whole], FILL).tobytes()


@settings(max_examples=200, deadline=None)
@given(box=boxes, width=st.integers(-3, 50), height=st.integers(-3, 50), scale=scales)
def test_geometry_helpers_never_raise(box: Box, width: int, height: int, scale: float) -> None:
    for candidate in (box, box.scaled(scale), box.snapped(), box.translated(1e300, -1e300)):
        rect = candidate.pixel_rect(width, height)
        if rect is not None:
            left, top, right, bottom = rect
            assert 0 <= left < right <= width and 0 <= top < bottom <= height
        crop = candidate.crop_rect(width, height)
        if crop is not None:
            assert 0 <= crop[0] < crop[2] <= width and 0 <= crop[1] < crop[3] <= height
        assert all(math.isfinite(v) and abs(v) <= COORD_LIMIT
                   for v in (candidate.left, candidate.top, candidate.right, candidate.bottom))


def test_reversed_corners_are_swapped_and_kind_is_kept() -> None:
    box = Box.from_points(30, 20, 10, 5, kind="phone")
    assert (box.left, box.top, box.right, box.bottom) == (10, 5, 30, 20)
    assert box.is_proposed and box.scaled(2).kind == "phone"


def test_zero_area_box_covers_nothing_but_a_sliver_covers_its_pixel() -> None:
    image = noise(10, 10)
    assert burn(image, [Box(left=3, top=3, right=3, bottom=8)]).tobytes() == image.tobytes()
    burnt = burn(image, [Box(left=3.9, top=3.9, right=4.1, bottom=4.05)])
    assert burnt.getpixel((3, 3)) == FILL and burnt.getpixel((4, 4)) == FILL
    assert burnt.getpixel((5, 5)) == image.getpixel((5, 5))


def test_snapping_grows_outwards_to_whole_pixels() -> None:
    box = Box(left=1.2, top=2.7, right=5.01, bottom=6.0).snapped()
    assert (box.left, box.top, box.right, box.bottom) == (1, 2, 6, 6)


def test_not_a_number_is_refused_when_the_box_is_made() -> None:
    with pytest.raises(ValueError):
        Box(left=math.nan, top=0, right=1, bottom=1)
    with pytest.raises(ValueError):
        Box(left=0, top=0, right=math.inf, bottom=1)
    # Inside a saved state (a draft's JSON), a bad box is refused as the state is read.
    with pytest.raises(ValidationError):
        RedactionState.model_validate_json(
            '{"boxes": [{"left": "x", "top": 0, "right": 1, "bottom": 1}]}')
    with pytest.raises(ValueError):
        Box(left=0, top=0, right=1, bottom=1).scaled(0)


def test_burn_leaves_the_input_untouched_and_drops_its_metadata() -> None:
    image = noise(8, 8)
    image.info["comment"] = "secret"
    before = image.tobytes()
    out = burn(image, [Box(left=0, top=0, right=4, bottom=4)])
    assert image.tobytes() == before
    assert out.info == {}


def test_a_saved_state_keeps_its_boxes_normalised_through_json() -> None:
    state = RedactionState(boxes=(Box(left=9, top=8, right=1, bottom=2, kind="phone"),),
                           crop=Box.from_xywh(0, 0, 30, 20))
    again = RedactionState.model_validate_json(state.model_dump_json())
    assert again == state
    (box,) = again.boxes
    assert (box.left, box.top, box.right, box.bottom, box.kind) == (1, 2, 9, 8, "phone")
    # Reversed corners in a file are swapped as they are read, as when made.
    read = RedactionState.model_validate(
        {"boxes": [{"left": 5, "top": 5, "right": 1, "bottom": 1}]})
    assert read.boxes[0] == Box(left=1, top=1, right=5, bottom=5)
    assert (box.x, box.y, box.width, box.height) == (1, 2, 8, 6)
