"""Every way a send can fail, as one French sentence and a retry decision.

A failure is *temporary* when waiting may be enough (network down, server
busy, 4xx replies): the outbox retries it by itself with a growing delay. It
is *permanent* when someone must act (wrong password, certificate not trusted,
5xx refusal): the report waits in the outbox for the user, with the server's
own answer kept beside the French explanation.

The sentence is rebuilt from the stored kind each time it is shown, so a
report that failed in French reads in English after a language switch.
"""

from __future__ import annotations

import enum
import re

from samu_desktop.errors import UserFacingError
from samu_desktop.i18n import translate


class FailureKind(enum.StrEnum):
    NOT_CONFIGURED = "not_configured"
    NO_SENDER = "no_sender"
    NO_PASSWORD = "no_password"
    KEYRING = "keyring"
    PLAINTEXT_FORBIDDEN = "plaintext_forbidden"
    DNS = "dns"
    REFUSED = "refused"
    NETWORK = "network"
    TIMEOUT = "timeout"
    TLS_HANDSHAKE = "tls_handshake"
    NO_STARTTLS = "no_starttls"
    CERTIFICATE = "certificate"
    AUTH_REFUSED = "auth_refused"
    AUTH_UNSUPPORTED = "auth_unsupported"
    TEMPORARY = "temporary"
    TOO_LARGE = "too_large"
    REJECTED = "rejected"
    DISCONNECTED = "disconnected"
    UNEXPECTED = "unexpected"
    # The stored message no longer matches what was put in the outbox: never sent.
    TAMPERED = "tampered"
    # Addressed to someone the sending settings do not name: never sent.
    RECIPIENT_NOT_ALLOWED = "recipient_not_allowed"


# Kinds the outbox retries on its own. Configuration problems are not in
# either list: they wait until the settings change (see the sender).
TEMPORARY_KINDS = frozenset(
    {
        FailureKind.DNS,
        FailureKind.REFUSED,
        FailureKind.NETWORK,
        FailureKind.TIMEOUT,
        FailureKind.TEMPORARY,
        FailureKind.DISCONNECTED,
        FailureKind.UNEXPECTED,
    }
)
SETTINGS_KINDS = frozenset({FailureKind.NOT_CONFIGURED, FailureKind.NO_SENDER})


def clean_reply(text: str | bytes, limit: int = 500) -> str:
    """A server reply as one printable line (servers send several, in any charset)."""
    if isinstance(text, bytes):
        text = text.decode("utf-8", errors="replace")
    text = re.sub(r"[\x00-\x1f\x7f]+", " ", text).strip()
    return text[:limit]


def describe(kind: FailureKind, host: str = "", code: int | None = None, reply: str = "") -> str:
    """The French sentence for ``kind``: what happened, and what to do next."""
    text = _SENTENCES[kind]()
    text = text.format(host=host or "?", code=code if code is not None else "")
    if reply and kind not in (FailureKind.AUTH_REFUSED,):
        text += " " + translate("mail", "Réponse du serveur : « {reply} ».").format(reply=reply)
    return text


