"""Unredacted captures kept across a crash, encrypted at rest.

One vault per report: a folder of files, each an image encrypted with
AES-256-GCM under a key of its own that lives only in the OS keyring
(account ``vault:<report id>``). No temporary file ever holds an image in
clear: encryption happens in memory and only the ciphertext reaches the disk,
through the atomic writer. :meth:`Vault.wipe` deletes the files and then the
key; without the key, any copy the file system kept is unreadable noise.

The vault's folder exists whenever its key may exist: it is made before the key
is stored, and removed only once the key is deleted (a keyring that refuses the
deletion leaves the empty folder behind, so the next sweep at start tries again).

Python cannot promise to scrub memory: in-memory images are dropped by their
owners (the editor's ``clear()``) and reclaimed by the allocator.
"""

from __future__ import annotations

import base64
import binascii
import contextlib
import io
import logging
import os
import re
import shutil
import uuid
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from PIL import Image

from samu_desktop.config import credentials
from samu_desktop.config.credentials import CredentialsUnavailable
from samu_desktop.config.paths import AppPaths
from samu_desktop.errors import StorageError, UserFacingError
from samu_desktop.fsutil import atomic_write_bytes, read_limited
from samu_desktop.i18n import translate

log = logging.getLogger(__name__)

MAGIC = b"SAMUVLT1"
_NONCE_BYTES = 12
_SUFFIX = ".vault"
_ID = re.compile(r"^[A-Za-z0-9_-]{1,64}$")
# Same folder in every session, so that a restart finds the drafts' captures.
VAULT_FOLDER = "vault"
ACCOUNT_PREFIX = "vault:"
# One capture of several 4K screens, encrypted: a few tens of megabytes.
MAX_VAULT_FILE_BYTES = 512 * 1024 * 1024


class VaultError(UserFacingError):
    """A stored capture cannot be read back."""


class VaultUnavailable(CredentialsUnavailable):
    """No protected keyring: captures cannot be kept across a crash."""


def _unavailable(exc: CredentialsUnavailable) -> VaultUnavailable:
    return VaultUnavailable(
        translate(
            "redaction",
            "Le trousseau sécurisé du système n'est pas disponible : les captures ne pourront "
            "pas être retrouvées après une panne. Vous pouvez continuer ; pour les protéger, "
            "demandez à votre service informatique d'activer le trousseau.",
        ),
        details=exc.details,
    )


def _unreadable(details: str) -> VaultError:
    return VaultError(
        translate(
            "redaction",
            "Les captures de ce brouillon ne peuvent plus être relues : reprenez de nouvelles "
            "captures de l'écran pour ce signalement.",
        ),
        details=details,
    )


def default_root() -> Path:
    return AppPaths.default().data_dir / VAULT_FOLDER


def _check_id(value: str, what: str) -> str:
    if not _ID.match(value):
        raise ValueError(f"{what} must match {_ID.pattern}, not {value!r}")
    return value


