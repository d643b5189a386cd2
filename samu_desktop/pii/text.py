"""French patient-data detectors over plain text.

``find_patient_data(text)`` returns the character spans of what looks like
patient data: NIR/INS (key checked), phone numbers, birth dates next to a
label, e-mail addresses, postal addresses, names after a label or written
"DUPONT Jean", record numbers. Incident dates and times, versions, URLs and the
CRRA id are deliberately left alone: a report needs them.

The OCR layer (:mod:`samu_desktop.pii.ocr_detect`) feeds lines of recognised
words through the same function, so that typed text and screenshots follow
one set of rules. Pure functions, no state: safe to call from any thread.

Tabs and newlines separate fields: no number, name or date spans across them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from samu_desktop.pii import lexicon as lx
from samu_desktop.pii.kinds import PatientDataKind
from samu_desktop.pii.names import (
    DOMAIN_WORDS,
    find_names,
    fold,
    gazetteer,
    gazetteer_name_end,
    looks_like_name,
    stop_words,
)

K = PatientDataKind


@dataclass(frozen=True, slots=True)
class TextFinding:
    """``text[start:end]`` looks like patient data of this kind."""

    kind: PatientDataKind
    start: int
    end: int


# Separators allowed inside a number: one space (ordinary or non-breaking), a
# dot or a dash. Never a tab or a newline, which separate fields.
_S = r"[ .\-\u00a0\u202f]"
_SP = r"[ \u00a0\u202f]"  # spaces between words of one value

_NIR = re.compile(
    rf"(?<![\w+])(?P<sex>[1-478]){_S}?(?P<yy>\d\d){_S}?(?P<mm>\d\d){_S}?"
    rf"(?P<place>(?:\d\d|2[AaBb]){_S}?\d{{3}}|\d{{3}}{_S}?\d\d){_S}?(?P<order>\d{{3}})"
    rf"(?:{_S}?(?P<key>\d\d))?(?!\d)"
)
_NIR_LABEL = re.compile(
    r"(?i)\b(?:(?P<ins>ins|matricule\s+ins)|nir|nss|n°\s*ss|n°\s*s[ée]cu\w*|s[ée]cu(?:rit[ée]"
    r"\s+sociale)?|immatriculation|matricule)\b"
)

_LONG_NUMBER = re.compile(r"(?<![\w+.,/:-])\d(?: ?\d){13,14}(?![\w.,/:-])")

_PHONE = re.compile(
    rf"(?<![\w+/])(?<!\d{_S})(?<!\w-)(?:(?:\+|00){_S}?33{_S}?(?:\(0\){_S}?)?|0{_S}?)[1-9]"
    # Two separators: OCR reads "01.26.82. 78.48"; a dot read as a comma: "04.13.68.04,75".
    rf"(?:{_S}{{0,2}}\d|,{_S}?\d){{8}}(?!\d)"
)

_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}(?![\w-])")

# Before an address, a word that OCR cut off at an underscore read as a space
# ("daniel vidal@…"): lower-case ASCII, so never "à" or "écrire".
_EMAIL_HEAD = re.compile(r"(?<![\w.+-])[a-z0-9][a-z0-9._-]+ $")

_WORD_BEFORE = re.compile(r"(?<!\S)\S+ $")

_DAY = r"(?:0?[1-9]|[12]\d|3[01])"
_DATE = re.compile(
    rf"(?<![\d/.\-])(?:(?:19|20)\d\d-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])|{_DAY}{_SP}?[/.\-]{_SP}?(?:0?[1-9]|1[0-2]){_SP}?[/.\-]{_SP}?"
    rf"(?:(?:19|20)\d\d|\d\d)|(?:[1lI]er|{_DAY}){_SP}+(?:{lx.MONTHS})\.?{_SP}+(?:19|20)\d\d)"
    r"(?![\d/]|-\d)",
    re.IGNORECASE,
)
# A date followed by a time is an event ("12/03/2026 13:04", "le 12/03 à 13 h").
_TIME_AFTER = re.compile(r"[ \u00a0]*(?:à|a|,|-)?[ \u00a0]*\d{1,2}[:h]\d\d", re.IGNORECASE)
_BIRTH_LABEL = re.compile(
    # "Né(e)" alone counts before a tab or a digit: a form's label cut by OCR.
    r"(?i)(?<!\w)(?:n[ée](?:e|\(e\))?(?:\s+le|\s*:|[ \u00a0]*\t|[ \u00a0]+(?=\d))"
    r"|d\.?\s?d\.?\s?n\b\.?|date\s+de\s+naissance"
    r"|date\s+naiss\w*\.?|naissance)"
)
_AGE_AFTER = re.compile(r"\s*[(\-,]?\s*\d{1,3}\s*ans\b", re.IGNORECASE)

_STREET = re.compile(
    rf"(?<![\w,.])\d{{1,4}}(?:{_SP}?(?:bis|ter|quater|[a-dA-D])\b)?{_SP}?,?{_SP}*"
    rf"(?P<type>{lx.STREET_TYPES})\.?(?P<name>(?:{_SP}+[^\W\d_][\w'’\-]*){{1,7}})",
    re.IGNORECASE,
)
# An address with no street number: "lieu-dit Le Bourg", "hameau de Kervéguen",
# "rue des Lilas", "chemin de Kerlaz" (the name after the type has a capital).
_PLACE = re.compile(
    rf"(?<![\w\-])(?P<type>(?i:lieu[\- ]dit|lieudit|hameau|rue|avenue|av\.|boulevard|bd|chemin"
    rf"|impasse|all[ée]e|route|quai|place|r[ée]sidence|lotissement|cit[ée]|domaine|square"
    rf"|faubourg|villa|sentier|mont[ée]e|venelle|zone\s+artisanale)|ZA|ZI|ZAC)"
    rf"(?P<name>(?:{_SP}+(?:de|du|des|de{_SP}+la|d['’]|l['’]|la|le|les|aux?))?"
    rf"(?:{_SP}*[{lx.UP}][\w'’\-]+)(?:{_SP}+(?:de|du|des|la|le|les|d['’]|l['’])?{_SP}*"
    rf"[{lx.UP}][\w'’\-]+){{0,3}})",
)

_POSTAL = re.compile(
    rf"(?<![\w.,/])(?:(?:0[1-9]|[1-8]\d|9[0-8])\d{{3}}|2[AB]\d{{3}}){_SP}+"
    rf"(?:CEDEX{_SP}+)?(?P<city>[{lx.UP}][{lx.LETTERS}'’]*(?:[ \-][{lx.LETTERS}'’]+){{0,3}})"
)
_POSTAL_LABEL = re.compile(
    r"(?i)\b(?:cp|code\s+postal)\s*:?\s*(?:(?:0[1-9]|[1-8]\d|9[0-8])\d{3}|2[AB]\d{3})(?!\d)"
)
_ADDRESS_LABEL = re.compile(
    r"(?i)\b(?:adresse(?:\s+(?:postale|du\s+patient|patient|de\s+l['’]intervention))?"
    r"|domicile|lieu\s+d['’]intervention)\s*:[ \u00a0]*"
)

_NAME_LABEL = re.compile(
    rf"(?i)(?<!\w)(?:{lx.NAME_LABELS})(?:{_SP}*(?P<colon>:)|(?=\s))"
)
_CIVILITY = re.compile(rf"(?<!\w)(?:{lx.CIVILITIES})(?=\s)")
_WORD = re.compile(rf"{_SP}*(?P<w>[{lx.LETTERS}][{lx.LETTERS}'’\-.]*)")
_UPPER_RUN = re.compile(
    rf"(?<![\w\-'’])[{lx.UP}][{lx.UP}'’\-]*[{lx.UP}](?:{_SP}[{lx.UP}][{lx.UP}'’\-]*[{lx.UP}])*"
    rf"(?![\w\-'’])"
)
_CAP_WORD = rf"[{lx.UP}][{lx.LOW}]+(?:-[{lx.UP}][{lx.LOW}]+)?"
_CAP_BEFORE = re.compile(rf"(?<![\w\-'’])({_CAP_WORD}){_SP}$")
_CAP_AFTER = re.compile(rf"^{_SP}({_CAP_WORD})(?![\w\-'’])")

_RECORD = re.compile(
    r"(?i)(?:\bn[°ºo]\.?\s*(?:de\s+|d['’]\s*)?(?:dossier|drm|affaire|ipp|nda|patient|s[ée]jour)"
    # "Dossier de régulation n° …", "Dossier médical n° …": a few words, then n°.
    r"|\b(?:dossier|affaire)(?:[ \u00a0]+[^\W\d_][\w'’]*){1,3}?[ \u00a0]*n[°º]\.?"
    r"|\b(?:dossier|drm|ipp|nda)(?:\s*n[°ºo]\.?)?)(?:\s*:)?[ \u00a0]*"
    r"(?P<value>[A-Za-z0-9][A-Za-z0-9\-/_.]*\d[A-Za-z0-9\-/_]*)"
)

# "Dossier de régulation n° 2026-069-004512", "Affaire n° AFF-2025-013770".
_RECORD_TITLE = re.compile(
    r"(?i)\b(?:dossier|affaire|ipp|nda|drm|r[ée]f[ée]rence|r[ée]f\.?|intervention|appel)"
    r"\b[^\t\n\d:]{0,30}?\bn[°ºo]\.?\s*:?\s*(?P<value>[A-Za-z0-9][A-Za-z0-9\-/_.]*\d[A-Za-z0-9\-/_]*)"
)
# A case number's usual shapes, even without a label: a year then groups of
# digits ("2025/029/0035315", "AFF-2025-013770", "DR2025-030585"), 9 digits or
# more in all (a date has 8).
_RECORD_SHAPE = re.compile(
    r"(?<![\w/.:\-])(?:[A-Z]{1,5}[\-/.]?)?(?:19|20)\d\d(?:[\-/.][0-9]{2,9}){1,3}(?![\w/:\-])"
)
# "n° C52925-017096", "N° 2026-069-004512": a number sign before six digits or
# more is a file's number, whatever OCR made of the words before it.
_NUMBER_SIGN = re.compile(
    r"(?i)(?<!\w)n[°º]\.?[ \u00a0]*:?[ \u00a0]*"
    r"(?P<value>[A-Za-z]{0,5}[\-/.]?\d[\d\-/.]*\d)(?![\w/\-])"
)
# On a line that names someone, a number with separators and nine digits or
# more is their file's number, even with a misread year ("2926/021/2742726").
_LOOSE_RECORD = re.compile(
    r"(?<![\w/.:,+\-])[A-Za-z]{0,5}[\-/.]?\d{2,}(?:[\-/.]\d{2,}){1,3}(?![\w/:\-])"
)
# In a row that names someone, a long number of its own is their file's number.
_LONG_ID = re.compile(r"(?<![\w/.:,+\-])\d{6,12}(?![\w/.:,\-])")

_URL = re.compile(r"(?i)\b(?:https?://|ftp://|www\.)[^\s\t]+")


def _nir_key_ok(m: re.Match[str]) -> bool | None:
    """True or False when a key is present and checked; None without a key."""
    key = m.group("key")
    if key is None:
        return None
    body = re.sub(_S, "", "".join(m.group(g) for g in ("sex", "yy", "mm", "place", "order")))
    body = body.upper()
    # Corsica: 2A and 2B count as 19 and 18 (that is 20 minus one or two in
    # the department's place), the INSEE rule.
    body = body[:5] + body[5:7].replace("2A", "19").replace("2B", "18") + body[7:]
    number = int(body)
    return 97 - number % 97 == int(key)


def _find_nir(text: str, out: list[TextFinding]) -> None:
    for m in _NIR.finditer(text):
        label = _NIR_LABEL.search(text, max(0, m.start() - 40), m.start())
        month = int(m.group("mm"))
        month_ok = 1 <= month <= 12 or month >= 20
        key_ok = _nir_key_ok(m)
        checked = key_ok is True and month_ok
        # Without a label or a right key: only a well-formed number with a
        # plausible birth month (a wrong key may be an OCR misread digit).
        if not checked and label is None and (
            key_ok is False or not 1 <= month <= 12 or m.group("sex") not in "12"
        ):
            continue
        kind = K.INS if label is not None and label.group("ins") else K.NIR
        out.append(TextFinding(kind, m.start(), m.end()))
    # 14 or 15 digits in a row that are no valid NIR: most likely one misread or
    # mistyped (OCR drops a first digit on small fonts). Hidden all the same.
    for m in _LONG_NUMBER.finditer(text):
        if not any(f.start <= m.start() < f.end for f in out):
            out.append(TextFinding(K.NIR, m.start(), m.end()))


def _find_phones(text: str, out: list[TextFinding]) -> None:
    out.extend(TextFinding(K.PHONE, m.start(), m.end()) for m in _PHONE.finditer(text))


def _find_emails(text: str, out: list[TextFinding]) -> None:
    for m in _EMAIL.finditer(text):
        domain = m.group().rsplit("@", 1)[1].lower()
        if any(domain == d or domain.endswith("." + d) for d in lx.NOT_PATIENT_EMAIL_DOMAINS):
            continue
        start = m.start()
        # OCR reads "marie-claire_fournier@" as "marie-claire fournier@": take
        # back a word before that looks like part of an address, not French.
        before = _EMAIL_HEAD.search(text, max(0, start - 40), start)
        if before is None and m.group()[0] in "._-":
            # ".lefevre65@…": the address was cut just before; whatever the word.
            before = _WORD_BEFORE.search(text, max(0, start - 40), start)
        if before is not None:
            start = before.start()
        out.append(TextFinding(K.EMAIL, start, m.end()))


def _find_birth_dates(text: str, out: list[TextFinding]) -> None:
    for label in _BIRTH_LABEL.finditer(text):
        window_end = min(len(text), label.end() + 40)
        m = _DATE.search(text, label.end(), window_end)
        if m is not None and "\n\n" not in text[label.end() : m.start()]:
            out.append(TextFinding(K.BIRTH_DATE, m.start(), m.end()))
    for m in _DATE.finditer(text):
        if _AGE_AFTER.match(text, m.end()):
            out.append(TextFinding(K.BIRTH_DATE, m.start(), m.end()))


def _find_addresses(text: str, out: list[TextFinding]) -> None:
    for m in _STREET.finditer(text):
        end = m.start("name")
        words = list(re.finditer(r"[^\W\d_][\w'’\-]*", m.group("name")))
        street_type = m.group("type").lower().rstrip(".")
        capitalised = any(w.group()[0].isupper() for w in words)
        if street_type in lx.AMBIGUOUS_STREET_TYPES and not capitalised:
            continue
        for w in words:
            if w.group().lower() in lx.STREET_STOP_WORDS:
                break
            end = m.start("name") + w.end()
        if end > m.start("name"):
            out.append(TextFinding(K.ADDRESS, m.start(), end))
    for m in _PLACE.finditer(text):
        place_words = re.findall(r"[^\W\d_][\w'’\-]*", m.group("name"))
        if any(w.lower() in lx.STREET_STOP_WORDS or (
                fold(w) in stop_words() and fold(w) not in lx.PARTICLES) for w in place_words):
            continue  # "Accueil Route Statut": a menu, not a street
        out.append(TextFinding(K.ADDRESS, m.start(), m.end()))
    for m in _POSTAL.finditer(text):
        city_words = m.group("city").split()
        if city_words[0].lower() in lx.NOT_CITY_WORDS:
            continue
        if any(fold(w) in DOMAIN_WORDS for w in city_words):
            continue  # "13436 AP Ambulances": a misread time, then a service
        out.append(TextFinding(K.ADDRESS, m.start(), m.end()))
    out.extend(TextFinding(K.ADDRESS, m.start(), m.end()) for m in _POSTAL_LABEL.finditer(text))
    for m in _ADDRESS_LABEL.finditer(text):
        stop = m.end()
        while stop < len(text) and text[stop] not in "\t\n" and stop - m.end() < 80:
            stop += 1
        value_end = len(text[m.end() : stop].rstrip()) + m.end()
        if value_end > m.end():
            out.append(TextFinding(K.ADDRESS, m.end(), value_end))


def _name_words(text: str, pos: int, need_capital: bool, limit: int = 4) -> int:
    """End of the name that starts at ``pos`` (``pos`` itself when there is none)."""
    end = pos
    taken = 0
    while taken < limit:
        m = _WORD.match(text, end)
        if m is None:
            break
        word = m.group("w").rstrip(".")
        low = word.lower()
        if low in lx.PARTICLES and (taken > 0 or word[0].isupper() or not need_capital
                                    or _particle_start(text, m.end())):
            # "DUPONT de la Tour", "Mme De La Fontaine": a particle inside a name
            # is followed by a capitalised word.
            nxt = _WORD.match(text, m.end())
            if nxt is None or not nxt.group("w")[0].isupper():
                break
            end = m.end()
            continue
        if low in lx.NAME_STOP_WORDS or low in lx.LABEL_WORDS:
            break
        if need_capital and not word[0].isupper() and not _ELIDED_NAME.match(word):
            break
        end = m.start("w") + len(word)
        taken += 1
    return end


# "Mme d'Harcourt", "M. l'Hostis": an elided particle glued to a capitalised name.
_ELIDED_NAME = re.compile(rf"^[dDlL]['’][{lx.UP}]")


def _particle_start(text: str, pos: int) -> bool:
    """ "Mme de La Roche", "Mme d'Harcourt": a lower-case particle, then a capital."""
    nxt = _WORD.match(text, pos)
    while nxt is not None and nxt.group("w").lower() in lx.PARTICLES:
        nxt = _WORD.match(text, nxt.end())
    return nxt is not None and nxt.group("w")[0].isupper()


# A search box's entry is most often a name: taken when it looks like one.
# The box's border may be read as "|", "[" or "(" before the entry.
_SEARCH_LABEL = re.compile(
    r"(?i)(?<!\w)(?:recherche(?:r)?|chercher|filtre(?:r)?)\.?"
    r"(?:[ \u00a0]*[:|\[(][ \u00a0]*|\t)+")


# Who a note speaks of: "la fille (Kzorennic)", "Patient dupont", "fils : LE GALL".
_RELATIVE = re.compile(
    r"(?i)(?<!\w)(?:patiente?|fille|fils|mari|[ée]pouse|conjointe?|m[èe]re|p[èe]re|fr[èe]re"
    r"|s(?:œ|oe)ur|voisine?|famille\s+de|famille)[ \u00a0]*[:(]?[ \u00a0]*"
)


def _relative_name_end(text: str, pos: int) -> int:
    """End of up to three name-like words at ``pos`` (no ordinary word), else ``pos``.
    One lower-case word alone must be a known name: the word lists miss some
    ordinary words ("Famille prévenue")."""
    end, taken = pos, []
    for count, m in enumerate(_WORD.finditer(text, pos)):
        gap = text[end : m.start("w")]
        if count >= 3 or (count and not re.fullmatch(r"[ \u00a0]+", gap)) or (
                not count and gap.strip()):
            break
        word = m.group("w").rstrip(".")
        after = text[m.start("w") + len(word) : m.start("w") + len(word) + 1]
        if len(word) < 3 or after.isdigit() or not looks_like_name(word) or (
                fold(word) in stop_words()):
            break
        taken.append(word)
        end = m.start("w") + len(word)
    if len(taken) == 1 and not taken[0][0].isupper():
        firsts, surnames, _ = gazetteer()
        if fold(taken[0]) not in firsts | surnames:
            return pos
    return end


def _find_names(text: str, out: list[TextFinding]) -> None:
    out.extend(TextFinding(K.NAME, s, e) for s, e in find_names(text))
    for m in _RELATIVE.finditer(text):
        end = _relative_name_end(text, m.end())
        if end > m.end():
            out.append(TextFinding(K.NAME, m.end(), end))
    for m in _SEARCH_LABEL.finditer(text):
        end = _name_words(text, m.end(), need_capital=False)
        if end > m.end() and looks_like_name(text[m.end() : end]):
            out.append(TextFinding(K.NAME, m.end(), end))
    for m in _NAME_LABEL.finditer(text):
        start = m.end()
        while start < len(text) and text[start] in " \u00a0\u202f":
            start += 1
        end = _name_words(text, start, need_capital=m.group("colon") is None)
        if end == start and text[start : start + 1] not in ("\t", "\n"):
            # Typed in lower case: known names only.
            end = gazetteer_name_end(text, start)
        if end > start:
            out.append(TextFinding(K.NAME, start, end))
    for m in _CIVILITY.finditer(text):
        start = m.end()
        while start < len(text) and text[start] in " \u00a0\u202f":
            start += 1
        end = _name_words(text, start, need_capital=True, limit=3)
        if end > start:
            out.append(TextFinding(K.NAME, start, end))
    for m in _UPPER_RUN.finditer(text):
        words = m.group().split()
        if all(w.strip("-'’") in lx.NOT_SURNAMES for w in words):
            continue
        # "SI-SAMU" read as "S-SAMU" or "SI-SAMI": an acronym with a short or
        # known part is not a surname.
        parts = [p for w in words for p in w.split("-")]
        if len(parts) > len(words) and any(len(p) <= 2 or p in lx.NOT_SURNAMES for p in parts):
            continue
        if any(len(w) <= 8 and w.rstrip("IL|1").endswith(("SAMU", "SAM")) for w in words):
            continue  # "SLSAMU", "SI-SAMI": the programme's name misread
        if not _upper_surname(words):
            continue
        before = _CAP_BEFORE.search(text, max(0, m.start() - 40), m.start())
        after = _CAP_AFTER.match(text[m.end() : m.end() + 40])
        start, end = m.start(), m.end()
        if before is not None and _first_name_like(before.group(1)):
            start = before.start(1)
        elif after is not None and _first_name_like(after.group(1)):
            end = m.end() + after.end(1)
        else:
            continue
        out.append(TextFinding(K.NAME, start, end))


def _upper_surname(words: list[str]) -> bool:
    """An upper-case run that may be a surname: no domain word ("VSAV", "AR"), and
    a short word only when the gazetteer knows it ("VSAY" is "VSAV" misread)."""
    firsts, surnames, _ = gazetteer()
    stops = stop_words()
    for w in words:
        low = fold(w.strip("-'’"))
        if low in stops:
            return False
        if len(low) <= 4 and low not in surnames and low not in firsts:
            return False
    return True


def _first_name_like(word: str) -> bool:
    """The capitalised word beside an upper-case surname: no interface or ordinary word."""
    if word in lx.NOT_FIRST_NAMES:
        return False
    firsts, _, common = gazetteer()
    low = fold(word)
    return low in firsts or (low not in common and low not in stop_words())


def _find_records(text: str, out: list[TextFinding]) -> None:
    for m in _RECORD_SHAPE.finditer(text):
        if sum(ch.isdigit() for ch in m.group()) >= 9:
            out.append(TextFinding(K.RECORD_NUMBER, m.start(), m.end()))
    for m in _NUMBER_SIGN.finditer(text):
        if sum(ch.isdigit() for ch in m.group("value")) >= 6:
            out.append(TextFinding(K.RECORD_NUMBER, m.start("value"), m.end("value")))
    for m in _RECORD_TITLE.finditer(text):
        value = m.group("value").rstrip("._-/")
        out.append(TextFinding(K.RECORD_NUMBER, m.start("value"), m.start("value") + len(value)))
    for m in _RECORD.finditer(text):
        value = m.group("value").rstrip("._-/")
        out.append(TextFinding(K.RECORD_NUMBER, m.start("value"), m.start("value") + len(value)))


# A line of a list of people: "+ bérénice nou — 1993-01-20 — 2025/179/2980581". Who
# stands before a date and then a number, separated by dashes, is the person,
# whatever OCR made of the name.
_LIST_LINE = re.compile(
    rf"(?:^|(?<=[\n\t]))[ \u00a0]*(?:[+•*>·][ \u00a0]*)?"
    rf"(?P<who>[{lx.LETTERS}][{lx.LETTERS}'’\-. \u00a0]{{1,60}}?)[ \u00a0]+[—–\-][ \u00a0]+"
    rf"(?P<date>{_DATE.pattern})[ \u00a0]+[—–\-][ \u00a0]+[A-Za-z]{{0,5}}[\-/.]?\d",
    re.IGNORECASE,
)


def _find_list_names(text: str, out: list[TextFinding]) -> None:
    for m in _LIST_LINE.finditer(text):
        words = re.findall(rf"[{lx.LETTERS}]+", m.group("who"))
        if not 1 <= len(words) <= 5 or sum(len(w) for w in words) < 3:
            continue
        if any(fold(w) in stop_words() and fold(w) not in lx.PARTICLES for w in words):
            continue  # "VSAV Brest — …", "Mise à jour — …": not a person
        who = m.group("who").rstrip(" .\u00a0")
        out.append(TextFinding(K.NAME, m.start("who"), m.start("who") + len(who)))


_DETECTORS = (
    _find_nir,
    _find_emails,
    _find_phones,
    _find_records,
    _find_birth_dates,
    _find_addresses,
    _find_names,
    _find_list_names,
)


def _find_beside_names(text: str, out: list[TextFinding], found: list[TextFinding]) -> None:
    """On a line that names someone ("DUPONT Jean — 12/03/1951 — 373077496"), a date
    not followed by a time is their birth date and a long number their file's."""
    names = [f for f in found if f.kind is K.NAME]
    if not names:
        return
    taken = [(f.start, f.end) for f in found]
    for line in re.finditer(r"[^\n]+", text):
        if not any(line.start() <= f.start < line.end() for f in names):
            continue
        for m in _DATE.finditer(text, line.start(), line.end()):
            if not _TIME_AFTER.match(text, m.end()):
                out.append(TextFinding(K.BIRTH_DATE, m.start(), m.end()))
        for m in _LONG_ID.finditer(text, line.start(), line.end()):
            if not any(s <= m.start() < e for s, e in taken):
                out.append(TextFinding(K.RECORD_NUMBER, m.start(), m.end()))
        for m in _LOOSE_RECORD.finditer(text, line.start(), line.end()):
            if sum(ch.isdigit() for ch in m.group()) >= 9 and not _DATE.fullmatch(m.group()) \
                    and not any(s <= m.start() < e for s, e in taken):
                out.append(TextFinding(K.RECORD_NUMBER, m.start(), m.end()))


