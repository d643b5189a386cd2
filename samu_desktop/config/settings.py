"""The user's settings: every setting declared once, with type, default and description.

Values come from three places, highest first: what the administrator's policy
locks, what the user saved, what the policy proposes as a default; then the
defaults below. Only the user's own choices are written back.
"""

from __future__ import annotations

import re
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from samu_desktop.config.monitoring import MonitorEndpoint

# 2: only the user's own choices are written (version 1 wrote every setting).
SCHEMA_VERSION = 2

Environment = Literal["production", "formation"]
AuthMode = Literal["otp_mail", "otp_sms", "cps"]
SmtpSecurity = Literal["starttls", "tls", "none"]
DeviceType = Literal["pc", "tablette", "smartphone"]
Language = Literal["fr", "en"]

_CRRA = re.compile(r"^FR[0-9A-Z]{3}$")


class Settings(BaseModel):
    """Every setting of the application. Field descriptions double as the admin guide.

    A plain model: values come only from the store (policy, user file, defaults),
    never from environment variables, which must not be a way around the
    administrator's policy.
    """

    model_config = ConfigDict(extra="ignore", validate_assignment=True, frozen=False)

    schema_version: int = Field(SCHEMA_VERSION, description="Version du format du fichier.")
    language: Language = Field("fr", description="Langue de l'interface (fr ou en).")

    # Who is reporting
    crra_id: str = Field("", description="Identifiant du CRRA : FR suivi de 3 caractères.")
    centre_name: str = Field("", max_length=120, description="Nom du SAMU / CRRA.")
    reporter_name: str = Field("", max_length=120, description="Nom de la personne qui signale.")
    reporter_phone: str = Field("", max_length=40, description="Téléphone pour être rappelé.")
    reporter_email: str = Field("", max_length=254, description="Adresse e-mail de réponse.")

    # The workstation, as the procedure asks about it
    environment: Environment = Field("production", description="Environnement SI-SAMU utilisé.")
    auth_mode: AuthMode = Field("otp_mail", description="Mode de connexion habituel.")
    device_type: DeviceType = Field("pc", description="Type de poste utilisateur.")

    # Support contacts (left blank by the procedure: the administrator fills them in)
    support_email: str = Field(
        "monserviceclient.si-samu@esante.gouv.fr",
        max_length=254,
        description="Adresse du service client SI-SAMU (cas B).",
    )
    support_phone_calls: str = Field(
        "", max_length=40, description="Numéro à appeler pour la prise d'appels (cas A)."
    )
    support_phone_hardware: str = Field(
        "", max_length=40, description="Numéro à appeler pour le matériel (cas C)."
    )
    local_it_name: str = Field(
        "", max_length=120, description="Service informatique local (cas D)."
    )
    local_it_phone: str = Field("", max_length=40, description="Téléphone du service informatique.")
    local_it_email: str = Field("", max_length=254, description="E-mail du service informatique.")
    local_it_url: str = Field("", max_length=500, description="Page web du service informatique.")

    # Addresses of the national tools, per environment: settings, never hard-coded
    portal_url_production: str = Field("", max_length=500, description="Portail, production.")
    portal_url_formation: str = Field(
        "https://www.portail.formation.si-samu.fr",
        max_length=500,
        description="Portail, formation.",
    )
    session_server_url: str = Field(
        "", max_length=500, description="Adresse WebSocket du Session Server (facultative)."
    )
    supported_firefox: list[str] = Field(
        default_factory=lambda: ["115esr", "128esr", "140esr"],
        description="Versions de Firefox prises en charge (majeure, suffixe esr).",
    )
    check_timeout_s: float = Field(
        3.0, gt=0, le=60, description="Délai maximal de chaque vérification (secondes)."
    )
    ntp_server: str = Field(
        "fr.pool.ntp.org",
        max_length=260,
        description="Serveur de temps (NTP) pour vérifier l'horloge : nom ou nom:port.",
    )
    tls_expected_issuers: list[str] = Field(
        default_factory=lambda: [
            "Certigna", "DigiCert", "GlobalSign", "Sectigo", "Let's Encrypt", "Entrust",
            "GEANT", "HARICA", "Buypass", "Google Trust Services", "Amazon",
        ],
        description=(
            "Émetteurs attendus du certificat du portail ; un autre émetteur signale une "
            "inspection TLS probable (liste vide : pas de vérification)."
        ),
    )
    cryptolib_min_version: str = Field(
        "5.2", max_length=20, description="Version minimale de la Cryptolib CPS."
    )

    # Sending
    smtp_host: str = Field("", max_length=253, description="Serveur SMTP du centre.")
    smtp_port: int = Field(587, ge=1, le=65535, description="Port du serveur SMTP.")
    smtp_security: SmtpSecurity = Field("starttls", description="Chiffrement SMTP.")
    smtp_auth: bool = Field(True, description="Le serveur demande-t-il un identifiant ?")
    smtp_username: str = Field("", max_length=254, description="Identifiant SMTP.")
    sender_address: str = Field("", max_length=254, description="Adresse d'expéditeur.")
    cc_address: str = Field("", max_length=254, description="Copie (facultative).")
    copy_to_reporter: bool = Field(
        True, description="Envoyer une copie de chaque signalement à la personne qui signale."
    )
    call_trace_email: bool = Field(
        False,
        description="Après un appel au support (cas A et C), lui envoyer aussi une trace écrite.",
    )
    smtp_timeout_s: float = Field(
        30.0, gt=0, le=300, description="Délai d'attente d'une réponse du serveur SMTP (secondes)."
    )
    size_budget_mb: float = Field(
        10.0, gt=0, le=100, description="Taille maximale d'un e-mail, pièces jointes comprises."
    )

    # How long what was reported stays on this workstation (administrative)
    sent_retention_days: int = Field(
        7,
        ge=0,
        le=3650,
        description=(
            "Jours de conservation d'un signalement envoyé ou terminé (boîte d'envoi et "
            "brouillon), puis il est effacé ; 0 : effacé au prochain passage."
        ),
    )
    draft_retention_days: int = Field(
        30,
        ge=1,
        le=3650,
        description=(
            "Jours après lesquels un brouillon jamais terminé est effacé, avec ses captures."
        ),
    )

    # Capture
    hotkey: str = Field("<ctrl>+<alt>+<shift>+s", description="Raccourci de capture globale.")
    start_with_session: bool = Field(False, description="Démarrer avec la session.")
    pii_strict_mode: bool = Field(
        False,
        description="Masquage strict : proposer de masquer tout texte des captures qui n'est "
        "pas un mot de l'interface (verrouillable par la politique).",
    )

    # The outage monitor (administrator's policy; off unless the policy turns it on)
    monitor_enabled: bool = Field(
        False, description="Surveiller les services SI-SAMU depuis le poste (enregistreur)."
    )
    monitor_endpoints: list[MonitorEndpoint] = Field(
        default_factory=list,
        max_length=32,
        description=(
            "Adresses surveillées (id, kind, target, application, environment) ; liste vide : "
            "le portail de l'environnement utilisé, le Session Server, le relais SMTP et le "
            "serveur NTP des réglages."
        ),
    )
    monitor_interval_s: float = Field(
        30.0, ge=10, le=3600, description="Intervalle entre deux tours de mesure (secondes)."
    )
    monitor_timeout_s: float = Field(
        5.0, gt=0, le=30, description="Délai maximal de chaque mesure (secondes)."
    )
    monitor_down_after: int = Field(
        3, ge=1, le=20, description="Échecs consécutifs avant de déclarer un service en panne."
    )
    monitor_up_after: int = Field(
        2, ge=1, le=20, description="Réussites consécutives avant de le déclarer rétabli."
    )
    monitor_journal_days: int = Field(
        7, ge=1, le=90, description="Durée de conservation du journal de surveillance (jours)."
    )
    monitor_journal_mb: float = Field(
        20.0, ge=1, le=500, description="Taille maximale du journal de surveillance (Mo)."
    )

    @field_validator("crra_id")
    @classmethod
    def _crra_format(cls, value: str) -> str:
        value = value.strip().upper()
        if value and not _CRRA.match(value):
            raise ValueError("FR suivi de 3 caractères, par exemple FR680")
        return value

    @field_validator("monitor_endpoints")
    @classmethod
    def _unique_ids(cls, value: list[MonitorEndpoint]) -> list[MonitorEndpoint]:
        ids = [endpoint.id for endpoint in value]
        twice = sorted({i for i in ids if ids.count(i) > 1})
        if twice:
            raise ValueError("identifiants en double : " + ", ".join(twice))
        return value


def setting_names() -> frozenset[str]:
    return frozenset(name for name in Settings.model_fields if name != "schema_version")


def non_default_values(settings: Settings) -> dict[str, Any]:
    """The values of ``settings`` that differ from the built-in defaults (JSON form)."""
    defaults = Settings().model_dump(mode="json")
    return {name: value for name, value in settings.model_dump(mode="json").items()
            if name != "schema_version" and value != defaults[name]}


# Settings that only describe the person at the keyboard or their own session, or that
# can only make the application more careful. When the policy is unusable and no trusted
# last good copy exists, every other setting is locked at its built-in default (fail
# closed); these stay the user's.
PERSONAL_SETTINGS: frozenset[str] = frozenset(
    {
        "language",
        "reporter_name",
        "reporter_phone",
        "reporter_email",
        "smtp_username",
        "copy_to_reporter",
        "hotkey",
        "start_with_session",
        "pii_strict_mode",
    }
)

# Everything else is administrative: when the policy file is unusable and no trusted
# last good copy exists, these stay locked at their built-in defaults rather than
# becoming editable (fail closed).
ADMIN_SETTINGS: frozenset[str] = setting_names() - PERSONAL_SETTINGS
