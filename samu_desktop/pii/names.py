"""Names with no label: call-history lines, chat, free text, lists, in any case.

A run of words is a person's name when its words look like names and are not
the screen's own words:
- a word is *name-like* when it is no function word, label, interface or
  domain word ("VSAV", "poste", "Motif"), and it is either in the gazetteer
  (first names and surnames of many origins, ``resources/pii``) or no ordinary
  French word;
- a run of two to five such words is a name when one of them is a known first
  name ("poirier louis", "Sow Dragan", "faye bilal"), or a known surname in a
  run not all in lower case ("GUICHARD Françoise"), or an upper-case word of
  five letters or more beside a capitalised one ("KERBRAT Soizic");
- a run just before or after a phone number ("Kerbrat Soizic 06 12 …") is the
  caller's name with any two name-like words;
- one upper-case known surname alone in its field ("PEREZ" in a search box).
Particles ("de La Roche", "du Plessis", "Van der Berg", "Ben", "El") join a run
when a name-like word follows.

The gazetteer is data, loaded once (``resources/pii``, see
``scripts/build_name_lists.py`` for sources and licences); without it, only
the shape rules remain. Pure functions: safe from any thread.
"""

from __future__ import annotations

import functools
import itertools
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass

from samu_desktop.pii import lexicon as lx

_TOKEN = re.compile(rf"[{lx.LETTERS}](?:[{lx.LETTERS}]|['’\-](?=[{lx.LETTERS}]))*")
# What may stand between two words of one name: spaces only. Anything else
# (a digit, a bracket, a dash with spaces, a comma, a tab) ends the run.
_GAP = re.compile(r"^[ \u00a0\u202f]+$")


# The programme's name however OCR reads it: "SI-SAMU", "SI-SANU", "S-SAMU".
_PROGRAMME = re.compile(r"s[il1|]?-?s[a4][mn][uv]|samu")


@dataclass(frozen=True, slots=True)
class _Token:
    start: int
    end: int
    text: str
    fold: str


def fold(word: str) -> str:
    """Lower case with the usual apostrophe; accents kept (the lists keep them)."""
    return word.lower().replace("’", "'")


def _plain(word: str) -> str:
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _read(name: str) -> frozenset[str]:
    from samu_desktop.resources import resource_path

    try:
        text = resource_path("pii", name).read_text(encoding="utf-8")
    except (FileNotFoundError, OSError):
        return frozenset()
    words = set(text.splitlines())
    # OCR often drops an accent: the plain spelling counts too.
    words.update([_plain(w) for w in words if not w.isascii()])
    return frozenset(w for w in words if w and not w.startswith("#"))


@functools.cache
def gazetteer() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """(first names, surnames, ordinary words), folded; loaded once (about 50 ms)."""
    return (_read("first_names.txt") | _read("first_names_extra.txt"), _read("surnames.txt"),
            _read("common_words.txt"))


# Words that never belong to a patient's name on these screens: function
# words, labels, interface words, and the domain's vehicles, staff and places.
DOMAIN_WORDS = frozenset(
    {"vsav", "vlm", "vli", "vl", "vsl", "ar", "ap", "smur", "samu", "sdis", "mg", "umh", "psm",
     "hélico", "helico", "hélismur", "dragon", "ambulance", "ambulances", "taxi", "arm", "mrl",
     "dr", "pr", "poste", "secteur", "garde", "régulateur", "regulateur", "superviseur",
     "médecin", "medecin", "infirmier", "infirmière", "pompiers", "gendarmerie", "police",
     "centre", "hôpital", "hopital", "clinique", "ehpad", "urgences", "caserne", "cis",
     "nord", "sud", "est", "ouest", "crra", "si-samu", "sisamu", "bandeau", "appel",
     "appels", "historique", "file", "attente", "co", "avp", "p0", "p1", "p2", "p3"}
)
# French function words: never part of a name, whatever a gazetteer says ("Son",
# "Mai" and "Ion" are first names too).
_FUNCTION_TEXT = (
    "à au aux avec ce ces cet cette chez contre dans de depuis des du en entre et il ils elle "
    "elles je tu nous vous on lui leur leurs eux se sa son ses mon ma mes ton ta tes notre "
    "votre nos vos ne pas plus moins très tout tous toute toutes même aussi alors ici là "
    "quand comme lors où dont cela ça y par pour sur sous sans selon vers après avant puis "
    "donc mais car si ou ni que qui quoi est sont été être avoir a ont fait une un les la le "
    "l d n s c j m t qu"
)
FUNCTION_WORDS = frozenset(_FUNCTION_TEXT.split())


