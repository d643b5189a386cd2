"""What to do for each case of the procedure, with the configured contacts.

The guided report (questions, captures, sending) replaces the body of this
page case by case; the procedure's own guidance stays at the top.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from samu_desktop.config.settings import Settings


def _or_missing(value: str, widget: QWidget) -> str:
    # Values come from settings files: never let them inject markup.
    if value:
        return html.escape(value)
    return widget.tr("(à renseigner par votre administrateur dans les réglages)")


class CasePage(QWidget):
    """Signals: back()"""

    back = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        self.title = QLabel(self)
        self.title.setStyleSheet("font-size: 18pt; font-weight: bold;")
        self.title.setWordWrap(True)
        self.body = QLabel(self)
        self.body.setWordWrap(True)
        self.body.setTextFormat(Qt.TextFormat.RichText)
        self.body.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.body.setOpenExternalLinks(True)
        back = QPushButton(self.tr("← Retour"), self)
        back.setShortcut("Esc")
        back.setAccessibleName(self.tr("Retour à l'accueil"))
        back.clicked.connect(self.back)
        layout.addWidget(self.title)
        layout.addWidget(self.body, 1, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(back, 0, Qt.AlignmentFlag.AlignLeft)
        self.case = ""

    def show_case(self, case: str, settings: Settings) -> None:
        self.case = case
        if case == "A":
            self.title.setText(self.tr("Cas A — La prise d'appels"))
            self.body.setText(
                self.tr(
                    "<p>Téléphonez au : <b style='font-size:16pt'>{phone}</b></p>"
                    "<p>Ayez sous les yeux :</p><ul>"
                    "<li>la date et l'heure de début de l'incident ;</li>"
                    "<li>les lignes impactées (exemple : pas d'appel entrant sur le 15 / 116 / "
                    "117…) ;</li><li>la réception : nulle ou partielle ;</li>"
                    "<li>les résultats des tests d'appels décrits dans le « Pack OTN ».</li></ul>"
                ).format(phone=_or_missing(settings.support_phone_calls, self))
            )
        elif case == "B":
            self.title.setText(self.tr("Cas B — Une application du SI-SAMU"))
            self.body.setText(
                self.tr(
                    "<ol><li>Vérifiez les prérequis de votre poste de travail (utilitaire de "
                    "test).</li><li>Si les prérequis sont bons, envoyez votre demande par "
                    "e-mail à <b>{email}</b> avec les résultats du test, des copies d'écran "
                    "(les données des patients doivent être cachées) et un maximum "
                    "d'informations pour décrire l'incident.</li></ol>"
                ).format(email=_or_missing(settings.support_email, self))
            )
        elif case == "C":
            self.title.setText(self.tr("Cas C — Un matériel fourni par le programme"))
            self.body.setText(
                self.tr(
                    "<p>Téléphone fixe ou autre équipement identifié par votre service "
                    "informatique (hors poste de travail et casque d'écoute).</p>"
                    "<p>Téléphonez au : <b style='font-size:16pt'>{phone}</b></p>"
                ).format(phone=_or_missing(settings.support_phone_hardware, self))
            )
        else:
            self.title.setText(self.tr("Cas D — Incident hors SI-SAMU"))
            contact = ", ".join(
                v
                for v in (
                    settings.local_it_name,
                    settings.local_it_phone,
                    settings.local_it_email,
                    settings.local_it_url,
                )
                if v
            )
            self.body.setText(
                self.tr(
                    "<p>Poste de travail, solution de vidéotransmission… : rapprochez-vous de "
                    "votre service informatique ou de votre DSI.</p><p>Contact : <b>{contact}"
                    "</b></p>"
                ).format(contact=_or_missing(contact, self))
            )
