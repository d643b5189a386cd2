"""Patient-data detection, offline and in French: over typed text and over screenshots.

- :func:`find_patient_data` (``samu_desktop.pii.text``) for text: pure, under a
  millisecond for a typical field, safe on the GUI thread;
- :func:`detect` (``samu_desktop.pii.detect``) for a ``PIL.Image.Image``: OCR
  then the same rules, about a second for a Full HD screen: run it off the GUI
  thread. Returns :class:`Box` objects in pixels of that image.
"""

from samu_desktop.pii.detect import Box, detect
from samu_desktop.pii.kinds import PatientDataKind, kind_label
from samu_desktop.pii.ocr import OcrCancelledError, OcrUnavailableError
from samu_desktop.pii.text import TextFinding, find_patient_data, has_patient_data

__all__ = [
    "Box",
    "OcrCancelledError",
    "OcrUnavailableError",
    "PatientDataKind",
    "TextFinding",
    "detect",
    "find_patient_data",
    "has_patient_data",
    "kind_label",
]
