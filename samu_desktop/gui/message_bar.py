"""A bar at the top of the window for start-up notices (bad files, a crash).

Non-modal on purpose: a notice must never stand between the user and the
report they are about to write. A notice about something that changes (a
report on its way, then sent) carries a key: the next notice with the same key
takes its place, so that no notice of an old state stays behind.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QSize
from PySide6.QtGui import QGuiApplication, QResizeEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)


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
        layout = QHBoxLayout(self)
        self.label = QLabel(text, self)
        self.label.setWordWrap(True)
        from PySide6.QtCore import Qt  # here: see MessageBar.add

        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
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
        bar = self.parentWidget()
        self.deleteLater()
        # The bar shrinks (or hides) at once, not when the notice is finally deleted.
        while bar is not None and not isinstance(bar, MessageBar):
            bar = bar.parentWidget()
        if bar is not None:
            bar._changed()


class MessageBar(QScrollArea):
    """The notices, newest last. At most about three notices tall: more scroll, so
    that a pile of notices never pushes the page's own buttons off the screen."""

    MAX_HEIGHT = 150

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setWidgetResizable(True)
        # The scroll-bar policy is set with the first notice: a ``Qt`` enum before the
        # first paint makes PySide6 build its whole ``Qt`` namespace (50-60 ms).
        self._policy_set = False
        content = self._content = QWidget(self)
        self._layout = QVBoxLayout(content)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self.setWidget(content)
        self.hide()

    def add(
        self,
        text: str,
        details: str = "",
        actions: Sequence[tuple[str, Callable[[], object]]] = (),
        key: str = "",
    ) -> Notice:
        if not self._policy_set:
            from PySide6.QtCore import Qt

            self._policy_set = True
            self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        if key:
            self.remove(key)
        notice = Notice(text, details, self._content, actions)
        notice.setProperty("key", key)
        self._layout.addWidget(notice)
        # Shown now: a layout shows a new child only at the next turn of the event
        # loop, and a notice the user (or a journey) reads must be clickable at once.
        notice.show()
        notice.destroyed.connect(self._changed)
        self._changed()
        self.ensureWidgetVisible(notice)
        return notice

    def _changed(self) -> None:
        self.setVisible(bool(self.notices()))
        self.updateGeometry()

    def _height(self) -> int:
        # Wrapped text: the height the notices need at the bar's actual width.
        width = self.viewport().width() if self.isVisible() else self.width()
        layout = self._layout
        need = layout.totalHeightForWidth(width) if layout.hasHeightForWidth() and width > 50 \
            else self._content.sizeHint().height()
        return min(need, self.MAX_HEIGHT)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self._height() != self.height():
            self.updateGeometry()

    def sizeHint(self) -> QSize:
        return QSize(super().sizeHint().width(), self._height())

    def minimumSizeHint(self) -> QSize:
        return QSize(super().minimumSizeHint().width(), self._height())

    def remove(self, key: str) -> None:
        """Close the notice with this key (what it said is no longer true)."""
        for notice in self.notices():
            if notice.property("key") == key:
                notice.close_notice()

    def notice_with(self, key: str) -> Notice | None:
        return next((n for n in self.notices() if n.property("key") == key), None)

    def notices(self) -> list[Notice]:
        return [n for n in self.findChildren(Notice) if not n.property("closing")]

    def texts(self) -> list[str]:
        return [n.label.text() for n in self.notices()]
