"""Patient-data detection, offline and in French: over typed text and over screenshots.

- :func:`find_patient_data` (``samu_desktop.pii.text``) for text: pure, under a
  millisecond for a typical field, safe on the GUI thread;
- :func:`samu_desktop.pii.detect.detect` for a ``PIL.Image.Image``: OCR
  then the same rules, about a second for a Full HD screen: run it off the GUI
  thread. Returns :class:`Box` objects in pixels of that image.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from samu_desktop.lazy import lazy_attributes

if TYPE_CHECKING:
    from samu_desktop.pii.boxes import Box
    from samu_desktop.pii.kinds import PatientDataKind, kind_label
    from samu_desktop.pii.ocr import OcrCancelledError, OcrUnavailableError
    from samu_desktop.pii.text import TextFinding, find_patient_data, has_patient_data

# Each name loads its module on first use: importing the package stays cheap,
# which keeps the application's start quick.
_SOURCES: dict[str, str] = {
    "Box": "samu_desktop.pii.boxes",
    "PatientDataKind": "samu_desktop.pii.kinds",
    "kind_label": "samu_desktop.pii.kinds",
    "OcrCancelledError": "samu_desktop.pii.ocr",
    "OcrUnavailableError": "samu_desktop.pii.ocr",
    "TextFinding": "samu_desktop.pii.text",
    "find_patient_data": "samu_desktop.pii.text",
    "has_patient_data": "samu_desktop.pii.text",
}

__all__ = [
    "Box",
    "OcrCancelledError",
    "OcrUnavailableError",
    "PatientDataKind",
    "TextFinding",
    "find_patient_data",
    "has_patient_data",
    "kind_label",
]


__getattr__ = lazy_attributes(__name__, _SOURCES)
