""""Tester" the mail server from a settings dialog, and keep its password.

Shared by the sending settings dialog and the first-start setup, so that both
test and store exactly alike: the test uses the password as typed (or the one
in the keyring when the field is left empty); :func:`verdict` sums the steps up
in one French sentence that says what is wrong and what to check, worded for a
test (no "un nouvel essai sera fait", which only a real send does).
"""

from __future__ import annotations

import ssl
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from samu_desktop.app.state import AppState
from samu_desktop.config import credentials
from samu_desktop.config.settings import Settings
from samu_desktop.i18n import translate
from samu_desktop.mail.failures import FailureKind
from samu_desktop.mail.transport import (
    SmtpConfig,
    SmtpTransport,
    StepResult,
    default_ssl_context,
    smtp_account,
)


def trial_transport(
    settings: Settings,
    typed_password: str,
    *,
    allow_plaintext: bool = False,
    ssl_context_factory: Callable[[], ssl.SSLContext] = default_ssl_context,
) -> SmtpTransport:
    """A transport for the settings being typed: the typed password, else the stored one."""

    def lookup(account: str) -> str | None:
        return typed_password if typed_password else credentials.get_secret(account)

    return SmtpTransport(SmtpConfig.from_settings(settings), allow_plaintext=allow_plaintext,
                         password_lookup=lookup, ssl_context_factory=ssl_context_factory)


# Failures whose sending wording ("un nouvel essai sera fait…") does not fit a test.
_TEST_SENTENCES = {
    FailureKind.NOT_CONFIGURED: lambda: translate(
        "connection_test", "Indiquez le nom du serveur d'envoi, puis testez à nouveau."),
    FailureKind.DNS: lambda: translate(
        "connection_test",
        "Le serveur « {host} » est introuvable : vérifiez son nom et la connexion réseau "
        "du poste."),
    FailureKind.REFUSED: lambda: translate(
        "connection_test",
        "Le serveur « {host} » refuse la connexion sur le port {port} : vérifiez le port, "
        "ou demandez à votre service informatique si le serveur est en marche."),
    FailureKind.NETWORK: lambda: translate(
        "connection_test",
        "Le réseau ne permet pas de joindre le serveur « {host} » : vérifiez la connexion "
        "du poste."),
    FailureKind.TIMEOUT: lambda: translate(
        "connection_test",
        "Le serveur « {host} » ne répond pas sur le port {port} : vérifiez le port et le "
        "chiffrement, ou réessayez dans un moment."),
    FailureKind.DISCONNECTED: lambda: translate(
        "connection_test",
        "Le serveur « {host} » a coupé la connexion : vérifiez le port et le chiffrement."),
    FailureKind.AUTH_REFUSED: lambda: translate(
        "connection_test",
        "Le serveur a refusé l'identifiant ou le mot de passe : vérifiez-les, puis testez "
        "à nouveau."),
    FailureKind.NO_PASSWORD: lambda: translate(
        "connection_test",
        "Saisissez le mot de passe du serveur d'envoi, puis testez à nouveau."),
}


def verdict(results: Sequence[StepResult], config: SmtpConfig) -> str:
    """One French sentence for a finished test: what is wrong, or that it works."""
    failed = next((r for r in results if r.status == "failed"), None)
    if failed is None:
        return translate("connection_test",
                         "La connexion au serveur d'envoi fonctionne : les signalements "
                         "pourront partir.")
    if failed.kind in _TEST_SENTENCES:
        return _TEST_SENTENCES[failed.kind]().format(host=config.host or "?",
                                                     port=config.port)
    return failed.message


def store_password(before: Settings, saved: Settings, typed: str) -> None:
    """Keep the SMTP password in the keyring after the settings were saved.

    A typed password is stored for the saved account; an empty field keeps the
    stored one, moved along when the server or the user name changed. Raises
    :class:`~samu_desktop.config.credentials.CredentialsUnavailable`.
    """
    if not saved.smtp_auth:
        return
    new_account = smtp_account(saved.smtp_username, saved.smtp_host)
    old_account = smtp_account(before.smtp_username, before.smtp_host)
    if typed:
        credentials.set_secret(new_account, typed)
    elif new_account != old_account:
        # Same password, new server or user name: move it rather than lose it.
        previous = credentials.get_secret(old_account)
        if previous is not None and credentials.get_secret(new_account) is None:
            credentials.set_secret(new_account, previous)
            credentials.delete_secret(old_account)


def save_with_password(state: AppState, changes: Mapping[str, Any], typed: str) -> Settings:
    """Keep the password, then save the settings through the application state.

    The password goes first: whoever hears of the save (the outbox sender wakes and
    tries at once, the send page checks again) finds it in the keyring. Raises
    pydantic's ValidationError (a value is not valid) or a UserFacingError (the
    keyring or the settings file could not be written); the dialog then stays open
    with everything typed.
    """
    candidate = state.candidate(changes)
    if candidate.smtp_host.strip():
        store_password(state.settings, candidate, typed)
    return state.save(changes)
