"""From OCR words to rows and cells, the way a person reads a screen.

A row is a run of words on one baseline; a cell is a run of words of a row
separated by ordinary word spaces. A wide gap (a table column, a form's label
and its value) starts a new cell. Detectors then reason about cells: a label
cell, the value cell beside it or under it, the cells of a table column.
"""

from __future__ import annotations

import functools
import statistics
import unicodedata
from dataclasses import dataclass, field

from samu_desktop.pii.lexicon import HEADER_KINDS, HEADER_WORDS
from samu_desktop.pii.ocr import OcrWord


@dataclass
class Cell:
    words: list[OcrWord]

    @property
    def left(self) -> int:
        return self.words[0].left

    @property
    def right(self) -> int:
        return max(w.right for w in self.words)

    @property
    def top(self) -> int:
        return min(w.top for w in self.words)

    @property
    def bottom(self) -> int:
        return max(w.bottom for w in self.words)

    @property
    def text(self) -> str:
        return " ".join(w.text for w in self.words)


@dataclass
class Row:
    words: list[OcrWord]
    cells: list[Cell] = field(default_factory=list)

    @property
    def top(self) -> int:
        return min(w.top for w in self.words)

    @property
    def bottom(self) -> int:
        return max(w.bottom for w in self.words)

    @property
    def height(self) -> float:
        """Typical word height of the row (capital height, more or less)."""
        return float(statistics.median(w.height for w in self.words))


def build_rows(words: list[OcrWord], cell_gap: float = 1.4) -> list[Row]:
    """Group words into rows (top to bottom), and each row into cells (left to right)."""
    ordered = sorted((w for w in words if w.height > 0), key=lambda w: w.top + w.height / 2)
    rows: list[Row] = []
    centre = 0.0
    height = 0.0
    for w in ordered:
        c = w.top + w.height / 2
        # Punctuation (a colon read apart, a dash) joins the row it sits in.
        small = rows and w.height < 0.5 * height and rows[-1].top <= c <= rows[-1].bottom
        if rows and (small or abs(c - centre) <= 0.45 * max(height, w.height)):
            row = rows[-1]
            row.words.append(w)
            n = len(row.words)
            centre += (c - centre) / n
            height = max(height, w.height) if n < 3 else row.height
        else:
            rows.append(Row([w]))
            centre, height = c, float(w.height)
    for row in rows:
        row.words.sort(key=lambda w: w.left)
        h = row.height
        current: list[OcrWord] = []
        for w in row.words:
            if current and w.left - current[-1].right > cell_gap * h:
                row.cells.append(Cell(current))
                current = []
            current.append(w)
        row.cells.append(Cell(current))
    return rows


def _plain(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _squash(text: str) -> str:
    """Lower case, no accents, no punctuation or spaces: what OCR reads reliably."""
    return "".join(ch for ch in _plain(text) if ch.isalnum())


_HEADERS: dict[str, str] = {}
for _label, _kind in HEADER_KINDS.items():
    _HEADERS.setdefault(_squash(_label), _kind)
_HEADERS.pop("", None)
_NOT_LABELS = frozenset(_squash(w) for w in (*HEADER_WORDS, "portail", "bandeau", "appels"))


def _distance(a: str, b: str, limit: int) -> int:
    """Levenshtein distance, or ``limit + 1`` as soon as it is larger than ``limit``."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        if min(current) > limit:
            return limit + 1
        previous = current
    return previous[-1]


def _near(a: str, b: str) -> bool:
    """Close enough for OCR: one misread letter from 5 letters on, two from 8 on
    (not for 4: "Main" is not "mail")."""
    shortest = min(len(a), len(b))
    limit = 0 if shortest < 5 else 1 if shortest < 8 else 2
    return limit > 0 and _distance(a, b, limit) <= limit


@functools.lru_cache(maxsize=4096)
def label_kind(text: str, loose: bool = False) -> str | None:
    """The kind of value a label announces ("Né(e) le :" -> birth_date), or None.

    ``loose`` also accepts one misread letter in a 3-letter label ("DoN" for
    "DDN") and two in a label of 7 letters or more ("Comiaune"): only for a row
    already known to be a table's header.
    """
    key = _squash(text.strip().rstrip(":*").strip())
    if not key or len(key) > 24:
        return None
    kind = _HEADERS.get(key)
    if kind is not None:
        return kind
    if key.endswith("s") and key[:-1] in _HEADERS:
        return None  # a plural is a menu entry or a title ("Patients"), not a label
    if key in _NOT_LABELS:
        return None  # "Attente" is one misread letter or two from "Patiente"
    if loose:
        # One more misread letter than usual: 3-letter labels, and "Comiaune".
        for label, label_kind_ in _HEADERS.items():
            limit = 1 if len(label) == 3 else 2 if min(len(label), len(key)) >= 7 else 0
            if limit and _distance(key, label, limit) <= limit:
                return label_kind_
    for label, label_kind_ in _HEADERS.items():
        if _near(key, label):
            return label_kind_
        # OCR lost the end of the label ("N° dossi").
        if len(key) >= 5 and len(key) >= 0.7 * len(label) and label.startswith(key):
            return label_kind_
    return None


# Words that continue a label into another meaning ("Nom du routage").
_CONTINUATIONS = frozenset({"du", "de", "des", "d'", "d’", "la", "le", "les", "en", "à", "au",
                            "aux", "pour", "par", "sur", "et"})


def leading_label(cell: Cell) -> tuple[str, int] | None:
    """The label that starts a cell and how many words it takes, or None.

    A table's header cells sometimes come out of OCR as one ("Numéro appelant
    Attente"): the longest run of first words that is a label wins.
    """
    for count in range(min(len(cell.words), 4), 0, -1):
        kind = label_kind(" ".join(w.text for w in cell.words[:count]))
        if kind is None:
            continue
        rest = cell.words[count:]
        # "Nom du routage" is not the label "Nom" followed by a value.
        if rest and rest[0].text.lower() in _CONTINUATIONS:
            continue
        return kind, count
    return None
