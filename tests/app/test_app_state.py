"""The application state: one live copy of the settings, one save path, real files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pydantic import ValidationError

from samu_desktop.app.state import AppState
from samu_desktop.config.paths import AppPaths
from samu_desktop.config.settings import SCHEMA_VERSION, Settings
from samu_desktop.errors import StorageError
from tests.app.readonly import read_only


@pytest.fixture
def paths() -> AppPaths:
    return AppPaths.default()


def write(path: Path, data: object) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data))


def test_changing_one_setting_writes_only_that_setting(paths: AppPaths) -> None:
    state = AppState.load(paths)
    state.save({"reporter_name": "Agent Synthétique", "environment": "production"})
    on_disk = json.loads(paths.settings_file.read_text())
    # "production" is what was in force already: not a choice of the user's.
    assert on_disk == {"schema_version": SCHEMA_VERSION, "reporter_name": "Agent Synthétique"}


def test_an_old_whole_file_is_migrated_to_the_users_own_choices(paths: AppPaths) -> None:
    """Version 1 wrote all 36 settings; the defaults in it must not hide later ones."""
    whole = Settings(crra_id="FR680", centre_name="SAMU de test").model_dump(mode="json")
    whole["schema_version"] = 1
    assert len(whole) > 30
    write(paths.settings_file, whole)
    # The administrator now proposes another environment and another NTP server.
    write(paths.policy_file, {"defaults": {"environment": "formation",
                                           "ntp_server": "ntp.hopital.test"}})
    state = AppState.load(paths)
    assert state.user_choices == {"crra_id": "FR680", "centre_name": "SAMU de test"}
    assert state.settings.environment == "formation"  # no longer hidden by the old file
    assert state.settings.ntp_server == "ntp.hopital.test"
    state.save({"reporter_phone": "01 00 00 00 99"})
    assert json.loads(paths.settings_file.read_text()) == {
        "schema_version": SCHEMA_VERSION, "centre_name": "SAMU de test", "crra_id": "FR680",
        "reporter_phone": "01 00 00 00 99"}


def test_a_save_tells_every_subscriber_once_written(paths: AppPaths) -> None:
    state = AppState.load(paths)
    heard: list[tuple[str, bool]] = []
    state.subscribe(lambda s: heard.append((s.support_phone_calls,
                                            paths.settings_file.exists())))
    unsubscribe = state.subscribe(lambda s: heard.append(("second", True)))
    state.save({"support_phone_calls": "01 00 00 00 15"})
    assert heard == [("01 00 00 00 15", True), ("second", True)]
    unsubscribe()
    state.save({"support_phone_calls": "01 00 00 00 16"})
    assert heard[-1] == ("01 00 00 00 16", True)


def test_a_failed_save_changes_nothing(paths: AppPaths) -> None:
    state = AppState.load(paths)
    state.save({"reporter_name": "Avant"})
    heard: list[Settings] = []
    state.subscribe(heard.append)
    with read_only(paths.config_dir), pytest.raises(StorageError) as info:
        state.save({"reporter_name": "Après"})
    assert "réglages n'ont pas pu être enregistrés" in info.value.user_message
    assert state.settings.reporter_name == "Avant" and heard == []
    assert json.loads(paths.settings_file.read_text())["reporter_name"] == "Avant"
    with pytest.raises(ValidationError):
        state.save({"crra_id": "Paris"})
    assert state.settings.crra_id == "" and heard == []


def test_locked_settings_are_neither_changed_nor_written(paths: AppPaths) -> None:
    write(paths.policy_file, {"locked": {"smtp_host": "smtp.hopital.test"}})
    state = AppState.load(paths)
    state.save({"smtp_host": "ailleurs.test", "centre_name": "SAMU"})
    assert state.settings.smtp_host == "smtp.hopital.test"
    assert "smtp_host" not in json.loads(paths.settings_file.read_text())


def test_a_draft_with_the_old_prerequisites_sentence_reads_as_counts() -> None:
    """Drafts written before the result became data held a sentence in French or English."""
    from samu_desktop.report.model import PrerequisitesSummary, Report

    for sentence in ("14 réussie(s), 3 avertissement(s), 2 échec(s)",
                     "14 passed, 3 warning(s), 2 failure(s)"):
        report = Report.new("B", "portail", "1").model_copy()
        data = json.loads(report.model_dump_json())
        data["prerequisites"] = sentence
        again = Report.model_validate(data)
        assert again.prerequisites == PrerequisitesSummary(passed=14, warnings=3, failures=2)
