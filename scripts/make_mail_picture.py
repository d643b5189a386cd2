#!/usr/bin/env python3
"""A picture of a report's e-mail as the support desk sees it, rendered by a real browser.

    .venv/bin/python scripts/make_mail_picture.py     # docs/images/{fr,en}/mail.png

scripts/make_user_guide.py calls it too (the guides show the picture). It builds the
e-mail of a synthetic case-B report (tests/mail/journey.py: centre FR999, addresses
under example.test, a drawn screen) exactly as the app builds it, takes its HTML body,
and has Firefox ESR (headless, a fresh profile in a temporary folder) take a screenshot
of it. The app's own folders are never touched: HOME and the XDG folders point to a
temporary folder for the run.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from email import message_from_bytes
from email import policy as email_policy
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def browser() -> str:
    for name in ("firefox-esr", "firefox"):
        found = shutil.which(name)
        if found:
            return found
    raise SystemExit("Firefox ESR est introuvable : lancez « bash scripts/setup.sh test ».")


def isolate(home: Path) -> None:
    for sub in ("config", "data", "state", "cache"):
        (home / sub).mkdir(parents=True, exist_ok=True)
        os.environ[f"XDG_{sub.upper()}_HOME"] = str(home / sub)
    os.environ["HOME"] = str(home)


def body_html() -> str:
    """The HTML body of the sample report's e-mail (the caller has isolated HOME)."""
    if str(REPO) not in sys.path:
        sys.path.insert(0, str(REPO))
    from samu_desktop.config.paths import AppPaths
    from samu_desktop.procedure import load_catalogue
    from samu_desktop.report.outgoing import build_report_message
    from tests.mail.journey import centre_settings, sample_report

    catalogue = load_catalogue()
    settings = centre_settings()
    report, store = sample_report(catalogue, settings, AppPaths.default())
    data = build_report_message(report, catalogue, settings, store).as_bytes()
    parsed = message_from_bytes(data, policy=email_policy.default)
    html = parsed.get_body(("html",))  # type: ignore[attr-defined]
    assert html is not None
    return str(html.get_content())


def screenshot(page: Path, target: Path, work: Path, width: int, height: int) -> None:
    profile = work / "profile"
    profile.mkdir()
    subprocess.run(
        [browser(), "--headless", "--no-remote", "--profile", str(profile),
         "--window-size", f"{width},{height}", "--screenshot", str(target), page.as_uri()],
        check=True, timeout=120, capture_output=True,
        env={**os.environ, "MOZ_HEADLESS": "1"},
    )
    if not target.exists():
        raise SystemExit("Firefox n'a pas produit d'image.")


def render(targets: list[Path], fast: bool = False, width: int = 900, height: int = 1100
           ) -> list[Path]:
    """Write the picture to every target (the message is in French for every guide)."""
    from PIL import Image

    with tempfile.TemporaryDirectory(prefix="samu-mail-picture-") as folder:
        work = Path(folder)
        page = work / "message.html"
        page.write_text(body_html(), encoding="utf-8")
        shot = work / "mail.png"
        screenshot(page, shot, work, width, height)
        with Image.open(shot) as picture:
            rgb = picture.convert("RGB")
        for target in targets:
            target.parent.mkdir(parents=True, exist_ok=True)
            if fast:
                rgb.save(target, compress_level=1)
            else:
                # Text and flat colours: a palette keeps the picture small and sharp.
                rgb.quantize(colors=256, method=Image.Quantize.MEDIANCUT,
                             dither=Image.Dither.NONE).save(target, optimize=True,
                                                            compress_level=9)
    return targets


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=REPO / "docs" / "images",
                        help="folder for the images, one subfolder per language")
    parser.add_argument("--fast", action="store_true", help="quick PNG encoding, larger file")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="samu-mail-home-") as home:
        isolate(Path(home))
        for path in render([args.out / lang / "mail.png" for lang in ("fr", "en")], args.fast):
            print(path)


if __name__ == "__main__":
    main()
