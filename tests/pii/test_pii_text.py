"""The French text detectors: what they must find, and what they must leave alone.

All values are synthetic: NIR keys are computed, names are common French names.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from samu_desktop.pii import PatientDataKind, find_patient_data, has_patient_data, kind_label
from samu_desktop.pii.text import TextFinding

K = PatientDataKind


def found(text: str) -> list[tuple[str, str]]:
    return [(f.kind.value, text[f.start : f.end]) for f in find_patient_data(text)]


def nir_with_key(body: str) -> str:
    digits = body[:5] + body[5:7].replace("2A", "19").replace("2B", "18") + body[7:]
    return f"{body}{97 - int(digits) % 97:02d}"


def spaced(nir: str) -> str:
    return " ".join((nir[0], nir[1:3], nir[3:5], nir[5:7], nir[7:10], nir[10:13], nir[13:]))


@pytest.mark.parametrize("body", ["1850578006084", "2690175123456", "1770299001002"])
def test_nir_with_valid_key_found_with_and_without_spaces(body: str) -> None:
    nir = nir_with_key(body)
    assert found(f"assuré {nir} ok") == [("nir", nir)]
    assert found(f"assuré {spaced(nir)} ok") == [("nir", spaced(nir))]


@pytest.mark.parametrize("body", ["285052A045123", "185052B045123"])
def test_corsican_nir_key(body: str) -> None:
    nir = nir_with_key(body)
    assert found(spaced(nir)) == [("nir", spaced(nir))]


def test_a_nir_with_a_wrong_key_is_still_hidden() -> None:
    """15 digits are a mistyped or misread NIR far more often than anything else."""
    wrong = "1 85 05 78 006 084 36"  # the right key is 91
    assert found(wrong) == [("nir", wrong)]
    assert found(f"N° SS : {wrong}") == [("nir", wrong)]
    # OCR dropped the first digit: 14 digits, no structure left to check
    assert found("NIR : 85057800608491") == [("nir", "85057800608491")]


def test_long_numbers_that_are_not_identifiers() -> None:
    assert found("réf 123456789012345678 et 2026-11-27T10:32:05.123456789") == []


def test_ins_label_gives_the_ins_kind() -> None:
    nir = spaced(nir_with_key("2851219045123"))
    assert found(f"INS : {nir}") == [("ins", nir)]
    assert found(f"Matricule INS {nir}") == [("ins", nir)]


def test_nir_without_key_when_well_formed() -> None:
    assert found("1 85 05 78 006 084") == [("nir", "1 85 05 78 006 084")]
    # a millisecond timestamp has no plausible birth month
    assert found("horodatage 1732614000000") == []


@given(
    sex=st.sampled_from("12"),
    yy=st.integers(0, 99),
    mm=st.integers(1, 12),
    dep=st.sampled_from(["01", "13", "2A", "2B", "75", "95"]),
    com=st.integers(1, 999),
    order=st.integers(1, 999),
    spaces=st.booleans(),
)
@settings(max_examples=60, deadline=None)
def test_any_valid_nir_is_found(
    sex: str, yy: int, mm: int, dep: str, com: int, order: int, spaces: bool
) -> None:
    nir = nir_with_key(f"{sex}{yy:02d}{mm:02d}{dep}{com:03d}{order:03d}")
    text = spaced(nir) if spaces else nir
    assert found(f"Assuré : {text}.") in ([("nir", text)],)


@pytest.mark.parametrize(
    "phone",
    [
        "06 12 34 56 78",
        "06.12.34.56.78",
        "06-12-34-56-78",
        "0612345678",
        "+33 6 12 34 56 78",
        "+33612345678",
        "+33 (0)6 12 34 56 78",
        "0033 6 12 34 56 78",
        "01 23 45 67 89",
    ],
)
def test_phone_numbers_in_every_french_form(phone: str) -> None:
    assert found(f"Rappeler au {phone} svp") == [("phone", phone)]


@pytest.mark.parametrize(
    "text",
    [
        "Appel du 15 à 10:32:05",
        "Firefox 115.0.3esr sous Windows 10.0.19045",
        "lignes 15 / 116 / 117",
        "CRRA FR680 et FR2A1",
        "Incident le 12/03/2025 à 10h32",
        "Adresse IP : 10.12.34.56",
        "https://www.portail.formation.si-samu.fr/dossiers/0612345678/nom=DUPONT",
        "Écrire à monserviceclient.si-samu@esante.gouv.fr",
        "Le Bandeau SI-SAMU ne répond plus ; Portail SI-SAMU OK ; Pack OTN",
        "12450 Appels reçus, 3 places libres, 2 cours à suivre",
        "Nom du routage : secours nord",
        "JE RENCONTRE UN INCIDENT SUR LES OUTILS DU SI-SAMU",
        "le patient a chuté, la victime est consciente",
        "",
    ],
)
def test_not_patient_data(text: str) -> None:
    assert found(text) == []
    assert not has_patient_data(text)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Né(e) le : 12/03/1985", "12/03/1985"),
        ("née le 1er mars 1950", "1er mars 1950"),
        ("DDN 03-07-62", "03-07-62"),
        ("Date de naissance :\n14 juillet 2001", "14 juillet 2001"),
        ("Date naiss. 29.02.1988", "29.02.1988"),
        ("12/03/1985 (40 ans)", "12/03/1985"),
    ],
)
def test_birth_dates_next_to_a_label(text: str, value: str) -> None:
    assert ("birth_date", value) in found(text)


def test_a_date_without_label_is_an_incident_date() -> None:
    assert found("Début de l'incident : 12/03/2025 10:32") == []


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("Patient : DUPONT Jean", ["DUPONT Jean"]),
        ("Nom : dupont   Prénom : jean", ["dupont", "jean"]),
        ("M. Jean-Pierre DE LA FONTAINE arrive", ["Jean-Pierre DE LA FONTAINE"]),
        ("Mme Lefèvre née Martin", ["Lefèvre", "Martin"]),
        ("appel de Sophie BERNARD pour sa mère", ["Sophie BERNARD"]),
        ("BERNARD Sophie, 45 ans", ["BERNARD Sophie"]),
        ("Appelant : Paul Durand", ["Paul Durand"]),
    ],
)
def test_names(text: str, values: list[str]) -> None:
    assert [v for k, v in found(text) if k == "name"] == values


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("12 rue des Lilas, 75013 Paris", "12 rue des Lilas"),
        ("3 bis, avenue du Général de Gaulle à Lyon", "3 bis, avenue du Général de Gaulle"),
        ("au 7 bd Voltaire", "7 bd Voltaire"),
        ("Adresse : lieu-dit Les Granges", "lieu-dit Les Granges"),
        ("CP : 13005", "CP : 13005"),
        ("69003 LYON", "69003 LYON"),
        ("20090 Ajaccio", "20090 Ajaccio"),
    ],
)
def test_addresses(text: str, value: str) -> None:
    assert ("address", value) in found(text)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("N° dossier : 2024-001234", "2024-001234"),
        ("Dossier n° DRM-24-000981 ouvert", "DRM-24-000981"),
        ("IPP 00451236", "00451236"),
        ("N° de dossier: 24A00017", "24A00017"),
    ],
)
def test_record_numbers(text: str, value: str) -> None:
    assert found(text) == [("record_number", value)]


def test_email_cut_by_ocr_takes_the_word_before() -> None:
    assert found("famille : syWi .lefevre65@example.org ou") == [
        ("email", "syWi .lefevre65@example.org")
    ]
    assert found("à daniel vidal@example.org") == [("email", "daniel vidal@example.org")]


def test_email_found_but_not_inside_a_url() -> None:
    assert found("écrire à jean.dupont@example.org") == [("email", "jean.dupont@example.org")]
    assert found("voir https://example.org/?to=jean.dupont@example.org") == []


def test_a_nir_is_not_also_reported_as_a_phone_number() -> None:
    nir = spaced(nir_with_key("1850578006084"))
    assert [f.kind for f in find_patient_data(nir)] == [K.NIR]


def test_findings_are_sorted_and_merged() -> None:
    text = "M. DUPONT Jean, tél. 06 12 34 56 78, jean.dupont@example.org"
    findings = find_patient_data(text)
    assert findings == sorted(findings, key=lambda f: f.start)
    assert [f.kind for f in findings] == [K.NAME, K.PHONE, K.EMAIL]
    assert all(isinstance(f, TextFinding) for f in findings)


def test_fields_separated_by_tabs_do_not_join() -> None:
    # Two table cells: a count and a code, not a phone number.
    assert found("06\t12 34 56 78 90") == []


def test_kind_labels_are_french() -> None:
    assert kind_label(K.PHONE) == "numéro de téléphone"
    assert {kind_label(k) for k in K} and len({kind_label(k) for k in K}) == len(K)
