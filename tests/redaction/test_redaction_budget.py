"""Fitting redacted screenshots into the e-mail budget, and saying what was done."""

from __future__ import annotations

import io
import os

import pytest
from PIL import Image, ImageDraw

from samu_desktop.redaction import (
    Box,
    BudgetError,
    export_png,
    fit_to_budget,
    foreign_chunks,
    redact,
)

HIDDEN = Box(left=40, top=40, right=140, bottom=90)


def noisy(width: int = 300, height: int = 200) -> Image.Image:
    return Image.frombytes("RGB", (width, height), os.urandom(width * height * 3))


def screen_like(width: int = 400, height: int = 260) -> Image.Image:
    image = Image.new("RGB", (width, height), (245, 245, 250))
    draw = ImageDraw.Draw(image)
    for row in range(0, height, 14):
        text = f"Appel {row:04d} — file d'attente 15 — opérateur ARM"
        draw.text((6, row), text, fill=(30, 30, 60))
    return image


def decode(data: bytes) -> Image.Image:
    with Image.open(io.BytesIO(data)) as image:
        image.load()
        return image.convert("RGB")


def hidden_area_is_flat_and_dark(image: Image.Image, scale: float) -> bool:
    # Shrinking blends the edges of a box with its neighbours: look inside.
    inner = (
        round(HIDDEN.left * scale) + 2, round(HIDDEN.top * scale) + 2,
        round(HIDDEN.right * scale) - 2, round(HIDDEN.bottom * scale) - 2,
    )
    colours = image.crop(inner).getcolors(maxcolors=4)
    return colours is not None and len(colours) == 1 and max(colours[0][1]) <= 16


def test_images_that_fit_are_returned_unchanged() -> None:
    images = [export_png(screen_like(), [HIDDEN])]
    result = fit_to_budget(images, sum(map(len, images)))
    assert result.images == images and not result.changed and result.message == ""


def test_lossless_recompression_keeps_every_pixel() -> None:
    source = screen_like()
    loose = export_png(source, [HIDDEN], compress_level=0)
    tight = export_png(source, [HIDDEN], compress_level=9)
    result = fit_to_budget([loose], len(tight) + 10)
    assert result.changed and not result.colours_reduced and result.scale == 1.0
    assert result.total_bytes <= len(tight) + 10
    assert decode(result.images[0]).tobytes() == redact(source, [HIDDEN]).tobytes()
    assert "sans perte" in result.message


def test_colours_then_size_are_reduced_and_the_message_says_so() -> None:
    images = [export_png(noisy(), [HIDDEN]), export_png(noisy(), [HIDDEN])]
    total = sum(map(len, images))

    palette = fit_to_budget(images, total // 2)
    assert palette.colours_reduced and palette.scale == 1.0
    assert palette.total_bytes <= total // 2
    assert "256 couleurs" in palette.message and "%" not in palette.message
    for data in palette.images:
        image = decode(data)
        assert image.size == (300, 200)
        assert len(image.getcolors(maxcolors=257) or []) <= 256
        assert hidden_area_is_flat_and_dark(image, 1.0)

    shrunk = fit_to_budget(images, total // 8)
    assert shrunk.colours_reduced and shrunk.scale < 1.0
    assert shrunk.total_bytes <= total // 8
    assert f"{round(shrunk.scale * 100)} %" in shrunk.message
    for data in shrunk.images:
        image = decode(data)
        assert image.width == round(300 * shrunk.scale)
        assert hidden_area_is_flat_and_dark(image, shrunk.scale)
    for data in palette.images + shrunk.images:
        assert foreign_chunks(data) == []


def test_an_impossible_budget_says_what_to_do() -> None:
    images = [export_png(noisy(), [HIDDEN])]
    with pytest.raises(BudgetError) as info:
        fit_to_budget(images, 200)
    message = info.value.user_message
    assert "Mo" in message and "recadrez" in message and "retirez" in message


def test_pngs_with_metadata_are_refused() -> None:
    buffer = io.BytesIO()
    noisy(20, 20).save(buffer, "PNG", dpi=(96, 96))
    with pytest.raises(ValueError):
        fit_to_budget([buffer.getvalue()], 10)
