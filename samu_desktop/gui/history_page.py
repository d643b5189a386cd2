"""Past reports and calls: case, application, date, status, reference; follow-ups.

Signals:
    followup_requested(object, object, list) — a HistoryEntry, the FollowUp the user
    wrote for it (more information, or the service restored), and the PNG bytes of
    the masked, verified captures to attach (more information only), to send.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping
from datetime import datetime
from typing import TYPE_CHECKING
from uuid import UUID, uuid4

from PySide6.QtCore import QDateTime, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from samu_desktop.gui.widgets import heading
from samu_desktop.gui.wizard.patient_data_panel import PatientDataPanel
from samu_desktop.pii.text import find_patient_data
from samu_desktop.procedure.schema import Catalogue
from samu_desktop.report.followup import MAX_TEXT, FollowUp, can_follow_up
from samu_desktop.report.history import History, HistoryEntry
from samu_desktop.report.model import display_datetime
from samu_desktop.report.patient_data import FlaggedSpan

if TYPE_CHECKING:
    from samu_desktop.gui.wizard.screenshots_page import ScreenshotsPage

# Makes the capture page of a follow-up: its id (the folder of its captures), the parent.
ScreenshotsFactory = Callable[[UUID, QWidget], "ScreenshotsPage"]


class FollowUpDialog(QDialog):
    """Write a follow-up: free text, and for "rétablissement" the time it came back.

    ``followup`` holds the result once accepted, ``screenshots`` the PNG exports to
    attach. A text that looks like patient data is shown a warning, like the report's
    own free text; captures go through the same masking page as a report's (patient
    data proposed, each image verified, a last scan before attaching).
    """

    def __init__(self, entry: HistoryEntry, restored: bool, parent: QWidget | None = None,
                 now: datetime | None = None,
                 screenshots_factory: ScreenshotsFactory | None = None) -> None:
        super().__init__(parent)
        self.entry = entry
        self.restored = restored
        self.followup: FollowUp | None = None
        self.followup_id = uuid4()
        self.screenshots: list[bytes] = []
        self.screenshots_factory = screenshots_factory
        self.capture_page: ScreenshotsPage | None = None
        self.setWindowTitle(
            self.tr("Signaler le rétablissement") if restored
            else self.tr("Ajouter des informations"))
        outer = QVBoxLayout(self)
        self.pages = QStackedWidget(self)
        outer.addWidget(self.pages)
        self.form_page = QWidget(self.pages)
        self.pages.addWidget(self.form_page)
        layout = QVBoxLayout(self.form_page)
        layout.addWidget(QLabel(self.tr("Signalement {reference}").format(
            reference=entry.reference or "—"), self))
        form = QFormLayout()
        self.when = QDateTimeEdit(self)
        self.when.setCalendarPopup(True)
        self.when.setDisplayFormat("dd/MM/yyyy HH:mm")
        moment = (now or datetime.now()).astimezone()
        self.when.setDateTime(QDateTime.fromSecsSinceEpoch(int(moment.timestamp())))
        self.when.setAccessibleName(self.tr("Date et heure du rétablissement"))
        if restored:
            form.addRow(self.tr("&Rétabli le :"), self.when)
        else:
            self.when.hide()
        self.text = QPlainTextEdit(self)
        self.text.setAccessibleName(self.tr("Informations à ajouter"))
        self.text.setPlaceholderText(
            self.tr("Facultatif : ce qui a été constaté.") if restored
            else self.tr("Ce qui a changé depuis le signalement, sans donnée de patient."))
        self.text.textChanged.connect(self._check_text)
        form.addRow(self.tr("&Texte :"), self.text)
        layout.addLayout(form)
        captures = QHBoxLayout()
        self.capture_button = QPushButton(self.tr("&Copies d'écran…"), self)
        self.capture_button.clicked.connect(self.open_captures)
        self.capture_status = QLabel(self)
        captures.addWidget(self.capture_button)
        captures.addWidget(self.capture_status, 1)
        layout.addLayout(captures)
        self.capture_button.setVisible(not restored and screenshots_factory is not None)
        self.warning = QLabel(self)
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet("color: #8a5a00")
        self.warning.hide()
        layout.addWidget(self.warning)
        # Like a report's free text: flagged passages block sending until removed,
        # or cleared one by one.
        self.not_patient_data: set[str] = set()
        self.patient_data = PatientDataPanel(self)
        self.patient_data.confirmed.connect(self._confirmed)
        layout.addWidget(self.patient_data)
        self.buttons = QDialogButtonBox(self)
        self.send = self.buttons.addButton(self.tr("&Envoyer"),
                                           QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        self.rejected.connect(self._forget_captures)
        layout.addWidget(self.buttons)
        self._check_text()

    def screenshots_page(self) -> ScreenshotsPage | None:
        if self.capture_page is None and self.screenshots_factory is not None:
            page = self.screenshots_factory(self.followup_id, self.pages)
            page.done.connect(self._captures_done)
            page.message.connect(self._capture_message)
            self.pages.addWidget(page)
            self.capture_page = page
        return self.capture_page

    def open_captures(self) -> None:
        page = self.screenshots_page()
        if page is not None:
            self.pages.setCurrentWidget(page)
            self.resize(max(self.width(), 1000), max(self.height(), 700))

    def _forget_captures(self) -> None:
        """Cancelled: the unmasked originals of its captures must not stay behind."""
        if self.capture_page is not None:
            self.capture_page.clear()
            self.capture_page.store.wipe()

    def _capture_message(self, text: str) -> None:
        self.warning.setText(text)
        self.warning.setVisible(bool(text))

    def _captures_done(self, names: list[str]) -> None:
        assert self.capture_page is not None
        try:
            self.screenshots = [self.capture_page.store.load_export(n) for n in names]
        except OSError:
            self.screenshots = []
            self._capture_message(self.tr(
                "Les copies d'écran n'ont pas pu être relues : joignez-les de nouveau."))
        self.capture_status.setText(self.tr("%n copie(s) d'écran jointe(s)", "",
                                            len(self.screenshots)))
        self.pages.setCurrentWidget(self.form_page)
        self._check_text()

    def _confirmed(self, text: str, checked: bool) -> None:
        if checked:
            self.not_patient_data.add(text)
        else:
            self.not_patient_data.discard(text)
        self._check_text()

    def _flagged(self) -> list[FlaggedSpan]:
        # The text as it will be stored (FollowUp strips it), so offsets match.
        text = self.text.toPlainText().strip()
        return [FlaggedSpan("text", f, text[f.start:f.end],
                            text[f.start:f.end] in self.not_patient_data)
                for f in find_patient_data(text)]

    def _check_text(self) -> None:
        text = self.text.toPlainText()
        flagged = self._flagged()
        self.patient_data.show_spans(flagged, blocking=True)
        too_long = len(text) > MAX_TEXT
        pending = self.capture_page is not None and self.capture_page.pending()
        held = any(not span.confirmed for span in flagged)
        self.send.setEnabled(not too_long and not pending and not held and (
            self.restored or bool(text.strip()) or bool(self.screenshots)))

    def _accept(self) -> None:
        text = self.text.toPlainText().strip()
        if self.restored:
            restored_at = self.when.dateTime().toPython()
            assert isinstance(restored_at, datetime)
            self.followup = FollowUp.restored(restored_at.astimezone(), text)
        else:
            self.followup = FollowUp.information(text)
        self.followup.id = self.followup_id  # the folder its captures were kept in
        self.followup.not_patient_data = [s.text for s in self._flagged() if s.confirmed]
        self.accept()


class HistoryPage(QWidget):
    """``in_outbox`` gives the reports still waiting in the outbox (or taken back to be
    completed): their ids, or, as a mapping, each one's status in a few French words
    (why it waits)."""

    followup_requested = Signal(object, object, list)

    def __init__(
        self, history: History, catalogue: Catalogue, language: str,
        parent: QWidget | None = None,
        in_outbox: Callable[[], Collection[str]] | None = None,
        screenshots_factory: ScreenshotsFactory | None = None,
    ) -> None:
        super().__init__(parent)
        self.screenshots_factory = screenshots_factory
        self.history = history
        self.catalogue = catalogue
        self.language = language
        self.in_outbox = in_outbox
        self.entries: list[HistoryEntry] = []
        self.dialog: FollowUpDialog | None = None
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Historique des signalements"), self))
        self.notice = QLabel(self)
        self.notice.setWordWrap(True)
        layout.addWidget(self.notice)
        self.table = QTableWidget(0, 6, self)
        self.table.setAccessibleName(self.tr("Historique des signalements"))
        self.table.setHorizontalHeaderLabels([
            self.tr("Début de l'incident"), self.tr("Cas"), self.tr("Application"),
            self.tr("Statut"), self.tr("Enregistré le"), self.tr("Référence"),
        ])
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._update_actions)
        layout.addWidget(self.table, 1)
        actions = QHBoxLayout()
        self.add_info = QPushButton(self.tr("Ajouter des &informations…"), self)
        self.add_info.clicked.connect(lambda: self.open_followup(restored=False))
        self.restored = QPushButton(self.tr("Signaler le &rétablissement…"), self)
        self.restored.clicked.connect(lambda: self.open_followup(restored=True))
        actions.addWidget(self.add_info)
        actions.addWidget(self.restored)
        actions.addStretch(1)
        layout.addLayout(actions)
        self._update_actions()

    def _status(self, entry: HistoryEntry, waiting: Collection[str] | None) -> str:
        if entry.status == "called":
            if not entry.number:
                return self.tr("Appel au support")
            return self.tr("Appel passé au {number}").format(number=entry.number)
        if entry.status == "sent":
            text = self.tr("Envoyé le {when}").format(when=display_datetime(entry.updated_at))
        elif isinstance(waiting, Mapping) and str(entry.report_id) in waiting:
            text = str(waiting[str(entry.report_id)])
        # Finished: handed to the outbox, or (case D without an address) nothing to send.
        elif waiting is None or str(entry.report_id) in waiting:
            text = self.tr("Dans la boîte d'envoi")
        else:
            text = self.tr("Terminé")
        if entry.restored_at is not None:
            text += " · " + self.tr("rétabli le {when}").format(
                when=display_datetime(entry.restored_at))
        added = sum(f.kind == "information" for f in entry.followups)
        if added:
            text += " · " + self.tr("%n complément(s)", "", added)
        return text

    def _application(self, entry: HistoryEntry) -> str:
        case = self.catalogue.get_case(entry.case)
        app = case.application(entry.application) if case else None
        return app.name.get(self.language) if app else "—"

    def refresh(self) -> None:
        listing = self.history.list_entries()
        self.notice.setText("\n".join(listing.messages))
        self.notice.setVisible(bool(listing.messages))
        # A call's report is finished too: the call is the line that tells what was done.
        called = {e.report_id for e in listing.entries if e.kind == "call"}
        entries = [e for e in listing.entries if e.kind == "call" or e.report_id not in called]
        waiting = self.in_outbox() if self.in_outbox is not None else None
        self.entries = entries
        self.table.setRowCount(len(entries))
        for row, entry in enumerate(entries):
            start = display_datetime(entry.incident_start) if entry.incident_start else "—"
            values = [start, entry.case, self._application(entry), self._status(entry, waiting),
                      display_datetime(entry.recorded_at), entry.reference or "—"]
            for column, value in enumerate(values):
                self.table.setItem(row, column, QTableWidgetItem(value))
        self._update_actions()

    def selected(self) -> HistoryEntry | None:
        rows = {index.row() for index in self.table.selectionModel().selectedRows()}
        if len(rows) != 1:
            return None
        row = rows.pop()
        return self.entries[row] if 0 <= row < len(self.entries) else None

    def select(self, row: int) -> None:
        self.table.selectRow(row)

    def _update_actions(self) -> None:
        entry = self.selected()
        allowed = entry is not None and can_follow_up(entry)
        for button in (self.add_info, self.restored):
            button.setEnabled(allowed)
        tip = "" if allowed else self.tr(
            "Choisissez un signalement envoyé par e-mail dans la liste.")
        for button in (self.add_info, self.restored):
            button.setToolTip(tip)

    def open_followup(self, restored: bool) -> FollowUpDialog | None:
        """Open the follow-up dialog (not modal to the app's flow: it answers later)."""
        entry = self.selected()
        if entry is None or not can_follow_up(entry):
            return None
        dialog = FollowUpDialog(entry, restored, self,
                                screenshots_factory=self.screenshots_factory)
        dialog.accepted.connect(lambda: self._send(dialog))
        dialog.finished.connect(dialog.deleteLater)
        self.dialog = dialog
        dialog.open()
        return dialog

    def _send(self, dialog: FollowUpDialog) -> None:
        if dialog.followup is not None:
            self.followup_requested.emit(dialog.entry, dialog.followup, dialog.screenshots)
        self.dialog = None

    def rows(self) -> list[list[str]]:
        return [
            [(item.text() if (item := self.table.item(r, c)) else "")
             for c in range(self.table.columnCount())]
            for r in range(self.table.rowCount())
        ]
