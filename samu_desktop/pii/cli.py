"""``samu-desktop pii-scan``: patient-data boxes of screenshots, for administrators and evaluation.

Prints, with ``--json``::

    {"images": [{"path": "...", "seconds": 0.71,
                 "boxes": [{"x": 10, "y": 20, "width": 80, "height": 16, "kind": "phone"}]}]}

in pixels of each image. Without ``--json``, one French line per box. Exit
code 0 when every image was scanned (with or without findings), 2 on an
error (unreadable image, a decompression bomb or an image far too big, OCR
missing), with one French line and never a traceback. Qt-free: it runs without
a display.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import sys
import time
import warnings
from pathlib import Path
from typing import Any

from samu_desktop.errors import UserFacingError
from samu_desktop.fsutil import read_limited
from samu_desktop.i18n import translate

# A screenshot of several 4K screens is a few tens of megabytes.
MAX_IMAGE_BYTES = 256 * 1024 * 1024


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "pii-scan",
        help=translate("cli", "chercher des données patient dans des captures d'écran"),
        description=translate(
            "cli",
            "Cherche des données patient (noms, dates de naissance, NIR, téléphones, "
            "adresses, e-mails, numéros de dossier) dans des captures d'écran, hors ligne.",
        ),
    )
    parser.add_argument("images", nargs="+", type=Path, metavar="IMAGE")
    parser.add_argument(
        "--json", action="store_true", help=translate("cli", "sortie JSON pour les scripts")
    )
    parser.add_argument(
        "--strict", action="store_true",
        help=translate("cli", "mode strict : proposer aussi tout texte qui n'est pas un mot "
                       "de l'interface (genre « text »)"),
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from samu_desktop.pii.engines import warm_up

    # The OCR models load on the other core while the detector is imported and
    # the first image decoded. A missing Tesseract is reported by detect().
    with contextlib.suppress(UserFacingError):
        warm_up()

    from PIL import Image, UnidentifiedImageError

    from samu_desktop.pii.detect import detect
    from samu_desktop.pii.kinds import kind_label

    results: list[dict[str, object]] = []
    for path in args.images:
        try:
            raw = read_limited(path, MAX_IMAGE_BYTES)
            with warnings.catch_warnings():
                # Pillow only warns between its pixel limit and twice that: refuse those too.
                warnings.simplefilter("error", Image.DecompressionBombWarning)
                with Image.open(io.BytesIO(raw)) as image:
                    image.load()
                    start = time.perf_counter()
                    boxes = detect(image, strict=args.strict)
                    seconds = time.perf_counter() - start
        except (Image.DecompressionBombError, Image.DecompressionBombWarning,
                MemoryError):
            print(translate(
                "cli", "L'image {path} est bien trop grande pour être une capture d'écran : "
                "elle n'a pas été analysée.").format(path=path), file=sys.stderr)
            return 2
        except (OSError, UnidentifiedImageError, ValueError, SyntaxError) as exc:
            message = translate(
                "cli", "Impossible de lire l'image {path} : vérifiez le chemin et le format."
            ).format(path=path)
            print(message, file=sys.stderr)
            print(f"  ({type(exc).__name__})", file=sys.stderr)
            return 2
        except UserFacingError as exc:
            print(exc.user_message, file=sys.stderr)
            return 2
        results.append({
            "path": str(path),
            "seconds": round(seconds, 3),
            "boxes": [b.model_dump(mode="json") for b in boxes],
        })
        if not args.json:
            print(translate("cli", "{path} : {count} zone(s) à masquer ({seconds:.2f} s)").format(
                path=path, count=len(boxes), seconds=seconds))
            for b in boxes:
                print(f"  x={b.x} y={b.y} {b.width}×{b.height}  {kind_label(b.kind)}")
    if args.json:
        print(json.dumps({"images": results}, ensure_ascii=False))
    return 0
