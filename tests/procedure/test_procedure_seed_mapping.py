"""Nothing the national procedure asks is forgotten by the catalogue.

``SEED_MAP`` is the reviewed table: every bullet of the procedure, in the
order of the text, with the form it belongs to and the catalogue fields that
ask it. The procedure's plain text lost its per-application headings; the
groups below follow the text: after the two case-B bullets that apply to every
application, each group starts with the incident's date and time, in the order
the case-B heading names the applications (Portail SI-Samu, Bandeau, Nice,
Statistiques, Selfcare). The group contents confirm it (Main courante and
Module patients belong to the portal, the phone state to the banner, the
playback table to Nice, the backup routings to Selfcare).

Targets: ``field`` (a field of that form), ``form:field`` (a field of another
form), ``@action=<action>`` (the bullet tells what to do: the case's action).
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest

from samu_desktop.procedure import Catalogue, FieldDef, load_catalogue
from samu_desktop.resources import resource_path

SHARED_SEED = Path("/work/shared/seeds/000_a78e9a7c537d53f5.txt")
B_APPS = ("portail", "bandeau", "nice", "statistiques", "selfcare")

# (form, start of the bullet as the procedure writes it, targets)
SEED_MAP: list[tuple[str, str, list[str]]] = [
    # Cas A
    ("A", "La date et l’heure de début de l’incident", ["start"]),
    ("A", "Les lignes impactées (Exemple : pas d’appel entrant", ["lines", "lines_other"]),
    ("A", "La réception : nulle ou partielle", ["reception"]),
    ("A", "Résultats des tests d’appels décrits dans le « Pack OTN »", ["otn_results"]),
    # Cas B, for every application
    ("B", "Vérifier les prérequis de votre poste de travail", ["prerequisites"]),
    ("B", "Si les prérequis sont bons, merci d’envoyer votre demande par email",
     ["@action=email", "prerequisites"]
     + [f"B/{app}:screenshots" for app in B_APPS]
     + [f"B/{app}:description" for app in B_APPS]),
    # Portail SI-Samu
    ("B/portail", "Date et heure du début d’incident", ["start"]),
    ("B/portail", "Fonctionnalité(s) affectée(s) par l’incident (Connexion, Main courante",
     ["functions", "functions_other"]),
    ("B/portail", "Nombre d’utilisateurs impactés", ["users_count"]),
    ("B/portail", "Reproductibilité par l’utilisateur", ["reproducibility"]),
    ("B/portail", "Description détaillée de l’incident", ["description"]),
    ("B/portail", "Copies d’écran montrant la dégradation", ["screenshots"]),
    ("B/portail", "Type de poste utilisateur : PC, tablette, smartphone", ["device_type"]),
    ("B/portail", "Navigateur utilisé : Firefox, Chrome, Safari, Edge", ["browser"]),
    ("B/portail", "Mode d’authentification utilisé : Login & mot de passe & OTP",
     ["auth_mode"]),
    ("B/portail", "L’environnement concerné (production, formation)", ["environment"]),
    # Bandeau de communication
    ("B/bandeau", "Date et heure du début d’incident", ["start"]),
    ("B/bandeau", "Impact de l’incident sur les utilisateurs est-il total", ["impact"]),
    ("B/bandeau", "Le bandeau de communication est totalement inopérant", ["state"]),
    ("B/bandeau", "Si partiellement opérationnel, quelles sont les fonctions impactées : "
     "Connexion, Réception des appels", ["impacted_functions"]),
    ("B/bandeau", "Reproductibilité : aléatoire ou systématique ?", ["reproducibility"]),
    ("B/bandeau", "Message d’erreur technique sur le bandeau de communication ?",
     ["error_message", "error_message_text"]),
    ("B/bandeau", "Réception d’appels fantômes ?", ["ghost_calls"]),
    ("B/bandeau", "Copies d’écran montrant la dégradation (Nous vous rappelons",
     ["screenshots"]),
    ("B/bandeau", "Etat de votre téléphone : Redémarrage du téléphone en cours",
     ["phone_state"]),
    ("B/bandeau", "Mode de connexion utilisé : Login & mot de passe & OTP Mail",
     ["auth_mode"]),
    ("B/bandeau", "Navigateur utilisé : Firefox, Chrome, Safari, Edge", ["browser"]),
    ("B/bandeau", "Version du navigateur utilisé : (Exemple : 60.8.0esr)", ["browser_version"]),
    ("B/bandeau", "Avez-vous tenté : connexion / déconnexion ou actualisation", ["tried"]),
    # Enregistrements des communications (Nice)
    ("B/nice", "Date et heure du début d’incident", ["start"]),
    ("B/nice", "Fonctionnalité(s) affectée(s) par l’incident (Connexion, Enregistrement",
     ["functions", "functions_other"]),
    ("B/nice", "Impact de l’incident sur les utilisateurs est-il total", ["impact"]),
    ("B/nice", "Reproductibilité : aléatoire ou systématique", ["reproducibility"]),
    ("B/nice", "Copies d’écran montrant la dégradation (Nous vous rappelons", ["screenshots"]),
    ("B/nice", "Navigateur utilisé : Firefox, Chrome, Safari, Edge", ["browser"]),
    ("B/nice", "Version du navigateur utilisé : (Exemple : 60.8.0esr)", ["browser_version"]),
    ("B/nice", "L’utilisateur peut-il se connecter à son compte ?", ["can_login"]),
    ("B/nice", "Le mot de passe est-il incorrect ou le portail de connexion",
     ["login_failure"]),
    ("B/nice", "L’utilisateur voit-il les enregistrements apparaître dans sa table",
     ["sees_recordings", "can_play_own"]),
    ("B/nice", "Les autres utilisateurs du CRRA ont-ils accès", ["others_access"]),
    ("B/nice", "Le superviseur/médecin voit-il les enregistrements",
     ["supervisor_sees", "supervisor_can_play"]),
    # Portail des statistiques
    ("B/statistiques", "La date et l’heure de début de l’incident", ["start"]),
    ("B/statistiques", "La(les) fonctionnalité(s) est affectée(s) par l’incident", ["functions"]),
    ("B/statistiques", "Le nombre d’utilisateurs impactés", ["users_count"]),
    ("B/statistiques", "La description de l’incident", ["description"]),
    # Outil d'administration des règles de routage (Selfcare)
    ("B/selfcare", "La date et l’heure du début de l’incident", ["start"]),
    ("B/selfcare", "L’outil d’administration des règles de gestion (Selfcare) est totalement",
     ["state"]),
    ("B/selfcare", "Si partiellement opérationnel, quelles sont les fonctions impactées : Ajout",
     ["impacted_functions"]),
    ("B/selfcare", "Quelle action souhaitez-vous réaliser", ["wanted_action"]),
    ("B/selfcare", "Si vous souhaitez réaliser une activation/désactivation immédiate",
     ["routing_name"]),
    # Cas C and D: what to do
    ("C", "Merci de téléphoner au", ["@action=phone"]),
    ("D", "Merci de vous rapprocher de votre service informatique", ["@action=local_it"]),
]

# Fields no bullet asks for, each with the reason it is in the form.
ADDITIONS: dict[str, str] = {
    "B/portail:os": "pre-filled by the machine, as the design asks (OS)",
    "B/bandeau:os": "pre-filled by the machine, as the design asks (OS)",
    "B/nice:os": "pre-filled by the machine, as the design asks (OS)",
    "B/statistiques:os": "pre-filled by the machine, as the design asks (OS)",
    "B/selfcare:os": "pre-filled by the machine, as the design asks (OS)",
    "C:start": "case C is a phone call: the support desk asks when it started",
    "C:equipment": "from the case C heading: téléphone fixe ou autre équipement",
    "C:description": "what to say on the phone",
    "D:start": "the summary for local IT",
    "D:category": "from the case D heading: poste de travail, vidéotransmission",
    "D:description": "the summary for local IT",
}
# Choices the bullet implies without naming them ("…" in the procedure).
CHOICE_ADDITIONS = {("A", "lines", "autre"), ("B/portail", "functions", "autre"),
                    ("B/nice", "functions", "autre")}


def _seed_text() -> str:
    return resource_path("procedure", "procedure-source.txt").read_text(encoding="utf-8")


def seed_bullets(text: str) -> list[str]:
    return [line.split("•", 1)[1].strip() for line in text.splitlines() if "•" in line]


def _form(catalogue: Catalogue, form: str) -> tuple[FieldDef, ...]:
    case_id, _, app = form.partition("/")
    case = catalogue.get_case(case_id)
    assert case is not None, form
    if app:
        return catalogue.fields_for(case_id, app)
    return case.fields


def _resolve(catalogue: Catalogue, form: str, target: str) -> FieldDef | str:
    if target.startswith("@action="):
        case = catalogue.get_case(form.partition("/")[0])
        assert case is not None
        return case.action
    if ":" in target:
        form, target = target.split(":", 1)
    field = next((f for f in _form(catalogue, form) if f.id == target), None)
    assert field is not None, f"{form}: the table names a missing field {target!r}"
    return field


def _words(text: str) -> set[str]:
    text = unicodedata.normalize("NFC", text).replace("’", "'").lower()
    return set(re.findall(r"[\w']+", text))


@pytest.fixture(scope="module")
def catalogue() -> Catalogue:
    return load_catalogue()


def test_the_packaged_procedure_text_is_the_seed_verbatim() -> None:
    packaged = resource_path("procedure", "procedure-source.txt").read_bytes()
    assert len(seed_bullets(packaged.decode("utf-8"))) == 52
    if SHARED_SEED.exists():  # the shared folder only exists on the build machine
        assert packaged == SHARED_SEED.read_bytes()


def test_every_bullet_of_the_seed_is_mapped_in_order() -> None:
    bullets = seed_bullets(_seed_text())
    assert len(bullets) == len(SEED_MAP), "a bullet was added to or removed from the procedure"
    for bullet, (form, start, _targets) in zip(bullets, SEED_MAP, strict=True):
        assert bullet.startswith(start), f"{form}: expected {start!r}, the seed says {bullet!r}"


def test_every_target_exists_with_the_right_action(catalogue: Catalogue) -> None:
    for form, _start, targets in SEED_MAP:
        assert targets, f"{form}: a bullet maps to nothing"
        for target in targets:
            found = _resolve(catalogue, form, target)
            if target.startswith("@action="):
                assert found == target.removeprefix("@action="), form


def test_every_catalogue_field_comes_from_the_seed_or_is_a_listed_addition(
    catalogue: Catalogue,
) -> None:
    mapped: set[str] = set()
    for form, _start, targets in SEED_MAP:
        for target in targets:
            if not target.startswith("@"):
                mapped.add(target if ":" in target else f"{form}:{target}")
    defined: set[str] = set()
    for case, app in catalogue.scopes():
        for f in case.fields:
            defined.add(f"{case.id}:{f.id}")
        if app is not None:
            defined |= {f"{case.id}/{app.id}:{f.id}" for f in app.fields}
    assert mapped <= defined
    assert defined - mapped == set(ADDITIONS), "a field is neither in the seed nor explained"


def test_choices_use_the_procedure_s_own_words(catalogue: Catalogue) -> None:
    for bullet, (form, _start, targets) in zip(seed_bullets(_seed_text()), SEED_MAP, strict=True):
        field = _resolve(catalogue, form, targets[0])
        if isinstance(field, str) or not field.choices:
            continue
        bullet_words = _words(bullet)
        for choice in field.choices:
            if (form, field.id, choice.id) in CHOICE_ADDITIONS:
                continue
            missing = _words(choice.label.fr) - bullet_words
            assert not missing, f"{form}:{field.id}:{choice.id}: words not in the seed: {missing}"


def test_case_b_lists_the_five_applications_named_by_the_procedure(catalogue: Catalogue) -> None:
    heading = next(line for line in _seed_text().splitlines() if line.startswith("Cas B"))
    case = catalogue.get_case("B")
    assert case is not None
    assert tuple(a.id for a in case.applications) == B_APPS
    for app in case.applications:
        assert app.name.fr in heading, app.name.fr


def test_the_conditions_the_procedure_states(catalogue: Catalogue) -> None:
    banner = {f.id: f for f in catalogue.fields_for("B", "bandeau")}
    cond = banner["impacted_functions"].show_if
    assert cond is not None and cond.field == "state" and cond.any_of == ("partiel",)
    assert banner["state"].choice("partiel") is not None
    selfcare = {f.id: f for f in catalogue.fields_for("B", "selfcare")}
    cond = selfcare["routing_name"].show_if
    assert cond is not None and cond.field == "wanted_action"
    activation = selfcare["wanted_action"].choice(cond.any_of[0])
    assert activation is not None and "immédiate" in activation.label.fr