@functools.cache
def stop_words() -> frozenset[str]:
    words = {fold(w) for w in (
        *lx.NAME_STOP_WORDS, *lx.LABEL_WORDS, *lx.HEADER_WORDS, *lx.NOT_FIRST_NAMES,
        *lx.NOT_SURNAMES, *lx.HEADER_KINDS, *DOMAIN_WORDS, *FUNCTION_WORDS)}
    words |= set(lx.MONTHS.replace("[ée]", "é").replace("[uû]", "û").split("|"))
    return frozenset(words | {_plain(w) for w in words})


def _tokens(text: str) -> list[_Token]:
    return [_Token(m.start(), m.end(), m.group(), fold(m.group())) for m in _TOKEN.finditer(text)]


def _in(word: str, names: frozenset[str]) -> bool:
    """``word`` or every part of a hyphenated ``word`` in ``names``."""
    if word in names:
        return True
    # "Faye-Hoarau", "Jean-Marc", "m'bappé-ahmed": one known part is enough.
    parts = word.replace("'", "-").split("-")
    return len(parts) > 1 and any(p in names and len(p) >= 3 for p in parts)


def _common(word: str, common: frozenset[str]) -> bool:
    return word in common or (word.endswith(("s", "x")) and word[:-1] in common)


class _Kinds:
    """What a token is: first name, surname, ordinary word, stop word, particle."""

    def __init__(self, token: _Token) -> None:
        firsts, surnames, common = gazetteer()
        w = token.fold
        # OCR reads a capital I as a lower-case l ("loana" for "Ioana").
        self.misread_i = w.startswith("l") and w not in firsts and w not in surnames and (
            "i" + w[1:] in firsts or "i" + w[1:] in surnames)
        if self.misread_i:
            w = "i" + w[1:]
        self.particle = w in lx.PARTICLES or w in {"le", "la", "van", "von", "der", "den",
                                                    "ben", "bin", "ibn", "el", "al", "ait",
                                                    "aït", "da", "dos", "di", "del", "della"}
        self.stop = w in stop_words() or len(w) < 2 or bool(_PROGRAMME.search(w))
        self.first = not self.stop and _in(w, firsts)
        self.surname = not self.stop and _in(w, surnames)
        self.common = _common(w, common) or _common(_plain(w), common)
        letters = [ch for ch in token.text if ch.isalpha()]
        self.upper = len(letters) >= 2 and all(ch.isupper() for ch in letters)
        self.long = len(letters) >= 5
        self.letters = len(letters)
        self.capital = token.text[0].isupper() or self.misread_i
        # A short upper-case word no list knows may be an acronym ("VSAY" is
        # "VSAV" misread): on its own shape, no name evidence.
        self.acronym = self.upper and len(letters) <= 4 and not (self.first or self.surname)
        self.namey = not self.stop and (self.first or self.surname or not self.common)


