"""Offline OCR of a screenshot with Tesseract 5 and its French data, as words with boxes.

Why Tesseract: on busy Full HD screens it is about three times faster than
RapidOCR on a 2-core CPU (PLATFORM-NOTES), and its French model is 1 MB.
Two ways to run it, chosen by :func:`samu_desktop.pii.engines.default_engine`:
- in-process through the ``tesserocr`` wheel (Linux and Windows wheels carry
  Tesseract itself; see :mod:`samu_desktop.pii.ocr_tesserocr`): the default;
- the ``tesseract`` program (:class:`TesseractEngine`), when the wheel is
  missing. It is found through the ``SAMU_TESSERACT`` environment variable, a
  ``tesseract/`` folder next to the frozen executable, ``PATH``, or the
  default Windows install folder.
Either way the French model ``fra.traineddata`` ships with the application
(Debian's ``tesseract-ocr-fra``; the Windows build copies that file). Nothing
is ever downloaded.

Speed: the image is cut into horizontal bands that overlap by more than a
text line, one single-threaded Tesseract per core (``OMP_THREAD_LIMIT=1``:
Tesseract's own threads make it slower on two cores). Every band is first
turned into black text on white (:func:`normalise_background`), whatever the
theme.
"""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, ThreadPoolExecutor, wait
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol, cast

from PIL import Image, ImageChops, ImageFilter

from samu_desktop.errors import UserFacingError
from samu_desktop.i18n import translate


class OcrUnavailableError(UserFacingError):
    """Tesseract or its French data is missing, or it failed on this image."""


class OcrCancelledError(Exception):
    """The caller set the cancel event: the result is no longer wanted."""


@dataclass(frozen=True, slots=True)
class OcrWord:
    """One recognised word, in pixels of the original image."""

    text: str
    left: int
    top: int
    width: int
    height: int
    conf: float

    @property
    def right(self) -> int:
        return self.left + self.width

    @property
    def bottom(self) -> int:
        return self.top + self.height


def find_tesseract() -> tuple[Path, Path | None]:
    """The Tesseract program and, for a bundled copy, its tessdata folder."""
    env = os.environ.get("SAMU_TESSERACT")
    candidates: list[Path] = [Path(env)] if env else []
    exe_name = "tesseract.exe" if os.name == "nt" else "tesseract"
    if getattr(sys, "frozen", False):
        base = Path(getattr(sys, "_MEIPASS", Path(sys.executable).parent))
        candidates.append(base / "tesseract" / exe_name)
    on_path = shutil.which("tesseract")
    if on_path:
        candidates.append(Path(on_path))
    if os.name == "nt":
        candidates.append(Path(os.environ.get("PROGRAMFILES", r"C:\Program Files"))
                          / "Tesseract-OCR" / exe_name)
    for exe in candidates:
        if exe.is_file():
            tessdata = exe.parent / "tessdata"
            return exe, tessdata if (tessdata / "fra.traineddata").is_file() else None
    raise OcrUnavailableError(
        translate(
            "pii",
            "La détection automatique des données patient n'est pas disponible (Tesseract "
            "est absent) : masquez les données à la main ou demandez à votre service "
            "informatique d'installer Tesseract avec le français.",
        ),
        details="tesseract not found",
    )


def _is_dark(v: int) -> int:
    return 255 if v < 128 else 0


def _ink(v: int) -> int:
    return max(0, 255 - 2 * v)


def normalise_background(gray: Image.Image) -> Image.Image:
    """Black text on a white background, whatever the theme and the panel colours.

    Each pixel becomes its distance to the local background grey (doubled,
    inverted): dark themes, coloured header rows and grey panels all turn
    white, text black. Inverting dark regions alone is not enough: their
    background becomes a mid grey that Tesseract's global threshold turns
    black, taking the text with it.

    The background is the most frequent grey of the neighbourhood (its mode):
    screen backgrounds are flat colours while anti-aliased text spreads over
    many greys, so the mode is the background even under bold white text.
    Two estimates are combined:
    - inside regions, the mode over about 21×21 pixels (a third of the
      resolution): robust, but fuzzy by a few pixels along region edges;
    - along the edges between dark and light regions, the mode over 7 cells of
      8 pixels of one pixel row, 7 rows high: exact to three pixels
      vertically, so that no sliver of the wrong background is left next to
      the text of a table's header row.
    """
    if min(gray.size) < 64:
        return gray
    nearest = Image.Resampling.NEAREST
    square = _modes(gray.reduce(3))
    background = square.resize(gray.size, nearest)
    # Edges between regions: dark against light, and also two dark colours
    # (a blue bubble on a dark page), where the square estimate is fuzzy too.
    edges = ImageChops.subtract(
        spread(square, 5, ImageChops.lighter), spread(square, 5, ImageChops.darker)
    ).point(_is_border)
    if edges.getbbox() is not None:
        narrow = gray.reduce((3, 1))
        rows = _modes(narrow, edges.resize(narrow.size, nearest))
        background = Image.composite(
            rows.resize(gray.size, nearest), background, edges.resize(gray.size, nearest)
        )
    ink = ImageChops.difference(gray, background).point(_ink)
    # Where the background itself changes (the rounded end of a chat bubble, a
    # selected row's edge) the difference is a thin arc that Tesseract glues to
    # the nearest word ("48 61" read "48 s1)"): erase it.
    # Measured on the square estimate: stable inside dense text, where the
    # row estimate may take a letter's grey for the background.
    border = ImageChops.subtract(
        spread(square, 3, ImageChops.lighter), spread(square, 3, ImageChops.darker)
    ).point(_is_border)
    return ImageChops.lighter(ink, border.resize(gray.size, nearest))


