"""Small widgets shared by several pages."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QLabel, QWidget

# Room left for the window's title bar and borders, which Qt's size excludes.
FRAME_ALLOWANCE = QSize(16, 48)


def heading(text: str = "", parent: QWidget | None = None) -> QLabel:
    """A page title: large, bold, wrapping (its look is the style sheet's #heading)."""
    label = QLabel(text, parent)
    label.setObjectName("heading")
    label.setWordWrap(True)
    return label


def fitted_size(preferred: QSize, widget: QWidget | None = None) -> QSize:
    """``preferred``, made smaller if needed so the framed window fits the screen's
    available area (1366×768 laptops with a taskbar: the buttons stay on screen)."""
    screen = widget.screen() if widget is not None else None
    screen = screen or QGuiApplication.primaryScreen()
    if screen is None:
        return preferred
    room = screen.availableGeometry().size() - FRAME_ALLOWANCE
    return preferred.boundedTo(room)
