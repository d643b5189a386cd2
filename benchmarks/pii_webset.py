"""Patient-data evaluation set rendered by a real browser: SI-SAMU-like web pages.

Usage: python benchmarks/pii_webset.py OUT_DIR [--count N] [--seed S] [--split dev|holdout]

Each page imitates a screen of the tools a SAMU call centre uses (communication
banner with its call history, tables with a "Contact" column, chat bubbles
white on blue, free-text notes typed in lower case, a search box, a dialog over
a dimmed backdrop, a case file), in a light or dark theme, one of several font
families and sizes, rendered by headless Firefox ESR at a window size and a
zoom (1366×768 to 4K at scale 2, zoom 90–150 %).

Truth is the ink of each value: the page is captured, every value is made
``color: transparent``, captured again; the pixels that changed, inside the
value's own client rectangles, carry its id in ``*.labels.png`` (mode L, 0 is
anything else). ``manifest.json`` has the format of ``pii_evalset.py``, so
``pii_eval.py --set OUT_DIR`` scores it.

Splits: ``dev`` and ``holdout`` draw names from disjoint halves of the lists
below and use different font families; ``dev2`` has the dev names in every
family. Tune on ``dev`` and ``dev2`` only. ``blind`` is held out from
another source: every surname and two first names in five are synthetic
(syllables of several origins, kept only when the detector's gazetteer has no
such entry), with more fonts, sizes, zooms and a third theme; its values
say ``"novel": true`` when no word of them is in the gazetteer, so that the
detector's recall on names it has no list entry for is measured apart. Every value is
synthetic (names from a hand-made list of common names of many origins,
numbers at random with valid-looking shapes).
"""

from __future__ import annotations

import argparse
import functools
import html
import io
import json
import random
import re
import sys
import tempfile
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from PIL import Image, ImageChops

sys.path.insert(0, str(Path(__file__).resolve().parent))

from firefox_marionette import Firefox

_FIRST_TEXT = (
    "Jean Marie Pierre Nathalie Louis Françoise Anne-Laure Jean-Marc Nadia Bilal Dragan "
    "Fatou Mamadou Aïcha Karim Yasmine Mehdi Leïla Moussa Awa Ousmane Mariama Thi Minh "
    "Nguyen Linh João Inês Rui Beatriz Carlos Lucía Giulia Marco Piotr Agnieszka Ioana "
    "Mihai Ayşe Mehmet Emre Svetlana Olga Ivan Zoé Théo Maëlys Noé Éloïse Gaël Loïc Enzo "
    "Clémence Anaïs Timothée Bérénice Rachid Samira Youssef Khadija Ibrahima Aminata "
    "Sophie Nicolas Camille Hugo Manon Lucas Chloé Jade Arthur Léa Raphaël Inès Adam "
    "Yannick Gwenaëlle Erwan Maëlle Corentin Soizic Tanguy Nolwenn Ronan Katell"
)
FIRST = _FIRST_TEXT.split()
_SURNAME_TEXT = (
    "Martin Bernard Poirier Guichard Aubry Sow Faye Bensaïd Diallo Traoré Nguyen Tran "
    "Da_Silva Ferreira Pereira Rossi Bianchi Kowalski Nowak Popescu Yılmaz Öztürk Ivanova "
    "Petrov Le_Goff Le_Gall Kerbrat Quéméner Guivarc'h Perez Garcia Lopez Moreau Lefèvre "
    "Rousseau Fontaine Chevalier Girard Bonnet Dupont Lambert Mercier Blanc Guérin Boyer "
    "Garnier Faure Roux Vincent Fournier Morel Girault N'Diaye M'Bappé Ben_Ahmed El_Amrani "
    "Haddad Benali Mansouri Cissé Koné Camara Touré Baptiste Hoarau Payet Grondin Técher "
    "Abgrall Tanguy Cariou Le_Bihan Salaün Morvan Jézéquel Caradec Prigent Riou Cadiou"
)
SURNAMES = [s.replace("_", " ") for s in _SURNAME_TEXT.split()]
PARTICLE_NAMES = ["de La Roche", "de Kervénoaël", "du Plessis", "d'Harcourt", "Van der Berg",
                  "de Saint-Exupéry", "Le Du", "de La Tour d'Auvergne"]
