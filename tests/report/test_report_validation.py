"""Which questions show, and one clear French sentence per problem."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

import pytest

from samu_desktop.procedure import Catalogue
from samu_desktop.report.model import Report
from samu_desktop.report.validation import Problem, is_answered, validate, visible_fields

Filler = Callable[[str, str | None], Report]  # the ``filled`` fixture


def _ids(catalogue: Catalogue, report: Report) -> list[str]:
    return [f.id for f in visible_fields(catalogue, report)]


def _only(problems: list[Problem]) -> Problem:
    assert len(problems) == 1, problems
    return problems[0]


@pytest.mark.parametrize(
    ("case", "app"),
    [("A", None), ("B", "portail"), ("B", "bandeau"), ("B", "nice"), ("B", "statistiques"),
     ("B", "selfcare"), ("C", None), ("D", None)],
)
def test_a_fully_answered_report_of_every_form_is_valid(
    filled: Filler, catalogue: Catalogue, now: datetime, case: str, app: str | None
) -> None:
    report = filled(case, app)
    assert validate(report, catalogue, now=now) == []
    # Every question of the form is shown by the answers the filler chose.
    assert _ids(catalogue, report) == [f.id for f in catalogue.fields_for(case, app)]


def test_banner_functions_only_when_partly_working(
    catalogue: Catalogue, filled: Filler
) -> None:
    report = filled("B", "bandeau")
    assert "impacted_functions" in _ids(catalogue, report)
    report.set_answer("state", "inoperant")
    assert "impacted_functions" not in _ids(catalogue, report)
    # The hidden answer is kept, so going back restores it.
    assert report.answer("impacted_functions") is not None
    report.set_answer("state", None)
    assert "impacted_functions" not in _ids(catalogue, report)


def test_routing_name_only_for_an_immediate_activation(
    catalogue: Catalogue, filled: Filler, now: datetime
) -> None:
    report = filled("B", "selfcare")
    report.set_answer("routing_name", None)
    problem = _only(validate(report, catalogue, now=now))
    assert (problem.field_id, problem.code) == ("routing_name", "required")
    report.set_answer("wanted_action", "routages")
    assert "routing_name" not in _ids(catalogue, report)
    assert validate(report, catalogue, now=now) == []  # hidden: no longer required


def test_yes_no_conditions_and_chains(catalogue: Catalogue, filled: Filler) -> None:
    report = filled("B", "nice")
    report.set_answer("sees_recordings", False)
    report.set_answer("can_login", True)
    ids = _ids(catalogue, report)
    assert "can_play_own" not in ids and "login_failure" not in ids
    report.set_answer("sees_recordings", True)
    assert "can_play_own" in _ids(catalogue, report)
    # A question depending on a hidden one hides too (the functions "autre").
    report.set_answer("functions", ["connexion"])
    assert "functions_other" not in _ids(catalogue, report)


def test_start_time_in_the_future(catalogue: Catalogue, filled: Filler, now: datetime) -> None:
    report = filled("A", None)
    report.set_answer("start", now + timedelta(hours=2))
    problem = _only(validate(report, catalogue, now=now))
    assert (problem.field_id, problem.code) == ("start", "future")
    assert problem.blocking
    assert "dans le futur" in problem.message and "03/11/2026 16:05" in problem.message
    # A minute ahead is a clock difference, not a mistake.
    report.set_answer("start", now + timedelta(minutes=1))
    assert validate(report, catalogue, now=now) == []


def test_start_time_in_another_offset_is_compared_as_an_instant(
    catalogue: Catalogue, filled: Filler, now: datetime
) -> None:
    report = filled("A", None)
    report.set_answer("start", "2026-11-03T13:30:00+00:00")  # 14:30 in Paris: future
    assert _only(validate(report, catalogue, now=now)).code == "future"


def test_required_field_empty(catalogue: Catalogue, filled: Filler, now: datetime) -> None:
    report = filled("B", "portail")
    report.set_answer("description", "   \n ")
    problem = _only(validate(report, catalogue, now=now))
    assert problem.code == "required"
    assert problem.message == (
        "Répondez à la question « Description détaillée de l’incident » : elle est obligatoire."
    )
    english = _only(validate(report, catalogue, now=now, language="en"))
    assert "Detailed description of the incident" in english.message


def test_required_screenshots_and_prerequisites_use_the_report_parts(
    catalogue: Catalogue, filled: Filler, now: datetime
) -> None:
    report = filled("B", "bandeau")
    report.prerequisites = None
    problem = _only(validate(report, catalogue, now=now))
    assert (problem.field_id, problem.code) == ("prerequisites", "required")
    report.screenshots = []  # screenshots are not required by the procedure
    assert len(validate(report, catalogue, now=now)) == 1
    field = catalogue.fields_for("B", "bandeau")[0]
    assert not is_answered(field, report)


def test_text_too_long(catalogue: Catalogue, filled: Filler, now: datetime) -> None:
    report = filled("B", "selfcare")
    report.set_answer("routing_name", "R" * 201)
    problem = _only(validate(report, catalogue, now=now))
    assert problem.code == "too_long"
    assert "201 caractères pour 200 au plus" in problem.message


@pytest.mark.parametrize("text", ["Routage\u0007 nord", "Routage\nnord", "Rou\u202etage"])
def test_control_characters_in_a_short_text(
    catalogue: Catalogue, filled: Filler, now: datetime, text: str
) -> None:
    report = filled("B", "selfcare")
    report.set_answer("routing_name", text)
    problem = _only(validate(report, catalogue, now=now))
    assert problem.code == "control_characters"
    assert "caractères invisibles" in problem.message


def test_line_breaks_and_tabs_are_fine_in_a_long_text(
    catalogue: Catalogue, filled: Filler, now: datetime
) -> None:
    report = filled("D", None)
    report.set_answer("description", "Ligne 1\r\nLigne 2\tsuite\u2029Ligne 3")
    assert validate(report, catalogue, now=now) == []
    report.set_answer("description", "Ligne 1\x00")
    assert _only(validate(report, catalogue, now=now)).code == "control_characters"


def test_choice_not_in_the_list(catalogue: Catalogue, filled: Filler, now: datetime) -> None:
    report = filled("A", None)
    report.set_answer("reception", "totale")
    problem = _only(validate(report, catalogue, now=now))
    assert problem.code == "invalid_choice"
    assert "« La réception »" in problem.message
    report.set_answer("reception", "nulle")
    report.set_answer("lines", ["l15", "l18"])
    assert _only(validate(report, catalogue, now=now)).field_id == "lines"


@pytest.mark.parametrize(("value", "code"), [(-1, "negative"), (2.5, "not_integer"),
                                             (True, "not_integer"), ("12", "not_integer"),
                                             (10**9, "too_large")])
def test_bad_numbers(
    catalogue: Catalogue, filled: Filler, now: datetime, value: object, code: str
) -> None:
    report = filled("B", "statistiques")
    report.answers["users_count"] = value  # type: ignore[assignment]
    problem = _only(validate(report, catalogue, now=now))
    assert (problem.field_id, problem.code) == ("users_count", code)
    if code == "negative":
        assert problem.message == (
            "« Le nombre d’utilisateurs impactés » ne peut pas être négatif : indiquez 0 ou plus."
        )


def test_zero_users_is_a_number(catalogue: Catalogue, filled: Filler, now: datetime) -> None:
    report = filled("B", "statistiques")
    report.set_answer("users_count", 0)
    assert validate(report, catalogue, now=now) == []


def test_wrong_types(catalogue: Catalogue, filled: Filler, now: datetime) -> None:
    report = filled("B", "nice")
    report.set_answer("can_login", "yes")
    report.set_answer("browser_version", ["128"])
    report.set_answer("start", "hier soir")
    codes = {p.field_id: p.code for p in validate(report, catalogue, now=now)}
    assert codes == {"can_login": "invalid_type", "browser_version": "invalid_type",
                     "start": "invalid_datetime"}


def test_form_level_problems(catalogue: Catalogue, now: datetime) -> None:
    cases = [
        (Report.new("Z", None, catalogue.version, now), "unknown_case"),
        (Report.new("B", None, catalogue.version, now), "missing_application"),
        (Report.new("B", "teams", catalogue.version, now), "unknown_application"),
        (Report.new("A", "bandeau", catalogue.version, now), "unexpected_application"),
    ]
    for report, code in cases:
        problem = _only(validate(report, catalogue, now=now))
        assert (problem.field_id, problem.code, problem.blocking) == (None, code, True)


def test_an_older_form_version_is_a_warning(
    catalogue: Catalogue, filled: Filler, now: datetime
) -> None:
    report = filled("C", None)
    report.catalogue_version = "2020.1"
    problem = _only(validate(report, catalogue, now=now))
    assert problem.code == "catalogue_version" and not problem.blocking
    assert "2020.1" in problem.message


def test_short_title_checks(catalogue: Catalogue, filled: Filler, now: datetime) -> None:
    report = filled("C", None)
    report.title = "T" * 121
    assert _only(validate(report, catalogue, now=now)).field_id == "title"
    report.title = "Deux\nlignes"
    assert _only(validate(report, catalogue, now=now)).code == "control_characters"


def test_answers_of_unknown_fields_are_ignored(
    catalogue: Catalogue, filled: Filler, now: datetime
) -> None:
    report = filled("C", None)
    report.set_answer("champ_retire", "ancienne réponse")
    assert validate(report, catalogue, now=now) == []
