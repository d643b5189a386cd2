"""Between the wizard and the outbox: hand a finished report over, show the outbox.

Signals:
    handed_over(object) — the Report is safely in the outbox;
    delivered(str) — the id of a report the server accepted;
    failed(str) — a French sentence; the report stays a draft, nothing is lost;
    notes(str) — what was done to fit the size budget.

Every save of the settings wakes the outbox sender (a report waiting for a
sender address leaves as soon as the user fills it in).
"""

from __future__ import annotations

import logging
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

if TYPE_CHECKING:
    from samu_desktop.gui.outbox_page import OutboxPage
    from samu_desktop.gui.smtp_settings import SmtpSettingsDialog

log = logging.getLogger(__name__)


class Sending(QObject):
    handed_over = Signal(object)
    delivered = Signal(str)
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
        self.outbox_sender = sender or OutboxSender(
            self.outbox, lambda: state.settings, allow_plaintext=state.allow_plaintext_smtp
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
        if record.state is EntryState.SENT and record.report_id is not None:
            self.delivered.emit(record.report_id)

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

    def reports_in_outbox(self) -> set[str]:
        """The ids of the reports still waiting to leave (not yet accepted by the server)."""
        found = set()
        for record in self.outbox.entries():
            if record.report_id is not None and record.state is not EntryState.SENT:
                found.add(record.report_id)
        return found

    def outbox_page(self, parent: QWidget) -> OutboxPage:
        from samu_desktop.gui.outbox_page import OutboxPage

        state = self.state
        return OutboxPage(self.outbox, self.outbox_sender, lambda: state.settings,
                          parent=parent)

    def smtp_dialog(self, parent: QWidget) -> SmtpSettingsDialog:
        from samu_desktop.gui.smtp_settings import SmtpSettingsDialog

        return SmtpSettingsDialog(self.state, self.tasks, parent=parent)
