"""PNG export with no metadata, checked by reading the result back.

Only the critical chunks are allowed out: IHDR, PLTE, IDAT, IEND. Text, time,
EXIF, physical size, colour profiles and anything else that could carry data
about the machine or the capture is refused, and every exported file is
decoded again and compared pixel for pixel with what was meant to be written.
"""

from __future__ import annotations

import io
import struct
import zlib
from collections.abc import Iterable
from pathlib import Path

from PIL import Image

from samu_desktop.errors import UserFacingError
from samu_desktop.fsutil import atomic_write_bytes, read_limited
from samu_desktop.i18n import translate
from samu_desktop.redaction.burn import BLACK, Fill, redact
from samu_desktop.redaction.geometry import Box

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
ALLOWED_CHUNKS = frozenset({b"IHDR", b"PLTE", b"IDAT", b"IEND"})
DEFAULT_COMPRESS_LEVEL = 6


class ExportError(UserFacingError):
    """A redacted image could not be produced or failed its verification."""


def _export_failed(details: str) -> ExportError:
    return ExportError(
        translate(
            "redaction",
            "L'image masquée n'a pas pu être vérifiée après son enregistrement : réessayez "
            "l'export ; si le problème continue, retirez cette capture du signalement.",
        ),
        details=details,
    )


def png_chunks(data: bytes) -> list[tuple[bytes, bytes]]:
    """The ``(type, payload)`` chunks of a PNG, with every CRC checked.

    Raises ValueError on anything that is not a well-formed PNG.
    """
    if not data.startswith(PNG_SIGNATURE):
        raise ValueError("not a PNG signature")
    chunks: list[tuple[bytes, bytes]] = []
    pos = len(PNG_SIGNATURE)
    while pos < len(data):
        if pos + 8 > len(data):
            raise ValueError("truncated chunk header")
        length, kind = struct.unpack(">I4s", data[pos : pos + 8])
        end = pos + 8 + length
        if end + 4 > len(data):
            raise ValueError("truncated chunk")
        payload = data[pos + 8 : end]
        (crc,) = struct.unpack(">I", data[end : end + 4])
        if zlib.crc32(kind + payload) != crc:
            raise ValueError(f"bad CRC in {kind!r}")
        chunks.append((kind, payload))
        pos = end + 4
        if kind == b"IEND":
            break
    if pos != len(data):
        raise ValueError("data after IEND")
    if not chunks or chunks[0][0] != b"IHDR" or chunks[-1][0] != b"IEND":
        raise ValueError("IHDR must come first and IEND last")
    return chunks


def foreign_chunks(data: bytes) -> list[bytes]:
    """Chunk types other than IHDR, PLTE, IDAT, IEND (empty for a clean PNG)."""
    return [kind for kind, _ in png_chunks(data) if kind not in ALLOWED_CHUNKS]


def encode_png(image: Image.Image, compress_level: int = DEFAULT_COMPRESS_LEVEL) -> bytes:
    """Encode an RGB or palette image as a PNG with critical chunks only."""
    if image.mode not in ("RGB", "P"):
        raise ValueError(f"encode_png takes RGB or P images, not {image.mode}")
    clean = image.copy()
    # Pillow copies ICC profiles and transparency from ``info`` into the file.
    clean.info.clear()
    buffer = io.BytesIO()
    clean.save(buffer, format="PNG", compress_level=compress_level, icc_profile=None)
    return buffer.getvalue()


def verify_png(data: bytes, expected: Image.Image) -> None:
    """Raise ExportError unless ``data`` is a clean PNG showing exactly ``expected``."""
    try:
        foreign = foreign_chunks(data)
    except ValueError as exc:
        raise _export_failed(f"malformed PNG: {exc}") from exc
    if foreign:
        raise _export_failed(f"unexpected chunks {sorted(set(foreign))!r}")
    try:
        with Image.open(io.BytesIO(data)) as decoded:
            decoded.load()
            same = (
                decoded.size == expected.size
                and decoded.mode == expected.mode
                and decoded.tobytes() == expected.tobytes()
                and (expected.mode != "P" or decoded.getpalette() == expected.getpalette())
            )
    except (OSError, ValueError) as exc:
        raise _export_failed(f"re-read failed: {type(exc).__name__}") from exc
    if not same:
        raise _export_failed("decoded pixels differ from the redacted image")


def encode_verified(image: Image.Image, compress_level: int = DEFAULT_COMPRESS_LEVEL) -> bytes:
    data = encode_png(image, compress_level)
    verify_png(data, image)
    return data


def export_png(
    image: Image.Image,
    boxes: Iterable[Box],
    crop: Box | None = None,
    fill: Fill = BLACK,
    compress_level: int = DEFAULT_COMPRESS_LEVEL,
) -> bytes:
    """Burn the boxes, crop, encode without metadata, decode again and compare.

    Pure and thread-safe: call it off the GUI thread for large captures.
    """
    return encode_verified(redact(image, boxes, crop, fill), compress_level)


def write_png(path: Path, data: bytes, expected: Image.Image | None = None) -> None:
    """Write an exported PNG durably, then read the file back and check it.

    With ``expected`` the pixels are compared too; without, the chunks only.
    """
    atomic_write_bytes(path, data)
    try:
        # Never more than what was written (and never a FIFO put in its place).
        written = read_limited(path, len(data))
    except OSError as exc:
        raise _export_failed(f"re-read of the written file failed: {exc.strerror}") from exc
    if written != data:
        raise _export_failed("the written file differs from the exported bytes")
    if expected is not None:
        verify_png(written, expected)
    else:
        try:
            foreign = foreign_chunks(written)
        except ValueError as exc:
            raise _export_failed(f"malformed PNG: {exc}") from exc
        if foreign:
            raise _export_failed(f"unexpected chunks {sorted(set(foreign))!r}")
