"""The application of case B guessed from the focused window's name: only when sure."""

from __future__ import annotations

import pytest

from samu_desktop.procedure.loader import load_catalogue
from samu_desktop.procedure.schema import Case
from samu_desktop.report.app_guess import guess_application


@pytest.fixture(scope="module")
def case_b() -> Case:
    case = load_catalogue().get_case("B")
    assert case is not None
    return case


@pytest.mark.parametrize(("window", "expected"), [
    ("Bandeau de communication - simulation python3", "bandeau"),
    ("BANDEAU - Poste 12 bandeau.exe", "bandeau"),
    ("Portail SI-Samu — Mozilla Firefox firefox-esr", "portail"),
    ("Portail des statistiques — Mozilla Firefox", "statistiques"),
    ("Selfcare - Règles de routage — Mozilla Firefox", "selfcare"),
    ("Outil d'administration des règles de routage (Selfcare)", "selfcare"),
    ("Enregistrements des communications (Nice)", "nice"),
    # Nothing sure: no guess (the user chooses, as before).
    ("Mozilla Firefox", None),
    ("", None),
    ("Incident SI-SAMU samu-desktop", None),
    ("Portail SI-Samu et bandeau côte à côte", None),  # two applications named
    ("bandeaux publicitaires", None),  # a word that only begins like one
])
def test_guess_only_when_one_application_is_named(case_b: Case, window: str,
                                                  expected: str | None) -> None:
    assert guess_application(case_b, window) == expected
