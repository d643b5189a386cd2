"""A bar at the top of the window for start-up notices (bad files, a crash).

Non-modal on purpose: a notice must never stand between the user and the
report they are about to write.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6 import QtCore
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget


class Notice(QFrame):
    """A message with optional actions; an action's button also closes the notice."""

    def __init__(
        self,
        text: str,
        details: str = "",
        parent: QWidget | None = None,
        actions: Sequence[tuple[str, Callable[[], object]]] = (),
    ) -> None:
        super().__init__(parent)
        self.setObjectName("notice")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet("#notice { background: #fff4ce; border: 1px solid #c8a600; }")
        layout = QHBoxLayout(self)
        self.label = QLabel(text, self)
        self.label.setWordWrap(True)
        # ``QtCore.Qt`` is read here, not imported with the module: PySide6 builds the
        # whole namespace (hundreds of enums) on first use, 0.1-0.2 s that the first
        # window, which shows this bar empty, does not need.
        self.label.setTextInteractionFlags(QtCore.Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.label, 1)
        for label, callback in actions:
            button = QPushButton(label, self)
            button.clicked.connect(callback)
            button.clicked.connect(self.close_notice)
            layout.addWidget(button)
        if details:
            copy = QPushButton(self.tr("Copier les détails"), self)
            copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(details))
            layout.addWidget(copy)
        close = QPushButton(self.tr("Fermer"), self)
        close.setAccessibleName(self.tr("Fermer ce message"))
        close.clicked.connect(self.close_notice)
        layout.addWidget(close)


    def close_notice(self) -> None:
        self.setProperty("closing", True)
        self.hide()
        self.deleteLater()


class MessageBar(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)

    def add(
        self,
        text: str,
        details: str = "",
        actions: Sequence[tuple[str, Callable[[], object]]] = (),
    ) -> Notice:
        notice = Notice(text, details, self, actions)
        self._layout.addWidget(notice)
        return notice

    def notices(self) -> list[Notice]:
        return [n for n in self.findChildren(Notice) if not n.property("closing")]

    def texts(self) -> list[str]:
        return [n.label.text() for n in self.notices()]
