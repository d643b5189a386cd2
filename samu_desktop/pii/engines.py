"""Which OCR engine reads the screens: above both engines, so neither imports the other.

``ocr`` holds the shared types and the Tesseract program; ``ocr_tesserocr`` the
in-process engine built on them. Choosing between the two belongs to neither.
"""

from __future__ import annotations

from samu_desktop.pii.ocr import OcrEngine, TesseractEngine, find_tesseract

_tesserocr_engine: OcrEngine | None = None


def default_engine() -> OcrEngine:
    """Tesseract in-process (tesserocr) when its wheel and the French data are there,
    else the Tesseract program.

    Measured on the evaluation set (2 cores shared with other work), the
    in-process engine takes 0.5 s per Full HD screen where the program takes
    1.2 s: no process start, no model loaded per call, and Tesseract 5.5.
    """
    from samu_desktop.pii.ocr_tesserocr import TesserocrEngine, tesserocr_available

    global _tesserocr_engine
    if tesserocr_available():
        if _tesserocr_engine is None:
            _tesserocr_engine = TesserocrEngine()  # keeps its loaded models between calls
        return _tesserocr_engine
    find_tesseract()  # raises the French error when neither is there
    return TesseractEngine()


def warm_up() -> None:
    """Start loading the OCR models in the background (the in-process engine only):
    for a one-shot caller such as ``pii-scan``, which will need them in a moment."""
    from samu_desktop.pii.ocr_tesserocr import TesserocrEngine

    engine = default_engine()
    if isinstance(engine, TesserocrEngine):
        engine.warm_up()
