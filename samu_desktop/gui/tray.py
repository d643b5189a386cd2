"""The system-tray icon: the app waits there for the next incident.

Signals: open_requested(), new_report_requested(), quit_requested()
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal, SignalInstance
from PySide6.QtGui import QAction, QIcon
from PySide6.QtWidgets import QMenu, QSystemTrayIcon


class Tray(QObject):
    open_requested = Signal()
    new_report_requested = Signal()
    quit_requested = Signal()

    def __init__(self, icon: QIcon, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.icon = QSystemTrayIcon(icon, self)
        self.icon.setToolTip(self.tr("Incident SI-SAMU"))
        self.menu = QMenu()
        self._add(self.tr("Ouvrir"), self.open_requested)
        self._add(self.tr("Nouveau signalement"), self.new_report_requested)
        self.menu.addSeparator()
        self._add(self.tr("Quitter"), self.quit_requested)
        self.icon.setContextMenu(self.menu)
        self.icon.activated.connect(self._activated)

    def _add(self, text: str, signal: SignalInstance) -> None:
        action = QAction(text, self.menu)
        action.triggered.connect(lambda: signal.emit())
        self.menu.addAction(action)

    def _activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason in (
            QSystemTrayIcon.ActivationReason.Trigger,
            QSystemTrayIcon.ActivationReason.DoubleClick,
        ):
            self.open_requested.emit()

    @staticmethod
    def available() -> bool:
        return QSystemTrayIcon.isSystemTrayAvailable()

    def show(self) -> None:
        self.icon.show()

    def notify(self, title: str, text: str) -> None:
        self.icon.showMessage(title, text, QSystemTrayIcon.MessageIcon.Information, 5000)
