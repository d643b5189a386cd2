"""The catalogue file: its content, and the French error an invalid one gives."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from samu_desktop.errors import UserFacingError
from samu_desktop.procedure import Catalogue, CatalogueError, load_catalogue
from samu_desktop.procedure.loader import default_catalogue_path


@pytest.fixture(scope="module")
def raw() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(default_catalogue_path().read_text(encoding="utf-8"))
    return data


def _write(tmp_path: Path, data: Any) -> Path:
    path = tmp_path / "catalogue.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def _error(tmp_path: Path, data: Any) -> CatalogueError:
    path = _write(tmp_path, data)
    with pytest.raises(CatalogueError) as info:
        load_catalogue(path)
    message = info.value.user_message
    assert str(path) in message  # names the file
    assert "Traceback" not in message and "\n" not in message
    assert message.endswith("prévenez votre administrateur.")
    return info.value


def _field(data: dict[str, Any], case: str, app: str | None, field: str) -> dict[str, Any]:
    case_data = next(c for c in data["cases"] if c["id"] == case)
    fields = case_data["fields"]
    if app is not None:
        fields = next(a for a in case_data["applications"] if a["id"] == app)["fields"]
    found: dict[str, Any] = next(f for f in fields if f["id"] == field)
    return found


def test_the_packaged_catalogue_loads_with_its_four_cases() -> None:
    catalogue = load_catalogue()
    assert catalogue.version
    assert [(c.id, c.action) for c in catalogue.cases] == [
        ("A", "phone"), ("B", "email"), ("C", "phone"), ("D", "local_it")
    ]
    assert catalogue.fields_for("B") == ()  # case B needs an application
    assert catalogue.fields_for("A", "bandeau") == ()
    assert catalogue.fields_for("Z") == ()
    for case, app in catalogue.scopes():
        fields = catalogue.fields_for(case.id, app.id if app else None)
        start = catalogue.field_with_role(case.id, app.id if app else None, "start")
        assert start is not None and start.prefill == "now" and start.required
        for f in fields:
            assert f.label.fr and f.label.en
            if f.type in ("short_text", "long_text"):
                assert f.max_length is not None
        if case.id == "B":
            assert fields[0].type == "prerequisites_result"
        # Labels are read out of context (accessible names, the rendered report).
        for language in ("fr", "en"):
            labels = [f.label.get(language) for f in fields]
            assert len(set(labels)) == len(labels), (case.id, app, language)


def test_every_prefill_key_the_wizard_offers_is_used() -> None:
    catalogue = load_catalogue()
    used = {f.prefill for case, app in catalogue.scopes()
            for f in catalogue.fields_for(case.id, app.id if app else None)}
    assert {"now", "browser", "browser_version", "os", "device_type", "environment",
            "auth_mode"} <= used


def test_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "absent.json"
    with pytest.raises(CatalogueError) as info:
        load_catalogue(path)
    assert str(path) in info.value.user_message
    assert "introuvable" in info.value.user_message


def test_broken_json_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "catalogue.json"
    path.write_text('{\n  "format": 1,\n  "version": \n}', encoding="utf-8")
    with pytest.raises(CatalogueError) as info:
        load_catalogue(path)
    assert "ligne 4" in info.value.user_message


def test_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "catalogue.json"
    path.write_bytes(b'{"version": "\xe9"}')
    with pytest.raises(CatalogueError, match="UTF-8"):
        load_catalogue(path)


def test_a_missing_label_names_case_application_and_field(
    tmp_path: Path, raw: dict[str, Any]
) -> None:
    data = copy.deepcopy(raw)
    del _field(data, "B", "bandeau", "ghost_calls")["label"]["en"]
    message = _error(tmp_path, data).user_message
    assert "cas « B »" in message
    assert "application « bandeau »" in message
    assert "champ « ghost_calls »" in message
    assert "valeur manquante" in message


def test_condition_on_an_unknown_field(tmp_path: Path, raw: dict[str, Any]) -> None:
    data = copy.deepcopy(raw)
    _field(data, "B", "bandeau", "impacted_functions")["show_if"]["field"] = "etat"
    message = _error(tmp_path, data).user_message
    assert "champ « impacted_functions »" in message
    assert "champ inconnu « etat »" in message


def test_condition_on_a_later_field(tmp_path: Path, raw: dict[str, Any]) -> None:
    data = copy.deepcopy(raw)
    _field(data, "B", "selfcare", "state")["show_if"] = {
        "field": "wanted_action", "any_of": ["activation"]
    }
    message = _error(tmp_path, data).user_message
    assert "placé avant" in message and "« state »" in message


def test_condition_on_a_value_that_is_not_a_choice(tmp_path: Path, raw: dict[str, Any]) -> None:
    data = copy.deepcopy(raw)
    _field(data, "B", "bandeau", "impacted_functions")["show_if"]["any_of"] = ["partielle"]
    assert "« partielle »" in _error(tmp_path, data).user_message


def test_condition_on_a_text_field(tmp_path: Path, raw: dict[str, Any]) -> None:
    data = copy.deepcopy(raw)
    _field(data, "A", None, "reception")["show_if"] = {"field": "lines_other", "any_of": ["x"]}
    assert "n'est pas un choix" in _error(tmp_path, data).user_message


def test_duplicate_field_ids(tmp_path: Path, raw: dict[str, Any]) -> None:
    data = copy.deepcopy(raw)
    _field(data, "B", "nice", "can_login")["id"] = "browser"
    message = _error(tmp_path, data).user_message
    assert "« browser »" in message and "déjà utilisé" in message


def test_a_field_duplicating_a_common_case_field(tmp_path: Path, raw: dict[str, Any]) -> None:
    data = copy.deepcopy(raw)
    _field(data, "B", "portail", "environment")["id"] = "prerequisites"
    assert "déjà utilisé" in _error(tmp_path, data).user_message


def test_duplicate_case(tmp_path: Path, raw: dict[str, Any]) -> None:
    data = copy.deepcopy(raw)
    data["cases"][3]["id"] = "C"
    assert "le cas « C » est défini deux fois" in _error(tmp_path, data).user_message


def test_choices_on_a_text_field(tmp_path: Path, raw: dict[str, Any]) -> None:
    data = copy.deepcopy(raw)
    _field(data, "A", None, "otn_results")["choices"] = [
        {"id": "a", "label": {"fr": "A", "en": "A"}},
        {"id": "b", "label": {"fr": "B", "en": "B"}},
    ]
    message = _error(tmp_path, data).user_message
    assert "champ « otn_results »" in message
    assert "n'accepte pas de liste de choix" in message


def test_max_length_on_a_number(tmp_path: Path, raw: dict[str, Any]) -> None:
    data = copy.deepcopy(raw)
    _field(data, "B", "portail", "users_count")["max_length"] = 5
    assert "longueur maximale" in _error(tmp_path, data).user_message


def test_duplicate_choice_ids(tmp_path: Path, raw: dict[str, Any]) -> None:
    data = copy.deepcopy(raw)
    choices = _field(data, "A", None, "reception")["choices"]
    choices[1]["id"] = choices[0]["id"]
    assert "même identifiant" in _error(tmp_path, data).user_message


def test_a_choice_field_without_choices(tmp_path: Path, raw: dict[str, Any]) -> None:
    data = copy.deepcopy(raw)
    _field(data, "A", None, "reception")["choices"] = []
    assert "au moins deux choix" in _error(tmp_path, data).user_message


def test_unknown_type_and_key(tmp_path: Path, raw: dict[str, Any]) -> None:
    data = copy.deepcopy(raw)
    _field(data, "A", None, "reception")["type"] = "slider"
    assert "valeur non autorisée" in _error(tmp_path, data).user_message
    data = copy.deepcopy(raw)
    _field(data, "A", None, "reception")["colour"] = "red"
    message = _error(tmp_path, data).user_message
    assert "clé inconnue" in message and "colour" in message


def test_prefill_that_does_not_fit_the_type(tmp_path: Path, raw: dict[str, Any]) -> None:
    data = copy.deepcopy(raw)
    _field(data, "A", None, "reception")["prefill"] = "now"
    assert "pré-remplissage « now »" in _error(tmp_path, data).user_message


def test_a_form_without_start_time(tmp_path: Path, raw: dict[str, Any]) -> None:
    data = copy.deepcopy(raw)
    del _field(data, "C", None, "start")["role"]
    assert "rôle « start »" in _error(tmp_path, data).user_message


def test_bad_version_string(tmp_path: Path, raw: dict[str, Any]) -> None:
    data = copy.deepcopy(raw)
    data["version"] = "2026 11\n"
    message = _error(tmp_path, data).user_message
    assert "version" in message


def test_not_an_object(tmp_path: Path) -> None:
    _error(tmp_path, [1, 2, 3])


def test_catalogue_error_is_a_user_facing_error() -> None:
    assert issubclass(CatalogueError, UserFacingError)


def test_models_are_frozen() -> None:
    catalogue = load_catalogue()
    with pytest.raises(ValueError):
        catalogue.version = "x"  # type: ignore[misc]
    assert isinstance(catalogue, Catalogue)
