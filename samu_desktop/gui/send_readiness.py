"""On the send page: say plainly when a report cannot leave, and what can be done now.

A fresh install has no mail server: "Envoyer" would only put the report in the
outbox, where it waits. Before the user clicks, this panel says why the report
cannot leave from here (one French sentence per missing setting, see
``app/readiness.py``) and offers what works at once: open the report in the
mail client as a ready-to-send draft, save that draft as a file, call the
support, or complete the settings. "Envoyer" still keeps the report in the
outbox, so nothing is lost.

Opening a file in the mail client goes through ``open_url`` (Qt's
``QDesktopServices.openUrl``): the one probe, which tests replace by a
recorder since no mail client exists there; they check the file instead.

Signals: draft_written(str) — the path of a draft just written;
setup_opened(object) — the first-start dialog just opened.
"""

from __future__ import annotations

import html
import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

import shiboken6
from PySide6.QtCore import QCoreApplication, QStandardPaths, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from samu_desktop.app.readiness import Readiness, sending_readiness
from samu_desktop.app.state import AppState
from samu_desktop.config.settings import Settings
from samu_desktop.errors import UserFacingError
from samu_desktop.gui import style

if TYPE_CHECKING:
    from samu_desktop.app.session import ReportSession
    from samu_desktop.gui.first_start import FirstStartDialog
    from samu_desktop.gui.tasks import TaskRunner
    from samu_desktop.gui.wizard.final_pages import ReviewPage
    from samu_desktop.mail.message import OutgoingMessage
    from samu_desktop.procedure.schema import Case, Catalogue
    from samu_desktop.report.model import Report

log = logging.getLogger(__name__)

OpenUrl = Callable[[QUrl], bool]


class Context(Protocol):
    @property
    def state(self) -> AppState: ...
    @property
    def catalogue(self) -> Catalogue: ...
    @property
    def tasks(self) -> TaskRunner: ...
    @property
    def settings(self) -> Settings: ...


class Wizard(Protocol):
    """What the panel reads of the report wizard (named here: no import circle)."""

    @property
    def review(self) -> ReviewPage: ...
    @property
    def pages(self) -> QStackedWidget: ...
    @property
    def context(self) -> Context: ...
    @property
    def session(self) -> ReportSession: ...
    @property
    def case(self) -> Case: ...

    @property
    def report(self) -> Report | None: ...


def readiness_for(state: AppState, case_action: str = "email") -> Readiness:
    """What stops a report of this kind of case from leaving with the settings in force."""
    settings = state.settings
    recipient = settings.local_it_email if case_action == "local_it" else None
    return sending_readiness(settings, allow_plaintext=state.allow_plaintext_smtp,
                             recipient=recipient)


def support_number(settings: Settings, case_id: str, case_action: str) -> str:
    """The number to call instead: the centre's IT (D), hardware (C), else the desk."""
    if case_action == "local_it":
        return settings.local_it_phone.strip()
    if case_id == "C":
        return settings.support_phone_hardware.strip()
    return settings.support_phone_calls.strip()


def handed_over_text(state: AppState, reference: str, case_action: str = "email") -> str:
    """What to say once a report is in the outbox: it leaves by itself only if it can."""
    readiness = readiness_for(state, case_action)
    if readiness.ready:
        return QCoreApplication.translate(
            "SendReadinessPanel",
            "Le signalement {reference} est dans la boîte d'envoi : il part dès que le serveur "
            "d'envoi répond, même si vous fermez cette fenêtre. Donnez cette référence si "
            "vous rappelez le support.").format(reference=reference or "—")
    return QCoreApplication.translate(
        "SendReadinessPanel",
        "Le signalement {reference} est gardé dans la boîte d'envoi, mais il ne peut pas "
        "partir d'ici : {reason} Complétez les réglages, ou ouvrez-le dans votre messagerie "
        "depuis la boîte d'envoi.").format(reference=reference or "—",
                                          reason=readiness.sentences()[0])


def close_when(notice: QWidget, state: AppState, settled: Callable[[Settings], bool]) -> None:
    """Close ``notice`` at the first settings save after which ``settled`` holds: a
    banner about a missing setting must not outlive the problem."""
    from samu_desktop.gui.message_bar import Notice

    def saved(settings: Settings) -> None:
        if not shiboken6.isValid(notice) or notice.property("closing"):
            unsubscribe()
        elif settled(settings):
            unsubscribe()
            if isinstance(notice, Notice):
                notice.close_notice()

    unsubscribe = state.subscribe(saved)


