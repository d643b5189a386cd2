"""Burning boxes into the pixels: the only way this application hides anything.

The result is a new RGB image whose covered pixels are the fill colour and
nothing else: no layer, no alpha, no metadata carried over from the capture.
Blur and pixelation are not offered anywhere: both can be reversed.
"""

from __future__ import annotations

from collections.abc import Iterable

from PIL import Image

from samu_desktop.redaction.geometry import Box

Fill = tuple[int, int, int]
BLACK: Fill = (0, 0, 0)


def clean_rgb(image: Image.Image) -> Image.Image:
    """A copy of ``image`` in RGB with no metadata (ICC profile, EXIF, text …)."""
    copy = image.convert("RGB") if image.mode != "RGB" else image.copy()
    copy.info.clear()
    return copy


def burn(image: Image.Image, boxes: Iterable[Box], fill: Fill = BLACK) -> Image.Image:
    """A new RGB image where every pixel any box touches is ``fill``.

    The input is left untouched. Boxes off the image, reversed or empty are
    handled by :meth:`Box.pixel_rect`; none of them raises.
    """
    _check_fill(fill)
    out = clean_rgb(image)
    width, height = out.size
    for box in boxes:
        rect = box.pixel_rect(width, height)
        if rect is not None:
            out.paste(fill, rect)
    return out


def redact(
    image: Image.Image,
    boxes: Iterable[Box],
    crop: Box | None = None,
    fill: Fill = BLACK,
) -> Image.Image:
    """Burn the boxes, then keep only the crop (the whole image when None).

    Burning first means a box that straddles the crop edge still hides what
    remains of it inside.
    """
    out = burn(image, boxes, fill)
    if crop is not None:
        rect = crop.crop_rect(*out.size)
        if rect is not None and rect != (0, 0, *out.size):
            out = out.crop(rect)
            out.info.clear()
    return out


def _check_fill(fill: Fill) -> None:
    if len(fill) != 3 or not all(isinstance(c, int) and 0 <= c <= 255 for c in fill):
        raise ValueError(f"fill must be three integers 0–255, not {fill!r}")
