"""Small widgets shared by several pages."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget


def heading(text: str = "", parent: QWidget | None = None) -> QLabel:
    """A page title: large, bold, wrapping."""
    label = QLabel(text, parent)
    label.setStyleSheet("font-size: 16pt; font-weight: bold;")
    label.setWordWrap(True)
    return label
