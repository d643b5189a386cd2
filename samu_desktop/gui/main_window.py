"""The main window: start-up notices, the home page and the report wizard.

Signals: settings_changed(object) — the new Settings after the dialog saved.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Signal
from PySide6.QtGui import QAction, QCloseEvent, QIcon, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from samu_desktop import __version__, buildinfo
from samu_desktop.config.settings import Settings
from samu_desktop.config.store import LoadedSettings, SettingsStore
from samu_desktop.errors import UserFacingError
from samu_desktop.gui import style
from samu_desktop.gui.generated.ui_home_page import Ui_HomePage
from samu_desktop.gui.message_bar import MessageBar
from samu_desktop.gui.settings_dialog import SettingsDialog
from samu_desktop.gui.tasks import TaskRunner
from samu_desktop.gui.widgets import fitted_size
from samu_desktop.gui.wizard.wizard import ReportWizard, WizardContext
from samu_desktop.procedure import load_catalogue
from samu_desktop.procedure.schema import Catalogue
from samu_desktop.report.autofill import MachineFacts, detect_machine_facts
from samu_desktop.report.drafts import DraftStore
from samu_desktop.report.history import History, HistoryEntry
from samu_desktop.report.model import Report, display_datetime
from samu_desktop.report.render import start_time

if TYPE_CHECKING:
    from uuid import UUID

    from samu_desktop.capture.grabber import ScreenGrabber
    from samu_desktop.capture.models import CaptureBatch
    from samu_desktop.gui.history_page import HistoryPage
    from samu_desktop.gui.outbox_page import OutboxPage
    from samu_desktop.gui.sending import Sending
    from samu_desktop.gui.wizard.screenshots_page import ScreenshotsPage
    from samu_desktop.report.followup import FollowUp

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
            # The case's own picture instead of the style's generic arrow.
            button.setIcon(style.icon(CASE_ICONS[case]))
            button.setIconSize(QSize(28, 28))
            button.clicked.connect(lambda _=False, c=case: self.case_chosen.emit(c))


class MainWindow(QMainWindow):
    settings_changed = Signal(object)

    def __init__(
        self,
        loaded: LoadedSettings,
        store: SettingsStore,
        icon: QIcon,
        tasks: TaskRunner | None = None,
        sending: Sending | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.loaded = loaded
        self.store = store
        self.tasks = tasks or TaskRunner()
        self.language = loaded.settings.language
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

        self.catalogue: Catalogue | None = None
        try:
            self.catalogue = load_catalogue()
        except UserFacingError as exc:
            log.error("catalogue not loaded: %s", exc.details)
            self.message_bar.add(exc.user_message)
        paths = store.paths
        self.history = History(paths, self.catalogue) if self.catalogue else None
        self.drafts = DraftStore(paths, self.history)
        # Reading browser versions may start a process: never on the GUI thread.
        self.facts = MachineFacts()
        self.tasks.run(detect_machine_facts, on_success=self._facts_found)

        self._sending = sending
        self._sending_connected = False
        # Built when first shown: start-up stays quick.
        self.outbox_page: OutboxPage | None = None
        self.history_page: HistoryPage | None = None

        self.home.case_chosen.connect(self.open_case)
        self._build_menus()
        self.offer_unfinished_drafts()

    @property
    def sending(self) -> Sending:
        """The outbox and its sender, loaded on first use (after the window is shown)."""
        if self._sending is None:
            from samu_desktop.gui.sending import Sending

            self._sending = Sending(
                self.store.paths, lambda: self.loaded.settings, self.tasks,
                allow_plaintext=self.loaded.policy.policy.allow_plaintext_smtp,
            )
        if not self._sending_connected:
            self._sending_connected = True
            self._sending.handed_over.connect(self._handed_over)
            self._sending.delivered.connect(self._delivered)
            self._sending.failed.connect(self.message_bar.add)
            self._sending.notes.connect(self.message_bar.add)
            self._sending.followup_handed_over.connect(self._followup_handed_over)
        return self._sending

    def _facts_found(self, facts: MachineFacts) -> None:
        self.facts = facts

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&Fichier"))
        new = QAction(self.tr("&Nouveau signalement"), self)
        new.setShortcut(QKeySequence.StandardKey.New)
        new.triggered.connect(self.go_home)
        file_menu.addAction(new)
        settings = QAction(self.tr("&Réglages…"), self)
        settings.setShortcut(QKeySequence("Ctrl+,"))
        settings.triggered.connect(self.open_settings)
        file_menu.addAction(settings)
        smtp = QAction(self.tr("Serveur d'&envoi…"), self)
        smtp.triggered.connect(self.open_smtp_settings)
        file_menu.addAction(smtp)
        outbox = QAction(self.tr("&Boîte d'envoi"), self)
        outbox.setShortcut(QKeySequence("Ctrl+E"))
        outbox.triggered.connect(self.show_outbox)
        file_menu.addAction(outbox)
        history = QAction(self.tr("&Historique"), self)
        history.setShortcut(QKeySequence("Ctrl+H"))
        history.triggered.connect(self.show_history)
        file_menu.addAction(history)
        file_menu.addSeparator()
        quit_action = QAction(self.tr("&Quitter"), self)
        quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        quit_action.triggered.connect(self.quit_requested)
        file_menu.addAction(quit_action)
        help_menu = self.menuBar().addMenu(self.tr("&Aide"))
        about = QAction(self.tr("À &propos"), self)
        about.triggered.connect(self.show_about)
        help_menu.addAction(about)

    def quit_requested(self) -> None:
        """Leave for real, even when closing the window only hides it."""
        self.hide_on_close = False
        QApplication.quit()

    # -- reports ---------------------------------------------------------------
    def context(self) -> WizardContext | None:
        if self.catalogue is None or self.history is None:
            return None
        return WizardContext(
            self.catalogue, self.loaded.settings, self.drafts, self.history, self.facts,
            self.store.paths, self.tasks, self.grab_screens, self.language,
            self.run_prerequisites_on_open,
        )

    def grab_screens(self) -> CaptureBatch:
        """Every screen, from the button of the screenshots page."""
        if self.grabber is None:
            from samu_desktop.capture.grabber import ScreenGrabber

            self.grabber = ScreenGrabber()
        return self.grabber.grab_batch(trigger="manual")

    def open_case(self, case: str, report: Report | None = None) -> ReportWizard | None:
        context = self.context()
        if context is None:
            self.message_bar.add(
                self.tr("Le formulaire de la procédure est indisponible : réinstallez "
                        "l'application ou prévenez votre service informatique.")
            )
            return None
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

    def send_report(self, report: Report) -> None:
        """Hand the finished report over to the outbox, which sends it in the background."""
        if self.catalogue is None:
            return
        self.sending.send(report, self.catalogue)

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
        self.message_bar.add(
            self.tr("Le signalement {reference} est dans la boîte d'envoi : il part dès que "
                    "le serveur d'envoi répond, même si vous fermez cette fenêtre. Donnez "
                    "cette référence si vous rappelez le support.").format(
                reference=report.reference or "—")
        )
        if self.outbox_page is not None:
            self.outbox_page.refresh()

    def _delivered(self, report_id: str) -> None:
        try:
            self.drafts.mark_sent(report_id)
        except UserFacingError as exc:
            log.info("sent report not marked: %s", exc.details)

    def _report_finished(self, report: Report) -> None:
        self.go_home()
        if report.case in ("A", "C"):
            self.message_bar.add(self.tr("Appel enregistré dans l'historique."))

    def show_outbox(self) -> None:
        if self.outbox_page is None:
            self.outbox_page = self.sending.outbox_page(self.pages)
            self.outbox_page.settings_requested.connect(self.open_smtp_settings)
            self.pages.addWidget(self.outbox_page)
        self.outbox_page.refresh()
        self.pages.setCurrentWidget(self.outbox_page)

    def show_history(self) -> None:
        if self.history is None or self.catalogue is None:
            return
        if self.history_page is None:
            from samu_desktop.gui.history_page import HistoryPage

            self.history_page = HistoryPage(self.history, self.catalogue, self.language,
                                            self.pages, self.sending.reports_in_outbox,
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

        return ScreenshotsPage(ReportAttachments(self.store.paths, followup_id), self.tasks,
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

    def open_smtp_settings(self) -> None:
        dialog = self.sending.smtp_dialog(self.loaded.locked, self)
        dialog.saved.connect(self._smtp_saved)
        dialog.open()

    def _smtp_saved(self, settings: Settings) -> None:
        try:
            self.store.save(settings, self.loaded.locked)
        except UserFacingError as exc:
            QMessageBox.warning(self, self.tr("Réglages non enregistrés"), exc.user_message)
            return
        self.loaded.settings = settings
        self.sending.outbox_sender.settings_changed()
        self.settings_changed.emit(settings)

    def _close_wizard(self, reopening: Report | None = None) -> None:
        if self.wizard is not None:
            report = self.wizard.report
            self.pages.removeWidget(self.wizard)
            self.wizard.deleteLater()
            self.wizard = None
            # Left unfinished (a new report, the home page): offered back now, not only
            # at the next start.
            if report is not None and report.status == "draft" and (
                    reopening is None or reopening.id != report.id):
                self._offer_draft(report)

    def offer_unfinished_drafts(self) -> None:
        listing = self.drafts.list_drafts()
        for message in listing.messages:
            self.message_bar.add(message)
        for report in listing.reports:
            if report.status != "draft":
                continue
            log.info("unfinished draft offered: %s", report.id)
            self._offer_draft(report)

    def _offer_draft(self, report: Report) -> None:
        start = start_time(report, self.catalogue) if self.catalogue else None
        when = display_datetime(start) if start else display_datetime(report.created_at)
        self.message_bar.add(
            self.tr("Un signalement (cas {case}) commencé le {when} n'a pas été terminé.")
            .format(case=report.case, when=when),
            actions=[
                (self.tr("Reprendre"), partial(self.open_case, report.case, report)),
                (self.tr("Abandonner"), partial(self.drafts.discard, report.id)),
            ],
        )

    def go_home(self) -> None:
        self._close_wizard()
        self.pages.setCurrentWidget(self.home)

    def show_and_raise(self) -> None:
        self.showNormal()
        self.raise_()
        self.activateWindow()

    # -- settings ----------------------------------------------------------------
    def open_settings(self) -> SettingsDialog:
        status = self.hotkey_status() if self.hotkey_status is not None else ""
        dialog = SettingsDialog(self.loaded.settings, self.loaded.locked, self, status)
        dialog.accepted.connect(lambda: self._apply_settings(dialog))
        dialog.open()
        return dialog

    def _apply_settings(self, dialog: SettingsDialog) -> None:
        if dialog.result_settings is None:
            return
        try:
            self.store.save(dialog.result_settings, self.loaded.locked)
        except UserFacingError as exc:
            QMessageBox.warning(self, self.tr("Réglages non enregistrés"), exc.user_message)
            return
        self.loaded.settings = dialog.result_settings
        self.settings_changed.emit(dialog.result_settings)

    def show_about(self) -> None:
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
        super().closeEvent(event)


