"""The size budget: the message as it travels (base64 included) must fit.

Only screenshots may change, and never silently: each step of the ladder
below re-encodes every screenshot from its original, the first step that fits
wins, and the caller gets a French note saying what was done. When even the
last step does not fit, the user is told which attachment is the heaviest and
what to do. Re-encoded images carry no metadata (fresh pixels, empty info).
"""

from __future__ import annotations

import io
from collections.abc import Sequence

from PIL import Image

from samu_desktop.i18n import translate
from samu_desktop.mail.message import (
    Attachment,
    Header,
    MessageError,
    OutgoingMessage,
    assemble,
)

# (colours, scale): 256-colour palettes cost a third of true colour for screen
# content and keep text sharp (no dithering); then smaller and smaller.
LADDER: tuple[tuple[int, float], ...] = (
    (256, 1.0),
    (256, 0.8),
    (256, 0.65),
    (256, 0.5),
    (256, 0.4),
    (256, 0.3),
)

MB = 1_000_000


def travel_size(msg: OutgoingMessage) -> int:
    return len(msg.as_bytes())


def _mb(size: int) -> str:
    return f"{size / MB:.1f}".replace(".", ",")


def reencode_png(data: bytes, colours: int, scale: float) -> bytes:
    """A smaller PNG of the same picture: palette of ``colours``, then scaled."""
    with Image.open(io.BytesIO(data)) as source:
        image = source.convert("RGB")
    if scale < 1.0:
        size = (max(1, round(image.width * scale)), max(1, round(image.height * scale)))
        image = image.resize(size, Image.Resampling.LANCZOS)
    image = image.quantize(
        colors=colours, method=Image.Quantize.FASTOCTREE, dither=Image.Dither.NONE
    )
    image.info = {}
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=False, compress_level=9)
    return out.getvalue()


def fit_to_budget(
    headers: Sequence[tuple[str, Header]],
    text_body: str,
    html_body: str,
    attachments: list[Attachment],
    budget: int,
) -> OutgoingMessage:
    msg = assemble(headers, text_body, html_body, attachments)
    size = travel_size(msg)
    if size <= budget:
        return msg
    screenshots = [a for a in attachments if a.shrinkable]
    if not screenshots:
        raise _too_big(size, budget, attachments, shrunk=False)
    for colours, scale in LADDER:
        smaller = [
            a.model_copy(update={"data": reencode_png(a.data, colours, scale)})
            if a.shrinkable
            else a
            for a in attachments
        ]
        msg = assemble(headers, text_body, html_body, smaller)
        size = travel_size(msg)
        if size <= budget:
            msg.notes.append(_note(len(screenshots), scale, budget))
            return msg
    raise _too_big(size, budget, smaller, shrunk=True)


def _note(count: int, scale: float, budget: int) -> str:
    if scale >= 1.0:
        text = translate(
            "mail",
            "Pour respecter la taille maximale des e-mails ({budget} Mo), les captures "
            "d'écran ({count}) ont été ré-encodées en 256 couleurs, sans changer leur taille.",
        )
    else:
        text = translate(
            "mail",
            "Pour respecter la taille maximale des e-mails ({budget} Mo), les captures "
            "d'écran ({count}) ont été ré-encodées en 256 couleurs et réduites à {percent} % "
            "de leur taille.",
        )
    return text.format(budget=_mb(budget), count=count, percent=round(scale * 100))


def _too_big(
    size: int, budget: int, attachments: Sequence[Attachment], shrunk: bool
) -> MessageError:
    heaviest = max(attachments, key=lambda a: len(a.data), default=None)
    if heaviest is None:
        return MessageError(
            translate(
                "mail",
                "Le texte du signalement dépasse à lui seul la taille maximale des e-mails "
                "({budget} Mo) : raccourcissez la description.",
            ).format(budget=_mb(budget)),
            details=f"size={size} budget={budget}",
        )
    text = translate(
        "mail",
        "L'e-mail ferait {size} Mo pour une taille maximale de {budget} Mo. La pièce jointe "
        "la plus lourde est « {name} » ({weight} Mo) : retirez-la ou retirez des captures "
        "d'écran, ou demandez à votre administrateur d'augmenter la taille maximale.",
    )
    if shrunk:
        text = (
            translate("mail", "Même après réduction des captures d'écran, le message est trop "
                              "volumineux.")
            + " "
            + text
        )
    return MessageError(
        text.format(
            size=_mb(size),
            budget=_mb(budget),
            name=heaviest.filename,
            weight=_mb(len(heaviest.data)),
        ),
        details=f"size={size} budget={budget} shrunk={shrunk}",
    )
