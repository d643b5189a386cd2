"""The user guide's screenshots come from one command, which runs; the guides show them all.

The command is run as a user of the repository runs it (a separate process), in its
quick mode and into a temporary folder: the committed images are left alone.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image

REPO = Path(__file__).resolve().parents[2]
SCRIPT = REPO / "scripts" / "make_user_guide.py"
GUIDES = {"fr": REPO / "docs" / "guide-utilisateur.md", "en": REPO / "docs" / "user-guide.md"}


def script_images(constant: str = "IMAGES") -> tuple[str, ...]:
    text = SCRIPT.read_text(encoding="utf-8")
    match = re.search(rf"^{constant} = \(([^)]*)\)", text, re.MULTILINE)
    assert match is not None
    return tuple(re.findall(r'"([a-z-]+)"', match.group(1)))


def referenced(guide: Path) -> list[str]:
    return re.findall(r"!\[[^\]]*\]\((images/[^)]+)\)", guide.read_text(encoding="utf-8"))


def test_one_command_regenerates_every_screenshot_of_the_guides(tmp_path: Path) -> None:
    out = tmp_path / "images"
    done = subprocess.run([sys.executable, str(SCRIPT), "--out", str(out), "--fast"],
                          capture_output=True, text=True, timeout=600, check=False, cwd=REPO)
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stderr == ""  # no warning, no Qt noise
    names = script_images()
    assert len(names) >= 12
    for lang in GUIDES:
        made = sorted(p.stem for p in (out / lang).glob("*.png"))
        assert made == sorted(names)
        for name in names:
            with Image.open(out / lang / f"{name}.png") as image:
                assert image.width >= 300 and image.height >= 30
                # Windows were drawn: text and widgets, not an empty grey area.
                assert len(image.convert("RGB").getcolors(1 << 16) or range(99)) > 8
        # The main window again, as a 1920×1080 screen leaves it (the script exits
        # non-zero when a picture would show something cut off, at either size).
        large = sorted(p.stem for p in (out / lang / "1920x1080").glob("*.png"))
        assert large == sorted(script_images("WINDOW_IMAGES"))
        for name in large:
            with Image.open(out / lang / "1920x1080" / f"{name}.png") as image:
                assert image.width > 1800 and image.height > 1000


@pytest.mark.parametrize("lang", list(GUIDES))
def test_each_guide_shows_every_screen_and_only_committed_images(lang: str) -> None:
    shown = referenced(GUIDES[lang])
    assert sorted(shown) == sorted(f"images/{lang}/{name}.png" for name in script_images())
    for image in shown:
        path = REPO / "docs" / image
        assert path.is_file(), f"run: python scripts/make_user_guide.py ({image} missing)"
        assert path.stat().st_size < 120_000, f"{image}: keep the guide's images small"
    # Under each picture of the main window, a link to the same screen at 1920×1080.
    text = GUIDES[lang].read_text(encoding="utf-8")
    linked = re.findall(r"(?<!!)\[[^\]]*\]\((images/[a-z]+/1920x1080/[^)]+)\)", text)
    assert sorted(linked) == sorted(f"images/{lang}/1920x1080/{name}.png"
                                    for name in script_images("WINDOW_IMAGES"))
    for image in linked:
        path = REPO / "docs" / image
        assert path.is_file(), f"run: python scripts/make_user_guide.py ({image} missing)"
        assert path.stat().st_size < 120_000, f"{image}: keep the guide's images small"
