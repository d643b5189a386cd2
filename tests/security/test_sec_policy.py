"""Attack: a user unlocks the administrator's policy.

Issue 17, item 3. When the deployed policy cannot be used (a typo, or a policy written
for a newer version during a roll-out), the application must never fall back on
anything the user can write. Real files, the real settings store the application
starts with.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from samu_desktop.config.paths import AppPaths
from samu_desktop.config.settings import Settings, setting_names
from samu_desktop.config.store import SettingsStore
from tests.security.helpers import write_json

ADMIN_POLICY = {
    "locked": {"smtp_host": "smtp.hopital.test", "smtp_security": "starttls",
               "cc_address": "", "support_email": "support@example.invalid"},
    "allow_plaintext_smtp": False,
}
# What a user would like: plaintext to a host of their choosing, a hidden copy.
USER_WISH = {"smtp_host": "relay.attacker.invalid", "smtp_security": "none",
             "smtp_port": 25, "cc_address": "copy@attacker.invalid",
             "support_email": "someone@attacker.invalid", "reporter_name": "Agent Exemple"}
# A roll-out: the policy of a newer version names a setting this version does not know.
NEWER_POLICY = {"locked": {"smtp_host": "smtp.hopital.test", "a_future_setting": True}}


REPO = Path(__file__).resolve().parents[2]
# What only describes the person at the keyboard: the user's even when all else is locked.
PERSONAL = {"language", "reporter_name", "reporter_phone", "reporter_email", "smtp_username",
            "copy_to_reporter", "hotkey", "start_with_session", "pii_strict_mode"}


@pytest.fixture
def paths() -> AppPaths:
    return AppPaths.default()


def assert_nothing_unlocked(paths: AppPaths) -> None:
    loaded = SettingsStore(paths).load()
    settings = loaded.settings
    assert loaded.policy.unreadable
    assert not loaded.policy.policy.allow_plaintext_smtp
    assert settings.smtp_host != "relay.attacker.invalid"
    assert settings.smtp_security != "none"
    assert settings.cc_address != "copy@attacker.invalid"
    assert settings.support_email != "someone@attacker.invalid"
    assert {"smtp_host", "smtp_security", "cc_address", "support_email"} <= loaded.locked


def test_a_forged_last_good_copy_in_the_users_own_folder_unlocks_nothing(
    paths: AppPaths,
) -> None:
    write_json(paths.policy_file, ADMIN_POLICY)
    SettingsStore(paths).load()  # a normal start with the good policy
    # The user forges a "last good" policy that locks nothing and allows plaintext, in
    # every folder of theirs where an application could keep one…
    forged = {"schema_version": 1, "locked": {}, "defaults": {}, "allow_plaintext_smtp": True}
    for folder in (paths.state_dir, paths.config_dir, paths.data_dir):
        write_json(folder / "policy.last-good.json", forged)
    write_json(paths.settings_file, USER_WISH)
    # …and the deployed policy becomes unusable (a newer version's policy arrives).
    write_json(paths.policy_file, NEWER_POLICY)

    assert_nothing_unlocked(paths)


def test_the_administrators_last_good_copy_next_to_the_policy_applies(
    paths: AppPaths,
) -> None:
    write_json(paths.policy_dir / "policy.last-good.json", ADMIN_POLICY)
    write_json(paths.policy_file, NEWER_POLICY)
    write_json(paths.settings_file, USER_WISH)

    loaded = SettingsStore(paths).load()

    assert loaded.policy.unreadable
    assert loaded.settings.smtp_host == "smtp.hopital.test"
    assert loaded.settings.support_email == "support@example.invalid"
    assert_nothing_unlocked(paths)
    # The application never writes there itself: only whoever writes the policy does.
    write_json(paths.policy_file, {"locked": {"smtp_host": "other.hopital.test"}})
    SettingsStore(paths).load()
    assert (paths.policy_dir / "policy.last-good.json").read_text(encoding="utf-8") == \
        json.dumps(ADMIN_POLICY)


def test_an_unusable_policy_without_a_trusted_copy_locks_everything(paths: AppPaths) -> None:
    write_json(paths.policy_file, NEWER_POLICY)
    write_json(paths.settings_file, {**USER_WISH, "centre_name": "SAMU 00 (exemple)",
                                     "smtp_auth": False, "sent_retention_days": 3650,
                                     "environment": "formation"})

    loaded = SettingsStore(paths).load()

    assert_nothing_unlocked(paths)
    assert loaded.locked == setting_names() - PERSONAL
    defaults = Settings()
    for name in loaded.locked:
        assert getattr(loaded.settings, name) == getattr(defaults, name), name
    # What only describes the person at the keyboard stays theirs.
    assert loaded.settings.reporter_name == "Agent Exemple"
    assert any("politique" in message for message in loaded.messages)


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0,
                    reason="needs root to act as another user (setpriv)")
def test_a_last_good_copy_left_writable_for_users_is_ignored() -> None:
    """The administrator's folder and policy belong to root; a policy.last-good.json left
    writable by everyone (a mistake) could be forged by a user: it is not trusted.

    The application runs as the unprivileged user ``nobody`` (setpriv), on real files
    with real owners and modes.
    """
    if shutil.which("setpriv") is None:
        pytest.skip("setpriv is missing")
    base = Path(tempfile.mkdtemp(prefix="samu-sec-"))
    try:
        base.chmod(0o755)
        policy_dir = base / "etc-xdg" / "samu-desktop"
        policy_dir.mkdir(parents=True)
        for folder in (base / "etc-xdg", policy_dir):
            folder.chmod(0o755)
        (policy_dir / "policy.json").write_text(json.dumps(NEWER_POLICY), encoding="utf-8")
        (policy_dir / "policy.json").chmod(0o644)
        forged = policy_dir / "policy.last-good.json"
        forged.write_text(json.dumps({"allow_plaintext_smtp": True}), encoding="utf-8")
        forged.chmod(0o666)  # the mistake: writable by every user
        home = base / "home"
        home.mkdir()
        os.chown(home, 65534, 65534)
        env = {"PATH": os.environ.get("PATH", ""), "HOME": str(home),
               "XDG_CONFIG_DIRS": str(base / "etc-xdg"), "PYTHONPATH": str(REPO)}
        code = ("import json; from samu_desktop.config.paths import AppPaths; "
                "from samu_desktop.config.store import SettingsStore; "
                "l = SettingsStore(AppPaths.default()).load(); "
                "print(json.dumps({'plaintext': l.policy.policy.allow_plaintext_smtp, "
                "'locked': sorted(l.locked)}))")
        result = subprocess.run(
            ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups",
             sys.executable, "-c", code],
            env=env, cwd=base, capture_output=True, text=True, timeout=60, check=False)
        assert result.returncode == 0, result.stderr[-2000:]
        data = json.loads(result.stdout.splitlines()[-1])
        assert data["plaintext"] is False
        assert "smtp_host" in data["locked"] and "smtp_security" in data["locked"]
        # The same file, once only its owner may write it, is the administrator's again.
        forged.chmod(0o644)
        result = subprocess.run(
            ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups",
             sys.executable, "-c", code],
            env=env, cwd=base, capture_output=True, text=True, timeout=60, check=False)
        assert json.loads(result.stdout.splitlines()[-1])["plaintext"] is True
    finally:
        shutil.rmtree(base, ignore_errors=True)


def test_a_policy_that_is_a_link_to_nothing_fails_closed_and_keeps_its_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    """/etc/xdg's policy is a link to a share not mounted yet: the application must not
    treat it as "no policy", nor go and read a policy from the user's XDG_CONFIG_DIRS.

    /etc/xdg itself is not written by tests: the module's constant is moved to a
    temporary folder standing for it.
    """
    from samu_desktop.config import paths as paths_module

    system = tmp_path / "etc-xdg-system" / "samu-desktop"
    system.mkdir(parents=True)
    (system / "policy.json").symlink_to(tmp_path / "share-not-mounted" / "policy.json")
    monkeypatch.setattr(paths_module, "LINUX_POLICY_DIR", system)
    user_paths = AppPaths.default()
    # The user offers a policy of their own where XDG_CONFIG_DIRS points.
    own = Path(os.environ["XDG_CONFIG_DIRS"]) / "samu-desktop" / "policy.json"
    write_json(own, {"allow_plaintext_smtp": True})
    write_json(user_paths.settings_file, USER_WISH)

    paths = AppPaths.default()
    assert paths.policy_dir == system
    assert_nothing_unlocked(paths)