def find_patient_data(text: str) -> list[TextFinding]:
    """Every span of ``text`` that looks like patient data, sorted by position.

    Spans of one kind that overlap are merged; a finding that lies wholly
    inside an earlier detector's finding of another kind (the digits of a NIR
    read again as a phone number) is dropped. Nothing inside a URL is reported.
    """
    if not text:
        return []
    urls = [(m.start(), m.end()) for m in _URL.finditer(text)]
    accepted: list[TextFinding] = []
    for detector in (*_DETECTORS, None):
        found: list[TextFinding] = []
        if detector is None:  # last: it reads what the others found
            _find_beside_names(text, found, accepted)
        else:
            detector(text, found)
        for f in found:
            if f.end <= f.start:
                continue
            if any(u0 <= f.start and f.end <= u1 for u0, u1 in urls):
                continue
            if any(
                a.kind != f.kind and a.start <= f.start and f.end <= a.end for a in accepted
            ):
                continue
            accepted.append(f)
    return _merge_same_kind(accepted)


def _merge_same_kind(findings: list[TextFinding]) -> list[TextFinding]:
    findings.sort(key=lambda f: (f.kind, f.start, f.end))
    merged: list[TextFinding] = []
    for f in findings:
        last = merged[-1] if merged else None
        if last is not None and last.kind == f.kind and f.start <= last.end:
            merged[-1] = TextFinding(f.kind, last.start, max(last.end, f.end))
        else:
            merged.append(f)
    merged.sort(key=lambda f: (f.start, f.end))
    return merged


def has_patient_data(text: str) -> bool:
    """Whether ``text`` holds anything :func:`find_patient_data` would report."""
    return bool(find_patient_data(text))
