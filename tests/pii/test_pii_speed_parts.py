"""The speed work of issue 16 changes no answer: the tiled mode filter is the whole
image's filter, the warmed-up models read as cold ones, and the box without
pydantic prints the same JSON."""

from __future__ import annotations

import random
import threading
from pathlib import Path

import pytest
from PIL import Image, ImageChops, ImageDraw, ImageFilter, ImageFont

from samu_desktop.pii import ocr, ocr_tesserocr
from samu_desktop.pii.boxes import Box
from samu_desktop.pii.kinds import PatientDataKind
from samu_desktop.pii.ocr import OcrUnavailableError
from samu_desktop.pii.ocr_tesserocr import TesserocrEngine

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"


def busy_screen(seed: int, size: tuple[int, int] = (331, 217)) -> Image.Image:
    """Flat panels of several greys, text and specks across the tiles' edges."""
    rng = random.Random(seed)
    image = Image.new("L", size, 240)
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype(FONT, 11)
    for _ in range(12):
        x, y = rng.randrange(size[0]), rng.randrange(size[1])
        draw.rectangle((x, y, x + rng.randrange(10, 120), y + rng.randrange(5, 60)),
                       fill=rng.choice((30, 70, 128, 200, 255)))
    for _ in range(15):
        draw.text((rng.randrange(size[0]), rng.randrange(size[1])), "Dupont 06 12",
                  font=font, fill=rng.randrange(256))
    for _ in range(300):
        image.putpixel((rng.randrange(size[0]), rng.randrange(size[1])), rng.randrange(256))
    return image


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_the_tiled_mode_filter_is_the_whole_images_filter(seed: int) -> None:
    image = busy_screen(seed)
    whole = image.filter(ImageFilter.ModeFilter(7))
    assert ImageChops.difference(ocr._modes(image), whole).getbbox() is None
    # With a mask: equal wherever a tile holds a masked pixel.
    mask = Image.new("L", image.size, 0)
    ImageDraw.Draw(mask).rectangle((100, 60, 104, 64), fill=255)
    tiled = ocr._modes(image, mask)
    box = (96, 48, 144, 96)  # the one tile (48 px) that holds the mask
    assert ImageChops.difference(tiled.crop(box), whole.crop(box)).getbbox() is None
    assert tiled.getpixel((5, 5)) == 0  # a tile without the mask is not computed


@pytest.mark.parametrize("size", [(1, 1), (2, 7), (3, 2), (331, 217)])
def test_the_fast_max_and_min_filters_are_pillows(size: tuple[int, int]) -> None:
    image = busy_screen(size[0] * size[1], size) if min(size) > 8 else Image.new("L", size)
    if min(size) <= 8:
        rng = random.Random(5)
        image.putdata([rng.randrange(256) for _ in range(size[0] * size[1])])
    for reach in (3, 5):
        for fast, pillow in ((ImageChops.lighter, ImageFilter.MaxFilter(reach)),
                             (ImageChops.darker, ImageFilter.MinFilter(reach))):
            expected = image.filter(pillow)
            assert ImageChops.difference(ocr.spread(image, reach, fast), expected).getbbox() \
                is None


def test_a_flat_tile_is_its_grey() -> None:
    image = Image.new("L", (200, 150), 37)
    assert ocr._modes(image).getextrema() == (37, 37)


def test_the_box_prints_the_same_json_as_before() -> None:
    box = Box(x=1, y=2, width=30, height=4, kind=PatientDataKind.PHONE)
    assert box.model_dump(mode="json") == {"x": 1, "y": 2, "width": 30, "height": 4,
                                           "kind": "phone"}
    assert box.model_dump()["kind"] is PatientDataKind.PHONE
    moved = box.model_copy(update={"x": 11})
    assert (moved.x, moved.y, moved.kind) == (11, 2, PatientDataKind.PHONE)
    assert Box(x=1, y=2, width=30, height=4, kind="phone") == box  # type: ignore[arg-type]
    assert hash(moved) != hash(box) and box in {box}
    with pytest.raises(ValueError):
        Box(x=1, y=2, width=3, height=4, kind="not a kind")  # type: ignore[arg-type]


def screen_with(text: str) -> Image.Image:
    image = Image.new("RGB", (900, 300), "#ffffff")
    draw = ImageDraw.Draw(image)
    draw.text((20, 40), text, font=ImageFont.truetype(FONT, 20), fill="#111111")
    draw.text((20, 220), "Rappel de Mme Martin", font=ImageFont.truetype(FONT, 20),
              fill="#111111")
    return image


def test_warmed_up_models_read_as_cold_ones() -> None:
    image = screen_with("Tél. : 06 12 34 56 78, né le 12/03/1985")
    cold = [w.text for w in TesserocrEngine(jobs=2).words(image)]
    warm = TesserocrEngine(jobs=2)
    warm.warm_up()
    warm.warm_up()  # a second call loads nothing more
    assert [w.text for w in warm.words(image)] == cold
    assert "12/03/1985" in cold and "Martin" in cold
    assert [w.text for w in warm.words(image)] == cold  # the models are kept
    warm.warm_up()  # later calls load nothing either: the two models, no third
    for thread in threading.enumerate():
        if thread.name == "ocr-warm-up":
            thread.join()
    assert warm._apis.qsize() == 2


def test_a_warm_up_without_the_french_data_is_reported_in_french(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Hiding the French model (the folder finder answers none) makes the load fail."""
    monkeypatch.setattr(ocr_tesserocr, "find_tessdata", lambda lang="fra": None)
    engine = TesserocrEngine(jobs=2)
    engine.warm_up()
    with pytest.raises(OcrUnavailableError) as raised:
        engine.words(screen_with("Nom : DUPONT"))
    assert "masquez les données à la main" in raised.value.user_message
