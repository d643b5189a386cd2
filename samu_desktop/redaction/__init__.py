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

from __future__ import annotations

from typing import TYPE_CHECKING

from samu_desktop.lazy import lazy_attributes

if TYPE_CHECKING:
    from samu_desktop.redaction.budget import BudgetError, FitResult, fit_to_budget
    from samu_desktop.redaction.burn import BLACK, Fill, redact
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

# Each name loads its module on first use: importing the package stays cheap,
# which keeps the application's start quick.
_SOURCES: dict[str, str] = {
    "BudgetError": "samu_desktop.redaction.budget",
    "FitResult": "samu_desktop.redaction.budget",
    "fit_to_budget": "samu_desktop.redaction.budget",
    "BLACK": "samu_desktop.redaction.burn",
    "Fill": "samu_desktop.redaction.burn",
    "redact": "samu_desktop.redaction.burn",
    "Box": "samu_desktop.redaction.geometry",
    "PixelRect": "samu_desktop.redaction.geometry",
    "ExportError": "samu_desktop.redaction.png",
    "encode_png": "samu_desktop.redaction.png",
    "encode_verified": "samu_desktop.redaction.png",
    "export_png": "samu_desktop.redaction.png",
    "foreign_chunks": "samu_desktop.redaction.png",
    "png_chunks": "samu_desktop.redaction.png",
    "verify_png": "samu_desktop.redaction.png",
    "write_png": "samu_desktop.redaction.png",
    "RedactionJob": "samu_desktop.redaction.state",
    "RedactionState": "samu_desktop.redaction.state",
    "Vault": "samu_desktop.redaction.vault",
    "VaultError": "samu_desktop.redaction.vault",
    "VaultUnavailable": "samu_desktop.redaction.vault",
}

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


# ``burn`` is also the name of its module: bind the function now, or the
# submodule would shadow it once imported.
from samu_desktop.redaction.burn import burn  # noqa: E402

__getattr__ = lazy_attributes(__name__, _SOURCES)
