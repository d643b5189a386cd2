"""The kinds of patient data the detectors report, and their French names."""

from __future__ import annotations

from enum import StrEnum

from samu_desktop.i18n import QT_TRANSLATE_NOOP, translate


class PatientDataKind(StrEnum):
    """What a finding is. The values are stable: they appear in the CLI's JSON."""

    NIR = "nir"
    INS = "ins"
    PHONE = "phone"
    BIRTH_DATE = "birth_date"
    EMAIL = "email"
    ADDRESS = "address"
    NAME = "name"
    RECORD_NUMBER = "record_number"
    # Strict mode only: text that is not the interface's own words.
    TEXT = "text"


_LABELS: dict[PatientDataKind, str] = {
    PatientDataKind.NIR: QT_TRANSLATE_NOOP("pii", "numéro de sécurité sociale (NIR)"),
    PatientDataKind.INS: QT_TRANSLATE_NOOP("pii", "identifiant national de santé (INS)"),
    PatientDataKind.PHONE: QT_TRANSLATE_NOOP("pii", "numéro de téléphone"),
    PatientDataKind.BIRTH_DATE: QT_TRANSLATE_NOOP("pii", "date de naissance"),
    PatientDataKind.EMAIL: QT_TRANSLATE_NOOP("pii", "adresse e-mail"),
    PatientDataKind.ADDRESS: QT_TRANSLATE_NOOP("pii", "adresse postale"),
    PatientDataKind.NAME: QT_TRANSLATE_NOOP("pii", "nom ou prénom"),
    PatientDataKind.RECORD_NUMBER: QT_TRANSLATE_NOOP("pii", "numéro de dossier"),
    PatientDataKind.TEXT: QT_TRANSLATE_NOOP("pii", "texte à vérifier (mode strict)"),
}


def kind_label(kind: PatientDataKind) -> str:
    """The kind's French name, for messages such as « numéro de téléphone »."""
    return translate("pii", _LABELS[kind])
