"""Text, HTML and JSON renderings and the subject line, for every form."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from datetime import datetime
from html.parser import HTMLParser

import pytest

from samu_desktop import __version__
from samu_desktop.config.settings import Settings
from samu_desktop.procedure import Catalogue
from samu_desktop.report.model import Report, Reporter
from samu_desktop.report.render import (
    render_html,
    render_json,
    render_text,
    rows,
    short_title,
    subject_line,
)
from samu_desktop.report.validation import visible_fields

Filler = Callable[[str, str | None], Report]  # the ``filled`` fixture
FORMS = [("A", None), ("B", "portail"), ("B", "bandeau"), ("B", "nice"),
         ("B", "statistiques"), ("B", "selfcare"), ("C", None), ("D", None)]
REPORTER = Reporter(crra_id="FR999", centre_name="SAMU de démonstration", name="Agent Exemple",
                    phone="00 00 00 00 00", email="agent@example.invalid")


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self.tags: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def _html_text(document: str) -> tuple[str, list[str]]:
    parser = _Text()
    parser.feed(document)
    return " ".join(parser.parts), parser.tags


def test_golden_text_case_a(catalogue: Catalogue, filled: Filler) -> None:
    report = filled("A", None)
    report.reporter = REPORTER
    assert render_text(report, catalogue) == (
        "Signalement d'incident SI-SAMU\n"
        "==============================\n"
        "Cas A — La prise en compte des appels\n"
        "\n"
        "Résumé pour le tri :\n"
        "  - Impact : Nulle\n"
        "  - Début de l'incident : 03/11/2026 13:50\n"
        "\n"
        "CRRA : FR999 — SAMU de démonstration\n"
        "Signalé par : Agent Exemple, téléphone 00 00 00 00 00, e-mail agent@example.invalid\n"
        "\n"
        "La date et l’heure de début de l’incident : 03/11/2026 13:50\n"
        "Les lignes impactées : 15, Autre\n"
        "Autre(s) ligne(s) impactée(s) : Réponse courte lines_other\n"
        "La réception : Nulle\n"
        "Résultats des tests d’appels décrits dans le « Pack OTN » :\n"
        "    Première ligne otn_results\n"
        "    Seconde ligne\n"
        "\n"
        "-- \n"
        f"Formulaire version {catalogue.version} · samu-desktop {__version__} · "
        f"identifiant {report.id}\n"
    )


def test_golden_text_banner_partly_working(catalogue: Catalogue, filled: Filler) -> None:
    report = filled("B", "bandeau")
    report.title = "Bandeau figé"
    text = render_text(report, catalogue)
    triage = text.split("\n\n")[1]
    assert triage.splitlines() == [
        "Résumé pour le tri :",
        "  - Impact : Total (l’ensemble des utilisateurs du Samu)",
        "  - Reproductibilité : Aléatoire",
        "  - Début de l'incident : 03/11/2026 13:50",
        "  - Test des prérequis : résultats non joints",
    ]
    body = text.split("\n\n")[3]
    assert body.splitlines() == [
        "Résultats du test des prérequis du poste de travail (utilitaire de test) : "
        "17 réussie(s), 2 avertissement(s), 1 échec(s) — résultats joints au message",
        "Date et heure du début d’incident : 03/11/2026 13:50",
        "Impact de l’incident sur les utilisateurs : Total (l’ensemble des utilisateurs du Samu)",
        "Le bandeau de communication est-il totalement inopérant ou partiellement opérationnel ? "
        ": Partiellement opérationnel",
        "Fonctions impactées : Connexion",
        "Reproductibilité : Aléatoire",
        "Message d’erreur technique sur le bandeau de communication ? : Oui",
        "Texte du message d’erreur :",
        "    Première ligne error_message_text",
        "    Seconde ligne",
        "Réception d’appels fantômes ? : Oui",
        "Copies d’écran montrant la dégradation : 2 copies d'écran jointes",
        "État de votre téléphone : Redémarrage du téléphone en cours",
        "Mode de connexion utilisé : Login & mot de passe & OTP Mail",
        "Navigateur utilisé : Firefox",
        "Version du navigateur utilisé : Réponse courte browser_version",
        "Système d’exploitation du poste : Réponse courte os",
        "Avez-vous tenté : Connexion / déconnexion",
        "Autres informations utiles pour décrire l’incident :",
        "    Première ligne description",
        "    Seconde ligne",
    ]
    assert "Application : Bandeau de communication\nTitre : Bandeau figé\n" in text


@pytest.mark.parametrize(("case", "app"), FORMS)
def test_every_form_renders_every_answer_in_the_procedure_s_order(
    catalogue: Catalogue, filled: Filler, case: str, app: str | None
) -> None:
    report = filled(case, app)
    fields = visible_fields(catalogue, report)
    text = render_text(report, catalogue)
    # The answers, after the triage summary (which repeats a few of them first).
    text = text.split("\n\n", 2)[2]
    positions = [text.index(f"{f.label.fr.rstrip(' :')} :") for f in fields]
    assert positions == sorted(positions)

    document = render_html(report, catalogue)
    html_text, tags = _html_text(document[document.index("<table class='answers'"):])
    html_positions = [html_text.index(f.label.fr.rstrip(' :')) for f in fields]
    assert html_positions == sorted(html_positions)
    assert "script" not in tags

    data = json.loads(render_json(report, catalogue))
    assert data["schema"] == "samu-desktop/incident-report"
    assert data["schema_version"] == 1
    assert data["app_version"] == __version__
    assert data["catalogue_version"] == catalogue.version
    assert data["case"]["id"] == case
    assert (data["application"] or {}).get("id") == app
    assert [f["id"] for f in data["fields"]] == [f.id for f in fields]
    for item in data["fields"]:
        if item["type"] == "screenshots":
            assert item["value"] == ["capture-exemple-1", "capture-exemple-2"]
        elif item["type"] == "prerequisites_result":
            # Data, not a sentence: the desk reads the counts whatever the sender's language.
            assert item["value"] == {"passed": 17, "warnings": 2, "failures": 1,
                                     "statuses": {"clock": "pass"}}
        else:
            assert item["value"] == report.answers[item["id"]]
        assert item["label"] and item["display"]


@pytest.mark.parametrize(("case", "app"), FORMS)
def test_every_form_renders_in_english(
    catalogue: Catalogue, filled: Filler, case: str, app: str | None
) -> None:
    report = filled(case, app)
    text = render_text(report, catalogue, language="en")
    assert text.startswith("SI-SAMU incident report\n")
    for f in visible_fields(catalogue, report):
        assert f"{f.label.en.rstrip(' :')} :" in text
    assert json.loads(render_json(report, catalogue, language="en"))["language"] == "en"
    assert "lang='en'" in render_html(report, catalogue, language="en")


def test_unanswered_and_hidden_questions_are_left_out(
    catalogue: Catalogue, filled: Filler
) -> None:
    report = filled("B", "bandeau")
    report.set_answer("ghost_calls", None)
    report.set_answer("state", "inoperant")  # hides the functions, keeps the answer
    text = render_text(report, catalogue)
    assert "Réception d’appels fantômes" not in text
    assert "Fonctions impactées" not in text
    assert "Totalement inopérant" in text
    fields = [r.field.id for r in rows(report, catalogue)]
    assert "ghost_calls" not in fields and "impacted_functions" not in fields


def test_html_escapes_everything_the_user_typed(catalogue: Catalogue, filled: Filler) -> None:
    report = filled("D", None)
    report.set_answer("description", '<script>alert("x")</script> & <b>gras</b>\nfin')
    report.title = "<img src=x onerror=alert(1)>"
    report.reporter = Reporter(centre_name="<i>SAMU</i>")
    document = render_html(report, catalogue)
    assert "<script>" not in document and "<img" not in document and "<i>" not in document
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;b&gt;gras" in document
    assert "gras&lt;/b&gt;<br>fin" in document
    text, tags = _html_text(document)
    assert set(tags) <= {"html", "head", "meta", "title", "body", "h1", "h2", "table", "tr",
                         "th", "td", "br", "p", "small", "caption", "b"}
    assert '<script>alert("x")</script>' in text  # shown as text, not run


def test_text_rendering_drops_control_characters(catalogue: Catalogue, filled: Filler) -> None:
    report = filled("D", None)
    report.set_answer("description", "Écran\x1b[31m rouge\u202e\r\nfin\x00")
    text = render_text(report, catalogue)
    assert "\x1b" not in text and "\u202e" not in text and "\x00" not in text and "\r" not in text
    assert "    Écran [31m rouge\n    fin\n" in text


def test_subject_line(catalogue: Catalogue, filled: Filler, settings: Settings) -> None:
    report = filled("B", "bandeau")
    assert subject_line(report, catalogue, settings) == (
        "[SI-SAMU][Incident][B/Bandeau][Impact : Total][FR999] Première ligne description — "
        "début 03/11/2026 13:50"
    )
    report.reference = "FR999-031126-K7QM"
    assert subject_line(report, catalogue, settings) == (
        "[SI-SAMU][Incident][B/Bandeau][Impact : Total][FR999][Réf. FR999-031126-K7QM] "
        "Première ligne description — début 03/11/2026 13:50"
    )
    report.title = "Plus d'appels\r\nBcc: pirate"
    subject = subject_line(report, catalogue, settings)
    assert "\n" not in subject and "\r" not in subject
    assert "[Réf. FR999-031126-K7QM] Plus d'appels Bcc:" in subject
    # An address looks like patient data: such a title never reaches the subject.
    report.title = "Plus d'appels\r\nBcc: pirate@example.invalid"
    assert "pirate" not in subject_line(report, catalogue, settings)


@pytest.mark.parametrize(("case", "app", "tag", "impact"), [
    ("A", None, "A", "[Impact : Nulle]"),
    ("B", "portail", "B/Portail", "[Utilisateurs impactés : 3]"),
    ("B", "nice", "B/Nice", "[Impact : Total]"),
    ("B", "statistiques", "B/Statistiques", "[Utilisateurs impactés : 3]"),
    ("B", "selfcare", "B/Selfcare", "[Impact : Partiellement opérationnel]"), ("C", None, "C", ""),
    ("D", None, "D", ""),
])
def test_subject_line_for_every_form(
    catalogue: Catalogue, filled: Filler, settings: Settings, case: str, app: str | None,
    tag: str, impact: str,
) -> None:
    subject = subject_line(filled(case, app), catalogue, settings)
    assert re.fullmatch(
        r"\[SI-SAMU\]\[Incident\]\[" + re.escape(tag) + r"\]" + re.escape(impact)
        + r"\[FR999\] .{1,80} — début 03/11/2026 13:50", subject
    ), subject


def test_subject_line_without_start_or_crra(
    catalogue: Catalogue, now: datetime
) -> None:
    report = Report.new("C", None, catalogue.version, now)
    subject = subject_line(report, catalogue, Settings())
    assert subject == (
        "[SI-SAMU][Incident][C][CRRA non renseigné] Un matériel fourni par le programme SI-Samu "
        "— début non renseigné"
    )
    report.reporter = Reporter(crra_id="FR998")
    assert "[FR998]" in subject_line(report, catalogue, Settings())


def test_short_title(catalogue: Catalogue, filled: Filler) -> None:
    report = filled("D", None)
    report.set_answer("description", "\n\n  Le poste redémarre en boucle  \nDepuis ce matin")
    assert short_title(report, catalogue) == "Le poste redémarre en boucle"
    report.set_answer("description", "x" * 200)
    title = short_title(report, catalogue)
    assert len(title) == 80 and title.endswith("…")
    report.title = "  Titre saisi  "
    assert short_title(report, catalogue) == "Titre saisi"
    report = filled("A", None)  # case A has no description: the form's name
    assert short_title(report, catalogue) == "La prise en compte des appels"
    assert short_title(report, catalogue, "en") == "Taking calls"
