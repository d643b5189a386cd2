"""Credentials go through a real Secret Service (gnome-keyring on a private D-Bus)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from samu_desktop.config import credentials


def test_round_trip_through_real_secret_service(secret_service: str, isolated_home: Path) -> None:
    assert credentials.backend_name().endswith("SecretService.Keyring")
    credentials.set_secret("smtp:ops@example.test", "s3cr3t-test-value")
    assert credentials.get_secret("smtp:ops@example.test") == "s3cr3t-test-value"
    credentials.delete_secret("smtp:ops@example.test")
    assert credentials.get_secret("smtp:ops@example.test") is None
    # Deleting twice is not an error: the wanted state is reached.
    credentials.delete_secret("smtp:ops@example.test")
    # Nothing written under the user's folders holds the secret.
    for path in isolated_home.rglob("*"):
        if path.is_file():
            assert b"s3cr3t-test-value" not in path.read_bytes()


@pytest.mark.skipif(sys.platform == "win32", reason="the Secret Service: Linux's keyring")
def test_no_secret_service_gives_french_message(monkeypatch: pytest.MonkeyPatch) -> None:
    # A bus address where nothing listens: no Secret Service, and no fallback.
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/bus")
    with pytest.raises(credentials.CredentialsUnavailable) as info:
        credentials.set_secret("smtp:x", "y")
    assert "trousseau sécurisé" in info.value.user_message
