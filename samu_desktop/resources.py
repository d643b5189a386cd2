"""Where the packaged resources live (icons, translations, the catalogue)."""

from __future__ import annotations

import sys
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def resources_dir() -> Path:
    """The ``resources`` folder: in a frozen build, in the wheel, or in the repo."""
    frozen = getattr(sys, "_MEIPASS", None)
    candidates = [Path(frozen) / "samu_desktop" / "resources"] if frozen else []
    # A wheel carries a copy inside the package; a checkout (or an editable
    # install) reads the top-level folder directly.
    candidates += [_PACKAGE / "resources", _PACKAGE.parent / "resources"]
    for candidate in candidates:
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError("resources folder not found next to " + str(_PACKAGE))


def resource_path(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)
