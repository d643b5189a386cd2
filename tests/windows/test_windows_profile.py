"""Windows folders, the administrator's policy in ProgramData, the Credential Manager, the
Run key, file locking: the real Windows calls, under the lane's Wine."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import uuid
from pathlib import Path

import pytest

from samu_desktop.config.paths import AppPaths


def test_isolated_folders_are_the_profile_and_programdata_overrides(isolated_home: Path) -> None:
    paths = AppPaths.default()
    local = isolated_home / "AppData" / "Local" / "samu-desktop"
    assert paths.config_dir == local and paths.data_dir == local
    assert paths.log_dir == local / "Logs"
    assert paths.policy_file == isolated_home / "ProgramData" / "samu-desktop" / "policy.json"


def test_without_overrides_the_folders_are_windows_own() -> None:
    """What a workstation gets: asked in a child process without the test isolation
    (it only computes the paths; platformdirs creates nothing)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("WIN_PD_OVERRIDE_")}
    code = ("import json; from samu_desktop.config.paths import AppPaths; p = AppPaths.default();"
            "print(json.dumps([str(p.config_dir), str(p.policy_file)]))")
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True,
                         timeout=120, check=True).stdout
    config_dir, policy_file = json.loads(out)
    assert config_dir.lower().endswith(r"\appdata\local\samu-desktop")
    assert config_dir.lower().startswith("c:\\users\\")
    assert policy_file.lower() == r"c:\programdata\samu-desktop\policy.json"


def test_the_policy_in_programdata_locks_its_settings(isolated_home: Path) -> None:
    from samu_desktop.config.store import SettingsStore

    paths = AppPaths.default()
    paths.policy_dir.mkdir(parents=True)
    policy = {"schema_version": 1, "locked": {"smtp_host": "smtp.hopital.test"},
              "defaults": {"environment": "formation"}}
    paths.policy_file.write_text(json.dumps(policy), encoding="utf-8")
    loaded = SettingsStore(paths).load()
    assert loaded.settings.smtp_host == "smtp.hopital.test"
    assert "smtp_host" in loaded.locked
    assert loaded.settings.environment == "formation"
    assert not loaded.messages


def test_secrets_round_trip_through_the_credential_manager() -> None:
    from samu_desktop.config import credentials

    assert credentials.backend_name() == "keyring.backends.Windows.WinVaultKeyring"
    account = f"lane-test-{uuid.uuid4().hex[:8]}"
    assert credentials.get_secret(account) is None
    credentials.set_secret(account, "s3cret-synthétique")
    try:
        assert credentials.get_secret(account) == "s3cret-synthétique"
        # Read back by a second process: it really is stored by Windows, not in memory.
        code = ("from samu_desktop.config import credentials; "
                f"print(credentials.get_secret({account!r}) == 's3cret-synthétique')")
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                             timeout=120, check=True).stdout
        assert out.strip() == "True"
    finally:
        credentials.delete_secret(account)
    assert credentials.get_secret(account) is None
    credentials.delete_secret(account)  # already gone: not an error


def _reg_query_run(name: str) -> str | None:
    """The Run key's value as Windows' own reg.exe reads it (an independent reader)."""
    out = subprocess.run(["reg", "query", r"HKCU\Software\Microsoft\Windows\CurrentVersion\Run",
                          "/v", name], capture_output=True, text=True, timeout=60, check=False)
    for line in out.stdout.splitlines():
        parts = line.split(None, 2)
        if len(parts) == 3 and parts[0] == name:
            return parts[2].strip()
    return None


def test_autostart_writes_and_removes_the_run_key_value() -> None:
    from samu_desktop.capture.autostart import (
        ENTRY_NAME,
        WindowsAutostart,
        apply_autostart,
        launch_command,
        platform_autostart,
    )

    autostart = platform_autostart()
    assert isinstance(autostart, WindowsAutostart)
    assert not autostart.is_enabled()
    apply_autostart(True, autostart)
    try:
        command = launch_command()
        assert command[-1] == "--hidden"
        assert _reg_query_run(ENTRY_NAME) == subprocess.list2cmdline(command)
        # The command line starts this installation (asked for its version here).
        started = subprocess.run([*command[:-1], "--version"], capture_output=True, text=True,
                                 timeout=120, check=False)
        assert started.returncode == 0, started.stderr
        assert started.stdout.startswith("samu-desktop ")
    finally:
        apply_autostart(False, autostart)
    assert not autostart.is_enabled()
    assert _reg_query_run(ENTRY_NAME) is None


@pytest.mark.timeout(120)
def test_a_file_lock_held_by_another_process_is_refused_until_it_exits(tmp_path: Path) -> None:
    from samu_desktop.mail.filelock import FileLock

    path = tmp_path / "outbox.lock"
    code = ("import sys; from pathlib import Path; from samu_desktop.mail.filelock import FileLock;"
            f"lock = FileLock(Path({str(path)!r})); print(lock.acquire(), flush=True);"
            "sys.stdin.readline()")
    with subprocess.Popen([sys.executable, "-c", code], stdin=subprocess.PIPE,
                          stdout=subprocess.PIPE, text=True) as holder:
        assert holder.stdout is not None and holder.stdin is not None
        try:
            assert holder.stdout.readline().strip() == "True"
            assert not FileLock(path).acquire()
            holder.stdin.write("\n")
            holder.stdin.close()
            assert holder.wait(60) == 0
        finally:
            if holder.poll() is None:
                holder.kill()
    with FileLock(path) as lock:
        assert lock.acquire() and lock.held
    # The lock holds a region, not the file: other code may still read it.
    assert path.read_bytes() == b""


def test_redirected_output_is_utf8_json() -> None:
    """A deployment script reads ``check --json`` through a pipe: UTF-8, not cp1252."""
    result = subprocess.run([sys.executable, "-m", "samu_desktop", "check", "--json", "--only",
                             "os"], capture_output=True, timeout=180, check=False)
    report = json.loads(result.stdout.decode("utf-8"))
    assert report["results"][0]["title"] == "Système d'exploitation"
