"""OCR plumbing (Tesseract found or not, bands, TSV, background normalisation) and pii-scan."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import cast

import pytest
from PIL import Image, ImageDraw, ImageFont

from samu_desktop.cli import main
from samu_desktop.pii.ocr import (
    OcrUnavailableError,
    TesseractEngine,
    bands,
    find_tesseract,
    normalise_background,
    parse_tsv,
)

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"


def screen_with(text: str, fg: str = "#111111", bg: str = "#ffffff",
                size: tuple[int, int] = (900, 120)) -> Image.Image:
    image = Image.new("RGB", size, bg)
    ImageDraw.Draw(image).text((20, 40), text, font=ImageFont.truetype(FONT, 20), fill=fg)
    return image


def darkest(gray: Image.Image) -> int:
    low, _ = cast(tuple[int, int], gray.getextrema())  # mode L: one (min, max) pair
    return low


def test_bands_overlap_and_own_every_row_once() -> None:
    parts = bands(1080, 2, 48)
    assert [p[2:] for p in parts] == [(0, 540), (540, 1080)]
    assert parts[0][:2] == (0, 588) and parts[1][:2] == (492, 1080)
    for row in range(1080):
        assert sum(own_top <= row < own_bottom for _, _, own_top, own_bottom in parts) == 1
    assert bands(100, 4, 48) == [(0, 100, 0, 100)]  # too small to cut


def test_parse_tsv_keeps_words_and_shifts_them() -> None:
    tsv = (
        "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n"
        "4\t1\t1\t1\t1\t0\t10\t20\t300\t15\t-1\t\n"
        "5\t1\t1\t1\t1\t1\t10\t20\t50\t15\t91.5\tDUPONT\n"
        "5\t1\t1\t1\t1\t2\t70\t20\t40\t15\t95\t \n"
    )
    (word,) = parse_tsv(tsv, dy=100)
    assert (word.text, word.left, word.top, word.width, word.height) == ("DUPONT", 10, 120, 50, 15)
    assert word.right == 60 and word.bottom == 135


def test_dark_theme_becomes_black_on_white() -> None:
    image = screen_with("Nom : DUPONT", fg="#e6e9ed", bg="#1e2227").convert("L")
    out = normalise_background(image)
    assert out.getpixel((5, 5)) == 255  # background: white
    assert darkest(out.crop((20, 40, 200, 70))) < 60  # text: dark


def test_a_coloured_header_row_keeps_its_text() -> None:
    image = Image.new("L", (600, 200), 255)
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 60, 599, 84), fill=70)  # a blue header row, in grey
    draw.text((20, 64), "Nom   Prénom", font=ImageFont.truetype(FONT, 14), fill=255)
    out = normalise_background(image)
    assert out.getpixel((300, 72)) == 255 and out.getpixel((300, 30)) == 255
    assert darkest(out.crop((20, 64, 120, 82))) < 60


def test_tesseract_reads_french_text() -> None:
    words = TesseractEngine().words(screen_with("Né le 12/03/1985 à Besançon"))
    assert "12/03/1985" in [w.text for w in words]
    assert any("Besançon" in w.text for w in words)


def test_missing_tesseract_is_a_clear_french_error(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.delenv("SAMU_TESSERACT", raising=False)
    with pytest.raises(OcrUnavailableError) as info:
        find_tesseract()
    assert "masquez les données à la main" in info.value.user_message


def test_tesseract_named_by_the_environment_and_its_failure(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """A stand-in program that fails as a broken Tesseract would."""
    fake = tmp_path / "tesseract"
    fake.write_text("#!/bin/sh\necho 'Error opening data file fra.traineddata' >&2\nexit 1\n")
    fake.chmod(0o755)
    (tmp_path / "tessdata").mkdir()
    (tmp_path / "tessdata" / "fra.traineddata").write_bytes(b"")
    monkeypatch.setenv("SAMU_TESSERACT", str(fake))
    assert find_tesseract() == (fake, tmp_path / "tessdata")
    with pytest.raises(OcrUnavailableError) as info:
        TesseractEngine().words(screen_with("x"))
    assert "a échoué" in info.value.user_message
    assert "fra.traineddata" in info.value.details


def test_pii_scan_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with_data = tmp_path / "avec.png"
    screen_with("Tél. : 06 12 34 56 78").save(with_data)
    clean = tmp_path / "sans.png"
    screen_with("Portail SI-SAMU 5.2.1 · incident du 12/03/2026 10:32 · FR680").save(clean)
    assert main(["pii-scan", "--json", str(with_data), str(clean)]) == 0
    out = json.loads(capsys.readouterr().out)
    first, second = out["images"]
    assert first["path"] == str(with_data) and second["boxes"] == []
    assert isinstance(first["seconds"], float)
    (box,) = first["boxes"]
    assert set(box) == {"x", "y", "width", "height", "kind"} and box["kind"] == "phone"
    # "Tél. : " is 52 px wide from x=20: the box starts at the number, not the label
    assert 64 < box["x"] < 74 and 140 < box["width"] < 180


def test_pii_scan_unreadable_image(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "pas-une-image.png"
    bad.write_text("bonjour")
    assert main(["pii-scan", str(bad)]) == 2
    assert "Impossible de lire l'image" in capsys.readouterr().err


def test_core_and_cli_do_not_import_qt(tmp_path: Path) -> None:
    image = tmp_path / "a.png"
    screen_with("M. DUPONT Jean").save(image)
    code = (
        "import sys\n"
        "class Block:\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        "        if name.split('.')[0] == 'PySide6': raise ImportError('Qt in the core')\n"
        "sys.meta_path.insert(0, Block())\n"
        "import samu_desktop.pii, samu_desktop.pii.detect, samu_desktop.pii.cli\n"
        "from samu_desktop.cli import main\n"
        f"sys.exit(main(['pii-scan', {str(image)!r}]))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            env=dict(os.environ), timeout=60, check=False)
    assert result.returncode == 0, result.stderr
    assert "nom ou prénom" in result.stdout


def test_tesserocr_engine_reads_like_the_program() -> None:
    from samu_desktop.pii.ocr_tesserocr import TesserocrEngine

    image = screen_with("Tél. : 06 12 34 56 78, né le 12/03/1985")
    engine = TesserocrEngine()
    texts = [w.text for w in engine.words(image)]
    assert texts == [w.text for w in TesseractEngine().words(image)]
    assert "12/03/1985" in texts
    assert [w.text for w in engine.words(image)] == texts  # the API objects are reused


def test_default_engine_prefers_tesserocr_then_the_program(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Hiding the French data (folders) and the program (PATH) shows each fallback."""
    from samu_desktop.pii import ocr_tesserocr
    from samu_desktop.pii.engines import default_engine
    from samu_desktop.pii.ocr_tesserocr import TesserocrEngine

    monkeypatch.delenv("SAMU_TESSERACT", raising=False)
    monkeypatch.delenv("SAMU_TESSDATA", raising=False)
    monkeypatch.delenv("TESSDATA_PREFIX", raising=False)
    engine = default_engine()
    assert isinstance(engine, TesserocrEngine)
    assert default_engine() is engine  # one engine keeps its loaded models
    monkeypatch.setattr(ocr_tesserocr, "find_tessdata", lambda lang="fra": None)
    assert isinstance(default_engine(), TesseractEngine)
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(OcrUnavailableError):
        default_engine()
