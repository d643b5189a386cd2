"""Making redacted screenshots fit the e-mail size budget, and saying how.

Steps, gentlest first, applied to every image of the report alike:
1. recompress without loss (zlib level 9);
2. reduce to 256 colours (screens have few colours; text stays sharp);
3. shrink to 75 %, 50 %, 35 %, then 25 % of the size, still in 256 colours.
The inputs are already redacted, so no step can reveal anything: covered
areas are one flat colour, and shrinking only blends their edges.
When even the last step is too big, a French message says what to do.
"""

from __future__ import annotations

import io
from collections.abc import Sequence

from PIL import Image
from pydantic import BaseModel, ConfigDict

from samu_desktop.errors import UserFacingError
from samu_desktop.i18n import translate
from samu_desktop.redaction.png import encode_verified, foreign_chunks

SCALES = (0.75, 0.5, 0.35, 0.25)
_MIN_SIDE = 16  # never shrink an image below this many pixels a side


class BudgetError(UserFacingError):
    """The screenshots cannot fit the size budget, even reduced."""


class FitResult(BaseModel):
    """What :func:`fit_to_budget` produced, and a French sentence saying what it did."""

    model_config = ConfigDict(frozen=True)

    images: list[bytes]
    total_bytes: int
    changed: bool = False
    colours_reduced: bool = False
    scale: float = 1.0
    message: str = ""


def fit_to_budget(png_images: Sequence[bytes], budget_bytes: int) -> FitResult:
    """Re-encode or shrink ``png_images`` (already redacted) until their sum fits.

    ``budget_bytes`` counts the PNG bytes themselves: a caller sending them
    base64-encoded passes its budget × 3/4 minus the rest of the message.
    Returns the images unchanged when they already fit. Raises BudgetError
    when even the smallest step does not fit, and ValueError for an input that
    is not a clean PNG (export them with :func:`export_png`).
    """
    if budget_bytes <= 0:
        raise ValueError("budget_bytes must be positive")
    for data in png_images:
        if foreign_chunks(data):
            raise ValueError("fit_to_budget takes PNGs made by export_png")
    originals = list(png_images)
    total = sum(map(len, originals))
    if total <= budget_bytes:
        return FitResult(images=originals, total_bytes=total)

    decoded = [_decode(data) for data in originals]

    lossless = [encode_verified(image, compress_level=9) for image in decoded]
    # A recompression that does not help keeps the original bytes.
    lossless = [min(a, b, key=len) for a, b in zip(lossless, originals, strict=True)]
    if sum(map(len, lossless)) <= budget_bytes:
        return _result(lossless, budget_bytes, colours=False, scale=1.0)

    palette = [encode_verified(_quantize(image), compress_level=9) for image in decoded]
    palette_total = sum(map(len, palette))
    if palette_total <= budget_bytes:
        return _result(palette, budget_bytes, colours=True, scale=1.0)

    # Size goes roughly with the area: start from the scale that should fit
    # rather than encoding every step (each costs a second on a 4K capture).
    needed = (budget_bytes / palette_total) ** 0.5
    candidates = [s for s in SCALES if s <= needed * 1.1] or [SCALES[-1]]
    start = SCALES.index(candidates[0])
    smallest = palette_total
    for scale in SCALES[start:]:
        shrunk = [
            encode_verified(_quantize(_shrink(image, scale)), compress_level=9)
            for image in decoded
        ]
        smallest = sum(map(len, shrunk))
        if smallest <= budget_bytes:
            return _result(shrunk, budget_bytes, colours=True, scale=scale)

    raise BudgetError(
        translate(
            "redaction",
            "Les captures dépassent la taille autorisée ({budget} Mo) même réduites au quart "
            "({size} Mo) : recadrez-les sur la partie utile ou retirez-en une, puis "
            "réessayez.",
        ).format(budget=_megabytes(budget_bytes), size=_megabytes(smallest)),
        details=f"budget={budget_bytes} smallest={smallest} images={len(originals)}",
    )


def _decode(data: bytes) -> Image.Image:
    with Image.open(io.BytesIO(data)) as image:
        image.load()
        rgb = image.convert("RGB")
    rgb.info.clear()
    return rgb


def _quantize(image: Image.Image) -> Image.Image:
    # No dithering: it sprinkles noise over text and makes the file bigger.
    return image.quantize(
        colors=256, method=Image.Quantize.FASTOCTREE, dither=Image.Dither.NONE
    )


def _shrink(image: Image.Image, scale: float) -> Image.Image:
    width = max(_MIN_SIDE, min(image.width, round(image.width * scale)))
    height = max(_MIN_SIDE, min(image.height, round(image.height * scale)))
    return image.resize((width, height), Image.Resampling.LANCZOS, reducing_gap=3.0)


def _result(images: list[bytes], budget: int, colours: bool, scale: float) -> FitResult:
    total = sum(map(len, images))
    values = {"budget": _megabytes(budget), "size": _megabytes(total)}
    if scale < 1.0:
        message = translate(
            "redaction",
            "Pour tenir dans la limite de {budget} Mo, les captures ont été réduites à 256 "
            "couleurs et à {percent} % de leur taille ({size} Mo au total).",
        ).format(percent=round(scale * 100), **values)
    elif colours:
        message = translate(
            "redaction",
            "Pour tenir dans la limite de {budget} Mo, les captures ont été réduites à 256 "
            "couleurs, à leur taille d'origine ({size} Mo au total).",
        ).format(**values)
    else:
        message = translate(
            "redaction",
            "Pour tenir dans la limite de {budget} Mo, les captures ont été recompressées sans "
            "perte de qualité ({size} Mo au total).",
        ).format(**values)
    return FitResult(
        images=images,
        total_bytes=total,
        changed=True,
        colours_reduced=colours,
        scale=scale,
        message=message,
    )


def _megabytes(size: int) -> str:
    return f"{size / 1_000_000:.1f}".replace(".", ",")
