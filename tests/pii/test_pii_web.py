"""Screens rendered by a real browser (headless Firefox ESR over Marionette), then the
whole detector (real Tesseract), scored on each value's ink; and the redaction
editor offering the boxes found.

The page imitates an SI-SAMU communication banner and a chat: names with no
label, phones at the end of white-on-blue bubbles, a dark theme. Every value is
synthetic. Truth is the ink of each value (screenshot, value made transparent,
screenshot again), as in benchmarks/pii_webset.py.
"""

from __future__ import annotations

import shutil
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PIL import Image, ImageDraw
from pytestqt.qtbot import QtBot

from samu_desktop.pii.detect import Box, detect

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "benchmarks"))

pytestmark = pytest.mark.skipif(shutil.which("firefox-esr") is None,
                                reason="Firefox ESR is installed by scripts/setup.sh test")

BANNER = """
<div class="top">SI-SAMU · Bandeau de communication · ARM poste 3</div>
<div class="panel"><h3>Historique des appels</h3>
<div class="hist">↗ 13:04 <span class="v" data-v="1">Sow Dragan</span>
 <span class="v" data-v="2">+33 (0)2 78 97 02 86</span> 00:03:59</div>
<div class="hist">↙ 13:10 <span class="v" data-v="3">GUICHARD FRANÇOISE</span>
 <span class="v" data-v="4">06.12.34.56.78</span> 00:01:12</div>
<div class="hist">↗ 13:12 VSAV Quimper Nord poste 2414 00:07:13</div>
<div class="hist">↙ 13:20 <span class="v" data-v="5">poirier louis</span>
 <span class="v" data-v="6">0745123456</span> 00:00:41</div>
</div>
<div class="chat">
<div class="b me">Rappeler <span class="v" data-v="7">Nadia Bensaïd</span> au
 <span class="v" data-v="8">07 11 22 33 44</span></div>
<div class="b them">Moyen engagé : SMUR Brest 2</div>
</div>
"""
KINDS = {1: "name", 2: "phone", 3: "name", 4: "phone", 5: "name", 6: "phone", 7: "name",
         8: "phone"}


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Image.Image, Image.Image]]:
    import pii_webset
    from firefox_marionette import Firefox

    tmp = tmp_path_factory.mktemp("web")
    page = (f"<!doctype html><html lang=fr><meta charset=utf-8><style>"
            f"{pii_webset.css(pii_webset.THEMES['dark'], 'DejaVu Sans', 14)}</style>"
            f"<body>{BANNER}</body></html>")
    with Firefox() as ff:
        ff.set_dppx(1.0)
        ff.set_viewport(1366, 768)
        yield pii_webset.render(ff, page, tmp, 0)


def hidden_share(labels: Image.Image, boxes: list[Box], value: int) -> float:
    mask = Image.new("L", labels.size, 0)
    draw = ImageDraw.Draw(mask)
    for b in boxes:
        draw.rectangle((b.x, b.y, b.x + b.width - 1, b.y + b.height - 1), fill=255)
    ink = labels.point(lambda v: 255 if v == value else 0)
    total = ink.histogram()[255]
    under = Image.composite(ink, Image.new("L", labels.size, 0), mask).histogram()[255]
    assert total > 0, f"value {value} has no ink"
    return under / total


@pytest.mark.timeout(240)
def test_unlabelled_names_and_bubble_phones_are_hidden(
        rendered: tuple[Image.Image, Image.Image]) -> None:
    shot, labels = rendered
    boxes = detect(shot)
    for value, kind in KINDS.items():
        assert hidden_share(labels, boxes, value) >= 0.95, f"{kind} {value} left visible"
    # The vehicle line stays readable: no box on its row apart from the values'.
    assert all(b.kind.value in ("name", "phone") for b in boxes)


@pytest.mark.timeout(240)
def test_strict_mode_also_proposes_other_text(rendered: tuple[Image.Image, Image.Image]) -> None:
    shot, _ = rendered
    normal = detect(shot)
    strict = detect(shot, strict=True)
    extra = [b for b in strict if b.kind.value == "text"]
    assert extra, "strict mode proposed nothing more"
    assert len(strict) > len(normal)


@pytest.mark.timeout(240)
def test_the_editor_offers_the_boxes(qtbot: QtBot,
                                     rendered: tuple[Image.Image, Image.Image]) -> None:
    from samu_desktop.gui.redaction import RedactionEditor
    from samu_desktop.gui.tasks import TaskRunner

    shot, labels = rendered
    editor = RedactionEditor(runner=TaskRunner(synchronous=True))
    qtbot.addWidget(editor)
    try:
        index = editor.add_capture(shot)
        boxes = detect(shot)
        editor.add_proposed_boxes(index, boxes)
        offered = [b for b in editor.states()[index].boxes if b.kind]
        assert {b.kind for b in offered} == {"name", "phone"}
        assert len(offered) == len(boxes)
        # What the editor burns hides the values: the exported image has no ink
        # of any value left outside its boxes.
        exported = Image.open(__import__("io").BytesIO(editor.jobs()[index].export()))
        exported.load()
        assert exported.size == shot.size
        for value in KINDS:
            ink_box = labels.point(lambda v, i=value: 255 if v == i else 0).getbbox()
            assert ink_box is not None
            region = exported.convert("RGB").crop(ink_box)
            colours = region.getcolors(region.width * region.height) or []
            assert len(colours) == 1, f"value {value} shows through the export"
    finally:
        editor.clear()
