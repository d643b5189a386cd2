"""The redaction of one capture as data: what a draft saves, what an export needs.

:class:`RedactionState` holds no pixels (boxes, crop and the "vérifiée"
mark are not patient data), so a draft can store it as JSON next to the
encrypted capture. :class:`RedactionJob` is a frozen snapshot with the image,
safe to hand to a worker thread while the user keeps editing.
"""

from __future__ import annotations

from PIL import Image
from pydantic import BaseModel, ConfigDict, Field

from samu_desktop.redaction.burn import BLACK, Fill, redact
from samu_desktop.redaction.geometry import Box
from samu_desktop.redaction.png import DEFAULT_COMPRESS_LEVEL, encode_verified


class RedactionState(BaseModel):
    """Boxes, crop and verification of one capture (no pixels)."""

    model_config = ConfigDict(frozen=True)

    boxes: tuple[Box, ...] = ()
    crop: Box | None = None
    verified: bool = False


class RedactionJob(BaseModel):
    """Everything needed to export one capture, frozen at the time it was taken."""

    model_config = ConfigDict(frozen=True, arbitrary_types_allowed=True)

    image: Image.Image
    boxes: tuple[Box, ...] = ()
    crop: Box | None = None
    fill: Fill = BLACK
    compress_level: int = Field(DEFAULT_COMPRESS_LEVEL, ge=0, le=9)

    def render(self) -> Image.Image:
        """The redacted image (boxes burnt, crop applied)."""
        return redact(self.image, self.boxes, self.crop, self.fill)

    def export(self) -> bytes:
        """Clean PNG bytes, verified pixel for pixel. Pure: runs on any thread."""
        return encode_verified(self.render(), self.compress_level)
