"""Between the wizard and the outbox: hand a finished report over, show the outbox.

Signals:
    handed_over(object) — the Report is safely in the outbox;
    delivered(str) — the id of a report the server accepted;
    failed(str) — a French sentence; the report stays a draft, nothing is lost;
    notes(str) — what was done to fit the size budget.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from samu_desktop.config.paths import AppPaths
from samu_desktop.config.settings import Settings
from samu_desktop.errors import UserFacingError
from samu_desktop.gui.bridge import gui_bridge
from samu_desktop.gui.tasks import TaskRunner
from samu_desktop.mail.outbox import EntryState, Outbox, OutboxRecord
from samu_desktop.mail.sender import OutboxSender
from samu_desktop.procedure.schema import Catalogue
from samu_desktop.report.attachments import ReportAttachments
from samu_desktop.report.model import Report
from samu_desktop.report.outgoing import build_report_message

if TYPE_CHECKING:
    from samu_desktop.gui.outbox_page import OutboxPage
    from samu_desktop.gui.smtp_settings import SmtpSettingsDialog

log = logging.getLogger(__name__)


def report_message_id(report: Report, built: str) -> str:
    """A Message-ID that names the report, so the outbox can tell which one was sent.

    The domain part stays the one the message builder chose.
    """
    domain = built.rpartition("@")[2].rstrip(">") or "samu-desktop.invalid"
    return f"<{report.id}.report@{domain}>"


def report_id_of(message_id: str) -> str | None:
    match = re.fullmatch(r"<([0-9a-f-]{36})\.report@[^>]+>", message_id.strip())
    return match.group(1) if match else None


class Sending(QObject):
    handed_over = Signal(object)
    delivered = Signal(str)
    failed = Signal(str)
    notes = Signal(str)

    def __init__(
        self,
        paths: AppPaths,
        settings: Callable[[], Settings],
        tasks: TaskRunner,
        sender: OutboxSender | None = None,
        allow_plaintext: bool = False,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.paths = paths
        self.settings = settings
        self.tasks = tasks
        self.allow_plaintext = allow_plaintext
        self.outbox = sender.outbox if sender else Outbox(paths.outbox_dir)
        # Before this (single) instance adds anything: what a crash left half-added goes.
        self.outbox.sweep_staging()
        self.outbox_sender = sender or OutboxSender(
            self.outbox, settings, allow_plaintext=allow_plaintext
        )
        self._closed = False
        # The sender's thread calls the listener; the bridge brings it to the GUI thread.
        bridge = gui_bridge()
        self._listener = lambda record: bridge.post(lambda: self._on_record(record), owner=self)
        self.outbox_sender.add_listener(self._listener)

    def start(self) -> None:
        """Start the background sender, unless the application is already closing."""
        if not self._closed:
            self.outbox_sender.start()

    def stop(self, timeout: float) -> bool:
        """Stop the background sender for good (a later ``start`` does nothing)."""
        self._closed = True
        return self.outbox_sender.stop(timeout)

    def _on_record(self, record: OutboxRecord) -> None:
        if record.state is EntryState.SENT:
            report_id = report_id_of(record.message_id)
            if report_id is not None:
                self.delivered.emit(report_id)

    def send(
        self, report: Report, catalogue: Catalogue
    ) -> None:
        """Build the e-mail and write it to the outbox, off the GUI thread."""
        settings = self.settings()
        screenshots = ReportAttachments(self.paths, report.id)

        def work() -> list[str]:
            message = build_report_message(report, catalogue, settings, screenshots)
            message.replace_header(
                "Message-ID", report_message_id(report, str(message["Message-ID"]))
            )
            self.outbox_sender.submit(message)
            return list(message.notes)

        def done(notes: list[str]) -> None:
            log.info("report %s handed to the outbox", report.id)
            # The e-mail holds the redacted images now: the originals can go.
            screenshots.wipe()
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
            report_id = report_id_of(record.message_id)
            if report_id is not None and record.state is not EntryState.SENT:
                found.add(report_id)
        return found

    def outbox_page(self, parent: QWidget) -> OutboxPage:
        from samu_desktop.gui.outbox_page import OutboxPage

        return OutboxPage(self.outbox, self.outbox_sender, self.settings, parent=parent)

    def smtp_dialog(self, locked: frozenset[str], parent: QWidget) -> SmtpSettingsDialog:
        from samu_desktop.gui.smtp_settings import SmtpSettingsDialog

        return SmtpSettingsDialog(
            self.settings(), locked, self.allow_plaintext, self.tasks, parent=parent
        )