_SENTENCES = {
    FailureKind.NOT_CONFIGURED: lambda: translate(
        "mail",
        "Aucun serveur d'envoi (SMTP) n'est configuré : le signalement attend dans la boîte "
        "d'envoi. Renseignez le serveur dans les réglages d'envoi, ou exportez le fichier "
        ".eml pour l'envoyer avec votre messagerie.",
    ),
    FailureKind.NO_SENDER: lambda: translate(
        "mail",
        "Aucune adresse d'expéditeur n'est renseignée : le signalement attend dans la boîte "
        "d'envoi. Indiquez l'adresse d'expéditeur dans les réglages d'envoi.",
    ),
    FailureKind.NO_PASSWORD: lambda: translate(
        "mail",
        "Aucun mot de passe SMTP n'est enregistré pour ce compte : saisissez-le dans les "
        "réglages d'envoi, puis cliquez sur « Réessayer maintenant ».",
    ),
    FailureKind.KEYRING: lambda: translate(
        "mail",
        "Le trousseau sécurisé du système n'est pas disponible : le mot de passe SMTP ne "
        "peut pas être lu. Ouvrez une session complète sur le poste, ou exportez le "
        "fichier .eml pour l'envoyer avec votre messagerie.",
    ),
    FailureKind.PLAINTEXT_FORBIDDEN: lambda: translate(
        "mail",
        "L'envoi sans chiffrement n'est pas autorisé par votre administrateur : choisissez "
        "STARTTLS ou TLS dans les réglages d'envoi.",
    ),
    FailureKind.DNS: lambda: translate(
        "mail",
        "Le serveur d'envoi « {host} » est introuvable : vérifiez son nom dans les réglages "
        "d'envoi et la connexion réseau du poste. Un nouvel essai sera fait automatiquement.",
    ),
    FailureKind.REFUSED: lambda: translate(
        "mail",
        "Le serveur d'envoi « {host} » refuse la connexion : il est peut-être arrêté, ou le "
        "port est incorrect. Un nouvel essai sera fait automatiquement ; si cela dure, "
        "vérifiez le port dans les réglages d'envoi.",
    ),
    FailureKind.NETWORK: lambda: translate(
        "mail",
        "Le réseau ne permet pas de joindre le serveur d'envoi « {host} » : vérifiez la "
        "connexion du poste. Un nouvel essai sera fait automatiquement.",
    ),
    FailureKind.TAMPERED: lambda: translate(
        "mail",
        "Ce signalement a été modifié sur le disque ou son fichier est incomplet depuis qu'il "
        "a été placé dans la boîte d'envoi : il ne sera pas envoyé. Refaites le signalement, "
        "puis prévenez votre service informatique.",
    ),
    FailureKind.RECIPIENT_NOT_ALLOWED: lambda: translate(
        "mail",
        "Ce signalement est adressé à « {host} », qui n'est pas une adresse de vos réglages "
        "d'envoi : il ne sera pas envoyé. Refaites le signalement, puis prévenez votre service "
        "informatique.",
    ),
    FailureKind.TIMEOUT: lambda: translate(
        "mail",
        "Le serveur d'envoi « {host} » ne répond pas : un nouvel essai sera fait "
        "automatiquement. Si cela dure, prévenez votre service informatique.",
    ),
    FailureKind.TLS_HANDSHAKE: lambda: translate(
        "mail",
        "La connexion chiffrée avec le serveur d'envoi « {host} » a échoué : vérifiez le "
        "port et le mode de chiffrement (STARTTLS ou TLS) dans les réglages d'envoi.",
    ),
    FailureKind.NO_STARTTLS: lambda: translate(
        "mail",
        "Le serveur d'envoi « {host} » ne propose pas le chiffrement STARTTLS : choisissez "
        "TLS ou un autre port dans les réglages d'envoi, ou demandez à votre service "
        "informatique.",
    ),
    FailureKind.CERTIFICATE: lambda: translate(
        "mail",
        "Le certificat du serveur d'envoi « {host} » n'est pas reconnu comme sûr : "
        "l'envoi est bloqué pour protéger le signalement. Prévenez votre service "
        "informatique.",
    ),
    FailureKind.AUTH_REFUSED: lambda: translate(
        "mail",
        "Le serveur d'envoi a refusé l'identifiant ou le mot de passe : corrigez-les dans "
        "les réglages d'envoi, puis cliquez sur « Réessayer maintenant ».",
    ),
    FailureKind.AUTH_UNSUPPORTED: lambda: translate(
        "mail",
        "Le serveur d'envoi « {host} » ne propose pas d'authentification compatible : "
        "décochez « Le serveur demande un identifiant » si c'est un relais interne, ou "
        "demandez à votre service informatique.",
    ),
    FailureKind.TEMPORARY: lambda: translate(
        "mail",
        "Le serveur d'envoi est momentanément indisponible (code {code}) : un nouvel essai "
        "sera fait automatiquement.",
    ),
    FailureKind.TOO_LARGE: lambda: translate(
        "mail",
        "Le serveur d'envoi refuse ce message car il est trop volumineux (code {code}) : "
        "retirez des captures d'écran ou demandez à votre administrateur de réduire la "
        "taille maximale des e-mails.",
    ),
    FailureKind.REJECTED: lambda: translate(
        "mail",
        "Le serveur d'envoi a refusé ce message (code {code}) : transmettez sa réponse à "
        "votre service informatique, ou exportez le fichier .eml pour l'envoyer avec votre "
        "messagerie.",
    ),
    FailureKind.DISCONNECTED: lambda: translate(
        "mail",
        "La connexion avec le serveur d'envoi « {host} » a été coupée pendant l'envoi : un "
        "nouvel essai sera fait automatiquement.",
    ),
    FailureKind.UNEXPECTED: lambda: translate(
        "mail",
        "L'envoi a échoué pour une raison inattendue : un nouvel essai sera fait "
        "automatiquement. Si cela dure, transmettez les détails à votre service "
        "informatique.",
    ),
}


class SendFailure(UserFacingError):
    """A send (or a connection test) that failed, with what the user needs to know.

    ``after_data`` is true when the whole message had reached the server before
    the failure: the server may have accepted it without our hearing so.
    """

    def __init__(
        self,
        kind: FailureKind,
        *,
        host: str = "",
        code: int | None = None,
        reply: str = "",
        details: str = "",
        after_data: bool = False,
    ) -> None:
        super().__init__(describe(kind, host, code, reply), details=details)
        self.kind = kind
        self.host = host
        self.code = code
        self.reply = reply
        self.after_data = after_data

    @property
    def temporary(self) -> bool:
        return self.kind in TEMPORARY_KINDS

    @property
    def needs_settings(self) -> bool:
        return self.kind in SETTINGS_KINDS


def kind_for_reply(code: int) -> FailureKind:
    """Classify an SMTP reply code that is not a success."""
    if code == 552:
        return FailureKind.TOO_LARGE
    if code in (530, 534, 535, 538):
        return FailureKind.AUTH_REFUSED
    if 400 <= code < 500:
        return FailureKind.TEMPORARY
    if 500 <= code < 600:
        return FailureKind.REJECTED
    return FailureKind.UNEXPECTED
