"""Case B: which application is affected."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCommandLinkButton, QVBoxLayout, QWidget

from samu_desktop.gui.widgets import heading
from samu_desktop.procedure.schema import Case


class ApplicationPage(QWidget):
    """Signals: chosen(str) — the application id."""

    chosen = Signal(str)

    def __init__(self, case: Case, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Quelle application est concernée ?"), self))
        self.buttons: dict[str, QCommandLinkButton] = {}
        for number, app in enumerate(case.applications, start=1):
            button = QCommandLinkButton(f"&{number} — {app.name.get(language)}", self)
            button.setObjectName(f"application_{app.id}")
            button.setAccessibleName(app.name.get(language))
            button.clicked.connect(lambda _=False, a=app.id: self.chosen.emit(a))
            self.buttons[app.id] = button
            layout.addWidget(button)
        layout.addStretch(1)
