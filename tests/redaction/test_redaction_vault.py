"""The vault: unredacted captures encrypted at rest, key in a real Secret Service."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PIL import Image

from samu_desktop.config import credentials
from samu_desktop.config.credentials import CredentialsUnavailable
from samu_desktop.redaction import Vault, VaultError, VaultUnavailable
from samu_desktop.redaction.vault import default_root


def distinctive(width: int = 64, height: int = 48) -> Image.Image:
    return Image.frombytes("RGB", (width, height), os.urandom(width * height * 3))


def rows(image: Image.Image, length: int = 48) -> list[bytes]:
    raw = image.tobytes()
    stride = image.width * 3
    return [raw[y * stride : y * stride + length] for y in range(image.height)]


def all_files(root: Path) -> list[Path]:
    return [p for p in root.rglob("*") if p.is_file()]


def test_round_trip_and_nothing_in_clear_on_disk(secret_service: str) -> None:
    first, second = distinctive(), distinctive(80, 20)
    vault = Vault.create()
    vault.store("capture-1", first)
    vault.store("capture-2", second)
    assert vault.names() == ["capture-1", "capture-2"]
    assert vault.directory.parent == default_root()
    assert credentials.get_secret(vault.account) is not None

    # A new process after a crash: same report id, key from the keyring.
    reopened = Vault(vault.report_id)
    assert Vault.existing() == [vault.report_id]
    assert reopened.load("capture-1").tobytes() == first.tobytes()
    assert reopened.load("capture-2").tobytes() == second.tobytes()

    files = all_files(vault.directory)
    assert len(files) == 2
    for path in files:
        blob = path.read_bytes()
        assert b"IDAT" not in blob and b"\x89PNG\r\n" not in blob
        for run in rows(first) + rows(second):
            assert run not in blob


def test_wipe_deletes_files_and_key(secret_service: str) -> None:
    vault = Vault.create()
    vault.store("capture-1", distinctive())
    vault.wipe()
    assert not vault.directory.exists()
    assert credentials.get_secret(vault.account) is None
    assert Vault.existing() == []
    with pytest.raises(VaultError) as info:
        vault.load("capture-1")
    assert "reprenez de nouvelles captures" in info.value.user_message
    vault.wipe()  # twice: already the wanted state


def test_a_file_whose_key_is_gone_cannot_be_read(secret_service: str) -> None:
    vault = Vault.create()
    vault.store("capture-1", distinctive())
    credentials.delete_secret(vault.account)
    with pytest.raises(VaultError):
        Vault(vault.report_id).load("capture-1")


def test_tampered_or_moved_files_are_refused(secret_service: str) -> None:
    vault = Vault.create()
    vault.store("capture-1", distinctive())
    vault.store("capture-2", distinctive())
    path = vault.directory / "capture-1.vault"
    blob = bytearray(path.read_bytes())
    blob[-1] ^= 0x01
    path.write_bytes(bytes(blob))
    with pytest.raises(VaultError):
        vault.load("capture-1")
    # A file put in another's place fails too: each is bound to its name.
    (vault.directory / "capture-2.vault").replace(vault.directory / "capture-3.vault")
    with pytest.raises(VaultError):
        vault.load("capture-3")
    vault.wipe()


def test_without_a_keyring_nothing_is_written_and_the_message_is_french(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/bus")
    vault = Vault.create()
    with pytest.raises(VaultUnavailable) as info:
        vault.store("capture-1", distinctive())
    assert isinstance(info.value, CredentialsUnavailable)
    assert "trousseau sécurisé" in info.value.user_message
    assert "service informatique" in info.value.user_message
    assert not vault.directory.exists()


def test_names_are_checked() -> None:
    with pytest.raises(ValueError):
        Vault("../escape")
    vault = Vault.create()
    with pytest.raises(ValueError):
        vault.store("a/b", distinctive())
