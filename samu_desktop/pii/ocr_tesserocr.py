"""The same Tesseract, in-process through the ``tesserocr`` wheels: the Windows build's engine.

``pip install tesserocr`` brings Tesseract 5.5 and its libraries (DLLs inside
the Windows wheel, shared objects inside the manylinux one): nothing to
install by hand. The French model is not in the wheel: the build copies
``fra.traineddata`` (from Debian's ``tesseract-ocr-fra``, the same file on every
system) into a ``tessdata/`` folder next to the executable. Nothing is
downloaded at run time.

This is the default engine (see :func:`samu_desktop.pii.engines.default_engine`):
measured here it is about twice as fast as running the program, and it is the
same code on Linux and Windows. The price: it runs inside the application's
process (the crash handler records a crash of Tesseract like any other).

Cancel is checked between bands only: Tesseract cannot be interrupted in the
middle of a band from Python, but a band takes well under a second.
"""

from __future__ import annotations

import contextlib
import os
import queue
import sys
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from PIL import Image

from samu_desktop.pii.ocr import (
    OcrCancelledError,
    OcrUnavailableError,
    OcrWord,
    bands,
    failure,
    own_words,
    prepare,
)
from samu_desktop.resources import resources_dir

_DATA_DIRS = (
    "/usr/share/tesseract-ocr/5/tessdata",
    "/usr/share/tesseract-ocr/4.00/tessdata",
    "/usr/share/tessdata",
)


def find_tessdata(lang: str = "fra") -> Path | None:
    """A folder holding ``<lang>.traineddata``: the bundled one first."""
    candidates: list[Path] = []
    for var in ("SAMU_TESSDATA", "TESSDATA_PREFIX"):
        if os.environ.get(var):
            candidates.append(Path(os.environ[var]))
    if getattr(sys, "frozen", False):
        base = Path(getattr(sys, "_MEIPASS", Path(sys.executable).parent))
        candidates += [base / "tessdata", base / "tesseract" / "tessdata"]
    with contextlib.suppress(FileNotFoundError):  # when a build vendors the model there
        candidates.append(resources_dir() / "tessdata")
    candidates += [Path(d) for d in _DATA_DIRS]
    return next((d for d in candidates if (d / f"{lang}.traineddata").is_file()), None)


def _module() -> Any:
    # Tesseract's OpenMP threads slow it down on two cores (measured with the
    # program): one thread per band, as for the program.
    os.environ.setdefault("OMP_THREAD_LIMIT", "1")
    import tesserocr  # type: ignore[import-untyped,import-not-found,unused-ignore]

    return tesserocr


def tesserocr_available(lang: str = "fra") -> bool:
    try:
        _module()
    except ImportError:
        return False
    return find_tessdata(lang) is not None


class TesserocrEngine:
    """Tesseract in-process, one API object per band and thread, kept between calls."""

    def __init__(self, lang: str = "fra", psm: int = 11, jobs: int = 0) -> None:
        self.lang = lang
        self.psm = psm
        self.jobs = jobs or min(4, os.cpu_count() or 1)
        self._apis: queue.SimpleQueue[Any] = queue.SimpleQueue()
        self._lock = threading.Lock()
        self._loading = threading.Lock()
        self._pending = 0  # models the warm-up has still to put in the queue
        self._warmed = False

    def warm_up(self) -> None:
        """Load the models in the background, one per band, before the first image.

        Loading is about 0.13 s of CPU per model and Tesseract holds no Python
        lock meanwhile: started first thing, it runs on the other core while
        Python imports the detector and decodes the image (``pii-scan``). Each
        band takes the first model ready. A failure is left for :meth:`words`
        to raise, in French, as before.
        """
        with self._lock:
            if self._warmed:
                return  # once: the models stay loaded between calls
            self._warmed = True
            self._pending = self.jobs

        def load() -> None:
            for _ in range(self.jobs):
                try:
                    api = self._new_api()
                except Exception:  # words() loads again and reports it, in French
                    api = None
                self._apis.put(api)
                with self._lock:  # after the put: a band that saw it coming waits for it
                    self._pending -= 1

        # Not a daemon: a process that ends early (an unreadable image) waits for
        # the load instead of tearing Tesseract down in the middle of it.
        threading.Thread(target=load, name="ocr-warm-up").start()

    def _api(self) -> Any:
        try:
            api = self._apis.get_nowait()
        except queue.Empty:
            with self._lock:
                coming = self._pending > 0
            # A model on its way, or one another band will give back: never a
            # third model while the warm-up's are loading.
            api = self._apis.get() if coming else None
        return api if api is not None else self._new_api()

    def _new_api(self) -> Any:
        tessdata = find_tessdata(self.lang)
        if tessdata is None:
            raise OcrUnavailableError(
                failure("tessdata").user_message, details=f"{self.lang}.traineddata not found"
            )
        tesserocr = _module()
        with self._loading:  # model loading is not documented as thread-safe
            return tesserocr.PyTessBaseAPI(
                path=str(tessdata) + os.sep, lang=self.lang, psm=self.psm,
                oem=tesserocr.OEM.LSTM_ONLY,
            )

    def words(
        self, image: Image.Image, cancel: threading.Event | None = None
    ) -> list[OcrWord]:
        image.load()  # before the threads crop it: lazy loading is not thread-safe
        overlap = max(48, image.height // 40)
        parts = bands(image.height, self.jobs, overlap)

        def run(part: tuple[int, int, int, int]) -> str:
            if cancel is not None and cancel.is_set():
                raise OcrCancelledError
            top, bottom, _, _ = part
            api = self._api()
            try:
                api.SetImage(prepare(image.crop((0, top, image.width, bottom))))
                return str(api.GetTSVText(0))
            except RuntimeError as exc:
                raise failure(f"tesserocr: {exc}") from exc
            finally:
                api.Clear()
                self._apis.put(api)

        with ThreadPoolExecutor(max_workers=len(parts)) as pool:
            outputs = list(pool.map(run, parts))
        if cancel is not None and cancel.is_set():
            raise OcrCancelledError
        return own_words(parts, outputs)
