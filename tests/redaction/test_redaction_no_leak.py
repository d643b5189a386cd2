"""The unredacted capture appears in no file the application wrote.

A capture of random pixels (so that any run of 16 of them is unique) goes
through the whole path: the vault, the editor (mouse, undo, verification),
the export, the outbox-like write and a save. Then every file under HOME, the
XDG folders, the temporary folder of the process, and any file written in
/tmp during the test is scanned for the capture's raw pixel runs (RGB, and
the 32-bit layouts Qt uses), for pieces of its PNG encodings, and, for every
PNG found, in its decoded pixels too.
"""

from __future__ import annotations

import io
import os
import tempfile
import time
from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtCore import QPointF, Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from samu_desktop.config.paths import AppPaths
from samu_desktop.gui.redaction import RedactionEditor
from samu_desktop.gui.tasks import TaskRunner
from samu_desktop.redaction import Box, Vault, write_png

RUN = 16  # pixels per needle
HIDDEN = (60, 40, 180, 120)  # the region the user hides: left, top, right, bottom


def distinctive(width: int = 240, height: int = 160) -> Image.Image:
    return Image.frombytes("RGB", (width, height), os.urandom(width * height * 3))


def needles(image: Image.Image, region: tuple[int, int, int, int]) -> list[bytes]:
    """Runs of RUN pixels of ``region`` as RGB, BGRA/BGRX and RGBA/RGBX bytes."""
    left, top, right, bottom = region
    found: list[bytes] = []
    for y in range(top, bottom):
        for x in range(left, right - RUN + 1, RUN):
            pixels = [image.getpixel((x + i, y)) for i in range(RUN)]
            found.append(b"".join(bytes(p) for p in pixels))
            found.append(b"".join(bytes((p[2], p[1], p[0], 0xFF)) for p in pixels))
            found.append(b"".join(bytes((p[0], p[1], p[2], 0xFF)) for p in pixels))
    return found


def png_pieces(image: Image.Image) -> list[bytes]:
    """64-byte windows of the image's PNG data at every compression level."""
    pieces = []
    for level in range(10):
        buffer = io.BytesIO()
        image.save(buffer, "PNG", compress_level=level)
        data = buffer.getvalue()
        start = data.index(b"IDAT") + 4
        middle = (start + len(data)) // 2
        pieces += [data[start : start + 64], data[middle : middle + 64]]
    return pieces


def decoded_pngs(blob: bytes) -> list[bytes]:
    """Pixels of every PNG stream inside ``blob`` (files, or PNGs embedded in files)."""
    out = []
    pos = blob.find(b"\x89PNG\r\n\x1a\n")
    while pos >= 0:
        try:
            with Image.open(io.BytesIO(blob[pos:])) as image:
                image.load()
                out.append(image.convert("RGB").tobytes())
        except (OSError, ValueError):
            pass
        pos = blob.find(b"\x89PNG\r\n\x1a\n", pos + 1)
    return out


def files_under(*roots: Path) -> set[Path]:
    return {p for root in roots if root.exists() for p in root.rglob("*") if p.is_file()}


def recent_tmp_files(since: float, skip: Path) -> set[Path]:
    found = set()
    for dirpath, _, names in os.walk("/tmp"):
        if Path(dirpath).is_relative_to(skip):
            continue
        for name in names:
            path = Path(dirpath, name)
            try:
                stat = path.stat()
            except OSError:
                continue
            if stat.st_mtime >= since and stat.st_size < 100_000_000 and path.is_file():
                found.add(path)
    return found


def scan(paths: set[Path], needles_: list[bytes]) -> list[str]:
    hits = []
    for path in sorted(paths):
        try:
            blob = path.read_bytes()
        except OSError:
            continue
        for haystack in [blob, *decoded_pngs(blob)]:
            if any(n in haystack for n in needles_):
                hits.append(str(path))
                break
    return hits


def test_the_original_pixels_are_in_no_file_written(
    secret_service: str, qtbot: QtBot, isolated_home: Path, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    private_tmp = tmp_path / "tmp"
    private_tmp.mkdir()
    monkeypatch.setenv("TMPDIR", str(private_tmp))
    monkeypatch.setattr(tempfile, "tempdir", None)
    assert tempfile.gettempdir() == str(private_tmp)
    started = time.time() - 1

    original = distinctive()
    vault = Vault.create()
    vault.store("capture-1", original)  # what a draft keeps across a crash

    editor = RedactionEditor(runner=TaskRunner(synchronous=True))
    qtbot.addWidget(editor)
    editor.resize(900, 650)
    editor.show()
    qtbot.waitExposed(editor)
    editor.add_capture(vault.load("capture-1"))
    view = editor.view
    left, top, right, bottom = HIDDEN
    viewport = view.viewport()
    a = view.mapFromScene(QPointF(left - 1, top - 1))
    b = view.mapFromScene(QPointF(right + 1, bottom + 1))
    QTest.mousePress(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, a)
    QTest.mouseMove(viewport, (a + b) / 2)
    QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, b)
    (box,) = editor.document(0).boxes.values()
    rect = box.pixel_rect(*original.size)
    assert rect is not None and rect[0] <= left and rect[1] <= top
    assert rect[2] >= right and rect[3] >= bottom
    editor.add_proposed_boxes(0, [Box.from_xywh(0, 0, 10, 10, kind="phone")])
    editor.set_verified(0, True)
    assert editor.all_verified()

    outbox = AppPaths.default().outbox_dir
    for index, data in enumerate(editor.export_pngs()):
        write_png(outbox / f"capture-{index + 1}.png", data)
    editor.save_current(AppPaths.default().data_dir / "saved.png")
    exports = {outbox / "capture-1.png", AppPaths.default().data_dir / "saved.png"}
    assert all(p.is_file() for p in exports)
    QTest.qWait(50)  # let Qt flush anything it would write

    hidden_needles = needles(original, HIDDEN)
    whole_needles = needles(original, (0, 0, original.width, original.height))
    whole_needles += png_pieces(original)

    written = files_under(isolated_home, private_tmp) | recent_tmp_files(started, tmp_path)
    written.discard(Path(__file__))
    vault_files = set(vault.directory.iterdir())
    assert exports <= written and len(vault_files) == 1 and vault_files <= written
    # The exports legitimately show what was not hidden; nothing else shows anything.
    assert scan(exports, hidden_needles) == []
    assert scan(written - exports, whole_needles) == []

    # The report closes: the vault goes, only the redacted exports remain.
    editor.clear()
    vault.wipe()
    assert not vault.directory.exists()
    remaining = files_under(isolated_home, private_tmp) - exports
    assert scan(remaining, whole_needles) == []


def test_the_scan_finds_a_capture_written_in_clear(tmp_path: Path) -> None:
    # The detector itself must work, or the test above proves nothing.
    original = distinctive()
    raw = tmp_path / "raw.bin"
    raw.write_bytes(b"header" + original.tobytes())
    png = tmp_path / "inside.dat"
    buffer = io.BytesIO()
    original.save(buffer, "PNG", compress_level=9)
    png.write_bytes(b"junk" + buffer.getvalue())
    qt_like = tmp_path / "bgrx.bin"
    qt_like.write_bytes(original.convert("RGBA").tobytes("raw", "BGRA"))
    clean = tmp_path / "clean.bin"
    clean.write_bytes(os.urandom(200_000))
    found = scan({raw, png, qt_like, clean}, needles(original, HIDDEN))
    assert found == sorted(str(p) for p in (raw, png, qt_like))
    assert scan({png, clean}, png_pieces(original)) == [str(png)]