def spread(image: Image.Image, size: int,
           pick: Callable[[Image.Image, Image.Image], Image.Image]) -> Image.Image:
    """``MaxFilter(size)`` with ``pick=ImageChops.lighter``, ``MinFilter(size)`` with
    ``ImageChops.darker``: the same pixels, ten times faster.

    Pillow's rank filters sort every neighbourhood; a maximum over a square is a
    maximum over a row then a column, each the lightest of a few shifted copies.
    Where a copy is shifted off the image, the image's own pixel stands in
    (the rank filters clip their window at the borders: the same answer).
    """
    reach = size // 2
    out = image
    for axis in (0, 1):
        row = out
        for step in range(1, min(reach, (row.width, row.height)[axis] - 1) + 1):
            for sign in (1, -1):
                shifted = row.copy()
                dx, dy = (sign * step, 0) if axis == 0 else (0, sign * step)
                shifted.paste(row.crop((max(0, dx), max(0, dy),
                                        row.width + min(0, dx), row.height + min(0, dy))),
                              (max(0, -dx), max(0, -dy)))
                out = pick(out, shifted)
    return out


# Tiles of the mode filters, in pixels of the reduced image they run on; the
# margin is the filter's reach (7 // 2) plus one.
_TILE = 48
_TILE_MARGIN = 4


def _modes(small: Image.Image, where: Image.Image | None = None) -> Image.Image:
    """``small.filter(ModeFilter(7))``, tile by tile, skipping the work it can.

    The mode filters are the dearest step of :func:`normalise_background`
    (0.5 s of 0.7 on a 4K screen read at two thirds), and a screen is mostly
    flat panels: a tile whose neighbourhood is one grey is that grey, with no
    filtering. With ``where`` (a mask of the same size), tiles where the mask
    is empty are left black: the caller never reads them. Each tile is
    filtered with a margin wider than the filter's reach, so every pixel is
    exactly the whole image's filter (tests/pii/test_pii_ocr_cli.py checks it).
    """
    out = Image.new("L", small.size, 0)
    for top in range(0, small.height, _TILE):
        for left in range(0, small.width, _TILE):
            tile = (left, top, min(left + _TILE, small.width), min(top + _TILE, small.height))
            if where is not None and where.crop(tile).getbbox() is None:
                continue
            x0, y0 = max(0, tile[0] - _TILE_MARGIN), max(0, tile[1] - _TILE_MARGIN)
            x1 = min(small.width, tile[2] + _TILE_MARGIN)
            y1 = min(small.height, tile[3] + _TILE_MARGIN)
            around = small.crop((x0, y0, x1, y1))
            low, high = cast(tuple[int, int], around.getextrema())  # mode L: one pair
            if low == high:
                out.paste(low, tile)
                continue
            filtered = around.filter(ImageFilter.ModeFilter(7))
            out.paste(filtered.crop((tile[0] - x0, tile[1] - y0, tile[2] - x0, tile[3] - y0)),
                      tile[:2])
    return out


def _is_border(v: int) -> int:
    return 255 if v > 40 else 0


def prepare(image: Image.Image) -> Image.Image:
    """Grayscale, text dark on light. The one place that decides what Tesseract sees."""
    gray = image.convert("L")
    return normalise_background(gray)


