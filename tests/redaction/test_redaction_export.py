"""Export: burnt pixels exactly, no metadata chunk, verified after writing."""

from __future__ import annotations

import io
import os
import struct
import zlib
from pathlib import Path

import pytest
from PIL import Image, PngImagePlugin

from samu_desktop.errors import StorageError
from samu_desktop.redaction import (
    Box,
    ExportError,
    RedactionJob,
    export_png,
    redact,
    verify_png,
    write_png,
)

CRITICAL = {b"IHDR", b"PLTE", b"IDAT", b"IEND"}


def parse_chunks(data: bytes) -> list[tuple[bytes, bytes]]:
    """The test's own PNG reader (independent of the code under test)."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    chunks, pos = [], 8
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos : pos + 4])
        kind = data[pos + 4 : pos + 8]
        payload = data[pos + 8 : pos + 8 + length]
        (crc,) = struct.unpack(">I", data[pos + 8 + length : pos + 12 + length])
        assert zlib.crc32(kind + payload) == crc
        chunks.append((kind, payload))
        pos += 12 + length
    return chunks


def screenish(width: int = 320, height: int = 200) -> Image.Image:
    """Random bytes: every pixel is distinctive, and none is pure black."""
    raw = bytearray(os.urandom(width * height * 3))
    for i in range(0, len(raw), 3):
        raw[i] |= 1
    return Image.frombytes("RGB", (width, height), bytes(raw))


def with_metadata(image: Image.Image) -> Image.Image:
    """The same pixels, carrying text, EXIF, an ICC profile and a DPI, as a PNG would."""
    info = PngImagePlugin.PngInfo()
    info.add_text("Comment", "Patient DUPONT Jean")
    info.add_itxt("Description", "né le 01/02/1960", zip=True)
    exif = Image.Exif()
    exif[0x010E] = "capture du poste 12"
    buffer = io.BytesIO()
    image.save(buffer, "PNG", pnginfo=info, exif=exif.tobytes(), dpi=(144, 144),
               icc_profile=b"fake-icc-profile-with-a-name")
    loaded = Image.open(io.BytesIO(buffer.getvalue()))
    loaded.load()
    assert "Comment" in loaded.info and "icc_profile" in loaded.info
    return loaded


BOXES = [
    Box(left=10, top=10, right=60, bottom=30),
    Box(left=40.5, top=25.25, right=100.75, bottom=80.5, kind="phone"),  # overlaps, fractional
    Box(left=300, top=150, right=400, bottom=260),  # runs off the image
    Box(left=-20, top=-20, right=5, bottom=5),
]


def decode(data: bytes) -> Image.Image:
    with Image.open(io.BytesIO(data)) as image:
        image.load()
        return image.convert("RGB")


def test_every_pixel_inside_a_box_is_the_fill_and_every_other_is_unchanged() -> None:
    image = screenish()
    for fill in ((0, 0, 0), (255, 255, 255), (64, 64, 64)):
        out = decode(export_png(image, BOXES, fill=fill))
        rects = [b.pixel_rect(*image.size) for b in BOXES]
        for y in range(image.height):
            for x in range(image.width):
                inside = any(r and r[0] <= x < r[2] and r[1] <= y < r[3] for r in rects)
                expected = fill if inside else image.getpixel((x, y))
                assert out.getpixel((x, y)) == expected, (x, y, inside)


def test_exported_png_has_only_critical_chunks_even_from_an_image_with_metadata() -> None:
    source = with_metadata(screenish())
    data = export_png(source, BOXES)
    kinds = [kind for kind, _ in parse_chunks(data)]
    assert set(kinds) <= CRITICAL, kinds
    assert kinds[0] == b"IHDR" and kinds[-1] == b"IEND" and b"IDAT" in kinds
    for needle in (b"DUPONT", b"Comment", b"Exif", b"fake-icc", b"capture du poste"):
        assert needle not in data
    assert decode(data).info == {}


def test_crop_keeps_the_chosen_part_after_burning() -> None:
    image = screenish()
    crop = Box(left=50, top=20, right=250, bottom=120)
    out = decode(export_png(image, BOXES, crop=crop))
    assert out.size == (200, 100)
    expected = redact(image, BOXES).crop((50, 20, 250, 120))
    assert out.tobytes() == expected.tobytes()
    # The overlapping box straddles the crop's top-left corner: still hidden.
    assert out.getpixel((0, 10)) == (0, 0, 0)


def test_job_snapshot_exports_the_same_bytes() -> None:
    image = screenish()
    job = RedactionJob(image=image, boxes=tuple(BOXES))
    assert job.export() == export_png(image, BOXES)


def test_verification_rejects_altered_pixels_and_foreign_chunks() -> None:
    image = redact(screenish(), BOXES)
    data = export_png(image, [])
    verify_png(data, image)
    changed = image.copy()
    changed.putpixel((0, 0), (1, 2, 3))
    with pytest.raises(ExportError) as info:
        verify_png(data, changed)
    assert "réessayez" in info.value.user_message
    # A tEXt chunk slipped in before IEND.
    payload = b"Comment\x00x"
    chunk = struct.pack(">I", len(payload)) + b"tEXt" + payload
    chunk += struct.pack(">I", zlib.crc32(b"tEXt" + payload))
    tampered = data[:-12] + chunk + data[-12:]
    with pytest.raises(ExportError):
        verify_png(tampered, image)
    with pytest.raises(ExportError):
        verify_png(data[:-20], image)


def test_write_png_reads_the_file_back(tmp_path: Path) -> None:
    image = redact(screenish(), BOXES)
    data = export_png(image, [])
    target = tmp_path / "out" / "capture-1.png"
    write_png(target, data, expected=image)
    assert target.read_bytes() == data
    assert [p.name for p in target.parent.iterdir()] == ["capture-1.png"]


def test_write_png_into_a_read_only_folder_gives_a_french_message(tmp_path: Path) -> None:
    if os.geteuid() == 0:
        # root ignores permissions: a path under a regular file cannot be created either.
        blocker = tmp_path / "file"
        blocker.write_bytes(b"")
        target = blocker / "capture.png"
    else:
        folder = tmp_path / "ro"
        folder.mkdir()
        folder.chmod(0o500)
        target = folder / "capture.png"
    with pytest.raises(StorageError) as info:
        write_png(target, export_png(screenish(20, 20), []))
    assert "Impossible d'enregistrer" in info.value.user_message