class Vault:
    """The encrypted captures of one report."""

    def __init__(self, report_id: str, root: Path | None = None) -> None:
        self.report_id = _check_id(report_id, "report_id")
        self.directory = (root if root is not None else default_root()) / report_id
        self._key: bytes | None = None

    @classmethod
    def create(cls, root: Path | None = None) -> Vault:
        """A vault for a new report, with a fresh random id."""
        return cls(uuid.uuid4().hex, root)

    @staticmethod
    def existing(root: Path | None = None) -> list[str]:
        """Report ids whose vault is still on disk (drafts left by a crash)."""
        base = root if root is not None else default_root()
        if not base.is_dir():
            return []
        return sorted(p.name for p in base.iterdir() if p.is_dir() and _ID.match(p.name))

    @property
    def account(self) -> str:
        return f"{ACCOUNT_PREFIX}{self.report_id}"

    def names(self) -> list[str]:
        if not self.directory.is_dir():
            return []
        return sorted(p.stem for p in self.directory.glob(f"*{_SUFFIX}") if _ID.match(p.stem))

    def store(self, name: str, image: Image.Image) -> None:
        """Encrypt ``image`` in memory and write only the ciphertext."""
        path = self._path(name)
        # The folder first: a key is never stored without a folder that records it.
        made = not self.directory.exists()
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StorageError(
                translate(
                    "fsutil",
                    "Impossible d'enregistrer le fichier {name} : vérifiez l'espace disque "
                    "disponible, puis réessayez.",
                ).format(name=path.name),
                details=f"{type(exc).__name__}: {exc.strerror}",
            ) from exc
        try:
            key = self._writing_key()
        except VaultUnavailable:
            if made:  # no key was stored: nothing to record
                with contextlib.suppress(OSError):
                    self.directory.rmdir()
            raise
        buffer = io.BytesIO()
        # Fast lossless encoding: the plaintext never leaves this buffer.
        rgb = image if image.mode == "RGB" else image.convert("RGB")
        rgb.save(buffer, format="PNG", compress_level=1)
        nonce = os.urandom(_NONCE_BYTES)
        sealed = AESGCM(key).encrypt(nonce, buffer.getvalue(), self._aad(name))
        buffer.close()
        atomic_write_bytes(path, MAGIC + nonce + sealed)

    def load(self, name: str) -> Image.Image:
        path = self._path(name)
        try:
            blob = read_limited(path, MAX_VAULT_FILE_BYTES)
        except OSError as exc:
            raise _unreadable(f"read {path.name}: {exc.strerror}") from exc
        key = self._reading_key()
        if not blob.startswith(MAGIC) or len(blob) < len(MAGIC) + _NONCE_BYTES + 16:
            raise _unreadable(f"{path.name}: not a vault file")
        nonce = blob[len(MAGIC) : len(MAGIC) + _NONCE_BYTES]
        try:
            plain = AESGCM(key).decrypt(nonce, blob[len(MAGIC) + _NONCE_BYTES :], self._aad(name))
        except InvalidTag as exc:
            raise _unreadable(f"{path.name}: authentication failed") from exc
        with Image.open(io.BytesIO(plain)) as decoded:
            decoded.load()
            image = decoded.convert("RGB")
        image.info.clear()
        return image

    def remove(self, name: str) -> None:
        with contextlib.suppress(FileNotFoundError):
            self._path(name).unlink()

    def wipe(self) -> None:
        """Delete every file of this vault, then its key, then its folder (when the report
        ends: sent, abandoned, replaced or expired)."""
        if self.directory.is_dir():
            for entry in list(self.directory.iterdir()):
                if entry.is_dir() and not entry.is_symlink():
                    shutil.rmtree(entry, ignore_errors=True)
                else:
                    with contextlib.suppress(OSError):
                        entry.unlink()
            if any(self.directory.iterdir()):
                log.warning("some vault files could not be deleted; they stay encrypted")
        self._key = None
        try:
            credentials.delete_secret(self.account)
        except CredentialsUnavailable:
            # The empty folder stays as a record: the next sweep deletes the key.
            log.warning("vault key could not be deleted from the keyring")
            return
        with contextlib.suppress(OSError):
            self.directory.rmdir()

    def _path(self, name: str) -> Path:
        return self.directory / f"{_check_id(name, 'name')}{_SUFFIX}"

    def _aad(self, name: str) -> bytes:
        # Binds each file to its report and name: a file moved elsewhere fails.
        return MAGIC + f"{self.report_id}/{name}".encode("ascii")

    def _writing_key(self) -> bytes:
        if self._key is None:
            stored = self._stored_key()
            if stored is None:
                stored = AESGCM.generate_key(bit_length=256)
                try:
                    credentials.set_secret(self.account, base64.b64encode(stored).decode())
                except CredentialsUnavailable as exc:
                    raise _unavailable(exc) from exc
            self._key = stored
        return self._key

    def _reading_key(self) -> bytes:
        if self._key is None:
            stored = self._stored_key()
            if stored is None:
                raise _unreadable("no key in the keyring for this vault")
            self._key = stored
        return self._key

    def _stored_key(self) -> bytes | None:
        try:
            text = credentials.get_secret(self.account)
        except CredentialsUnavailable as exc:
            raise _unavailable(exc) from exc
        if text is None:
            return None
        try:
            key = base64.b64decode(text.encode(), validate=True)
        except (binascii.Error, ValueError) as exc:
            raise _unreadable("the stored key is not base64") from exc
        if len(key) != 32:
            raise _unreadable("the stored key has the wrong length")
        return key
