"""Generate the patient-data evaluation set: synthetic call-centre screens with ground truth.

Usage: python benchmarks/pii_evalset.py OUT_DIR [--count N] [--seed S]

Each screen is a PNG plus a label image (``*.labels.png``, mode L) in which
every ink pixel of a patient-data value carries that value's id (1..254); 0 is
everything else. ``manifest.json`` lists the screens, their settings (layout,
font, size, theme, HiDPI scale) and each value's id, kind and text. Every value
is synthetic: names from common-name lists, NIR with computed keys, phone
numbers, addresses and record numbers drawn at random.

The screens are generated at run time into a folder of your choice (the
benchmark uses a temporary one): do not commit them.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from dataclasses import dataclass, field
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

FONT_DIR = Path("/usr/share/fonts/truetype")
FAMILIES: dict[str, tuple[str, str]] = {
    "DejaVu Sans": ("dejavu/DejaVuSans.ttf", "dejavu/DejaVuSans-Bold.ttf"),
    "Liberation Sans": (
        "liberation2/LiberationSans-Regular.ttf",
        "liberation2/LiberationSans-Bold.ttf",
    ),
    "Open Sans": ("open-sans/OpenSans-Regular.ttf", "open-sans/OpenSans-Bold.ttf"),
    "Roboto": (
        "roboto/unhinted/RobotoTTF/Roboto-Regular.ttf",
        "roboto/unhinted/RobotoTTF/Roboto-Bold.ttf",
    ),
    "Liberation Serif": (
        "liberation2/LiberationSerif-Regular.ttf",
        "liberation2/LiberationSerif-Bold.ttf",
    ),
}
MONO = ("dejavu/DejaVuSansMono.ttf", "dejavu/DejaVuSansMono-Bold.ttf")

THEMES: dict[str, dict[str, str]] = {
    "light": {
        "bg": "#ffffff", "panel": "#f3f5f8", "fg": "#1d232b", "muted": "#5b6572",
        "head_bg": "#1f4e8c", "head_fg": "#ffffff", "row_alt": "#eef2f7", "border": "#c9d1dc",
        "accent": "#d9480f", "select": "#cfe2ff", "bubble": "#e7f0fb", "bubble2": "#f1f3f5",
    },
    "dark": {
        "bg": "#1e2227", "panel": "#262b31", "fg": "#e6e9ed", "muted": "#a3acb8",
        "head_bg": "#0f3460", "head_fg": "#f1f5f9", "row_alt": "#2a3037", "border": "#3b434d",
        "accent": "#ff922b", "select": "#2f4a6d", "bubble": "#24405f", "bubble2": "#343a40",
    },
}

SURNAMES = [
    "MARTIN", "BERNARD", "THOMAS", "PETIT", "ROBERT", "RICHARD", "DURAND", "DUBOIS", "MOREAU",
    "LAURENT", "SIMON", "MICHEL", "LEFÈVRE", "LEROY", "ROUX", "DAVID", "BERTRAND", "MOREL",
    "FOURNIER", "GIRARD", "BONNET", "DUPONT", "LAMBERT", "FONTAINE", "ROUSSEAU", "VINCENT",
    "MULLER", "LEFEBVRE", "FAURE", "ANDRÉ", "MERCIER", "BLANC", "GUÉRIN", "BOYER", "GARNIER",
    "CHEVALIER", "FRANÇOIS", "LEGRAND", "GAUTHIER", "GARCIA", "PERRIN", "ROBIN", "CLÉMENT",
    "MORIN", "NICOLAS", "HENRY", "ROUSSEL", "MATHIEU", "GAUTIER", "MASSON", "MARCHAND",
    "DUVAL", "DENIS", "DUMONT", "MARIE", "LEMAIRE", "NOËL", "MEYER", "DUFOUR", "MEUNIER",
    "BRUN", "BLANCHARD", "GIRAUD", "JOLY", "RIVIÈRE", "LUCAS", "BRUNET", "GAILLARD", "BARBIER",
    "ARNAUD", "MARTINEZ", "GÉRARD", "ROCHE", "RENARD", "SCHMITT", "ROY", "LEROUX", "COLIN",
    "VIDAL", "CARON", "PICARD", "ROGER", "FABRE", "AUBERT", "LEMOINE", "RENAUD", "DUMAS",
    "LACROIX", "OLIVIER", "PHILIPPE", "BOURGEOIS", "PIERRE", "BENOÎT", "REY", "LECLERC",
    "PAYET", "ROLLAND", "LECLERCQ", "GUILLAUME", "LECOMTE", "LOPEZ", "JEAN", "DUPUY", "N'DIAYE",
    "LE GALL", "DE LA FONTAINE", "BEN SAÏD", "NGUYEN", "MOUSSA", "KOWALSKI", "D'ALMEIDA",
]
FIRST_NAMES = [
    "Jean", "Marie", "Pierre", "Nathalie", "Michel", "Isabelle", "Philippe", "Sylvie", "Alain",
    "Catherine", "Nicolas", "Françoise", "Christophe", "Sandrine", "Patrick", "Valérie",
    "Christian", "Stéphanie", "Daniel", "Véronique", "Frédéric", "Christine", "Laurent",
    "Sophie", "Éric", "Céline", "Stéphane", "Aurélie", "David", "Julie", "Julien", "Camille",
    "Thomas", "Léa", "Lucas", "Chloé", "Hugo", "Emma", "Louis", "Jade", "Gabriel", "Inès",
    "Arthur", "Manon", "Théo", "Zoé", "Jean-Pierre", "Marie-Claire", "Anne-Sophie", "Yannick",
    "Gaëlle", "Loïc", "Maëlys", "Noémie", "Rémi", "Hélène", "Joël", "Aïcha", "Mohamed", "Fatou",
    "Karim", "Yasmine", "Mathis", "Océane", "Bérénice", "Édouard", "Ginette", "Raymonde",
]
STREETS = [
    "rue des Lilas", "avenue du Général de Gaulle", "boulevard Voltaire", "place de la République",
    "chemin des Vignes", "allée des Tilleuls", "impasse du Moulin", "route de Lyon",
    "quai de la Loire",
    "rue Victor Hugo", "rue de la Paix", "avenue Jean Jaurès", "rue Pasteur", "rue du Stade",
    "bd Gambetta", "cours Mirabeau", "rue Émile Zola", "lotissement Les Chênes",
    "résidence du Parc", "rue de l'Église", "avenue Foch", "rue Saint-Michel", "chemin de Halage",
]
CITIES = [
    ("75013", "Paris"), ("69003", "Lyon"), ("13005", "Marseille"), ("31000", "Toulouse"),
    ("06000", "Nice"), ("44000", "Nantes"), ("67000", "Strasbourg"), ("34000", "Montpellier"),
    ("33000", "Bordeaux"), ("59000", "Lille"), ("35000", "Rennes"), ("20090", "Ajaccio"),
    ("20200", "Bastia"), ("97400", "Saint-Denis"), ("68100", "Mulhouse"), ("87000", "Limoges"),
    ("21000", "Dijon"), ("37000", "Tours"), ("80000", "Amiens"), ("74000", "Annecy"),
    ("64100", "Bayonne"), ("29200", "Brest"), ("51100", "Reims"), ("42000", "Saint-Étienne"),
]
MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
          "octobre", "novembre", "décembre"]
EMAIL_DOMAINS = ["exemple.fr", "example.org", "courriel.test", "messagerie.example"]
MOTIFS = [
    "Douleur thoracique", "Chute à domicile", "Malaise", "Dyspnée", "Traumatisme crânien",
    "Hémorragie", "Douleur abdominale", "Convulsions", "Intoxication", "Brûlure",
    "Accident de la voie publique", "Fièvre chez le nourrisson", "Perte de connaissance",
]


@dataclass
class Value:
    id: int
    kind: str
    text: str


@dataclass
class Canvas:
    """A screen being drawn: logical coordinates, multiplied by ``scale`` in pixels."""

    width: int
    height: int
    scale: float
    theme: dict[str, str]
    family: str
    base: int
    rng: random.Random
    values: list[Value] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.img = Image.new("RGB", (self.width, self.height), self.theme["bg"])
        self.labels = Image.new("L", (self.width, self.height), 0)
        self.draw = ImageDraw.Draw(self.img)
        self._fonts: dict[tuple[str, int], ImageFont.FreeTypeFont] = {}

    @property
    def lw(self) -> int:
        """Logical width."""
        return int(self.width / self.scale)

    @property
    def lh(self) -> int:
        return int(self.height / self.scale)

    def font(self, size: int | None = None, bold: bool = False, mono: bool = False) -> (
        ImageFont.FreeTypeFont
    ):
        paths = MONO if mono else FAMILIES[self.family]
        px = round((size or self.base) * self.scale)
        key = (paths[int(bold)], px)
        if key not in self._fonts:
            self._fonts[key] = ImageFont.truetype(str(FONT_DIR / key[0]), px)
        return self._fonts[key]

    def rect(self, x: float, y: float, w: float, h: float, fill: str, outline: str | None = None
             ) -> None:
        s = self.scale
        self.draw.rectangle(
            (round(x * s), round(y * s), round((x + w) * s) - 1, round((y + h) * s) - 1),
            fill=fill, outline=outline,
        )

    def measure(self, text: str, size: int | None = None, bold: bool = False,
                mono: bool = False) -> float:
        return self.font(size, bold, mono).getlength(text) / self.scale

    def text(self, x: float, y: float, text: str, *, size: int | None = None, bold: bool = False,
             color: str | None = None, kind: str | None = None, mono: bool = False) -> float:
        """Draw ``text``; when ``kind`` is given it is a patient-data value. Returns the width."""
        font = self.font(size, bold, mono)
        pos = (round(x * self.scale), round(y * self.scale))
        fill = color or self.theme["fg"]
        self.draw.text(pos, text, font=font, fill=fill)
        if kind is not None and text.strip():
            self._record(pos, text, font, kind)
        return font.getlength(text) / self.scale

    def runs(self, x: float, y: float, parts: list[tuple[str, str | None]], **kw: object) -> float:
        """Draw consecutive pieces of one line, some of which are values (kind not None)."""
        start = x
        for piece, kind in parts:
            x += self.text(x, y, piece, kind=kind, **kw)  # type: ignore[arg-type]
        return x - start

    def _record(self, pos: tuple[int, int], text: str, font: ImageFont.FreeTypeFont,
                kind: str) -> None:
        value_id = len(self.values) + 1
        if value_id > 254:
            raise ValueError("too many values on one screen")
        box = font.getbbox(text)
        w, h = int(box[2]) + 2, int(box[3]) + 2
        ink = Image.new("L", (w, h), 0)
        ImageDraw.Draw(ink).text((0, 0), text, font=font, fill=255)
        solid = ink.point(lambda v: 255 if v >= 128 else 0)
        self.labels.paste(value_id, (pos[0], pos[1], pos[0] + w, pos[1] + h), mask=solid)
        self.values.append(Value(value_id, kind, text))


# --- synthetic values -----------------------------------------------------------------------

def nir(rng: random.Random) -> str:
    dep = rng.choice(["01", "13", "2A", "2B", "33", "59", "69", "75", "93", "971"[:2]])
    body = (f"{rng.choice('12')}{rng.randint(30, 99):02d}{rng.randint(1, 12):02d}{dep}"
            f"{rng.randint(1, 999):03d}{rng.randint(1, 999):03d}")
    digits = body[:5] + body[5:7].replace("2A", "19").replace("2B", "18") + body[7:]
    full = f"{body}{97 - int(digits) % 97:02d}"
    if rng.random() < 0.6:
        return " ".join((full[0], full[1:3], full[3:5], full[5:7], full[7:10], full[10:13],
                         full[13:]))
    return full


def phone(rng: random.Random) -> str:
    first = rng.choice("1234567896")
    pairs = [f"{rng.randint(0, 99):02d}" for _ in range(4)]
    form = rng.randrange(5)
    if form == 0:
        return f"0{first} " + " ".join(pairs)
    if form == 1:
        return f"0{first}." + ".".join(pairs)
    if form == 2:
        return f"0{first}" + "".join(pairs)
    if form == 3:
        return f"+33 {first} " + " ".join(pairs)
    return f"+33{first}" + "".join(pairs)


def birth_date(rng: random.Random) -> str:
    d, m, y = rng.randint(1, 28), rng.randint(1, 12), rng.randint(1932, 2024)
    if rng.random() < 0.7:
        return f"{d:02d}/{m:02d}/{y}"
    return f"{'1er' if d == 1 else d} {MONTHS[m - 1]} {y}"


def surname(rng: random.Random) -> str:
    name = rng.choice(SURNAMES)
    return name if rng.random() < 0.75 else name.title().replace("'D", "'d")


def first_name(rng: random.Random) -> str:
    return rng.choice(FIRST_NAMES)


def full_name(rng: random.Random) -> str:
    s, f = rng.choice(SURNAMES), first_name(rng)
    return f"{s} {f}" if rng.random() < 0.6 else f"{f} {s}"


def email(rng: random.Random) -> str:
    f = first_name(rng).lower().replace("é", "e").replace("ë", "e").replace("ï", "i")
    s = rng.choice(SURNAMES).lower().replace(" ", "").replace("'", "")
    for a, b in (("é", "e"), ("è", "e"), ("ë", "e"), ("ç", "c"), ("î", "i"), ("ï", "i")):
        f, s = f.replace(a, b), s.replace(a, b)
    sep = rng.choice([".", "_", ""])
    return f"{f}{sep}{s}{rng.choice(['', str(rng.randint(1, 99))])}@{rng.choice(EMAIL_DOMAINS)}"


def street(rng: random.Random) -> str:
    return f"{rng.randint(1, 180)}{rng.choice(['', '', '', ' bis'])} {rng.choice(STREETS)}"


def city(rng: random.Random) -> str:
    code, name = rng.choice(CITIES)
    return f"{code} {name.upper() if rng.random() < 0.3 else name}"


def record_number(rng: random.Random) -> str:
    year = rng.choice([24, 25, 26])
    form = rng.randrange(3)
    if form == 0:
        return f"20{year}-{rng.randint(1, 999999):06d}"
    if form == 1:
        return f"DRM-{year}-{rng.randint(1, 99999):05d}"
    return f"{year}{rng.choice('ABCDEF')}{rng.randint(1, 99999):05d}"


def incident_stamp(rng: random.Random) -> str:
    return (f"{rng.randint(1, 28):02d}/{rng.randint(1, 12):02d}/2026 "
            f"{rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}")


# --- the set --------------------------------------------------------------------------------

SCALES = [(1.0, (1920, 1080)), (1.25, (1920, 1080)), (1.5, (1920, 1080)), (2.0, (3840, 2160))]


def generate(out_dir: Path, count: int = 40, seed: int = 7) -> dict[str, object]:
    """Write ``count`` screens and ``manifest.json`` into ``out_dir``; return the manifest."""
    here = str(Path(__file__).resolve().parent)
    if here not in sys.path:
        sys.path.insert(0, here)
    from pii_screens import NON_PATIENT_LAYOUTS, PATIENT_LAYOUTS  # same folder

    rng = random.Random(seed)
    out_dir.mkdir(parents=True, exist_ok=True)
    layouts = PATIENT_LAYOUTS + NON_PATIENT_LAYOUTS
    screens: list[dict[str, object]] = []
    for index in range(count):
        name, draw_fn = layouts[index % len(layouts)]
        # Mostly 1:1 Full HD screens, as on the SI-SAMU workstation; some HiDPI.
        scale, size = SCALES[0] if index % 3 else SCALES[(index // 3) % len(SCALES)]
        theme = "dark" if index % 4 == 3 else "light"
        family = list(FAMILIES)[(index * 7 // len(layouts) + index) % len(FAMILIES)]
        base = rng.choice([12, 13, 14, 15])
        canvas = Canvas(size[0], size[1], scale, THEMES[theme], family, base, rng)
        draw_fn(canvas)
        stem = f"s{index:03d}_{name}"
        canvas.img.save(out_dir / f"{stem}.png", compress_level=1)
        canvas.labels.save(out_dir / f"{stem}.labels.png", compress_level=1)
        screens.append({
            "file": f"{stem}.png", "labels": f"{stem}.labels.png", "layout": name,
            "has_patient_data": bool(canvas.values), "width": size[0], "height": size[1],
            "scale": scale, "theme": theme, "font": family, "font_px": base,
            "values": [{"id": v.id, "kind": v.kind, "text": v.text} for v in canvas.values],
        })
    manifest: dict[str, object] = {"seed": seed, "screens": screens}
    (out_dir / "manifest.json").write_text(
        json.dumps(manifest, ensure_ascii=False, indent=1), encoding="utf-8"
    )
    return manifest


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--count", type=int, default=40)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    manifest = generate(args.out_dir, args.count, args.seed)
    screens = manifest["screens"]
    assert isinstance(screens, list)
    print(f"{len(screens)} écrans, {sum(len(s['values']) for s in screens)} valeurs -> "
          f"{args.out_dir}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
