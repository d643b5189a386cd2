"""Can a report leave from here? What is missing, each in one French sentence.

A fresh install has no mail server, no sender, no CRRA: the application must
say so before "Envoyer", never promise that the report "leaves as soon as the
server answers" when there is no server. This module only reads the settings
(and asks the keyring whether a password is stored); it never connects to
anything, so it answers at once and can be asked on every page change.

It also names what the first-start setup asks: the values a report needs that
neither the administrator's policy nor the user has given yet.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Collection
from dataclasses import dataclass

from samu_desktop.config import credentials
from samu_desktop.config.settings import Settings
from samu_desktop.i18n import QT_TRANSLATE_NOOP, translate
from samu_desktop.mail.message import sender_of
from samu_desktop.mail.transport import smtp_account

PasswordLookup = Callable[[str], str | None]


class Missing(enum.StrEnum):
    """One reason a report cannot leave (or would leave incomplete)."""

    SMTP_HOST = "smtp_host"
    SENDER = "sender"
    RECIPIENT = "recipient"
    CRRA = "crra"
    USERNAME = "username"
    PASSWORD = "password"
    KEYRING = "keyring"
    PLAINTEXT_FORBIDDEN = "plaintext_forbidden"


_SENTENCES = {
    Missing.SMTP_HOST: QT_TRANSLATE_NOOP(
        "readiness",
        "Aucun serveur d'envoi n'est réglé sur ce poste : le signalement ne peut pas partir "
        "d'ici tant que le serveur n'est pas renseigné."),
    Missing.SENDER: QT_TRANSLATE_NOOP(
        "readiness",
        "Aucune adresse d'expéditeur n'est renseignée : indiquez l'adresse e-mail du centre "
        "ou la vôtre."),
    Missing.RECIPIENT: QT_TRANSLATE_NOOP(
        "readiness",
        "L'adresse du support n'est pas renseignée : demandez-la à votre administrateur."),
    Missing.CRRA: QT_TRANSLATE_NOOP(
        "readiness",
        "L'identifiant du CRRA n'est pas renseigné : le support ne saura pas d'où vient le "
        "signalement."),
    Missing.USERNAME: QT_TRANSLATE_NOOP(
        "readiness",
        "Le serveur d'envoi demande un identifiant, qui n'est pas renseigné : indiquez-le "
        "dans les réglages."),
    Missing.PASSWORD: QT_TRANSLATE_NOOP(
        "readiness",
        "Aucun mot de passe du serveur d'envoi n'est enregistré sur ce poste : saisissez-le "
        "dans les réglages."),
    Missing.KEYRING: QT_TRANSLATE_NOOP(
        "readiness",
        "Le trousseau sécurisé du système n'est pas disponible : le mot de passe du serveur "
        "d'envoi ne peut pas être lu."),
    Missing.PLAINTEXT_FORBIDDEN: QT_TRANSLATE_NOOP(
        "readiness",
        "L'envoi sans chiffrement n'est pas autorisé par votre administrateur : choisissez "
        "STARTTLS ou TLS."),
}


def describe(reason: Missing) -> str:
    """The French sentence (or its translation) for one reason."""
    return translate("readiness", _SENTENCES[reason])


@dataclass(frozen=True)
class Readiness:
    """What stops a report from leaving; empty when nothing does."""

    missing: tuple[Missing, ...] = ()

    @property
    def ready(self) -> bool:
        return not self.missing

    def sentences(self) -> list[str]:
        return [describe(reason) for reason in self.missing]


def sending_readiness(
    settings: Settings,
    *,
    allow_plaintext: bool = False,
    password_lookup: PasswordLookup | None = None,
    recipient: str | None = None,
) -> Readiness:
    """Whether a report written now can leave with these settings, and if not, why.

    ``recipient``: where this report goes (the local IT for case D); the
    support desk's address when not given. Only the settings and the keyring
    are read: a server that does not answer is the outbox's business (it
    retries), not a missing setting.
    """
    # What stops the report outright first, what leaves it incomplete last.
    missing: list[Missing] = []
    if not settings.smtp_host.strip():
        missing.append(Missing.SMTP_HOST)
    if not sender_of(settings):
        missing.append(Missing.SENDER)
    if settings.smtp_security == "none" and not allow_plaintext:
        missing.append(Missing.PLAINTEXT_FORBIDDEN)
    if settings.smtp_host.strip() and settings.smtp_auth:
        if not settings.smtp_username.strip():
            missing.append(Missing.USERNAME)
        else:
            lookup = password_lookup or credentials.get_secret
            try:
                stored = lookup(smtp_account(settings.smtp_username, settings.smtp_host))
            except credentials.CredentialsUnavailable:
                missing.append(Missing.KEYRING)
            else:
                if not stored:
                    missing.append(Missing.PASSWORD)
    if not (settings.support_email if recipient is None else recipient).strip():
        missing.append(Missing.RECIPIENT)
    if not settings.crra_id.strip():
        missing.append(Missing.CRRA)
    return Readiness(tuple(missing))


# What the first-start setup asks, in its order: who reports, then how it leaves.
IDENTITY_FIELDS = ("centre_name", "crra_id", "reporter_name", "reporter_phone",
                   "reporter_email")
SERVER_FIELDS = ("smtp_host", "smtp_port", "smtp_security", "smtp_auth", "smtp_username",
                 "sender_address")
SETUP_FIELDS = IDENTITY_FIELDS + SERVER_FIELDS


def setup_fields(locked: Collection[str]) -> list[str]:
    """The setup's fields the user may set: the administrator's policy answers the rest."""
    return [name for name in SETUP_FIELDS if name not in locked]


def setup_needed(settings: Settings, locked: Collection[str]) -> bool:
    """Whether the first-start setup still has something to ask.

    True when a value a report needs is empty and the policy does not fix it.
    """
    asked = set(setup_fields(locked))
    text_needed = ("centre_name", "crra_id", "reporter_name", "reporter_phone", "smtp_host")
    if any(name in asked and not str(getattr(settings, name)).strip() for name in text_needed):
        return True
    return not sender_of(settings) and bool(asked & {"sender_address", "reporter_email"})
