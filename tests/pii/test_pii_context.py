"""Names no list knows, carried by their context; numbers as OCR reads them (issue 16).

Every value is synthetic. Names are glued from syllables in the test and checked
to be absent from the gazetteer, so that what finds them is the context
("né le", "en ligne", a phone or a date beside), never a list entry.
"""

from __future__ import annotations

import random

import pytest

from samu_desktop.pii.detect import detect_in_words
from samu_desktop.pii.kinds import PatientDataKind
from samu_desktop.pii.names import fold, gazetteer
from samu_desktop.pii.ocr import OcrWord
from samu_desktop.pii.text import find_patient_data

K = PatientDataKind
_HEADS = ["Kzor", "Vrel", "Tumb", "Plog", "Zerv", "Gwam", "Xaul", "Brund", "Quel", "Drob"]
_TAILS = ["ennic", "azou", "ilek", "ourda", "ibrec", "eskan", "olvar", "umbé"]


def unknown_names(count: int, seed: int) -> list[str]:
    """Words that look like names and are in no list of the detector."""
    rng = random.Random(seed)
    firsts, surnames, common = gazetteer()
    out: list[str] = []
    while len(out) < count:
        word = rng.choice(_HEADS) + rng.choice(_TAILS)
        if fold(word) not in firsts | surnames | common and word not in out:
            out.append(word)
    return out


def values(text: str, kind: str) -> list[str]:
    return [text[f.start : f.end] for f in find_patient_data(text) if f.kind.value == kind]


FIRST, LAST = unknown_names(2, seed=16)


@pytest.mark.parametrize(
    "case", [str.lower, str.upper, str.title, lambda s: s.split()[0].upper() + " " + s.split()[1]]
)
@pytest.mark.parametrize(
    "sentence",
    [
        "Patient {} né le 19/10/37, chute dans l'escalier",
        "Patiente {} née le 3 mars 1950, consciente",
        "Famille de {} en ligne 05 83 02 08 06",
        "Rappeler {} au 06-54-03-15-35",
        "{} — 1935-04-21 — DR2025-680689",
    ],
)
def test_a_name_in_no_list_is_found_by_what_follows_it(sentence: str, case: object) -> None:
    assert callable(case)
    name = case(f"{FIRST} {LAST}")
    assert values(sentence.format(name), "name") == [name]


def test_the_preposition_before_a_lower_case_name_is_left_out() -> None:
    name = f"{LAST} {FIRST}".lower()
    assert values(f"Famille de {name} en ligne 05 83 02 08 06", "name") == [name]
    assert values("Mme de La Roche signale un malaise", "name") == ["de La Roche"]


def test_particles_just_before_a_persons_data_are_part_of_the_name() -> None:
    assert values("ibrahima le du — 1935-04-21 — DR2025-680689", "name") == ["ibrahima le du"]
    assert values("ibrahima le du — 1935-04-21", "birth_date") == ["1935-04-21"]


@pytest.mark.parametrize(
    "text",
    [
        "Moyen engagé en ligne 02 98 00 00 00",
        "Appel transféré au médecin régulateur au 02 98 00 00 00",
        "Chute dans l'escalier, née le 12/03/1950",
        "Lenteur du logiciel depuis 13:04, redémarrage du poste demandé.",
        "2 13436 AP Ambulances Iroise poste 2637 00:03:27",  # a misread time, a service
    ],
)
def test_ordinary_words_before_data_are_no_name(text: str) -> None:
    assert values(text, "name") == []
    assert values(text, "address") == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Rechercher :| TOURÉ", "TOURÉ"),  # the box's border read as a bar
        ("Rechercher :\tMARTIN\tnm", "MARTIN"),
        ("Rechercher [ GUICHARD", "GUICHARD"),
    ],
)
def test_a_search_box_entry_behind_its_border(text: str, name: str) -> None:
    assert values(text, "name") == [name]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Dos£'er c'e régulæion n° C52925-017096", "C52925-017096"),  # words misread
        ("N° 2026-069-004512", "2026-069-004512"),
        ("DE LA NDIBAYE Ousmane — 16-02-2018 — DR2025.612453", "DR2025.612453"),
        ("AFF.2025-081608", "AFF.2025-081608"),
        # On a line that names someone, a misread year still leaves a file number.
        ("+ hoarau sophie — 07/02/1979 — 2926/021/2742726", "2926/021/2742726"),
    ],
)
def test_case_numbers_as_ocr_reads_them(text: str, value: str) -> None:
    assert values(text, "record_number") == [value]


