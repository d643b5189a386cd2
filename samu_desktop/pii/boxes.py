"""The detector's answer: the one ``Box`` of the application, with its kind.

Detection, the redaction and the editor share ``samu_desktop.redaction.Box`` (a
frozen dataclass, free of pydantic: importing pydantic is 0.15 s of CPU, a sixth
of a whole one-image ``samu-desktop pii-scan`` run). Detection's boxes are in
whole pixels; :func:`box_json` gives the CLI's JSON form, a corner and a size.
"""

from __future__ import annotations

from typing import Any

from samu_desktop.redaction.geometry import Box

__all__ = ["Box", "box_json"]


def box_json(box: Box) -> dict[str, Any]:
    """``{"x", "y", "width", "height", "kind"}`` in whole pixels, the kind as its value."""
    return {"x": round(box.x), "y": round(box.y), "width": round(box.width),
            "height": round(box.height),
            "kind": None if box.kind is None else str(box.kind)}
