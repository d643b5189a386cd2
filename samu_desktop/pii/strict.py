"""Strict mode: deny by default. Every run of words that is not the interface's own
words is proposed, whatever it says.

For the user or the administrator who prefers hiding too much to missing a
name the rules do not know: the labels, headers, menus, buttons, statuses and
messages of the SI-SAMU tools stay visible (``lexicon.INTERFACE_WORDS`` and
the labels and column titles the detector knows), and so do times, durations
and short numbers; everything else (free text, names, codes) gets a box of
kind ``PatientDataKind.TEXT`` unless a rule already gave it a kind. The user
removes the boxes that hide the error the desk needs, or keeps them all.
"""

from __future__ import annotations

import functools
import re

from samu_desktop.pii import lexicon as lx
from samu_desktop.pii.kinds import PatientDataKind
from samu_desktop.pii.layout import Row, label_kind
from samu_desktop.pii.names import DOMAIN_WORDS, FUNCTION_WORDS, fold
from samu_desktop.pii.ocr import OcrWord

# Times, durations, short counts, punctuation: never patient data alone.
_HARMLESS = re.compile(r"^(?:\d{1,2}[:h]\d\d(?::\d\d)?|\d{1,3}|[^\w]+|P[0-3]|\d{1,3}\s?%)$")


@functools.cache
def interface_words() -> frozenset[str]:
    words = {fold(w) for w in (
        *lx.INTERFACE_WORDS, *lx.HEADER_WORDS, *lx.LABEL_WORDS, *lx.NOT_FIRST_NAMES,
        *lx.NOT_SURNAMES, *DOMAIN_WORDS, *FUNCTION_WORDS)}
    for label in lx.HEADER_KINDS:
        words.update(fold(w) for w in re.findall(r"[^\W\d_]+", label))
    return frozenset(words)


def _interface(word: OcrWord) -> bool:
    text = word.text.strip(".,;:!?()[]{}«»\"'’—–-*")
    if not text or _HARMLESS.match(word.text) or _HARMLESS.match(text):
        return True
    parts = [fold(p) for p in re.findall(r"[^\W\d_]+|\d+", text)]
    return bool(parts) and all(p in interface_words() or (p.isdigit() and len(p) <= 3)
                               for p in parts)


def mark_strict(rows: list[Row], marks: dict[int, PatientDataKind]) -> None:
    """Mark every word that is not the interface's own, cell by cell."""
    for row in rows:
        for cell in row.cells:
            if label_kind(cell.text) is not None:
                continue  # a label the detector knows ("Né(e) le", "Contact")
            for word in cell.words:
                if id(word) not in marks and not _interface(word):
                    marks[id(word)] = PatientDataKind.TEXT