@pytest.mark.parametrize("text", ["n° 12", "Version 2024.10.3 build 20241003", "poste n° 2637"])
def test_short_numbers_after_a_number_sign_stay_visible(text: str) -> None:
    assert values(text, "record_number") == []


@pytest.mark.parametrize("text", ["Né(e)\t18-06-1984", "Né(e) 18-06-1984", "née le 18.06.84"])
def test_a_birth_label_without_le(text: str) -> None:
    assert values(text, "birth_date") == [text.split()[-1].split("\t")[-1]]


def test_a_phone_with_a_comma_for_a_dot() -> None:
    assert values("au 04.13.68.04,75 pour nouvelles", "phone") == ["04.13.68.04,75"]


def words(y: int, text: str) -> list[OcrWord]:
    out, x = [], 100
    for token in text.split(" "):
        out.append(OcrWord(token, x, y, 8 * len(token), 12, 90.0))
        x += 8 * len(token) + 5
    return out


@pytest.mark.parametrize(
    ("text", "phone_words"),
    [
        ("Appel en cours — ivanova nguyen — O1 27 90 83 08", ["O1", "27", "90", "83", "08"]),
        ("05:28 Gwenaëlle BOYER 433 (0)6 17 06 83 22 00:05:58",
         ["433", "(0)6", "17", "06", "83", "22"]),
    ],
)
def test_phone_digits_misread_by_ocr(text: str, phone_words: list[str]) -> None:
    row = words(40, text)
    boxes = detect_in_words(row, (1366, 768))
    phones = [b for b in boxes if b.kind is K.PHONE]
    for w in row:
        inside = any(b.x <= w.left and w.right <= b.x + b.width for b in phones)
        assert inside == (w.text in phone_words), w.text


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (f"+ {FIRST.lower()} {LAST.lower()} — 1993-01-20 — 2025/179/2980581",
         f"{FIRST.lower()} {LAST.lower()}"),
        (f"{LAST.upper()} {FIRST} — 12.05.94 — AFF-2026-177924", f"{LAST.upper()} {FIRST}"),
        ("• bérénice nou — 03/08/2001 — 610817791", "bérénice nou"),  # "riou" misread
    ],
)
def test_who_stands_before_a_date_and_a_number_in_a_list(text: str, name: str) -> None:
    assert values(text, "name") == [name]


@pytest.mark.parametrize(
    "text",
    ["VSAV Quimper Nord — 12/03/2026 — 2026-069-004512",
     "Dernière mise à jour — 12/03/2026 — 13:04"],
)
def test_services_and_ui_before_a_date_and_a_number_are_no_name(text: str) -> None:
    assert values(text, "name") == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Mme d'Harcourt signale un malaise", "d'Harcourt"),
        ("Appel en cours — DE LA TOUR D'AUVERGNE Leïla — +33 5 68 60 38 09",
         "DE LA TOUR D'AUVERGNE Leïla"),
    ],
)
def test_particles_glued_or_before_an_ordinary_word(text: str, name: str) -> None:
    assert values(text, "name") == [name]


@pytest.mark.parametrize(
    "text", ["Place de La Poste", "Ambulances de La Baie en route", "Centre de La Mer Nord"]
)
def test_places_and_services_with_particles_are_no_name(text: str) -> None:
    assert values(text, "name") == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (f"Rappel de la fille ({LAST.lower()} {FIRST.lower()}) au 06 11 22 33 44",
         f"{LAST.lower()} {FIRST.lower()}"),
        (f"Rappel de la fille ({LAST}) au 06 11 22 33 44", LAST),
        (f"Patiente {FIRST.lower()} {LAST.lower()}, chute", f"{FIRST.lower()} {LAST.lower()}"),
        (f"Voisin : {LAST.upper()} présent", LAST.upper()),
    ],
)
def test_who_a_note_speaks_of(text: str, name: str) -> None:
    assert values(text, "name") == [name]


@pytest.mark.parametrize(
    "text",
    ["Patient conscient, chute dans l'escalier", "la fille appelle pour son père",
     "Famille prévenue", "Le mari est sur place", "Patient transféré au CHU",
     "Rappel du fils pour nouvelles"],
)
def test_relatives_without_a_name_leave_the_sentence_visible(text: str) -> None:
    assert values(text, "name") == []