def _runs(text: str, tokens: list[_Token], kinds: list[_Kinds]) -> Iterator[tuple[int, int]]:
    """Index ranges [i, j) of tokens separated by spaces only, name-like or particles."""
    i = 0
    while i < len(tokens):
        if not (kinds[i].namey or kinds[i].particle):
            i += 1
            continue
        j = i + 1
        while j < len(tokens) and (kinds[j].namey or kinds[j].particle) and _GAP.match(
                text[tokens[j - 1].end : tokens[j].start]):
            j += 1
        # Particles belong to a name only before a name-like word ("du Plessis").
        if not any(k.namey and not k.particle for k in kinds[i:j]):
            i = j
        # "appel de Sophie BERNARD": a lower-case particle before a capitalised
        # first name is the sentence's preposition, not part of the name.
        while i + 1 < j and kinds[i].particle and not kinds[i].capital and (
                kinds[i + 1].first and kinds[i + 1].capital):
            i += 1
        # A trailing particle is a preposition ("Jean de"), unless in capitals
        # after other capitals ("Nguyen LE DU", "LE DU CAMILLE") or just before
        # the person's data ("ibrahima le du — 1935-04-21").
        data_after = bool(_DATA_AFTER.match(text, tokens[j - 1].end))
        while j > i and kinds[j - 1].particle and not kinds[j - 1].first and not (
                kinds[j - 1].upper and j - 1 > i and kinds[j - 2].upper) and not data_after:
            j -= 1
        if j > i:
            yield i, j
        i = max(j, i + 1)


# What follows or precedes a caller's name on a call line or in a list: a
# phone number, a date or a case number, with at most a dash between.
_DATA_AFTER = re.compile(
    r"[ \u00a0]*[)\]]?[ \u00a0]*[:\-—–(,]?[ \u00a0]*"
    r"(?:(?:au|tél\.?|tel\.?|en[ \u00a0]+ligne[ \u00a0]*:?)[ \u00a0]+)?"
    r"(?:(?:\+|00)[ .\-]?33|0[1-9](?:[ .,\-]?\d\d){4}(?!\d)"
    rf"|\d{{1,2}}[/.\-]\d{{1,2}}[/.\-]\d{{2,4}}|(?:19|20)\d\d-\d\d-\d\d"
    rf"|(?:1er|\d{{1,2}})[ \u00a0]+(?:{lx.MONTHS})\.?[ \u00a0]+(?:19|20)\d\d"
    # "… jiouane villeenne né le 19/10/37": whoever is born on a date is a person.
    r"|n[ée]e?(?:\(e\))?[ \u00a0]+le\b|n[ée]e?(?:\(e\))?[ \u00a0]*:?[ \u00a0]*\d)",
    re.IGNORECASE,
)
_DATA_BEFORE = re.compile(
    r"(?:(?:\+33|0)[ .\-]?[1-9](?:[ .\-]?\d\d){4}|\d{1,2}[/.\-]\d{1,2}[/.\-]\d{2,4})"
    r"[ \u00a0]*[:\-—–,)]?[ \u00a0]*$"
)


def _data_beside(text: str, start: int, end: int) -> bool:
    return bool(_DATA_AFTER.match(text, end)) or bool(
        _DATA_BEFORE.search(text, max(0, start - 30), start))


def _accept(core: list[_Kinds], alone: bool, phone: bool, particles: bool = False) -> bool:
    if not core or len(core) > 5:
        return False
    if len(core) == 1:
        k = core[0]
        if phone and particles and (k.first or k.surname):
            return True  # "le du karim — 16.08.49": particles as a surname
        return alone and k.upper and k.surname and not k.common and k.long
    # A name is written in one case style: "Jean Martin", "MARTIN Jean", "jean
    # martin". A capital beside lower case is a sentence or an OCR misread.
    if phone:
        return True
    lower = [not k.capital for k in core]
    if any(lower) and not all(lower):
        return False
    if all(lower) and all(k.common for k in core):
        return False  # ordinary words that are also names ("rose", "pierre")
    if any(k.first for k in core):
        return True
    known = any(k.surname for k in core)
    if known and (not all(lower) or not any(k.common for k in core)):
        return True
    if any(k.common for k in core):
        return False
    # Names no list knows: an upper-case word of five letters or more with
    # another capitalised one, or two capitalised words of three letters or
    # more that are no ordinary word ("Nadia Bensaïd" when neither is listed).
    return any(k.upper and k.long for k in core) or (
        all(k.capital and k.letters >= 3 and not k.acronym for k in core))


# A call line of a communication banner: a time, who called, their number
# ("↗ 13:04 Sow Dragan +33 (0)2 78 97 02 86 00:03:59"). Whatever stands between
# the time and the number is the caller, even misread ("MO: EAU OUSMANE").
_CALL_LINE = re.compile(
    r"(?<![\d:])\d{1,2}:\d\d(?::\d\d)?[ \u00a0]+(?P<who>[^\t\n\d]{2,60}?)[ \u00a0]*"
    r"(?=(?:\+|00)[ .\-]?33|0[1-9](?:[ .\-]?\d\d){4}(?!\d))"
)


