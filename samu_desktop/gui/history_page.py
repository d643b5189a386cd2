"""Past reports and calls: case, application, date, status."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from samu_desktop.gui.widgets import heading
from samu_desktop.procedure.schema import Catalogue
from samu_desktop.report.history import History, HistoryEntry
from samu_desktop.report.model import display_datetime


class HistoryPage(QWidget):
    """``in_outbox`` gives the ids of the reports still waiting in the outbox."""

    def __init__(
        self, history: History, catalogue: Catalogue, language: str,
        parent: QWidget | None = None,
        in_outbox: Callable[[], set[str]] | None = None,
    ) -> None:
        super().__init__(parent)
        self.history = history
        self.catalogue = catalogue
        self.language = language
        self.in_outbox = in_outbox
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Historique des signalements"), self))
        self.notice = QLabel(self)
        self.notice.setWordWrap(True)
        layout.addWidget(self.notice)
        self.table = QTableWidget(0, 5, self)
        self.table.setAccessibleName(self.tr("Historique des signalements"))
        self.table.setHorizontalHeaderLabels([
            self.tr("Début de l'incident"), self.tr("Cas"), self.tr("Application"),
            self.tr("Statut"), self.tr("Enregistré le"),
        ])
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table, 1)

    def _status(self, entry: HistoryEntry, waiting: set[str] | None) -> str:
        if entry.status == "called":
            if not entry.number:
                return self.tr("Appel au support")
            return self.tr("Appel passé au {number}").format(number=entry.number)
        if entry.status == "sent":
            return self.tr("Envoyé")
        # Finished: handed to the outbox, or (case D without an address) nothing to send.
        if waiting is None or str(entry.report_id) in waiting:
            return self.tr("Dans la boîte d'envoi")
        return self.tr("Terminé")

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
        self.table.setRowCount(len(entries))
        for row, entry in enumerate(entries):
            start = display_datetime(entry.incident_start) if entry.incident_start else "—"
            values = [start, entry.case, self._application(entry), self._status(entry, waiting),
                      display_datetime(entry.recorded_at)]
            for column, value in enumerate(values):
                self.table.setItem(row, column, QTableWidgetItem(value))

    def rows(self) -> list[list[str]]:
        return [
            [(item.text() if (item := self.table.item(r, c)) else "")
             for c in range(self.table.columnCount())]
            for r in range(self.table.rowCount())
        ]
