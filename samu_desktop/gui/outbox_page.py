"""The outbox page: every report kept for sending, where it stands, what to do.

Waiting, sending, sent (with the time, never the server's raw reply), needs action
(with the server's answer in plain French). Actions on the selected report:
retry now, edit the sending settings, export the .eml, open it in the default
mail client (as a draft ready to send), print it or save it as PDF. The page
follows the background sender through its listener, handed over to the GUI
thread by the GUI bridge. What an action could not do is said in a line of the
page, never in a modal dialog.

A waiting report is still the user's: "Ouvrir le signalement" takes it back
into the form to complete it, "Supprimer…" deletes it after an inline
confirmation (no modal dialog), and the detail says in one sentence what it
will carry when it leaves (it is rebuilt with the settings of that moment).

Signals: settings_requested() — the user wants the sending settings;
refreshed() — the list was reloaded (after a change from the sender, an
action, or :meth:`refresh`); open_requested(object) — the OutboxRecord of a
waiting report to take back into the form (the window does it, see
:meth:`warn` for what could not be done).
"""

from __future__ import annotations

import contextlib
import html
import os
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QStandardPaths, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QPageSize, QPdfWriter, QTextDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from samu_desktop.config.settings import Settings
from samu_desktop.errors import UserFacingError
from samu_desktop.gui.bridge import gui_bridge
from samu_desktop.mail.outbox import (
    EntryState,
    Outbox,
    OutboxRecord,
    RemoveOutcome,
    RetryOutcome,
    state_label,
    status_text,
)
from samu_desktop.mail.sender import OutboxSender

COLUMNS = 4  # state, created, subject, attempts


# Entries the user may still change: the server has not taken them, no sender holds them.
CHANGEABLE = (EntryState.WAITING, EntryState.NEEDS_ACTION)
Remover = Callable[[OutboxRecord], RemoveOutcome]