CITIES = [("29000", "Quimper"), ("29200", "Brest"), ("29600", "Morlaix"), ("56100", "Lorient"),
          ("22300", "Lannion"), ("35000", "Rennes"), ("44000", "Nantes"), ("29800", "Landerneau"),
          ("29120", "Pont-l'Abbé"), ("29170", "Fouesnant"), ("97400", "Saint-Denis"),
          ("75011", "Paris"), ("69003", "Lyon"), ("13005", "Marseille")]
STREETS = ["rue de Brest", "avenue Jean Jaurès", "rue des Lilas", "chemin de Kerlaz",
           "impasse du Moulin", "boulevard Gambetta", "allée des Tilleuls", "route de Bénodet",
           "rue Émile Zola", "place de la Mairie", "résidence Les Mouettes", "quai de l'Odet"]
NO_NUMBER = ["lieu-dit Le Bourg", "lieu-dit Kerhuel", "hameau de Kervéguen",
             "lieu-dit La Croix Rouge", "Le Moulin de Kerlaz", "hameau des Landes"]
MOTIVES = ["Douleur thoracique", "Chute personne âgée", "Malaise", "Difficulté respiratoire",
           "AVP léger", "Intoxication CO", "Brûlure", "Hypoglycémie", "Convulsions",
           "Plaie", "Douleur abdominale", "Fièvre nourrisson", "Renseignement médical"]
VEHICLES = ["VSAV Quimper Nord", "SMUR Brest 2", "VSAV Landerneau", "AR Ambulances de l'Odet",
            "SMUR Morlaix", "VLM Quimper", "Hélico Dragon 29", "VSAV Fouesnant",
            "AP Ambulances Iroise", "MG de garde secteur 4"]
STAFF = ["ARM poste 3", "Dr régulateur poste 1", "ARM poste 5", "Superviseur", "MRL poste 2",
         "ARM poste 7", "Médecin régulateur"]
STATUS = ["En cours", "Terminé", "Engagé", "Sur place", "Transport", "Clôturé", "En attente"]
UI_MENUS = ["Accueil", "Dossiers", "Appels", "Moyens", "Annuaire", "Statistiques", "Aide"]

FAMILIES = {
    "dev": ["DejaVu Sans", "Liberation Sans", "Open Sans", "Roboto"],
    "holdout": ["Nimbus Sans", "Liberation Serif", "Roboto Condensed", "DejaVu Serif",
                "URW Gothic"],
}
# A second tuning set: the dev names with every font family, so that what
# fonts do to OCR can be tuned without looking at the held-out split.
FAMILIES["dev2"] = FAMILIES["dev"] + FAMILIES["holdout"]
FAMILIES["blind"] = [*FAMILIES["dev2"], "Nimbus Sans Narrow", "C059", "URW Bookman",
                     "Open Sans Condensed", "P052"]
SIZES = [(1366, 768, 1.0), (1600, 900, 1.0), (1920, 1080, 1.0), (3840, 2160, 2.0)]
ZOOMS = [0.9, 1.0, 1.0, 1.1, 1.25, 1.5]
BLIND_SIZES = [*SIZES, (1280, 1024, 1.0), (2560, 1440, 1.0), (2560, 1440, 1.25)]
BLIND_ZOOMS = [*ZOOMS, 1.33, 1.75]
BLIND_FONT_PX = [11, 12, 13, 14, 15, 16, 17, 18]

