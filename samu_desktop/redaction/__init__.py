"""Hiding patient data for real: boxes burnt into pixels, clean PNG export,
the e-mail size budget, and the encrypted store of unredacted captures.

The public API, for the editor, the report and the mail code:

- :class:`Box` — a rectangle in pixels of the original capture (``kind`` set
  for a box proposed by detection);
- :func:`burn`, :func:`redact` — boxes (and an optional crop) into a new image;
- :func:`export_png` — redacted, metadata-free PNG bytes, verified pixel for pixel;
- :func:`fit_to_budget` — shrink PNGs to a byte budget, with a French message;
- :class:`Vault` — unredacted captures encrypted at rest, key in the OS keyring.
"""

from samu_desktop.redaction.budget import BudgetError, FitResult, fit_to_budget
from samu_desktop.redaction.burn import BLACK, Fill, burn, redact
from samu_desktop.redaction.geometry import Box, PixelRect
from samu_desktop.redaction.png import (
    ExportError,
    encode_png,
    encode_verified,
    export_png,
    foreign_chunks,
    png_chunks,
    verify_png,
    write_png,
)
from samu_desktop.redaction.state import RedactionJob, RedactionState
from samu_desktop.redaction.vault import Vault, VaultError, VaultUnavailable

__all__ = [
    "BLACK",
    "Box",
    "BudgetError",
    "ExportError",
    "Fill",
    "FitResult",
    "PixelRect",
    "RedactionJob",
    "RedactionState",
    "Vault",
    "VaultError",
    "VaultUnavailable",
    "burn",
    "encode_png",
    "encode_verified",
    "export_png",
    "fit_to_budget",
    "foreign_chunks",
    "png_chunks",
    "redact",
    "verify_png",
    "write_png",
]