def bands(height: int, count: int, overlap: int) -> list[tuple[int, int, int, int]]:
    """Horizontal bands (top, bottom, own_top, own_bottom): each word belongs to one band."""
    count = max(1, min(count, height // max(overlap * 3, 1) or 1))
    step = height / count
    out: list[tuple[int, int, int, int]] = []
    for i in range(count):
        own_top, own_bottom = round(i * step), round((i + 1) * step)
        out.append((max(0, own_top - overlap), min(height, own_bottom + overlap), own_top,
                    own_bottom))
    return out


@dataclass
class TesseractEngine:
    """Runs Tesseract on bands of the image in parallel. Thread-safe; no state kept."""

    lang: str = "fra"
    psm: int = 11
    jobs: int = 0  # 0: one per CPU, at most 4
    timeout_s: float = 30.0

    def words(
        self, image: Image.Image, cancel: threading.Event | None = None
    ) -> list[OcrWord]:
        exe, tessdata = find_tesseract()
        jobs = self.jobs or min(4, os.cpu_count() or 1)
        overlap = max(48, image.height // 40)
        parts = bands(image.height, jobs, overlap)
        cmd = [str(exe), "stdin", "stdout", "-l", self.lang, "--oem", "1", "--psm",
               str(self.psm), "--dpi", "96", "-c", "tessedit_create_tsv=1",
               "-c", "tessedit_create_txt=0"]
        if tessdata is not None:
            cmd[3:3] = ["--tessdata-dir", str(tessdata)]
        env = dict(os.environ, OMP_THREAD_LIMIT="1")

        def inputs() -> Iterator[bytes]:
            # Lazily: the first band is already being read while the next is prepared.
            for top, bottom, _, _ in parts:
                buf = io.BytesIO()
                prepare(image.crop((0, top, image.width, bottom))).save(buf, "PPM")
                yield buf.getvalue()

        outputs = _run_all(cmd, env, inputs(), len(parts), self.timeout_s, cancel)
        return own_words(parts, outputs)


def own_words(parts: list[tuple[int, int, int, int]], outputs: list[str]) -> list[OcrWord]:
    """Words of every band's TSV, each kept by the one band that owns its centre."""
    result: list[OcrWord] = []
    for (top, _, own_top, own_bottom), out in zip(parts, outputs, strict=True):
        for word in parse_tsv(out, dy=top):
            centre = word.top + word.height / 2
            if own_top <= centre < own_bottom:
                result.append(word)
    return result


def _run_all(cmd: list[str], env: dict[str, str], inputs: Iterable[bytes], count: int,
             timeout_s: float, cancel: threading.Event | None) -> list[str]:
    """One process per input, in parallel; killed on cancel, timeout or error."""
    procs: list[subprocess.Popen[bytes]] = []
    try:
        with ThreadPoolExecutor(max_workers=count) as pool:
            futures = []
            for data in inputs:
                proc = subprocess.Popen(
                    cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                    stderr=subprocess.PIPE, env=env,
                    creationflags=getattr(subprocess, "CREATE_NO_WINDOW", 0),
                )
                procs.append(proc)
                futures.append(pool.submit(proc.communicate, data))
            deadline = time.monotonic() + timeout_s
            pending = set(futures)
            while pending:
                if cancel is not None and cancel.is_set():
                    _kill(procs)
                    raise OcrCancelledError
                if time.monotonic() > deadline:
                    _kill(procs)
                    raise failure("timeout")
                _, pending = wait(pending, timeout=0.05, return_when=FIRST_COMPLETED)
            outputs: list[str] = []
            for proc, future in zip(procs, futures, strict=True):
                out, err = future.result()
                if proc.returncode != 0:
                    raise failure(err.decode("utf-8", "replace")[-300:])
                outputs.append(out.decode("utf-8", "replace"))
            return outputs
    except OSError as exc:
        raise failure(f"{type(exc).__name__}: {exc}") from exc
    finally:
        _kill(procs)


def _kill(procs: list[subprocess.Popen[bytes]]) -> None:
    for proc in procs:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


def failure(details: str) -> OcrUnavailableError:
    """The French error for an OCR run that failed; ``details`` for the log."""
    return OcrUnavailableError(
        translate(
            "pii",
            "La détection automatique des données patient a échoué sur cette capture : "
            "masquez les données à la main avant l'envoi.",
        ),
        details=f"tesseract: {details}",
    )


def parse_tsv(tsv: str, dy: int = 0) -> list[OcrWord]:
    """Words of Tesseract's TSV output (level 5 rows with text), shifted down by ``dy``."""
    words: list[OcrWord] = []
    for line in tsv.splitlines():
        cols = line.split("\t")
        if len(cols) < 12 or cols[0] != "5" or not cols[11].strip():
            continue
        left, top, width, height = (int(v) for v in cols[6:10])
        words.append(OcrWord(cols[11].strip(), left, top + dy, width, height, float(cols[10])))
    return words


class OcrEngine(Protocol):
    """Anything that turns an image into words with boxes (tests inject their own)."""

    def words(
        self, image: Image.Image, cancel: threading.Event | None = None
    ) -> list[OcrWord]: ...