# Synthetic name parts of several origins (French, Breton, West African,
# Maghreb, Iberian, Slavic/Romanian, Antillean/Réunion), glued at random; a
# result that is in the detector's gazetteer is dropped (see _synthetic).
_SYLLABLES = {
    "fr": (["Ber", "Cha", "Dou", "Fra", "Gau", "Lam", "Mar", "Pel", "Roch", "Vau", "Bou",
            "Gre", "Thi", "Bri", "Cou", "Mon", "Sau", "Ville", "Des"],
           ["ardin", "eaux", "elin", "ignac", "onnet", "otier", "andeau", "ouxel", "enne",
            "atier", "ault", "ès", "ichon", "aillet", "ourdin"]),
    "bzh": (["Ker", "Tré", "Plou", "Pen", "Lan", "Guer", "Kerm", "Mor"],
            ["vellec", "ennec", "gallou", "ézec", "oric", "oret", "rantec", "hérec", "iou"]),
    "waf": (["Diom", "Kan", "Ndi", "Sis", "Bam", "Kou", "Tou", "Dem", "Bal", "Sek", "Ouat"],
            ["baye", "ouré", "ssoko", "dého", "aré", "bali", "mbé", "fana", "tinga"]),
    "mag": (["Ben", "Bou", "Ha", "Za", "Mes", "Cher", "Bel", "Tal"],
            ["ghazi", "rouki", "aoui", "kriche", "idia", "ouani", "hadji", "zerga"]),
    "ib": (["Alv", "Cor", "Mou", "Sant", "Pin", "Rebo", "Vasc", "Quin"],
           ["eiral", "eirão", "ares", "inhal", "elosa", "edal", "ogueira"]),
    "est": (["Kow", "Wiś", "Nova", "Dra", "Mil", "Petr", "Stan", "Bog"],
            ["czyk", "ewicz", "ović", "escu", "enko", "anek", "ulescu"]),
    "dom": (["Gran", "Hoa", "Pay", "Nati", "Four", "Lau", "Tar"],
            ["dassamy", "rélie", "coumin", "vanin", "ette", "ouba"]),
}
_FIRST_SYLLABLES = (["Ma", "Lo", "Ya", "Ké", "So", "Nai", "Ti", "Ba", "Ro", "Ei", "Zé", "Ou",
                     "Ji", "Ga"],
                    ["lyne", "rène", "ssanti", "élio", "ndrick", "mira", "ouane", "dinha",
                     "vanna", "kéo", "zaël", "rick", "uria"])

THEMES = {
    "light": dict(bg="#ffffff", panel="#f1f4f8", fg="#1b2430", muted="#5d6876",
                  head="#1f4e8c", headfg="#ffffff", alt="#eef2f7", border="#c8d0db",
                  bubble="#1e66d0", bubblefg="#ffffff", bubble2="#e9ecef", sel="#cfe2ff",
                  input="#ffffff"),
    "dark": dict(bg="#1c1f24", panel="#252a31", fg="#e4e8ee", muted="#9aa5b4",
                 head="#0f3460", headfg="#eef3f9", alt="#2a3038", border="#3a424d",
                 bubble="#2563eb", bubblefg="#ffffff", bubble2="#343a42", sel="#264a78",
                 input="#14171b"),
    # Only in the blind split: mid-contrast grey-blue, as some tools are.
    "slate": dict(bg="#dfe4ea", panel="#c9d1db", fg="#26323f", muted="#55606d",
                  head="#3d5a80", headfg="#f4f7fa", alt="#d3dae3", border="#a9b4c2",
                  bubble="#3d7a5a", bubblefg="#f8fff9", bubble2="#c3ccd6", sel="#9fb8d8",
                  input="#f3f5f8"),
}