class SendReadinessPanel(QFrame):
    draft_written = Signal(str)
    setup_opened = Signal(object)

    def __init__(self, wizard: Wizard, open_url: OpenUrl | None = None) -> None:
        super().__init__(wizard.review)
        self.setObjectName("sendReadiness")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.wizard = wizard
        self.state: AppState = wizard.context.state
        self.open_url: OpenUrl = open_url or QDesktopServices.openUrl
        self.readiness = Readiness()
        self.save_dialog: QFileDialog | None = None
        self.setup_dialog: FirstStartDialog | None = None
        self.busy = False
        self._build()
        review = wizard.review
        layout = review.layout()
        assert isinstance(layout, QVBoxLayout)
        # Just above the row of the send button: read before "Envoyer".
        layout.insertWidget(layout.count() - 1, self)
        self.hide()
        wizard.pages.currentChanged.connect(lambda _index: self.refresh())
        self._unsubscribe = self.state.subscribe(self._settings_saved)

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        self.title = QLabel(self.tr("Ce signalement ne peut pas partir d'ici pour l'instant."),
                            self)
        self.title.setObjectName("sectionTitle")
        self.title.setWordWrap(True)
        layout.addWidget(self.title)
        self.reasons = QLabel(self)
        self.reasons.setObjectName("readinessReasons")
        self.reasons.setWordWrap(True)
        self.reasons.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(self.reasons)
        self.what_now = QLabel(self.tr(
            "Ce que vous pouvez faire maintenant : l'ouvrir dans votre messagerie, prêt à "
            "envoyer ; l'enregistrer ; appeler le support ; ou compléter les réglages. "
            "« Envoyer » le garde dans la boîte d'envoi : il partira une fois les réglages "
            "complétés."), self)
        self.what_now.setWordWrap(True)
        layout.addWidget(self.what_now)
        self.number = QLabel(self)
        self.number.setObjectName("readinessNumber")
        self.number.setWordWrap(True)
        self.number.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.number)
        row = QHBoxLayout()
        self.mail_client = QPushButton(style.icon("send"), self.tr("Ouvrir dans la &messagerie"),
                                       self)
        self.mail_client.clicked.connect(self.open_in_mail_client)
        self.save_button = QPushButton(style.icon("save"), self.tr("Enregistrer le &message…"),
                                       self)
        self.save_button.clicked.connect(self.ask_where_to_save)
        self.copy_number = QPushButton(style.icon("copy"), self.tr("Copier le numéro"), self)
        self.copy_number.clicked.connect(
            lambda: QGuiApplication.clipboard().setText(self._number()))
        self.settings_button = QPushButton(self.tr("Compléter les &réglages"), self)
        self.settings_button.clicked.connect(self.open_setup)
        for button in (self.mail_client, self.save_button, self.copy_number):
            row.addWidget(button)
        row.addStretch(1)
        row.addWidget(self.settings_button)
        layout.addLayout(row)
        self.outcome = QLabel(self)
        self.outcome.setObjectName("readinessOutcome")
        self.outcome.setWordWrap(True)
        self.outcome.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.outcome.hide()
        layout.addWidget(self.outcome)

    # -- what is shown ------------------------------------------------------------
    def _settings_saved(self, _settings: Settings) -> None:
        if not shiboken6.isValid(self):  # the wizard went without telling
            self._unsubscribe()
            return
        self.refresh()

    def detach(self) -> None:
        self._unsubscribe()

    def _number(self) -> str:
        case = self.wizard.case
        return support_number(self.state.settings, case.id, case.action)

    def refresh(self) -> None:
        """Show the panel on the send page when the report cannot leave from here."""
        wizard = self.wizard
        on_review = wizard.pages.currentWidget() is wizard.review
        if not on_review or not wizard.session.sends_mail():
            self.hide()
            return
        self.readiness = readiness_for(self.state, wizard.case.action)
        if self.readiness.ready:
            self.hide()
            return
        items = "".join(f"<li>{html.escape(s, quote=False)}</li>"
                        for s in self.readiness.sentences())
        self.reasons.setText(f"<ul>{items}</ul>")
        number = self._number()
        self.number.setText(
            self.tr("Numéro du support : {number}").format(number=number) if number else
            self.tr("Le numéro du support n'est pas renseigné sur ce poste : demandez-le à "
                    "votre encadrement."))
        self.copy_number.setVisible(bool(number))
        self.show()

    def _say(self, text: str) -> None:
        self.outcome.setText(text)
        self.outcome.setVisible(bool(text))

    # -- the draft ----------------------------------------------------------------
    def _build_then(self, then: Callable[[OutgoingMessage], None]) -> None:
        """Build the report's e-mail off the GUI thread, exactly as the outbox would."""
        from samu_desktop.report.outgoing import prepare_for_sending

        wizard = self.wizard
        report = wizard.report
        if report is None or self.busy:
            return
        context = wizard.context
        prepare_for_sending(report, context.catalogue, context.settings)
        try:
            wizard.session.save()
        except UserFacingError as exc:
            log.warning("draft not saved before the mail draft: %s", exc.details)
        self.busy = True
        session = wizard.session

        def failed(exc: Exception) -> None:
            self.busy = False
            log.info("mail draft not built: %s", type(exc).__name__)
            self._say(exc.user_message if isinstance(exc, UserFacingError) else self.tr(
                "Le message n'a pas pu être préparé : réessayez, ou appelez le support."))

        def built(message: OutgoingMessage) -> None:
            self.busy = False
            then(message)

        context.tasks.run(session.build_message, built, failed)

    def draft_path(self) -> Path:
        """Where the draft for the mail client is written: with the report's own files,
        so it goes with them (sent, abandoned, or past its retention)."""
        from samu_desktop.report.spoken import short_reference

        report = self.wizard.report
        assert report is not None
        folder = self.wizard.session.attachments().folder / "mail-client"
        return folder / f"signalement-{short_reference(report)}.eml"

    def open_in_mail_client(self) -> None:
        self._build_then(self._write_and_open)

    def _write_and_open(self, message: OutgoingMessage) -> None:
        path = self._write(message, self.draft_path())
        if path is None:
            return
        if self.open_url(QUrl.fromLocalFile(str(path))):
            self._say(self.tr(
                "Le message s'ouvre dans votre messagerie, prêt à envoyer : vérifiez-le, puis "
                "envoyez-le. Fichier : {path}").format(path=str(path)))
        else:
            self._say(self.tr(
                "Aucune messagerie n'a pu l'ouvrir : le message est enregistré ici, joignez-le "
                "ou ouvrez-le vous-même : {path}").format(path=str(path)))

    def _write(self, message: OutgoingMessage, target: Path) -> Path | None:
        from samu_desktop.mail.draft import write_draft

        try:
            write_draft(message, target)
        except UserFacingError as exc:
            self._say(exc.user_message)
            return None
        self.draft_written.emit(str(target))
        return target

    def ask_where_to_save(self) -> None:
        from samu_desktop.report.spoken import short_reference

        report = self.wizard.report
        if report is None:
            return
        folder = QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation)
        name = f"signalement-{short_reference(report)}.eml"
        dialog = QFileDialog(self, self.tr("Enregistrer le message"), str(Path(folder) / name),
                             self.tr("Message électronique (*.eml)"))
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setDefaultSuffix("eml")
        dialog.fileSelected.connect(lambda chosen: self.save_to(Path(chosen)))
        dialog.finished.connect(dialog.deleteLater)
        self.save_dialog = dialog
        dialog.open()

    def save_to(self, target: Path) -> None:
        def saved(message: OutgoingMessage) -> None:
            if self._write(message, target) is not None:
                self._say(self.tr(
                    "Message enregistré : {path}. Ouvrez-le avec votre messagerie pour "
                    "l'envoyer, ou transmettez-le.").format(path=str(target)))

        self._build_then(saved)

    # -- the settings ---------------------------------------------------------------
    def open_setup(self) -> FirstStartDialog:
        from samu_desktop.gui.first_start import FirstStartDialog

        dialog = FirstStartDialog(self.state, self.wizard.context.tasks,
                                  parent=self.window())
        dialog.finished.connect(dialog.deleteLater)
        self.setup_dialog = dialog
        dialog.open()
        self.setup_opened.emit(dialog)
        return dialog
