"""The main window: start-up notices, the home page and the report wizard.

It displays the application state (:class:`~samu_desktop.app.state.AppState`)
and holds no copy of the settings: dialogs save through the state, and whoever
depends on a setting subscribes to it.

Built in two steps so that the window shows as fast as a bare Qt window: the
shell (home page, notices, menus) needs nothing but Qt; :meth:`MainWindow.attach`
then loads the state, the procedure, the drafts and the history, after the
first paint. Everything else loads when first used.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Signal
from PySide6.QtGui import QAction, QCloseEvent, QIcon, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QMainWindow,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from samu_desktop import __version__, buildinfo
from samu_desktop.errors import UserFacingError
from samu_desktop.gui import style
from samu_desktop.gui.generated.ui_home_page import Ui_HomePage
from samu_desktop.gui.message_bar import MessageBar
from samu_desktop.gui.widgets import fitted_size

if TYPE_CHECKING:
    from uuid import UUID

    # Loaded by ``attach`` or when first used, after the window is shown.
    from samu_desktop.app.session import ReportSession
    from samu_desktop.app.state import AppState
    from samu_desktop.capture.grabber import ScreenGrabber
    from samu_desktop.capture.models import CaptureBatch
    from samu_desktop.gui.first_start import FirstStartDialog
    from samu_desktop.gui.history_page import HistoryPage
    from samu_desktop.gui.outbox_flow import OutboxFlow
    from samu_desktop.gui.outbox_page import OutboxPage
    from samu_desktop.gui.sending import Sending
    from samu_desktop.gui.settings_dialog import SettingsDialog
    from samu_desktop.gui.smtp_settings import SmtpSettingsDialog
    from samu_desktop.gui.tasks import TaskRunner
    from samu_desktop.gui.wizard.context import WizardContext
    from samu_desktop.gui.wizard.screenshots_page import ScreenshotsPage
    from samu_desktop.gui.wizard.wizard import ReportWizard
    from samu_desktop.procedure.schema import Catalogue
    from samu_desktop.report.autofill import MachineFacts
    from samu_desktop.report.drafts import DraftStore
    from samu_desktop.report.followup import FollowUp
    from samu_desktop.report.history import History, HistoryEntry
    from samu_desktop.report.model import Report

log = logging.getLogger(__name__)


CASE_ICONS = {"A": "phone-incoming", "B": "app-window", "C": "monitor-smartphone",
              "D": "life-buoy"}


class HomePage(QWidget):
    """Signals: case_chosen(str)"""

    case_chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_HomePage()
        self.ui.setupUi(self)
        for case, button in (
            ("A", self.ui.caseA),
            ("B", self.ui.caseB),
            ("C", self.ui.caseC),
            ("D", self.ui.caseD),
        ):
            button.setAccessibleName(button.text())
            button.setAccessibleDescription(button.description())
            # The case's picture comes with ``finish``: rendering its SVGs (and loading
            # Qt SVG) is not for the first paint.
            button.setIconSize(QSize(28, 28))
            button.clicked.connect(lambda _=False, c=case: self.case_chosen.emit(c))

    def finish(self) -> None:
        """Each case's letter as its key, and the buttons' pictures (see gui/quickstyle.py).

        The keys are not in the .ui: the first key sequence makes PySide6 build the
        whole ``Qt`` namespace (0.1-0.2 s), which the first paint does not need; the
        window calls this once it is attached.
        """
        from PySide6.QtGui import QKeySequence
        from PySide6.QtWidgets import QStyle

        for button, key in ((self.ui.caseA, self.tr("A")), (self.ui.caseB, self.tr("B")),
                            (self.ui.caseC, self.tr("C")), (self.ui.caseD, self.tr("D"))):
            button.setShortcut(QKeySequence(key))
        for case, button in (("A", self.ui.caseA), ("B", self.ui.caseB),
                             ("C", self.ui.caseC), ("D", self.ui.caseD)):
            # The case's own picture instead of the style's generic arrow.
            picture = style.icon(CASE_ICONS[case])
            if picture.isNull():  # a missing file: the style's arrow
                picture = self.style().standardIcon(QStyle.StandardPixmap.SP_CommandLink)
            button.setIcon(picture)


class MainWindow(QMainWindow):
    """The shell is built at once; ``attach`` (called here when ``state`` is given, else
    by the application after the first paint) gives it the state and the reports."""

    state: AppState
    catalogue: Catalogue | None
    history: History | None
    drafts: DraftStore
    facts: MachineFacts

    def __init__(
        self,
        state: AppState | None,
        icon: QIcon,
        tasks: TaskRunner | None = None,
        sending: Sending | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        # The background-task helper (and the GUI-thread bridge it needs) comes with
        # attach: the first paint needs neither.
        self._tasks = tasks
        # Hide to the tray on close only when a tray exists (set by the app).
        self.hide_on_close = False
        self.setWindowTitle(self.tr("Incident SI-SAMU"))
        self.setWindowIcon(icon)
        self.resize(fitted_size(QSize(960, 760), self))

        central = QWidget(self)
        layout = QVBoxLayout(central)
        self.message_bar = MessageBar(central)
        self.pages = QStackedWidget(central)
        self.home = HomePage(self.pages)
        self.pages.addWidget(self.home)
        layout.addWidget(self.message_bar)
        layout.addWidget(self.pages, 1)
        self.setCentralWidget(central)
        self.wizard: ReportWizard | None = None
        self.grabber: ScreenGrabber | None = None
        # Set by the application once the global hotkey is started.
        self.hotkey_status: Callable[[], str] | None = None
        # Case B starts the prerequisites test as its form opens (set by the application).
        self.run_prerequisites_on_open = False
        self._reports_pending = False
        # Set by the application when it waits in the tray with an empty outbox: the
        # sender starts with the first report handed over.
        self.start_sender_on_use = False
        self._sender_stopped = False
        self._sending = sending
        self._sending_connected = False
        # Built when first shown: start-up stays quick.
        self.outbox_page: OutboxPage | None = None
        self.history_page: HistoryPage | None = None
        self._outbox_flow: OutboxFlow | None = None
        # Set once the application is leaving for good: closing the window then asks nothing.
        self.leaving = False
        # Set by the application when closing the window quits it (no tray to wait in):
        # the close then asks first while a report has not left.
        self.ask_on_close = False
        self.home.case_chosen.connect(self.open_case)
        self._build_menus()
        if state is not None:
            self.attach(state)

    def attach(self, state: AppState, reports_later: bool = False) -> None:
        """Give the window the application state; load the procedure, drafts and history.

        ``reports_later``: the app waits in the tray; what the window shows is loaded
        when it is first shown or a report is opened (the idle process stays small).
        """
        self.state = state
        self._reports_pending = reports_later
        if not reports_later:
            self._load_reports()

    def ensure_attached(self) -> None:
        """Load what ``attach(reports_later=True)`` left for later, once."""
        if self._reports_pending:
            self._reports_pending = False
            self._load_reports()

    @property
    def tasks(self) -> TaskRunner:
        if self._tasks is None:
            from samu_desktop.gui.tasks import TaskRunner

            self._tasks = TaskRunner()
        return self._tasks

    @tasks.setter
    def tasks(self, runner: TaskRunner) -> None:
        self._tasks = runner

    def _load_reports(self) -> None:
        from samu_desktop.procedure import load_catalogue
        from samu_desktop.report.autofill import MachineFacts, detect_machine_facts
        from samu_desktop.report.drafts import DraftStore
        from samu_desktop.report.history import History

        state = self.state
        self.catalogue = None
        try:
            self.catalogue = load_catalogue()
        except UserFacingError as exc:
            log.error("catalogue not loaded: %s", exc.details)
            self.message_bar.add(exc.user_message)
        paths = state.paths
        self.history = History(paths, self.catalogue) if self.catalogue else None
        self.drafts = DraftStore(paths, self.history)
        # Reading browser versions may start a process: never on the GUI thread.
        self.facts = MachineFacts()
        self.tasks.run(detect_machine_facts, on_success=self._facts_found)
        self.home.finish()
        # Reports past their retention, and the captures and keys of reports that are gone.
        from samu_desktop.report.retention import sweep

        self.tasks.run(partial(sweep, paths, state.settings))
        from PySide6.QtGui import QKeySequence

        for action, key in self._menu_keys:
            action.setShortcut(QKeySequence(QKeySequence.StandardKey.New) if key == "new"
                               else QKeySequence(key))
        self.offer_unfinished_drafts()

    @property
    def sending(self) -> Sending:
        """The outbox and its sender, loaded on first use (after the window is shown)."""
        if self._sending is None:
            from samu_desktop.gui.sending import Sending

            self._sending = Sending(self.state, self.tasks)
            if self.start_sender_on_use:
                self._sending.outbox_sender.start()
        if not self._sending_connected:
            self._sending_connected = True
            self._sending.handed_over.connect(self._handed_over)
            self._sending.delivered.connect(self._delivered)
            self._sending.report_changed.connect(self.outbox_flow.report_changed)
            self._sending.failed.connect(self.message_bar.add)
            self._sending.failed.connect(self._send_failed)
            self._sending.notes.connect(self.message_bar.add)
            self._sending.followup_handed_over.connect(self._followup_handed_over)
        return self._sending

    def _facts_found(self, facts: MachineFacts) -> None:
        self.facts = facts

    def _build_menus(self) -> None:
        # The keys are set by attach (see HomePage.finish for why).
        file_menu = self.menuBar().addMenu(self.tr("&Fichier"))
        new = QAction(self.tr("&Nouveau signalement"), self)
        new.triggered.connect(self.go_home)
        file_menu.addAction(new)
        settings = QAction(self.tr("&Réglages…"), self)
        settings.triggered.connect(self.open_settings)
        file_menu.addAction(settings)
        first_start = QAction(self.tr("Premiers réglages…"), self)
        first_start.triggered.connect(self.open_first_start)
        file_menu.addAction(first_start)
        smtp = QAction(self.tr("Serveur d'&envoi…"), self)
        smtp.triggered.connect(self.open_smtp_settings)
        file_menu.addAction(smtp)
        outbox = QAction(self.tr("&Boîte d'envoi"), self)
        outbox.triggered.connect(self.show_outbox)
        file_menu.addAction(outbox)
        history = QAction(self.tr("&Historique"), self)
        history.triggered.connect(self.show_history)
        file_menu.addAction(history)
        file_menu.addSeparator()
        quit_action = QAction(self.tr("&Quitter"), self)
        quit_action.triggered.connect(self.ask_quit)
        file_menu.addAction(quit_action)
        # Each action's key; "new" is the platform's standard key for a new document.
        self._menu_keys: list[tuple[QAction, str]] = [
            (new, "new"), (settings, "Ctrl+,"), (outbox, "Ctrl+E"),
            (history, "Ctrl+H"), (quit_action, "Ctrl+Q"),
        ]
        help_menu = self.menuBar().addMenu(self.tr("&Aide"))
        about = QAction(self.tr("À &propos"), self)
        about.triggered.connect(self.show_about)
        help_menu.addAction(about)

    @property
    def outbox_flow(self) -> OutboxFlow:
        """A report's notices from kept to sent, its reopening, and the quit question."""
        if self._outbox_flow is None:
            from samu_desktop.gui.outbox_flow import OutboxFlow

            self._outbox_flow = OutboxFlow(self, self)
        return self._outbox_flow

    def ask_quit(self) -> bool:
        """Ctrl+Q and the tray's "Quitter": ask first while a report has not left."""
        return self.outbox_flow.ask_quit()

    def quit_requested(self) -> None:
        """Leave for real, even when closing the window only hides it (never asks: a
        logout or ``--quit`` must not be held back; the outbox keeps the reports)."""
        self.hide_on_close = False
        self.leaving = True
        QApplication.quit()

    # -- reports ---------------------------------------------------------------
    def context(self) -> WizardContext | None:
        from samu_desktop.gui.wizard.context import WizardContext

        if self.catalogue is None or self.history is None:
            return None
        return WizardContext(
            self.catalogue, self.state, self.drafts, self.history, self.facts,
            self.tasks, self.grab_screens, self.run_prerequisites_on_open,
        )

    def grab_screens(self) -> CaptureBatch:
        """Every screen, from the button of the screenshots page."""
        if self.grabber is None:
            from samu_desktop.capture.grabber import ScreenGrabber

            self.grabber = ScreenGrabber()
        return self.grabber.grab_batch(trigger="manual")

    def open_case(self, case: str, report: Report | None = None) -> ReportWizard | None:
        self.ensure_attached()
        context = self.context()
        if context is None:
            self.message_bar.add(
                self.tr("Le formulaire de la procédure est indisponible : réinstallez "
                        "l'application ou prévenez votre service informatique.")
            )
            return None
        from samu_desktop.gui.wizard.wizard import ReportWizard

        self._close_wizard(reopening=report)
        wizard = ReportWizard(context, case, report, self.pages)
        wizard.error.connect(self.message_bar.add)
        wizard.finished.connect(self._report_finished)
        wizard.send_requested.connect(self.send_report)
        wizard.call_trace_requested.connect(self.send_call_trace)
        self.wizard = wizard
        self.pages.addWidget(wizard)
        self.pages.setCurrentWidget(wizard)
        return wizard

    def open_with_captures(self, batches: list[CaptureBatch]) -> ReportWizard | None:
        """The hotkey's captures in a case-B report: the one being written, if any (another
        press during the same outage), else a new one (the user picks the application)."""
        wizard = self.wizard
        current = wizard.report if wizard is not None else None
        if wizard is None or wizard.case.id != "B" or (
                current is not None and current.status != "draft"):
            wizard = self.open_case("B")
        if wizard is not None:
            for batch in batches:
                wizard.add_captures(batch)
        self.show_and_raise()
        return wizard

    def _send_failed(self, _message: str) -> None:
        if self.wizard is not None:
            self.wizard.send_failed()  # the report stays on screen and can be sent again

    def send_report(self, session: ReportSession) -> None:
        """Hand the finished report over to the outbox, which sends it in the background."""
        self.sending.send(session)

    def _handed_over(self, report: Report) -> None:
        if self.wizard is not None and self.wizard.report is not None \
                and self.wizard.report.id == report.id:
            self.wizard.finish()
        else:
            # The user left the report while it was being handed over: it is in the
            # outbox all the same, so it must not be offered back as a draft.
            try:
                self.drafts.mark_finished(report.id)
            except UserFacingError as exc:
                log.warning("handed-over report not marked finished: %s", exc.details)
        # "It leaves as soon as the server answers" only when it can leave from here.
        from samu_desktop.gui.outbox_flow import report_key
        from samu_desktop.gui.send_readiness import close_when, handed_over_text, readiness_for

        case = self.catalogue.get_case(report.case) if self.catalogue else None
        action = case.action if case is not None else "email"
        ready = readiness_for(self.state, action).ready
        # Keyed: its end ("Envoyé à …") or why it waits takes its place (outbox_flow.py).
        notice = self.message_bar.add(
            handed_over_text(self.state, report.reference, action),
            actions=() if ready else [(self.tr("Compléter les réglages"),
                                       self.open_first_start)],
            key=report_key(str(report.id)))
        if not ready:
            state = self.state
            close_when(notice, state, lambda _s: readiness_for(state, action).ready)
        self.outbox_flow.follow(report)
        if self.outbox_page is not None:
            self.outbox_page.refresh()

    def _delivered(self, report_id: str) -> None:
        try:
            self.drafts.mark_sent(report_id)
        except UserFacingError as exc:
            log.info("sent report not marked: %s", exc.details)
        from samu_desktop.report.retention import purge

        self.tasks.run(partial(purge, self.state.paths, self.state.settings))

    def _report_finished(self, report: Report) -> None:
        self.go_home()
        if report.case in ("A", "C"):
            self.message_bar.add(self.tr("Appel enregistré dans l'historique."))

    def show_outbox(self) -> None:
        if self.outbox_page is None:
            self.outbox_page = self.sending.outbox_page(self.pages,
                                                        self.outbox_flow.delete_report)
            self.outbox_page.settings_requested.connect(self.open_smtp_settings)
            self.outbox_page.open_requested.connect(self.outbox_flow.open_report)
            self.pages.addWidget(self.outbox_page)
        self.outbox_page.refresh()
        self.pages.setCurrentWidget(self.outbox_page)

    def show_history(self) -> None:
        if self.history is None or self.catalogue is None:
            return
        if self.history_page is None:
            from samu_desktop.gui.history_page import HistoryPage

            self.history_page = HistoryPage(self.history, self.catalogue, self.state.language,
                                            self.pages, self.outbox_flow.history_states,
                                            self._followup_screenshots)
            self.history_page.followup_requested.connect(self.send_followup)
            self.pages.addWidget(self.history_page)
        self.history_page.refresh()
        self.pages.setCurrentWidget(self.history_page)

    def send_call_trace(self, report: Report, number: str) -> None:
        """Cases A and C, when the policy asks: the call's written trace, by e-mail."""
        if self.catalogue is not None:
            self.sending.send_call_trace(report, self.catalogue, number)

    def _followup_screenshots(self, followup_id: UUID, parent: QWidget) -> ScreenshotsPage:
        """The masking page of a report, for the captures of a follow-up."""
        from samu_desktop.gui.wizard.screenshots_page import ScreenshotsPage
        from samu_desktop.report.attachments import ReportAttachments

        return ScreenshotsPage(ReportAttachments(self.state.paths, followup_id), self.tasks,
                               self.grab_screens, parent=parent)

    def send_followup(self, entry: HistoryEntry, followup: FollowUp,
                      screenshots: list[bytes]) -> None:
        """A follow-up written on the history page: through the outbox, like a report."""
        if self.history is None or self.catalogue is None:
            return
        self.sending.send_followup(entry, followup, self.catalogue, self.history, screenshots)

    def _followup_handed_over(self, reference: str) -> None:
        self.message_bar.add(
            self.tr("Le complément du signalement {reference} est dans la boîte d'envoi : il "
                    "rejoindra le même dossier au service client.").format(
                reference=reference or "—")
        )
        if self.history_page is not None:
            self.history_page.refresh()

    def open_first_start(self) -> FirstStartDialog:
        """The short setup of a fresh install: who reports, and the mail server."""
        from samu_desktop.gui.first_start import FirstStartDialog

        dialog = FirstStartDialog(self.state, self.tasks, parent=self)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def open_smtp_settings(self) -> SmtpSettingsDialog:
        """The sending settings; the dialog saves through the state and stays open on failure."""
        dialog = self.sending.smtp_dialog(self)
        dialog.open()
        return dialog

    def _close_wizard(self, reopening: Report | None = None) -> None:
        if self.wizard is not None:
            report = self.wizard.report
            self.wizard.detach()
            self.pages.removeWidget(self.wizard)
            self.wizard.deleteLater()
            self.wizard = None
            # Left unfinished (a new report, the home page): offered back now, not only
            # at the next start.
            if report is not None and report.status == "draft" and (
                    reopening is None or reopening.id != report.id):
                self._offer_draft(report)

    def offer_unfinished_drafts(self) -> None:
        from samu_desktop.report.retention import expired

        listing = self.drafts.list_drafts()
        for message in listing.messages:
            self.message_bar.add(message)
        for report in listing.reports:
            if report.status != "draft" or expired(report, self.state.settings):
                continue  # an expired draft is being deleted by the sweep
            log.info("unfinished draft offered: %s", report.id)
            self._offer_draft(report)

    def _offer_draft(self, report: Report) -> None:
        from samu_desktop.report.model import display_datetime
        from samu_desktop.report.render import start_time

        start = start_time(report, self.catalogue) if self.catalogue else None
        when = display_datetime(start) if start else display_datetime(report.created_at)
        self.message_bar.add(
            self.tr("Un signalement (cas {case}) commencé le {when} n'a pas été terminé.")
            .format(case=report.case, when=when),
            actions=[
                (self.tr("Reprendre"), partial(self.open_case, report.case, report)),
                (self.tr("Abandonner"), partial(self.outbox_flow.abandon, report.id)),
            ],
        )

    def go_home(self) -> None:
        self._close_wizard()
        self.pages.setCurrentWidget(self.home)

    @property
    def has_sending(self) -> bool:
        return self._sending is not None

    def start_sender(self) -> None:
        """Start the outbox sender (deferred by the application), unless it is quitting."""
        if not self._sender_stopped:
            self.sending.start()

    def stop_sender(self, timeout_s: float = 5.0) -> None:
        """At quit: stop the sender if it runs, and keep a deferred start from starting it."""
        self._sender_stopped = True
        self.leaving = True  # closing the window now asks nothing
        self.start_sender_on_use = False
        if self._sending is not None:
            self._sending.stop(timeout_s)

    def showEvent(self, event: QShowEvent) -> None:
        self.ensure_attached()
        super().showEvent(event)

    def show_and_raise(self) -> None:
        self.showNormal()
        self.raise_()
        self.activateWindow()

    # -- settings ----------------------------------------------------------------
    def open_settings(self) -> SettingsDialog:
        """The settings; the dialog saves through the state and stays open on failure."""
        from samu_desktop.gui.settings_dialog import SettingsDialog

        status = self.hotkey_status() if self.hotkey_status is not None else ""
        dialog = SettingsDialog(self.state, self, status)
        dialog.open()
        return dialog

    def show_about(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.about(
            self,
            self.tr("À propos"),
            self.tr(
                "<b>Incident SI-SAMU</b> — version {version} (commit {commit})<br>Signaler un "
                "incident sur les outils du SI-SAMU en suivant la procédure nationale."
            ).format(version=__version__, commit=buildinfo.commit()),
        )

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.hide_on_close:
            event.ignore()
            self.hide()
            return
        # Only the user's own close (from the window manager) asks: closes made by the
        # program itself (at quit, in tests) never stop on a question.
        if self.ask_on_close and event.spontaneous() and not self.leaving \
                and self.outbox_flow.waiting():
            event.ignore()  # a report has not left: the question decides
            self.ask_quit()
            return
        super().closeEvent(event)


