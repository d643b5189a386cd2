"""A bar at the top of the window for start-up notices (bad files, a crash).

Non-modal on purpose: a notice must never stand between the user and the
report they are about to write.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget


class Notice(QFrame):
    def __init__(self, text: str, details: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("notice")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet("#notice { background: #fff4ce; border: 1px solid #c8a600; }")
        layout = QHBoxLayout(self)
        self.label = QLabel(text, self)
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.label, 1)
        if details:
            copy = QPushButton(self.tr("Copier les détails"), self)
            copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(details))
            layout.addWidget(copy)
        close = QPushButton(self.tr("Fermer"), self)
        close.setAccessibleName(self.tr("Fermer ce message"))
        close.clicked.connect(self.deleteLater)
        layout.addWidget(close)


class MessageBar(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)

    def add(self, text: str, details: str = "") -> Notice:
        notice = Notice(text, details, self)
        self._layout.addWidget(notice)
        return notice

    def texts(self) -> list[str]:
        return [n.label.text() for n in self.findChildren(Notice)]
