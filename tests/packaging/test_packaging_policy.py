"""The sample policy of packaging/ is valid, covers what a centre must set, and is applied."""

from __future__ import annotations

import json
import shutil
import typing
from pathlib import Path

from samu_desktop.config.paths import AppPaths
from samu_desktop.config.policy import parse_policy
from samu_desktop.config.settings import Settings
from samu_desktop.config.store import SettingsStore

REPO = Path(__file__).resolve().parents[2]
SAMPLE = REPO / "packaging" / "policy.sample.json"

# What issue 9 lists for the administrator to deploy: support address, SMTP server, port
# and security, support phone numbers, local IT contact, portal addresses per
# environment, supported browser versions, hotkey, size budget.
MUST_SET = {
    "support_email", "smtp_host", "smtp_port", "smtp_security", "support_phone_calls",
    "support_phone_hardware", "local_it_name", "local_it_phone", "local_it_email",
    "local_it_url", "portal_url_production", "portal_url_formation", "supported_firefox",
    "hotkey", "size_budget_mb",
}


def test_sample_policy_is_valid_against_the_settings_schema() -> None:
    policy = parse_policy(SAMPLE.read_bytes())
    assert policy.schema_version == 1
    assert not policy.allow_plaintext_smtp
    # Every value also validates as a whole Settings object (types and bounds).
    Settings(**{**policy.defaults, **policy.locked})


def test_sample_policy_sets_everything_a_centre_deploys() -> None:
    policy = parse_policy(SAMPLE.read_bytes())
    assert set(policy.locked) | set(policy.defaults) >= MUST_SET
    assert not set(policy.locked) & set(policy.defaults)  # each setting in one section


def test_every_environment_has_a_portal_address_in_the_sample() -> None:
    policy = parse_policy(SAMPLE.read_bytes())
    for environment in typing.get_args(Settings.model_fields["environment"].annotation):
        assert policy.locked.get(f"portal_url_{environment}", "").startswith("https://")


def test_sample_policy_at_the_system_path_locks_over_the_user_choice(isolated_home: Path) -> None:
    paths = AppPaths.default()
    # The autouse fixture points XDG_CONFIG_DIRS at the test's own "system" folder.
    assert paths.policy_file == isolated_home / "etc-xdg" / "samu-desktop" / "policy.json"
    paths.policy_file.parent.mkdir(parents=True)
    shutil.copyfile(SAMPLE, paths.policy_file)
    paths.settings_file.parent.mkdir(parents=True)
    paths.settings_file.write_text(json.dumps(
        {"schema_version": 1, "smtp_host": "smtp.user-choice.example", "environment": "formation",
         "reporter_name": "Camille"}), encoding="utf-8")

    loaded = SettingsStore(paths).load()
    sample = json.loads(SAMPLE.read_text(encoding="utf-8"))
    assert loaded.messages == []
    assert loaded.settings.smtp_host == sample["locked"]["smtp_host"]  # locked wins
    assert "smtp_host" in loaded.locked
    assert loaded.settings.environment == "formation"  # a default yields to the user
    assert loaded.settings.reporter_name == "Camille"
    assert loaded.settings.centre_name == sample["defaults"]["centre_name"]


def test_a_corrupted_copy_of_the_sample_keeps_the_admin_settings_locked(
    isolated_home: Path,
) -> None:
    paths = AppPaths.default()
    paths.policy_file.parent.mkdir(parents=True)
    paths.policy_file.write_bytes(SAMPLE.read_bytes()[:-20])  # truncated during a copy
    paths.settings_file.parent.mkdir(parents=True)
    paths.settings_file.write_text(json.dumps({"smtp_host": "smtp.user-choice.example"}),
                                   encoding="utf-8")
    loaded = SettingsStore(paths).load()
    assert loaded.policy.unreadable
    assert "smtp_host" in loaded.locked
    assert loaded.settings.smtp_host == Settings().smtp_host  # not the user's value
    assert any("illisible" in m for m in loaded.messages)