class OutboxPage(QWidget):
    settings_requested = Signal()
    refreshed = Signal()
    open_requested = Signal(object)

    def __init__(
        self,
        outbox: Outbox,
        sender: OutboxSender | None = None,
        settings: Callable[[], Settings] | None = None,
        open_url: Callable[[QUrl], bool] | None = None,
        parent: QWidget | None = None,
        remove: Remover | None = None,
    ) -> None:
        super().__init__(parent)
        self.outbox = outbox
        self.sender_thread = sender
        self._settings = settings
        self._open_url = open_url or QDesktopServices.openUrl
        # Deleting a report deletes its draft too: the window gives how.
        self._remove: Remover = remove or (lambda record: outbox.remove(record.id))
        self._deleting: str | None = None
        self._records: list[OutboxRecord] = []
        self._build()
        if sender is not None:
            bridge = gui_bridge()

            def listener(_record: OutboxRecord) -> None:
                bridge.post(self.refresh, owner=self)

            sender.add_listener(listener)
            self.destroyed.connect(lambda *_: _forget(sender, listener))
        self.refresh()

    # -- layout -------------------------------------------------------------
    def _build(self) -> None:
        layout = QVBoxLayout(self)
        title = QLabel(self.tr("<h2>Boîte d'envoi</h2>"), self)
        layout.addWidget(title)

        self.banner = QWidget(self)
        banner_layout = QHBoxLayout(self.banner)
        banner_layout.setContentsMargins(0, 0, 0, 0)
        self.banner_text = QLabel(self.tr(
            "Aucun serveur d'envoi n'est configuré : les signalements attendent ici. "
            "Configurez l'envoi, ou exportez un signalement en .eml pour l'envoyer avec "
            "votre messagerie."), self.banner)
        self.banner_text.setWordWrap(True)
        configure = QPushButton(self.tr("Configurer l'envoi…"), self.banner)
        configure.clicked.connect(self.settings_requested.emit)
        banner_layout.addWidget(self.banner_text, 1)
        banner_layout.addWidget(configure)
        self.banner.setObjectName("banner")
        self.banner.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        layout.addWidget(self.banner)

        self.table = QTableWidget(0, COLUMNS, self)
        self.table.setHorizontalHeaderLabels(
            [self.tr("État"), self.tr("Créé le"), self.tr("Objet"), self.tr("Essais")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.setAccessibleName(self.tr("Signalements de la boîte d'envoi"))
        self.table.itemSelectionChanged.connect(self._selection_changed)
        layout.addWidget(self.table, 1)

        self.detail = QLabel(self)
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.detail)

        # "Supprimer…" asks here, in the page: nothing modal stands in the way.
        self.confirm = QWidget(self)
        self.confirm.setObjectName("outboxConfirm")
        self.confirm.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.confirm.setStyleSheet("#outboxConfirm { background: #fde7ea; }")
        confirm_row = QHBoxLayout(self.confirm)
        self.confirm_text = QLabel(self.confirm)
        self.confirm_text.setWordWrap(True)
        self.confirm_delete = QPushButton(self.tr("Supprimer définitivement"), self.confirm)
        self.confirm_delete.clicked.connect(self.delete_confirmed)
        self.confirm_cancel = QPushButton(self.tr("Garder le signalement"), self.confirm)
        self.confirm_cancel.clicked.connect(self.cancel_delete)
        confirm_row.addWidget(self.confirm_text, 1)
        confirm_row.addWidget(self.confirm_delete)
        confirm_row.addWidget(self.confirm_cancel)
        self.confirm.hide()
        layout.addWidget(self.confirm)

        # What the last action could not do, and why (in place of a modal dialog).
        self.notice = QLabel(self)
        self.notice.setWordWrap(True)
        self.notice.setObjectName("outboxNotice")
        self.notice.setStyleSheet("#outboxNotice { background: #fff4ce; padding: 4px; }")
        self.notice.hide()
        layout.addWidget(self.notice)

        report_row = QHBoxLayout()
        self.open_button = QPushButton(self.tr("&Ouvrir le signalement"), self)
        self.open_button.setToolTip(self.tr(
            "Le reprendre dans le formulaire pour le compléter, puis l'envoyer à nouveau."))
        self.open_button.clicked.connect(self.open_selected)
        self.delete_button = QPushButton(self.tr("&Supprimer…"), self)
        self.delete_button.clicked.connect(self.ask_delete)
        report_row.addWidget(self.open_button)
        report_row.addWidget(self.delete_button)
        report_row.addStretch(1)
        layout.addLayout(report_row)

        row = QHBoxLayout()
        self.retry_button = QPushButton(self.tr("Réessayer maintenant"), self)
        self.retry_button.clicked.connect(self.retry_selected)
        self.settings_button = QPushButton(self.tr("Modifier les réglages d'envoi…"), self)
        self.settings_button.clicked.connect(self.settings_requested.emit)
        self.export_button = QPushButton(self.tr("Exporter en .eml…"), self)
        self.export_button.clicked.connect(lambda: self.export_selected())
        self.mail_client_button = QPushButton(self.tr("Ouvrir dans la messagerie"), self)
        self.mail_client_button.clicked.connect(self.open_in_mail_client)
        self.print_button = QPushButton(self.tr("Imprimer…"), self)
        self.print_button.clicked.connect(lambda: self.print_selected())
        self.pdf_button = QPushButton(self.tr("Enregistrer en PDF…"), self)
        self.pdf_button.clicked.connect(lambda: self.save_pdf())
        for button in (self.retry_button, self.settings_button, self.export_button,
                       self.mail_client_button, self.print_button, self.pdf_button):
            row.addWidget(button)
        layout.addLayout(row)

    # -- the list -------------------------------------------------------------
    def refresh(self) -> None:
        keep = self.selected_id()
        self._records = self.outbox.entries()
        self.table.setRowCount(len(self._records))
        for row, record in enumerate(self._records):
            created = record.created_at.astimezone()
            cells = [state_label(record.state), f"{created:%d/%m/%Y %H:%M}", record.subject,
                     str(record.attempts)]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(status_text(record))
                item.setData(Qt.ItemDataRole.UserRole, record.id)
                self.table.setItem(row, column, item)
        self.banner.setVisible(self._not_configured())
        if keep is not None:
            self.select(keep)
        elif self._records:
            self.table.selectRow(len(self._records) - 1)  # the newest
        self._selection_changed()
        self.refreshed.emit()

    def _not_configured(self) -> bool:
        return self._settings is not None and not self._settings().smtp_host.strip()

    def rows(self) -> list[list[str]]:
        return [[_text(self.table.item(r, c)) for c in range(COLUMNS)]
                for r in range(self.table.rowCount())]

    def selected_id(self) -> str | None:
        items = self.table.selectedItems()
        return str(items[0].data(Qt.ItemDataRole.UserRole)) if items else None

    def selected(self) -> OutboxRecord | None:
        entry_id = self.selected_id()
        return next((r for r in self._records if r.id == entry_id), None)

    def select(self, entry_id: str) -> None:
        for row, record in enumerate(self._records):
            if record.id == entry_id:
                self.table.selectRow(row)
                return

    def _selection_changed(self) -> None:
        record = self.selected()
        has = record is not None
        for button in (self.export_button, self.mail_client_button, self.print_button,
                       self.pdf_button):
            button.setEnabled(has)
        changeable = record is not None and record.state in CHANGEABLE
        self.retry_button.setEnabled(changeable)
        self.open_button.setEnabled(changeable and record is not None
                                    and record.report_id is not None)
        self.delete_button.setEnabled(changeable)
        if self._deleting is not None and (record is None or record.id != self._deleting):
            self.cancel_delete()
        if record is None:
            self.detail.setText(self.tr("La boîte d'envoi est vide.") if not self._records
                                else "")
            return
        lines = [status_text(record)]
        carries = self.carries(record)
        if carries:
            lines.append(carries)
        self.detail.setText("\n".join([*lines, *record.notes]))

    def carries(self, record: OutboxRecord) -> str:
        """What a waiting report will carry: it is rebuilt with the settings of the moment
        it leaves, so say which ones (empty once it left, or without settings)."""
        if self._settings is None or record.state not in CHANGEABLE \
                or record.report_id is None or record.maybe_delivered:
            return ""
        settings = self._settings()
        missing = self.tr("non renseigné")
        return self.tr(
            "Au départ, il prendra les réglages du moment : destinataire {to}, CRRA {crra}, "
            "déclarant {reporter}.").format(
            to=record.recipients[0] if record.recipients else missing,
            crra=settings.crra_id.strip() or missing,
            reporter=settings.reporter_name.strip() or missing)

    # -- actions --------------------------------------------------------------
    def open_selected(self) -> None:
        record = self.selected()
        if record is not None and record.state in CHANGEABLE and record.report_id:
            self._warn("")
            self.open_requested.emit(record)

    def ask_delete(self) -> None:
        """Ask in the page (see ``confirm``): a deleted report cannot come back."""
        record = self.selected()
        if record is None or record.state not in CHANGEABLE:
            return
        self._deleting = record.id
        self.confirm_text.setText(self.tr(
            "Supprimer ce signalement ? Il ne partira pas et ne pourra pas être récupéré."))
        self.confirm.show()
        self.confirm_cancel.setFocus()  # the safe answer is the one Entrée gives

    def cancel_delete(self) -> None:
        self._deleting = None
        self.confirm.hide()

    def delete_confirmed(self) -> None:
        entry_id, self._deleting = self._deleting, None
        self.confirm.hide()
        record = next((r for r in self._records if r.id == entry_id), None)
        if record is None:
            return
        try:
            outcome = self._remove(record)
        except UserFacingError as exc:
            self._warn(exc.user_message)
            return
        self.refresh()
        self._warn(outcome.message() if outcome is not RemoveOutcome.REMOVED else self.tr(
            "Le signalement a été supprimé : il ne partira pas."))

    def warn(self, text: str) -> None:
        """What an action started from this page could not do (said in the page)."""
        self._warn(text)

    def retry_selected(self) -> None:
        record = self.selected()
        if record is None:
            return
        outcome = self.outbox.retry(record.id)
        if outcome is not RetryOutcome.QUEUED:
            self.refresh()
            self._warn(outcome.message())
            return
        self._warn("")
        if self.sender_thread is not None:
            self.sender_thread.wake()
        self.refresh()

    def export_selected(self, target: Path | None = None) -> Path | None:
        record = self.selected()
        if record is None:
            return None
        if target is None:
            target = self._ask_path(self.tr("Exporter le signalement"), f"{record.id}.eml",
                                    self.tr("Message électronique (*.eml)"))
            if target is None:
                return None
        try:
            self.outbox.export_eml(record.id, target)
        except UserFacingError as exc:
            self._warn(exc.user_message)
            return None
        return target

    def open_in_mail_client(self) -> bool:
        record = self.selected()
        if record is None:
            return False
        try:
            draft = self.outbox.mail_client_copy(record.id)
        except UserFacingError as exc:
            self._warn(exc.user_message)
            return False
        if not self._open_url(QUrl.fromLocalFile(str(draft))):
            self._warn(self.tr("Aucune messagerie n'a pu ouvrir le message : utilisez "
                               "« Exporter en .eml » puis joignez ou ouvrez le fichier vous-même."))
            return False
        return True

    def document(self, record: OutboxRecord) -> QTextDocument:
        """The report as printed: what it is, where it stands, then its body."""
        text, body = self.outbox.bodies(record.id)
        created = record.created_at.astimezone()
        lines = [
            self.tr("Destinataires : {to}").format(to=", ".join(record.recipients)),
            self.tr("Créé le {date}").format(date=f"{created:%d/%m/%Y %H:%M}"),
            status_text(record),
        ]
        header = (f"<h2>{html.escape(record.subject)}</h2><p>"
                  + "<br>".join(html.escape(line) for line in lines) + "</p><hr>")
        document = QTextDocument(self)
        document.setHtml(header + (body or f"<pre>{html.escape(text)}</pre>"))
        return document

    def save_pdf(self, target: Path | None = None) -> Path | None:
        record = self.selected()
        if record is None:
            return None
        if target is None:
            target = self._ask_path(self.tr("Enregistrer en PDF"), f"{record.id}.pdf",
                                    self.tr("Document PDF (*.pdf)"))
            if target is None:
                return None
        partial = target.with_name(f".{target.name}.partial")
        writer = QPdfWriter(str(partial))
        writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        self.document(record).print_(writer)
        del writer  # finishes the file
        try:
            os.replace(partial, target)
        except OSError:
            self._warn(self.tr("Le PDF n'a pas pu être enregistré à cet endroit : choisissez "
                               "un autre dossier."))
            return None
        return target

    def print_selected(self, printer: QPrinter | None = None) -> bool:
        record = self.selected()
        if record is None:
            return False
        if printer is None:
            printer = QPrinter(QPrinter.PrinterMode.HighResolution)
            dialog = QPrintDialog(printer, self)
            if dialog.exec() != QPrintDialog.DialogCode.Accepted:
                return False
        self.document(record).print_(printer)
        return True

    # -- helpers ----------------------------------------------------------------
    def _ask_path(self, title: str, name: str, pattern: str) -> Path | None:
        folder = QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation)
        chosen, _ = QFileDialog.getSaveFileName(self, title, str(Path(folder) / name), pattern)
        return Path(chosen) if chosen else None

    def _warn(self, text: str) -> None:
        """Say it in the page; an empty text clears the line."""
        self.notice.setText(text)
        self.notice.setVisible(bool(text))


def _forget(sender: OutboxSender, listener: Callable[[OutboxRecord], None]) -> None:
    with contextlib.suppress(ValueError):
        sender.remove_listener(listener)


def _text(item: QTableWidgetItem | None) -> str:
    return item.text() if item is not None else ""
