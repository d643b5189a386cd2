"""Between the wizard and the outbox: hand a finished report over, show the outbox.

Signals:
    handed_over(object) — the Report is safely in the outbox;
    delivered(str) — the id of a report the server accepted;
    report_changed(object) — the OutboxRecord of a report whose entry changed;
    failed(str) — a French sentence; the report stays a draft, nothing is lost;
    notes(str) — what was done to fit the size budget;
    followup_handed_over(str) — a follow-up (of the report with this reference) is in
    the outbox.

Every save of the settings wakes the outbox sender (a report waiting for a
sender address leaves as soon as the user fills it in).
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from samu_desktop.app.session import ReportSession
from samu_desktop.app.state import AppState
from samu_desktop.config.settings import Settings
from samu_desktop.errors import UserFacingError
from samu_desktop.gui.bridge import gui_bridge
from samu_desktop.gui.tasks import TaskRunner
from samu_desktop.mail.outbox import EntryState, Outbox, OutboxRecord
from samu_desktop.mail.sender import OutboxSender
from samu_desktop.procedure.schema import Catalogue
from samu_desktop.report.attachments import ReportAttachments
from samu_desktop.report.followup import (
    FollowUp,
    build_call_trace_message,
    build_followup_message,
)
from samu_desktop.report.history import History, HistoryEntry
from samu_desktop.report.model import Report
from samu_desktop.report.rebuild import ReportRebuilder

if TYPE_CHECKING:
    from samu_desktop.gui.outbox_page import OutboxPage, Remover
    from samu_desktop.gui.smtp_settings import SmtpSettingsDialog

log = logging.getLogger(__name__)


class Sending(QObject):
    handed_over = Signal(object)
    followup_handed_over = Signal(str)
    delivered = Signal(str)
    report_changed = Signal(object)
    failed = Signal(str)
    notes = Signal(str)

    def __init__(
        self,
        state: AppState,
        tasks: TaskRunner,
        sender: OutboxSender | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.state = state
        self.tasks = tasks
        self.outbox = sender.outbox if sender else Outbox(state.paths.outbox_dir)
        # Before this (single) instance adds anything: what a crash left half-added goes.
        self.outbox.sweep_staging()
        # A waiting report leaves with the settings of the moment it leaves.
        self.outbox_sender = sender or OutboxSender(
            self.outbox, lambda: state.settings, allow_plaintext=state.allow_plaintext_smtp,
            rebuild=ReportRebuilder(state.paths),
        )
        self._closed = False
        # The sender's thread calls the listener; the bridge brings it to the GUI thread.
        bridge = gui_bridge()
        self._listener = lambda record: bridge.post(lambda: self._on_record(record), owner=self)
        self.outbox_sender.add_listener(self._listener)
        state.subscribe(self._settings_saved)

    def _settings_saved(self, _settings: Settings) -> None:
        # Any setting may unblock a waiting report (sender address, server, password).
        self.outbox_sender.settings_changed()

    def start(self) -> None:
        """Start the background sender, unless the application is already closing."""
        if not self._closed:
            self.outbox_sender.start()

    def stop(self, timeout: float) -> bool:
        """Stop the background sender for good (a later ``start`` does nothing)."""
        self._closed = True
        return self.outbox_sender.stop(timeout)

    def _on_record(self, record: OutboxRecord) -> None:
        if record.report_id is None:
            return
        if record.state is EntryState.SENT:
            self.delivered.emit(record.report_id)
        self.report_changed.emit(record)

    def send(self, session: ReportSession) -> None:
        """Build the e-mail and write it to the outbox, off the GUI thread."""
        report = session.report
        assert report is not None

        def work() -> list[str]:
            message = session.build_message()
            self.outbox_sender.submit(message, report_id=str(report.id))
            return list(message.notes)

        def done(notes: list[str]) -> None:
            log.info("report %s handed to the outbox", report.id)
            # The e-mail holds the redacted images now: the originals can go.
            session.handed_over()
            for note in notes:
                self.notes.emit(note)
            self.handed_over.emit(report)

        def failed(exc: Exception) -> None:
            if isinstance(exc, UserFacingError):
                self.failed.emit(exc.user_message)
            else:
                log.error("report not handed over: %s", type(exc).__name__)
                self.failed.emit(self.tr(
                    "Le signalement n'a pas pu être placé dans la boîte d'envoi ; il est "
                    "conservé. Réessayez, ou prévenez votre service informatique."
                ))

        self.tasks.run(work, done, failed)

    def send_followup(
        self, entry: HistoryEntry, followup: FollowUp, catalogue: Catalogue,
        history: History, screenshots: Sequence[bytes] = (),
    ) -> None:
        """Build a follow-up of a sent report and write it to the outbox, off the GUI thread."""
        settings = self.state.settings

        def work() -> str:
            message = build_followup_message(entry, followup, catalogue, settings, screenshots)
            self.outbox_sender.submit(message)
            return str(message["Message-ID"])

        def done(message_id: str) -> None:
            log.info("follow-up of %s handed to the outbox", entry.id)
            # The e-mail holds the masked images now: the originals can go.
            ReportAttachments(self.state.paths, followup.id).wipe()
            try:  # on the GUI thread, like every other change of the history
                history.record_followup(entry.id, followup.kind, message_id,
                                        followup.restored_at)
            except UserFacingError as exc:
                log.warning("follow-up not noted in the history: %s", exc.details)
            self.followup_handed_over.emit(entry.reference)

        def failed(exc: Exception) -> None:
            if isinstance(exc, UserFacingError):
                self.failed.emit(exc.user_message)
            else:
                log.error("follow-up not handed over: %s", type(exc).__name__)
                self.failed.emit(self.tr(
                    "Le complément n'a pas pu être placé dans la boîte d'envoi. Réessayez, "
                    "ou prévenez votre service informatique."
                ))

        self.tasks.run(work, done, failed)

    def send_call_trace(self, report: Report, catalogue: Catalogue, number: str) -> None:
        """The written trace of a call to the desk (cases A and C), through the outbox."""
        settings = self.state.settings

        def work() -> str:
            self.outbox_sender.submit(build_call_trace_message(report, catalogue, settings,
                                                               number))
            return report.reference

        def done(reference: str) -> None:
            from samu_desktop.gui.send_readiness import readiness_for

            log.info("call trace of %s handed to the outbox", report.id)
            readiness = readiness_for(self.state)
            if not readiness.ready:  # never promise a departure that cannot happen
                self.notes.emit(self.tr(
                    "La trace écrite de l'appel {reference} est gardée dans la boîte d'envoi, "
                    "mais elle ne peut pas partir d'ici : {reason}").format(
                    reference=reference or "—", reason=readiness.sentences()[0]))
                return
            self.notes.emit(self.tr(
                "La trace écrite de l'appel {reference} est dans la boîte d'envoi : elle part "
                "vers le support dès que le serveur d'envoi répond.").format(
                reference=reference or "—"))

        def failed(exc: Exception) -> None:
            log.error("call trace not handed over: %s", type(exc).__name__)
            self.failed.emit(exc.user_message if isinstance(exc, UserFacingError) else self.tr(
                "La trace écrite de l'appel n'a pas pu être placée dans la boîte d'envoi ; "
                "l'appel reste noté dans l'historique."))

        self.tasks.run(work, done, failed)

    def outbox_page(self, parent: QWidget, remove: Remover | None = None) -> OutboxPage:
        from samu_desktop.gui.outbox_page import OutboxPage

        state = self.state
        return OutboxPage(self.outbox, self.outbox_sender, lambda: state.settings,
                          parent=parent, remove=remove)

    def smtp_dialog(self, parent: QWidget) -> SmtpSettingsDialog:
        from samu_desktop.gui.smtp_settings import SmtpSettingsDialog

        return SmtpSettingsDialog(self.state, self.tasks, parent=parent)
