"""Synthetic, screen-like PNGs (no real screen, no patient data) for tests and benchmarks.

A window title bar, a side menu, a table of text rows, a few coloured
buttons and a photo-like area with noise: PNG sizes close to a real Full HD
screen capture (about 1 MB), so the size budget is exercised for real.
"""

from __future__ import annotations

import io
import random
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

WORDS = ("Appel", "Régulation", "Dossier", "Statut", "Moyen", "SMUR", "Transfert",
         "Attente", "Bandeau", "Portail", "Connexion", "File", "Priorité", "Test")


DEJAVU = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")


def _font() -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    if DEJAVU.exists():
        return ImageFont.truetype(str(DEJAVU), 15)
    return ImageFont.load_default(size=15)


def screen_image(seed: int, width: int = 1920, height: int = 1080) -> Image.Image:
    rng = random.Random(seed)
    image = Image.new("RGB", (width, height), (246, 247, 249))
    draw = ImageDraw.Draw(image)
    font = _font()
    draw.rectangle((0, 0, width, 36), fill=(32, 56, 100))
    draw.text((12, 9), f"Portail SI-SAMU — écran de test {seed}", fill="white", font=font)
    draw.rectangle((0, 36, 240, height), fill=(228, 232, 238))
    for i in range(30):
        draw.text((16, 50 + i * 30), rng.choice(WORDS), fill=(40, 40, 40), font=font)
    for row in range(34):
        y = 60 + row * 28
        if row % 2:
            draw.rectangle((250, y - 4, width - 440, y + 22), fill=(236, 240, 246))
        for col in range(6):
            text = " ".join(rng.choice(WORDS) for _ in range(rng.randint(1, 3)))
            draw.text((260 + col * 205, y), f"{text} {rng.randint(0, 9999)}",
                      fill=(20, 20, 20), font=font)
    for b in range(8):
        colour = (rng.randint(0, 255), rng.randint(0, 255), rng.randint(0, 255))
        draw.rounded_rectangle((260 + b * 150, height - 60, 390 + b * 150, height - 25),
                               radius=6, fill=colour)
    # A photo-like area (a map, a video frame): what makes real captures heavy.
    noise = Image.effect_noise((400, 640), 60).convert("RGB")
    gradient = Image.linear_gradient("L").resize((400, 640)).convert("RGB")
    image.paste(Image.blend(noise, gradient, 0.5), (width - 420, 60))
    return image


def screen_png(seed: int, width: int = 1920, height: int = 1080, compress_level: int = 1
               ) -> bytes:
    out = io.BytesIO()
    screen_image(seed, width, height).save(out, format="PNG", compress_level=compress_level)
    return out.getvalue()
