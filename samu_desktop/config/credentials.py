"""Secrets (the SMTP password, the key that encrypts captures at rest) in the OS keyring.

Only real keyrings are accepted: Windows Credential Manager, the macOS
Keychain, the freedesktop Secret Service. When none is available the caller
gets a clear French message; there is never a silent fallback to a file.
"""

from __future__ import annotations

import contextlib
import logging
import sys
from typing import Any

import keyring
import keyring.backend
import keyring.errors

from samu_desktop.errors import UserFacingError
from samu_desktop.i18n import translate

log = logging.getLogger(__name__)

SERVICE = "samu-desktop"

# Backends that keep secrets protected by the operating system.
_TRUSTED = {
    "win32": "keyring.backends.Windows.WinVaultKeyring",
    "darwin": "keyring.backends.macOS.Keyring",
    "linux": "keyring.backends.SecretService.Keyring",
}


class CredentialsUnavailable(UserFacingError):
    """No protected keyring, or it refused the operation."""


def _unavailable(details: str) -> CredentialsUnavailable:
    return CredentialsUnavailable(
        translate(
            "credentials",
            "Le trousseau sécurisé du système n'est pas disponible : le mot de passe ne peut "
            "pas être enregistré. Ouvrez une session complète sur le poste, ou demandez à "
            "votre service informatique d'activer le trousseau.",
        ),
        details=details,
    )


def _closing_secret_service() -> keyring.backend.KeyringBackend:
    """keyring's Secret Service backend, without its D-Bus connection leak.

    keyring leaves the connection open when the collection cannot be unlocked
    (no prompt available, or the user dismissed it); this closes it.
    """
    import secretstorage
    from keyring.backends import SecretService

    class ClosingSecretService(SecretService.Keyring):
        def get_preferred_collection(self) -> Any:
            bus = secretstorage.dbus_init()
            try:
                collection = secretstorage.get_default_collection(bus)
                if collection.is_locked():
                    collection.unlock()
                    if collection.is_locked():  # the user dismissed the prompt
                        raise keyring.errors.KeyringLocked("collection locked")
            except secretstorage.exceptions.SecretStorageException as exc:
                bus.close()
                raise keyring.errors.KeyringLocked(type(exc).__name__) from exc
            except BaseException:
                bus.close()
                raise
            return collection

    backend: keyring.backend.KeyringBackend = ClosingSecretService()  # type: ignore[no-untyped-call]
    return backend


def _backend() -> keyring.backend.KeyringBackend:
    name = _TRUSTED.get(sys.platform)
    if name is None:
        raise _unavailable(f"unsupported platform {sys.platform}")
    module_name, _, class_name = name.rpartition(".")
    backend: keyring.backend.KeyringBackend
    try:
        if sys.platform == "linux":
            backend = _closing_secret_service()
        else:
            module = __import__(module_name, fromlist=[class_name])
            backend = getattr(module, class_name)()
    except Exception as exc:  # import problems, missing system libraries
        raise _unavailable(f"{name}: {type(exc).__name__}") from exc
    # priority raises (or is <= 0) when the backend cannot work here, e.g. no
    # Secret Service on the session bus.
    try:
        usable = backend.priority > 0
    except Exception as exc:
        raise _unavailable(f"{name}: {type(exc).__name__}: {exc}") from exc
    if not usable:
        raise _unavailable(f"{name}: not usable here")
    return backend


def backend_name() -> str:
    """The keyring in use, for the settings page and the log (never the secret)."""
    # The keyring library's class (ours only wraps the Secret Service one).
    backend = next(
        c for c in type(_backend()).__mro__ if c.__module__.startswith("keyring.backends")
    )
    return f"{backend.__module__}.{backend.__name__}"


def set_secret(account: str, secret: str) -> None:
    try:
        _backend().set_password(SERVICE, account, secret)
    except keyring.errors.KeyringError as exc:
        raise _unavailable(f"set {account}: {type(exc).__name__}") from exc
    log.info("secret stored for %s", account)


def get_secret(account: str) -> str | None:
    """The stored secret, or None when nothing is stored for ``account``."""
    try:
        return _backend().get_password(SERVICE, account)
    except keyring.errors.KeyringError as exc:
        raise _unavailable(f"get {account}: {type(exc).__name__}") from exc


def delete_secret(account: str) -> None:
    try:
        _backend().delete_password(SERVICE, account)
    except keyring.errors.PasswordDeleteError:
        return  # nothing stored: already the wanted state
    except keyring.errors.KeyringError as exc:
        raise _unavailable(f"delete {account}: {type(exc).__name__}") from exc


def accounts(prefix: str) -> list[str]:
    """Our accounts in the keyring whose name starts with ``prefix`` (never a secret).

    Listing is only possible with the Secret Service (Linux); elsewhere this is empty
    and the callers rely on what they recorded on disk.
    """
    if sys.platform != "linux":
        return []
    backend: Any = _backend()
    try:
        collection = backend.get_preferred_collection()
        with contextlib.closing(collection.connection):
            items = collection.search_items(backend._query(SERVICE))
            names = [item.get_attributes().get("username", "") for item in items]
    except keyring.errors.KeyringError as exc:
        raise _unavailable(f"list {prefix}: {type(exc).__name__}") from exc
    except Exception as exc:  # D-Bus errors of secretstorage / jeepney
        raise _unavailable(f"list {prefix}: {type(exc).__name__}") from exc
    return sorted(name for name in names if isinstance(name, str) and name.startswith(prefix))