def _callers(text: str) -> list[tuple[int, int]]:
    spans = []
    for m in _CALL_LINE.finditer(text):
        tokens = _tokens(m.group("who"))
        if not 1 <= len(tokens) <= 5 or any(_Kinds(t).stop and not _Kinds(t).particle
                                             for t in tokens):
            continue  # "SMUR Brest", "poste 12": a service, not a caller
        if sum(ch.isalpha() for ch in m.group("who")) < 3:
            continue
        spans.append((m.start("who"), m.start("who") + len(m.group("who").rstrip())))
    return spans


_CIVILITY_WORDS = frozenset({"m", "mr", "mme", "mlle", "madame", "monsieur", "mademoiselle",
                             "dr", "docteur", "pr", "professeur", "me", "maître"})


def find_names(text: str) -> list[tuple[int, int]]:
    """Spans of ``text`` that look like a person's name without any label."""
    tokens = _tokens(text)
    if not tokens:
        return []
    callers = _callers(text)
    kinds = [_Kinds(t) for t in tokens]
    # "DE LA TOUR D'AUVERGNE", "de La Roche": an ordinary word after a capitalised
    # particle is a surname's part.
    for a, b in itertools.pairwise(range(len(tokens))):
        if kinds[a].particle and kinds[a].capital and kinds[b].capital and kinds[b].common \
                and not kinds[b].stop and _GAP.match(text[tokens[a].end : tokens[b].start]):
            kinds[b].namey = True
    spans: list[tuple[int, int]] = []
    for i, j in _runs(text, tokens, kinds):
        core = [k for k in kinds[i:j] if k.namey and not (k.particle and not k.first)]
        if len(core) == 1 and j - i >= 3 and all(k.capital for k in kinds[i:j]):
            core = kinds[i:j]  # "Le Du Loïc", "LE DU CAMILLE": particles as a surname
        if (j - i > len(core) and kinds[i].particle and not kinds[i].capital and i > 0
                and kinds[i - 1].common and tokens[i - 1].fold not in _CIVILITY_WORDS
                and _GAP.match(text[tokens[i - 1].end : tokens[i].start])):
            i += 1  # "Famille de douatier solyne": the preposition of the sentence
        start, end = tokens[i].start, tokens[j - 1].end
        before = text[:start].rstrip(" \u00a0")
        after = text[end:].lstrip(" \u00a0")
        alone = (not before or before[-1] in "\t\n") and (not after or after[0] in "\t\n")
        if _accept(core, alone, _data_beside(text, start, end), particles=j - i > len(core)):
            spans.append((start, end))
    return spans + callers


def looks_like_name(text: str) -> bool:
    """Whether ``text`` (a search box's entry, a cell) is made of name-like words only,
    at least one of them no ordinary word or a known name."""
    # OCR splits a misread word into bits ("Na&hesa"): bits of one or two
    # letters prove nothing either way.
    tokens = [t for t in _tokens(text) if len(t.text) > 2]
    if not tokens or len(tokens) > 5:
        return False
    kinds = [_Kinds(t) for t in tokens]
    if not all(k.namey or k.particle for k in kinds):
        return False
    return any((k.first or k.surname or not k.common) and not k.particle for k in kinds)


def gazetteer_name_end(text: str, pos: int, limit: int = 3) -> int:
    """End of the run of known names that starts at ``pos``, in any case ("Patient
    chevalier clémence né le…"), or ``pos`` when the first word is no known name."""
    end = pos
    for count, m in enumerate(_TOKEN.finditer(text, pos)):
        gap = text[end : m.start()]
        if count >= limit or (gap.strip() if count == 0 else not _GAP.match(gap)):
            break
        k = _Kinds(_Token(m.start(), m.end(), m.group(), fold(m.group())))
        if k.stop or not (k.first or k.surname):
            break
        end = m.end()
    return end
