"""A report's way out, as the main window tells it: kept, waiting, sent — and quitting.

- One notice per report handed over in this session (keyed in the message bar,
  written by the window with what the settings allow, see send_readiness.py):
  it is replaced by "Envoyé à … — réf. …" once the server accepted it, or by why
  it waits; a notice of an old state never stays behind.
- At start, and whenever it changes, one notice says how many reports wait,
  with a button to the outbox (it goes once none waits).
- From the outbox page, a waiting report is taken back into the form, or deleted
  with its draft and its history line.
- Quitting (Ctrl+Q, the tray's "Quitter", closing the window when there is no
  tray) while a report has not left asks first. A session's logout (SIGTERM) and
  ``--quit`` do not ask: nothing may hold a logout back, and the report waits on
  disk either way.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Protocol
from uuid import UUID

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QAbstractButton, QMessageBox, QWidget

from samu_desktop.errors import UserFacingError
from samu_desktop.mail.outbox import EntryState, Outbox, OutboxRecord, RemoveOutcome, status_text

if TYPE_CHECKING:
    from samu_desktop.app.state import AppState
    from samu_desktop.gui.message_bar import MessageBar
    from samu_desktop.gui.outbox_page import OutboxPage
    from samu_desktop.procedure.schema import Catalogue
    from samu_desktop.report.drafts import DraftStore
    from samu_desktop.report.history import History
    from samu_desktop.report.model import Report


class FlowWindow(Protocol):
    """What the flow uses of the main window (which owns it)."""

    state: AppState
    catalogue: Catalogue | None
    drafts: DraftStore
    history: History | None
    message_bar: MessageBar
    outbox_page: OutboxPage | None

    def show_outbox(self) -> None: ...
    def show_and_raise(self) -> None: ...
    def isVisible(self) -> bool: ...
    def open_case(self, case: str, report: Report | None = None) -> object: ...
    def quit_requested(self) -> None: ...

log = logging.getLogger(__name__)

WAITING_KEY = "outbox-waiting"


def report_key(report_id: str) -> str:
    return f"report-{report_id}"


class OutboxFlow(QObject):
    def __init__(self, window: FlowWindow, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.window = window
        # The reports handed over in this session: their notice follows them.
        self._followed: set[str] = set()
        self.question: QMessageBox | None = None
        self.quitting = False

    @property
    def outbox(self) -> Outbox:
        return Outbox(self.window.state.paths.outbox_dir)

    def waiting(self) -> list[OutboxRecord]:
        try:
            return self.outbox.waiting()
        except (OSError, UserFacingError) as exc:  # unreadable: said when it is opened
            log.warning("outbox not read: %s", type(exc).__name__)
            return []

    # -- notices ----------------------------------------------------------------------
    def follow(self, report: Report) -> None:
        """A report just handed over (its keyed notice is the window's): from now on its
        notice follows it, and a count of waiting reports said earlier stays true."""
        self._followed.add(str(report.id))
        self.announce_waiting(refresh_only=True)

    def report_changed(self, record: OutboxRecord) -> None:
        """The sender moved a report on: its notice (if this session made one) follows."""
        report_id = record.report_id
        if report_id is None:
            return
        bar = self.window.message_bar
        if record.state is EntryState.SENT:
            if not record.maybe_delivered:
                self._settle(report_id)
            if report_id in self._followed or bar.notice_with(WAITING_KEY) is not None:
                self._followed.discard(report_id)
                bar.add(self.sent_text(record), key=report_key(report_id))
            self.announce_waiting(refresh_only=True)
        elif report_id in self._followed and self._needs_the_user(record):
            bar.add(self.tr("Le signalement {reference} n'est pas encore parti. {why}").format(
                reference=self._reference(report_id), why=status_text(record)),
                actions=[(self.tr("Ouvrir la boîte d'envoi"), self.window.show_outbox)],
                key=report_key(report_id))

    @staticmethod
    def _needs_the_user(record: OutboxRecord) -> bool:
        """A real attempt failed and only the user can unblock it. Not a temporary
        failure: "it leaves as soon as the server answers" is still true then; not a
        setting missing before any attempt: the window's notice says so already, with
        the way to complete it."""
        if record.error is None or not record.attempts:
            return False
        return record.state is EntryState.NEEDS_ACTION or (
            record.state is EntryState.WAITING and record.next_attempt_at is None)

    def _settle(self, report_id: str) -> None:
        """The draft and the history say what left: it was rebuilt with the settings of
        the moment it left (see report/rebuild.py)."""
        from samu_desktop.report.rebuild import settle_sent

        catalogue = self.window.catalogue
        if catalogue is None:
            return
        try:
            report = self.window.drafts.load(report_id)
            if settle_sent(report, catalogue, self.window.state.settings):
                self.window.drafts.save(report)
                if self.window.history is not None and report.status != "draft":
                    self.window.history.record_report(report)
        except (UserFacingError, ValueError) as exc:
            log.info("sent report not settled: %s", type(exc).__name__)

    def sent_text(self, record: OutboxRecord) -> str:
        """The end of a report: where it went, and the reference to quote."""
        to = record.recipients[0] if record.recipients else "—"
        return self.tr("Envoyé à {to} — réf. {reference}").format(
            to=to, reference=self._reference(record.report_id or ""))

    def _reference(self, report_id: str) -> str:
        try:
            return self.window.drafts.load(report_id).reference or "—"
        except (UserFacingError, ValueError):
            return "—"

    def announce_waiting(self, refresh_only: bool = False) -> int:
        """How many reports have not left, said once (and kept true); the count."""
        bar = self.window.message_bar
        count = len(self.waiting())
        if not refresh_only:
            log.info("reports waiting in the outbox: %d", count)
        if count == 0:
            bar.remove(WAITING_KEY)
        elif not refresh_only or bar.notice_with(WAITING_KEY) is not None:
            bar.add(self.tr(
                "%n signalement(s) en attente dans la boîte d'envoi : pas encore parti(s).",
                "", count),
                actions=[(self.tr("Ouvrir la boîte d'envoi"), self.window.show_outbox)],
                key=WAITING_KEY)
        return count

    # -- the outbox page's actions ----------------------------------------------------
    def open_report(self, record: OutboxRecord) -> None:
        """Take a waiting report back into the form (out of the outbox until sent again)."""
        from samu_desktop.report.rebuild import reopen

        page = self.window.outbox_page
        try:
            outcome, report = reopen(self.window.state.paths, self.outbox, record)
        except (UserFacingError, OSError, ValueError) as exc:
            log.warning("report not reopened: %s", type(exc).__name__)
            if page is not None:
                page.warn(exc.user_message if isinstance(exc, UserFacingError) else self.tr(
                    "Ce signalement n'a pas pu être rouvert : il reste dans la boîte d'envoi."))
            return
        if report is None:
            if page is not None:
                page.refresh()
                page.warn(outcome.message())
            return
        self._followed.discard(str(report.id))
        self.window.message_bar.remove(report_key(str(report.id)))
        self.announce_waiting(refresh_only=True)
        self.window.open_case(report.case, report)

    def delete_report(self, record: OutboxRecord) -> RemoveOutcome:
        from samu_desktop.report.rebuild import discard

        outcome = discard(self.window.state.paths, self.outbox, record, self.window.history)
        if outcome is RemoveOutcome.REMOVED and record.report_id is not None:
            self._followed.discard(record.report_id)
            self.window.message_bar.remove(report_key(record.report_id))
            self.announce_waiting(refresh_only=True)
        return outcome

    def abandon(self, report_id: UUID) -> None:
        """A draft given up: gone, and its history line too when it was one taken back
        from the outbox (it never left)."""
        self.window.drafts.discard(report_id)
        history = self.window.history
        entry = history.get(report_id) if history is not None else None
        if history is not None and entry is not None and entry.status == "finished" \
                and entry.kind == "report" and str(report_id) not in {
                    r.report_id for r in self.waiting()}:
            history.forget(report_id)

    def history_states(self) -> dict[str, str]:
        """For the history page: what each report still in the outbox waits for, and
        which ones were taken back into the form."""
        states = {str(r.id): self.tr("Brouillon : repris pour être complété")
                  for r in self.window.drafts.unfinished()}
        states.update({r.report_id: self.tr("En attente : {why}").format(why=status_text(r))
                       for r in self.waiting() if r.report_id is not None})
        return states

    # -- quitting -----------------------------------------------------------------------
    def ask_quit(self) -> bool:
        """Quit now when every report has left; else ask (True: quitting now)."""
        count = len(self.waiting())
        if count == 0 or self.quitting:
            self.quit_now()
            return True
        log.info("quit asked with %d report(s) not sent", count)
        if self.question is not None:
            self.question.raise_()
            self.question.activateWindow()
            return False
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Quitter l'application ?"),
                          self.tr("%n signalement(s) pas encore parti(s) : quitter quand "
                                  "même ?", "", count),
                          QMessageBox.StandardButton.NoButton, self._dialog_parent())
        box.setInformativeText(self.tr(
            "Tant que l'application est fermée, rien ne part ; l'envoi reprend à son prochain "
            "démarrage. Gardez-la ouverte, ou ouvrez la boîte d'envoi pour voir ce qui "
            "bloque."))
        quit_button = box.addButton(self.tr("&Quitter quand même"),
                                    QMessageBox.ButtonRole.DestructiveRole)
        keep = box.addButton(self.tr("&Garder l'application ouverte"),
                             QMessageBox.ButtonRole.RejectRole)
        outbox = box.addButton(self.tr("Ouvrir la &boîte d'envoi"),
                               QMessageBox.ButtonRole.ActionRole)
        box.setDefaultButton(keep)
        box.setEscapeButton(keep)

        def answered(button: QAbstractButton) -> None:
            self.question = None
            log.info("quit question answered: %s", "quit" if button is quit_button else (
                "outbox" if button is outbox else "keep"))
            if button is quit_button:
                self.quit_now()
            elif button is outbox:
                if not self.window.isVisible():  # quit from the tray: the window comes back
                    self.window.show_and_raise()
                self.window.show_outbox()

        box.buttonClicked.connect(answered)
        box.finished.connect(box.deleteLater)
        box.finished.connect(lambda *_: setattr(self, "question", None))
        self.question = box
        box.open()
        return False

    def _dialog_parent(self) -> QWidget | None:
        parent = self.parent()
        return parent if isinstance(parent, QWidget) else None

    def quit_now(self) -> None:
        self.quitting = True
        self.window.quit_requested()
