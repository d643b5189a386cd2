"""Pattern families of issue 16, over text: what the SI-SAMU-like web pages showed missed.

Every value is synthetic. Each family has a "found" list and, where the rule
could over-reach, a "left visible" list of plainly non-patient text.
"""

from __future__ import annotations

import pytest

from samu_desktop.pii.names import find_names, gazetteer, looks_like_name
from samu_desktop.pii.text import find_patient_data


def found(text: str) -> list[tuple[str, str]]:
    return [(f.kind.value, text[f.start : f.end]) for f in find_patient_data(text)]


def values(text: str, kind: str) -> list[str]:
    return [v for k, v in found(text) if k == kind]


def test_the_gazetteer_ships_with_the_app() -> None:
    firsts, surnames, common = gazetteer()
    assert len(firsts) > 10_000 and len(surnames) > 10_000 and len(common) > 10_000
    assert {"dragan", "bilal", "françoise", "nadia"} <= firsts
    assert {"guichard", "poirier", "aubry"} <= surnames


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("↗ 13:04 Sow Dragan +33 (0)2 78 97 02 86 00:03:59", "Sow Dragan"),
        ("↙ 09:12 GUICHARD FRANÇOISE 06 12 34 56 78", "GUICHARD FRANÇOISE"),
        ("Patient poirier louis né le 12.03.71, chute", "poirier louis"),
        ("Rappel de la fille (Nadia Bensaïd) au 06 11 22 33 44", "Nadia Bensaïd"),
        ("Contact\tfaye bilal\t07 01 02 03 04", "faye bilal"),
        ("12:40\tAnne-Laure Aubry\tMalaise", "Anne-Laure Aubry"),
        ("Mme de La Roche appelle pour son mari", "de La Roche"),
        ("Appel en cours — m'bappé-ahmed adam — 03.90.29.69.69", "m'bappé-ahmed adam"),
        ("Rappeler Nguyen LE DU au 06 12 34 56 78", "Nguyen LE DU"),
        ("14:55 timothée du plessis 01.22.88.56.79", "timothée du plessis"),
        # No list knows them: the phone number beside them tells.
        ("↗ 13:04 Kzwarte Ploumbic 06 12 34 56 78 00:01:00", "Kzwarte Ploumbic"),
        # In no list and no phone beside: two capitalised words that are no
        # ordinary French word.
        ("Rappel de la fille (Zorwenna Kembratic) pour nouvelles", "Zorwenna Kembratic"),
        # OCR read the capital I of "Ioana" as a lower-case l.
        ("14:40 loana AUBRY +33 (0)4 81 22 09 52 00:08:32", "loana AUBRY"),
    ],
)
def test_names_without_labels(text: str, name: str) -> None:
    assert name in values(text, "name")


@pytest.mark.parametrize(
    "text",
    [
        "↗ 12:16 VSAV Quimper Nord poste 2414 00:07:13",
        "SMUR Brest 2 engagé, arrivée prévue 20 min",
        "AR Ambulances de l'Odet sur place",
        "Hélico Dragon 29 en attente",
        "Dr régulateur poste 1",
        "Motif : Douleur thoracique. Priorité P1.",
        "Intoxication CO",
        "Appel transféré au médecin régulateur.",
        "Accueil Dossiers Appels Moyens Annuaire Statistiques Aide",
        "Historique des appels",
        "Le serveur de régulation ne répond pas (délai dépassé).",
        "Une dame appelle pour son mari, douleur thoracique",
        "la rose pierre du jardin",
        "Rechercher : Douleur thoracique",
        "VSAY Landerneau engagé",  # "VSAV" misread: an acronym, not a surname
    ],
)
def test_plainly_not_patient_text_stays_visible(text: str) -> None:
    assert values(text, "name") == []


def test_a_surname_alone_is_a_name_only_in_a_field_of_its_own() -> None:
    assert find_names("PEREZ") == [(0, 5)]
    assert find_names("Accueil\tGUICHARD\tStatut") == [(8, 16)]
    assert find_names("le PEREZ est") == []
    assert values("Rechercher : GUIVARC'H", "name") == ["GUIVARC'H"]


def test_a_column_cell_must_read_like_a_name() -> None:
    assert looks_like_name("carioutimothée")
    assert looks_like_name("SALAÜN sorzIC")
    assert not looks_like_name("Erreur")
    assert not looks_like_name("Douleur thoracique")


@pytest.mark.parametrize(
    "phone",
    ["02 78 97 02 86", "+33 (0)2 78 97 02 86", "+33 2 78 97 02 86", "0278970286",
     "+33278970286", "02.78.97.02.86", "02-78-97-02-86", "0033 2 78 97 02 86"],
)
@pytest.mark.parametrize("where", ["{}", "Rappeler Jean au {}", "{} 00:03:59", "x\t{}\ty"])
def test_every_french_phone_form_at_any_position(phone: str, where: str) -> None:
    assert phone in values(where.format(phone), "phone")


@pytest.mark.parametrize(
    "date", ["1943-07-11", "12.03.71", "15-12-1981", "10 juin 2024", "11/07/1943", "1er mai 1950"]
)
@pytest.mark.parametrize("label", ["Né le {}", "DDN : {}", "Date de naissance\t{}",
                                   "DUPONT Jean — {} — AFF-2025-013770"])
def test_birth_dates_in_every_format(date: str, label: str) -> None:
    assert date in values(label.format(date), "birth_date")


def test_an_event_date_beside_a_name_is_not_a_birth_date() -> None:
    assert values("DUPONT Jean appelé le 12/03/2026 13:04", "birth_date") == []
    assert values("Mise à jour 2026-03-11 par ARM poste 3", "birth_date") == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("AFF-2025-013770", "AFF-2025-013770"),
        ("Affaire 2025/029/0035315 ouverte", "2025/029/0035315"),
        ("DR2025-030585", "DR2025-030585"),
        ("Dossier de régulation n° 2026-069-004512", "2026-069-004512"),
        ("IPP 84512301", "84512301"),
        ("Jean DUPONT — 373077496", "373077496"),
    ],
)
def test_case_numbers_of_any_shape(text: str, value: str) -> None:
    assert value in values(text, "record_number")


@pytest.mark.parametrize(
    "text", ["Version 2025.3.1", "Incident 2025-03-11 à 13:04", "poste 2949", "ERR-D433-2015"]
)
def test_not_case_numbers(text: str) -> None:
    assert values(text, "record_number") == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Domicilié lieu-dit Le Bourg, 29800 Landerneau", "lieu-dit Le Bourg"),
        ("hameau de Kervéguen", "hameau de Kervéguen"),
        ("rue des Lilas et après", "rue des Lilas"),
        ("12 rue de Brest, 29000 Quimper", "12 rue de Brest"),
    ],
)
def test_addresses_with_or_without_a_number(text: str, value: str) -> None:
    assert value in values(text, "address")


@pytest.mark.parametrize("text", ["La rue est bloquée", "Accueil Route Statut", "en cours"])
def test_not_addresses(text: str) -> None:
    assert values(text, "address") == []


def test_a_nir_split_by_spaces() -> None:
    assert found("NIR 1460395457373 11") == [("nir", "1460395457373 11")]
    assert [k for k, _ in found("1 46 03 95 457 373 11")] == ["nir"]


def test_emails() -> None:
    assert values("Contact : jean.dupont52@orange.fr", "email") == ["jean.dupont52@orange.fr"]
    assert values("monserviceclient.si-samu@esante.gouv.fr", "email") == []