@dataclass
class Page:
    rng: random.Random
    split: str
    values: list[dict[str, object]] = field(default_factory=list)
    patient: bool = True

    def v(self, kind: str, text: str) -> str:
        """A value: an element whose ink is the truth for ``kind``."""
        if not self.patient:
            raise AssertionError("a clean page has no patient value")
        vid = len(self.values) + 1
        value: dict[str, object] = {"id": vid, "kind": kind, "text": text}
        if kind == "name" and self.split == "blind":
            value["novel"] = novel(text)
        self.values.append(value)
        return f'<span class="v" data-v="{vid}">{html.escape(text)}</span>'

    # Synthetic values -----------------------------------------------------
    def _half(self, items: list[str]) -> list[str]:
        if self.split == "blind":
            return items
        return items[1::2] if self.split == "holdout" else items[0::2]

    def first(self) -> str:
        if self.split == "blind" and self.rng.random() < 0.4:
            return _synthetic(self.rng, *_FIRST_SYLLABLES)
        return self.rng.choice(self._half(FIRST))

    def surname(self) -> str:
        if self.split == "blind":
            r = self.rng
            origin = r.choice(sorted(_SYLLABLES))
            last = _synthetic(r, *_SYLLABLES[origin])
            if r.random() < 0.08:
                return f"{r.choice(['de', 'de La', 'du', 'Le', 'Van der'])} {last}"
            if r.random() < 0.1:
                return f"{last}-{_synthetic(r, *_SYLLABLES[r.choice(sorted(_SYLLABLES))])}"
            return last
        if self.rng.random() < 0.08:
            return self.rng.choice(self._half(PARTICLE_NAMES))
        if self.rng.random() < 0.1:
            return f"{self.rng.choice(SURNAMES)}-{self.rng.choice(self._half(SURNAMES))}"
        return self.rng.choice(self._half(SURNAMES))

    def name(self) -> str:
        first, last = self.first(), self.surname()
        style = self.rng.choice(["First Last", "LAST First", "Last First", "LAST FIRST",
                                 "last first", "first last", "First LAST"])
        if style == "First Last":
            return f"{first} {last}"
        if style == "LAST First":
            return f"{last.upper()} {first}"
        if style == "Last First":
            return f"{last} {first}"
        if style == "LAST FIRST":
            return f"{last.upper()} {first.upper()}"
        if style == "last first":
            return f"{last.lower()} {first.lower()}"
        if style == "first last":
            return f"{first.lower()} {last.lower()}"
        return f"{first} {last.upper()}"

    def phone(self) -> str:
        r = self.rng
        digits = f"{r.choice('1234567')}{r.randrange(10**8):08d}"
        pairs = [digits[i:i + 2] for i in range(1, 9, 2)]
        form = r.randrange(7)
        if form == 0:
            return "0" + digits[0] + " " + " ".join(pairs)
        if form == 1:
            return "0" + digits[0] + "." + ".".join(pairs)
        if form == 2:
            return "+33 (0)" + digits[0] + " " + " ".join(pairs)
        if form == 3:
            return "+33 " + digits[0] + " " + " ".join(pairs)
        if form == 4:
            return "0" + digits
        if form == 5:
            return "+33" + digits
        return "0" + digits[0] + "-" + "-".join(pairs)

    def birth(self) -> str:
        r = self.rng
        y, m, d = r.randrange(1925, 2025), r.randrange(1, 13), r.randrange(1, 29)
        months = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
                  "septembre", "octobre", "novembre", "décembre"]
        return r.choice([f"{d:02d}/{m:02d}/{y}", f"{y}-{m:02d}-{d:02d}",
                         f"{d:02d}.{m:02d}.{y % 100:02d}", f"{d:02d}-{m:02d}-{y}",
                         f"{d} {months[m - 1]} {y}", f"{d:02d}/{m:02d}/{y % 100:02d}"])

    def nir(self) -> str:
        r = self.rng
        body = (f"{r.choice('12')}{r.randrange(100):02d}{r.randrange(1, 13):02d}"
                f"{r.choice(['29', '56', '75', '2A', '13'])}{r.randrange(1, 999):03d}"
                f"{r.randrange(1, 999):03d}")
        num = int(body.replace("2A", "19").replace("2B", "18"))
        key = 97 - num % 97
        return r.choice([f"{body} {key:02d}",
                         f"{body[0]} {body[1:3]} {body[3:5]} {body[5:7]} {body[7:10]} "
                         f"{body[10:]} {key:02d}"])

    def record(self) -> str:
        r = self.rng
        y = r.choice([2025, 2026])
        return r.choice([f"AFF-{y}-{r.randrange(10**6):06d}",
                         f"{y}/{r.randrange(1, 366):03d}/{r.randrange(10**7):07d}",
                         f"DR{y}-{r.randrange(10**6):06d}",
                         f"{y}-{r.randrange(1, 366):03d}-{r.randrange(10**6):06d}",
                         f"{r.randrange(10**8, 10**9)}"])

    def address(self) -> str:
        r = self.rng
        cp, city = r.choice(CITIES)
        if r.random() < 0.3:
            return f"{r.choice(NO_NUMBER)}, {cp} {city}"
        return f"{r.randrange(1, 140)} {r.choice(STREETS)}, {cp} {city}"

    def email(self) -> str:
        f, s = _ascii(self.first()), _ascii(self.surname())
        domain = self.rng.choice(["orange.fr", "gmail.com", "free.fr", "laposte.net"])
        return f"{f}.{s}{self.rng.randrange(10, 99)}@{domain}"

    def time(self) -> str:
        return f"{self.rng.randrange(24):02d}:{self.rng.randrange(60):02d}"

    def duration(self) -> str:
        return f"00:{self.rng.randrange(10):02d}:{self.rng.randrange(60):02d}"


