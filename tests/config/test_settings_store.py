"""Settings and the administrator's policy, read from and written to real files."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from samu_desktop.config.paths import AppPaths
from samu_desktop.config.settings import ADMIN_SETTINGS, Settings
from samu_desktop.config.store import SettingsStore


@pytest.fixture
def paths() -> AppPaths:
    return AppPaths.default()


def write(path: Path, data: object | bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data if isinstance(data, bytes) else json.dumps(data).encode())


@pytest.mark.skipif(sys.platform == "win32",
                    reason="XDG folders; Windows: tests/windows/test_windows_profile.py")
def test_paths_follow_the_isolated_home(paths: AppPaths, isolated_home: Path) -> None:
    assert paths.settings_file.is_relative_to(isolated_home)
    assert paths.policy_file == isolated_home / "etc-xdg" / "samu-desktop" / "policy.json"


def test_defaults_without_any_file(paths: AppPaths) -> None:
    loaded = SettingsStore(paths).load()
    assert loaded.settings == Settings()
    assert loaded.messages == []
    assert loaded.locked == frozenset()
    assert loaded.settings.support_email == "monserviceclient.si-samu@esante.gouv.fr"


def test_save_then_load_round_trip(paths: AppPaths) -> None:
    store = SettingsStore(paths)
    settings = Settings(crra_id="fr680", centre_name="SAMU de test", smtp_port=465)
    store.save(settings, frozenset())
    again = store.load().settings
    assert again.crra_id == "FR680"  # normalised on the way in
    assert again.centre_name == "SAMU de test"
    assert again.smtp_port == 465


def test_corrupt_settings_file_keeps_a_copy_and_starts_with_defaults(paths: AppPaths) -> None:
    write(paths.settings_file, b'{"crra_id": "FR680", ')  # truncated JSON
    loaded = SettingsStore(paths).load()
    assert loaded.settings == Settings()
    assert len(loaded.messages) == 1
    assert "abîmé" in loaded.messages[0]
    copies = list(paths.quarantine_dir.glob("settings.*.json"))
    assert len(copies) == 1
    assert copies[0].read_bytes() == b'{"crra_id": "FR680", '
    assert str(copies[0]) in loaded.messages[0]


def test_one_bad_value_drops_only_that_value(paths: AppPaths) -> None:
    write(paths.settings_file, {"crra_id": "not-a-crra", "centre_name": "SAMU de test",
                                "smtp_port": 70000})
    loaded = SettingsStore(paths).load()
    assert loaded.settings.centre_name == "SAMU de test"
    assert loaded.settings.crra_id == ""
    assert loaded.settings.smtp_port == 587
    assert len(loaded.messages) == 1


def test_policy_locks_win_over_user_values_and_are_not_saved(paths: AppPaths) -> None:
    write(paths.policy_file, {"locked": {"smtp_host": "smtp.hopital.test",
                                         "support_email": "support@example.test"},
                              "defaults": {"environment": "formation"}})
    write(paths.settings_file, {"smtp_host": "user-choice.test", "centre_name": "SAMU"})
    store = SettingsStore(paths)
    loaded = store.load()
    assert loaded.settings.smtp_host == "smtp.hopital.test"
    assert loaded.settings.support_email == "support@example.test"
    assert loaded.settings.environment == "formation"  # a policy default
    assert loaded.settings.centre_name == "SAMU"
    assert loaded.locked == {"smtp_host", "support_email"}
    store.save(loaded.settings, loaded.locked)
    saved = json.loads(paths.settings_file.read_text())
    assert "smtp_host" not in saved and "support_email" not in saved
    # The user may still override a policy default.
    write(paths.settings_file, {"environment": "production"})
    assert store.load().settings.environment == "production"


def test_corrupt_policy_applies_the_administrators_last_good_copy(paths: AppPaths) -> None:
    """The last good copy lives next to the policy, written by the administrator only."""
    write(paths.last_good_policy_file, {"locked": {"smtp_host": "smtp.hopital.test"}})
    assert paths.last_good_policy_file.parent == paths.policy_file.parent
    write(paths.policy_file, b"\xff\xfe not json")
    write(paths.settings_file, {"smtp_host": "user-choice.test"})
    loaded = SettingsStore(paths).load()
    assert loaded.settings.smtp_host == "smtp.hopital.test"
    assert loaded.locked == {"smtp_host"}
    assert loaded.policy.unreadable
    assert any("politique" in m for m in loaded.messages)
    assert len(list(paths.quarantine_dir.glob("policy.*.json"))) == 1


def test_a_good_policy_is_never_copied_where_the_user_can_write(paths: AppPaths) -> None:
    write(paths.policy_file, {"locked": {"smtp_host": "smtp.hopital.test"}})
    assert SettingsStore(paths).load().locked == {"smtp_host"}
    assert not paths.last_good_policy_file.exists()
    assert not (paths.state_dir / "policy.last-good.json").exists()


def test_corrupt_policy_without_a_good_copy_locks_every_admin_setting(paths: AppPaths) -> None:
    write(paths.policy_file, {"locked": {"no_such_setting": 1}})
    write(paths.settings_file, {"smtp_host": "user-choice.test", "centre_name": "SAMU",
                                "reporter_name": "Agent Exemple"})
    loaded = SettingsStore(paths).load()
    assert loaded.locked == ADMIN_SETTINGS
    assert loaded.settings.smtp_host == ""  # the default, not the user's value
    assert loaded.settings.centre_name == ""  # administrative too when nothing is trusted
    assert loaded.settings.reporter_name == "Agent Exemple"  # personal: stays the user's
    assert any("politique" in m for m in loaded.messages)


def test_policy_with_an_invalid_value_is_refused(paths: AppPaths) -> None:
    write(paths.policy_file, {"locked": {"smtp_port": "not a port"}})
    loaded = SettingsStore(paths).load()
    assert loaded.policy.unreadable
    assert "smtp_port" in (loaded.policy.problem or "")


def test_environment_variables_cannot_override_settings(
    paths: AppPaths, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(paths.policy_file, {"locked": {"smtp_host": "smtp.hopital.test"}})
    monkeypatch.setenv("SMTP_HOST", "elsewhere.test")
    monkeypatch.setenv("smtp_host", "elsewhere.test")
    assert SettingsStore(paths).load().settings.smtp_host == "smtp.hopital.test"


def test_unwritable_settings_folder_gives_french_message(paths: AppPaths) -> None:
    from samu_desktop.errors import StorageError

    paths.config_dir.parent.mkdir(parents=True, exist_ok=True)
    paths.config_dir.write_text("a file where the folder should be")
    with pytest.raises(StorageError) as info:
        SettingsStore(paths).save(Settings(), frozenset())
    assert "réglages n'ont pas pu être enregistrés" in info.value.user_message


@pytest.mark.skipif(sys.platform == "win32",
                    reason="XDG_CONFIG_DIRS; Windows: tests/windows/test_windows_profile.py")
def test_the_system_policy_applies_whatever_xdg_config_dirs_says(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A user cannot escape /etc/xdg's policy by pointing XDG_CONFIG_DIRS elsewhere.

    /etc/xdg itself is not written by tests: the module's constant is moved to a
    temporary folder standing for it.
    """
    from samu_desktop.config import paths as paths_module

    system = tmp_path / "etc-xdg-system" / "samu-desktop"
    monkeypatch.setattr(paths_module, "LINUX_POLICY_DIR", system)
    assert AppPaths.default().policy_dir != system  # no system policy: XDG_CONFIG_DIRS
    write(system / "policy.json", {"locked": {"smtp_host": "smtp.hopital.test"}})
    assert AppPaths.default().policy_dir == system
    write(AppPaths.default().settings_file, {"smtp_host": "user-choice.test"})
    assert SettingsStore(AppPaths.default()).load().settings.smtp_host == "smtp.hopital.test"