@functools.cache
def _gazetteer() -> frozenset[str]:
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from samu_desktop.pii.names import gazetteer

    firsts, surnames, common = gazetteer()
    return firsts | surnames | common


def _synthetic(rng: random.Random, heads: list[str], tails: list[str]) -> str:
    """A name glued from syllables that the detector's lists do not hold."""
    while True:
        word = rng.choice(heads) + rng.choice(tails)
        if word.lower() not in _gazetteer() and _plain(word) not in _gazetteer():
            return word


def _plain(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def novel(text: str) -> bool:
    """No word of ``text`` is in the detector's gazetteer."""
    words = [w for w in re.split(r"[\s\-']+", text.lower()) if len(w) > 2]
    return bool(words) and not any(w in _gazetteer() or _plain(w) in _gazetteer()
                                   for w in words)


def _ascii(text: str) -> str:
    plain = unicodedata.normalize("NFKD", text.lower())
    return "".join(ch for ch in plain if ch.isascii() and (ch.isalnum() or ch == "-"))


def _e(text: str) -> str:
    return html.escape(text)


# Layouts: each returns the <body> inner HTML; values through page.v() -----------

def banner(p: Page) -> str:
    """The communication banner: current call and a history of call lines."""
    r = p.rng
    lines = []
    for _ in range(r.randrange(6, 11)):
        arrow = r.choice(["↗", "↙", "↘", "⟳"])
        if p.patient and r.random() < 0.75:
            who = p.v("name", p.name())
            num = p.v("phone", p.phone())
        else:
            who = _e(r.choice(STAFF + VEHICLES))
            num = _e(f"poste {r.randrange(2000, 2999)}")
        lines.append(f'<div class="hist">{arrow} {p.time()} {who} {num} {p.duration()}</div>')
    current = (f'<div class="cur">Appel en cours — {p.v("name", p.name())} — '
               f'{p.v("phone", p.phone())}</div>' if p.patient else
               '<div class="cur">Aucun appel en cours — file ARM : 2 en attente</div>')
    return (f'<div class="top">SI-SAMU · Bandeau de communication · '
            f'{_e(r.choice(STAFF))}</div>{current}'
            f'<div class="panel"><h3>Historique des appels</h3>{"".join(lines)}</div>'
            + side_menu(p))


def side_menu(p: Page) -> str:
    items = "".join(f"<li>{_e(m)}</li>" for m in UI_MENUS)
    return f'<ul class="menu">{items}</ul>'


def table(p: Page) -> str:
    r = p.rng
    head = ["Heure", "Contact", "Téléphone", "Motif", "Moyen", "Statut"]
    if not p.patient:
        head = ["Heure", "Poste", "Motif", "Moyen", "Statut", "Durée"]
    rows = []
    for i in range(r.randrange(7, 14)):
        if p.patient:
            cells = [p.time(), p.v("name", p.name()), p.v("phone", p.phone()),
                     _e(r.choice(MOTIVES)), _e(r.choice(VEHICLES)), _e(r.choice(STATUS))]
        else:
            cells = [p.time(), _e(r.choice(STAFF)), _e(r.choice(MOTIVES)),
                     _e(r.choice(VEHICLES)), _e(r.choice(STATUS)), p.duration()]
        cls = ' class="sel"' if i == 2 else ""
        rows.append(f"<tr{cls}>" + "".join(f"<td>{c}</td>" for c in cells) + "</tr>")
    ths = "".join(f"<th>{_e(h)}</th>" for h in head)
    return (f'<div class="top">Régulation — Dossiers du jour</div>{side_menu(p)}'
            f'<div class="main"><table><tr>{ths}</tr>{"".join(rows)}</table></div>')


def chat(p: Page) -> str:
    r = p.rng
    out = []
    for _ in range(r.randrange(4, 8)):
        if p.patient and r.random() < 0.6:
            text = r.choice([
                f"Rappeler {p.v('name', p.name())} au {p.v('phone', p.phone())}",
                f"Mme {p.v('name', p.surname())} signale un malaise, tél. "
                f"{p.v('phone', p.phone())}",
                f"Famille de {p.v('name', p.name())} en ligne {p.v('phone', p.phone())}",
                f"Patient {p.v('name', p.name())} né le {p.v('birth_date', p.birth())}",
            ])
            out.append(f'<div class="b me">{text}</div>')
        else:
            text = r.choice(["Bien reçu, je transmets au médecin", "Moyen engagé",
                             f"{r.choice(VEHICLES)} sur place", "Bilan passé au régulateur",
                             "Merci, je clôture", f"Motif : {r.choice(MOTIVES)}"])
            out.append(f'<div class="b {r.choice(["me", "them"])}">{_e(text)}</div>')
    return (f'<div class="top">Messagerie interne — {_e(r.choice(STAFF))}</div>'
            f'<div class="chat">{"".join(out)}</div>')


def notes(p: Page) -> str:
    r = p.rng
    paras = []
    for _ in range(r.randrange(3, 6)):
        if p.patient and r.random() < 0.7:
            paras.append(r.choice([
                f"Patient {p.v('name', p.name().lower())} né le {p.v('birth_date', p.birth())}"
                f", chute dans l'escalier, conscient.",
                f"Rappel de la fille ({p.v('name', p.name())}) au {p.v('phone', p.phone())} "
                f"pour nouvelles.",
                f"Domicile : {p.v('address', p.address())}. Code porte 1234.",
                f"Mme {p.v('name', p.surname())} {r.choice(['appelle', 'rappelle'])} pour "
                f"son mari, {r.choice(MOTIVES).lower()}.",
                f"DDN {p.v('birth_date', p.birth())} — NIR {p.v('nir', p.nir())}",
                f"Contact : {p.v('email', p.email())}",
            ]))
        else:
            paras.append(_e(r.choice([
                f"{r.choice(VEHICLES)} engagé à {p.time()}, arrivée prévue 20 min.",
                "Appel transféré au médecin régulateur.",
                f"Motif : {r.choice(MOTIVES)}. Priorité P1.",
                "Lenteur du logiciel depuis 13:04, redémarrage du poste demandé.",
            ])))
    body = "".join(f"<p>{t}</p>" for t in paras)
    return (f'<div class="top">Observations — {_e(r.choice(STAFF))}</div>{side_menu(p)}'
            f'<div class="main notes">{body}</div>')


def search(p: Page) -> str:
    r = p.rng
    term = p.v("name", p.surname().upper()) if p.patient else _e(r.choice(MOTIVES))
    results = []
    for _ in range(r.randrange(3, 7)):
        if p.patient:
            results.append(f"<li>{p.v('name', p.name())} — {p.v('birth_date', p.birth())} — "
                           f"{p.v('record_number', p.record())}</li>")
        else:
            results.append(f"<li>{_e(r.choice(VEHICLES))} — {_e(r.choice(STATUS))}</li>")
    return (f'<div class="top">Recherche</div>{side_menu(p)}<div class="main">'
            f'<div class="search">Rechercher : <span class="box">{term}</span>'
            f' <button>OK</button></div><ul class="res">{"".join(results)}</ul></div>')


def case_file(p: Page) -> str:
    r = p.rng
    if p.patient:
        fields = [
            ("Nom", p.v("name", p.surname().upper())), ("Prénom", p.v("name", p.first())),
            ("Né(e) le", p.v("birth_date", p.birth())), ("Tél.", p.v("phone", p.phone())),
            ("Adresse", p.v("address", p.address())), ("NIR", p.v("nir", p.nir())),
            ("Courriel", p.v("email", p.email())), ("Motif", _e(r.choice(MOTIVES))),
        ]
        title = f"Dossier de régulation n° {p.v('record_number', p.record())}"
    else:
        fields = [("Motif", _e(r.choice(MOTIVES))), ("Moyen", _e(r.choice(VEHICLES))),
                  ("Statut", _e(r.choice(STATUS))), ("Opérateur", _e(r.choice(STAFF)))]
        title = "Dossier de régulation — aucun patient sélectionné"
    r.shuffle(fields)
    rows = "".join(f"<tr><th>{_e(k)}</th><td>{v}</td></tr>" for k, v in fields)
    return (f'<div class="top">{title}</div>{side_menu(p)}'
            f'<div class="main"><table class="form">{rows}</table>'
            f'<p class="foot">Dernière mise à jour {p.time()} par {_e(r.choice(STAFF))}</p>'
            f'</div>')


def modal(p: Page) -> str:
    """Any layout under a dimmed backdrop, with an error dialog on top."""
    inner = p.rng.choice([banner, table, notes])(p)
    return (inner + '<div class="backdrop"></div><div class="dialog"><b>Erreur</b><p>'
            'Le serveur de régulation ne répond pas (délai dépassé). Réessayez ou contactez '
            'le support.</p><button>Réessayer</button> <button>Fermer</button></div>')


LAYOUTS: list[tuple[str, Callable[[Page], str]]] = [
    ("banner", banner), ("table", table), ("chat", chat), ("notes", notes),
    ("search", search), ("case_file", case_file), ("modal", modal),
]


def css(theme: dict[str, str], family: str, size: int) -> str:
    t = theme
    return f"""
html,body{{margin:0;height:100%;overflow:hidden;background:{t['bg']};color:{t['fg']};
 font-family:'{family}';font-size:{size}px}}
.top{{background:{t['head']};color:{t['headfg']};padding:.5em 1em;font-weight:bold}}
.cur{{padding:.4em 1em;background:{t['panel']};border-bottom:1px solid {t['border']}}}
.panel{{margin:.5em 1em;padding:.3em .8em;border:1px solid {t['border']};float:left;width:55%}}
.hist{{padding:.15em 0;white-space:nowrap}}
.menu{{float:left;list-style:none;margin:0;padding:.5em 1em;background:{t['panel']};
 height:100%;color:{t['muted']}}}
.menu li{{padding:.3em 0}}
.main{{margin-left:11em;padding:.8em}}
table{{border-collapse:collapse}}
td,th{{padding:.3em .7em;border-bottom:1px solid {t['border']};text-align:left}}
th{{background:{t['head']};color:{t['headfg']}}}
table.form th{{background:transparent;color:{t['muted']};font-weight:normal}}
tr:nth-child(even){{background:{t['alt']}}}
tr.sel{{background:{t['sel']}}}
.chat{{padding:1em;max-width:48em}}
.b{{margin:.5em 0;padding:.5em .9em;border-radius:1em;max-width:34em;clear:both}}
.b.me{{background:{t['bubble']};color:{t['bubblefg']};float:right}}
.b.them{{background:{t['bubble2']};float:left}}
.notes p{{max-width:50em;line-height:1.5}}
.search .box{{display:inline-block;min-width:14em;padding:.3em .5em;
 background:{t['input']};border:1px solid {t['border']}}}
.res li{{padding:.25em 0}}
.foot{{color:{t['muted']};font-size:.85em}}
.backdrop{{position:fixed;inset:0;background:rgba(0,0,0,.45)}}
.dialog{{position:fixed;left:30%;top:30%;width:28em;padding:1em;background:{t['panel']};
 border:1px solid {t['border']};box-shadow:0 4px 20px #0008}}
.hide .v{{color:transparent!important}}
"""


_RECTS = """
const dpr = devicePixelRatio, out = [];
for (const el of document.querySelectorAll('.v')) {
  for (const r of el.getClientRects())
    out.push([+el.dataset.v, r.left*dpr, r.top*dpr, r.right*dpr, r.bottom*dpr]);
}
return out;
"""


def render(ff: Firefox, html_text: str, tmp: Path, index: int
           ) -> tuple[Image.Image, Image.Image]:
    """The page's screenshot and its label image (value ids on their ink)."""
    page = tmp / f"page{index}.html"
    page.write_text(html_text, encoding="utf-8")
    ff.navigate(page.as_uri())
    ff.script("return document.fonts.ready.then(() => 1)")
    shot = Image.open(io.BytesIO(ff.screenshot())).convert("RGB")
    rects = ff.script(_RECTS)
    ff.script("document.body.classList.add('hide'); return 1")
    bare = Image.open(io.BytesIO(ff.screenshot())).convert("RGB")
    diff = ImageChops.difference(shot, bare).convert("L").point(lambda v: 255 if v > 8 else 0)
    labels = Image.new("L", shot.size, 0)
    for vid, x0, y0, x1, y1 in rects:
        box = (int(x0), int(y0), int(x1 + 0.999), int(y1 + 0.999))
        ink = diff.crop(box)
        labels.paste(int(vid), box, mask=ink)
    return shot, labels


def generate(out_dir: Path, count: int = 28, seed: int = 11, split: str = "dev"
             ) -> dict[str, object]:
    out_dir.mkdir(parents=True, exist_ok=True)
    rng = random.Random(f"{split}-{seed}")
    screens = []
    with Firefox() as ff, tempfile.TemporaryDirectory(prefix="pii-web-") as tmp:
        for index in range(count):
            name, layout = LAYOUTS[index % len(LAYOUTS)]
            patient = (index // len(LAYOUTS)) % 4 != 3  # one round in four is clean
            page = Page(random.Random(rng.random()), split, patient=patient)
            blind = split == "blind"
            theme_name = rng.choice(["light", "light", "dark"] + (["slate"] if blind else []))
            family = rng.choice(FAMILIES[split])
            font_px = rng.choice(BLIND_FONT_PX if blind else [11, 12, 13, 14, 16])
            width, height, scale = rng.choice(BLIND_SIZES if blind else SIZES)
            zoom = rng.choice(BLIND_ZOOMS if blind else ZOOMS)
            dppx = scale * zoom
            body = layout(page)
            doc = (f"<!doctype html><html lang=fr><meta charset=utf-8><style>"
                   f"{css(THEMES[theme_name], family, font_px)}</style><body>{body}</body></html>")
            ff.set_dppx(dppx)
            ff.set_viewport(round(width / dppx), round(height / dppx))
            shot, labels = render(ff, doc, Path(tmp), index)
            stem = f"web{index:03d}-{name}"
            shot.save(out_dir / f"{stem}.png", compress_level=1)
            labels.save(out_dir / f"{stem}.labels.png", compress_level=1)
            screens.append({
                "file": f"{stem}.png", "labels": f"{stem}.labels.png", "layout": name,
                "has_patient_data": bool(page.values), "width": shot.width,
                "height": shot.height, "font": family, "font_px": font_px,
                "theme": theme_name, "zoom": zoom, "scale": scale,
                "values": page.values,
            })
    manifest: dict[str, object] = {"seed": seed, "split": split, "screens": screens}
    (out_dir / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=1),
                                           encoding="utf-8")
    return manifest


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--count", type=int, default=28)
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--split", choices=["dev", "dev2", "holdout", "blind"], default="dev")
    args = parser.parse_args(argv)
    manifest = generate(args.out_dir, args.count, args.seed, args.split)
    screens = manifest["screens"]
    assert isinstance(screens, list)
    print(f"{len(screens)} screens, {sum(len(s['values']) for s in screens)} values "
          f"-> {args.out_dir}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
