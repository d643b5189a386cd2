"""The platform's own style, with one icon held back until the first window is painted.

Qt's command-link buttons (the home page's four cases) ask the style for their
arrow as they are built; that arrow is an SVG, and the first SVG loads Qt's SVG
icon engine: a plugin and a library, some 60-100 ms before the first paint on a
busy machine. This proxy answers with no icon until :meth:`QuickStartStyle.release`,
after which the home page puts the real arrow on its buttons. Nothing else changes:
every other answer is the platform style's.
"""

from __future__ import annotations

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QProxyStyle, QStyle, QStyleOption, QWidget


class QuickStartStyle(QProxyStyle):
    def __init__(self, base: str | None = None) -> None:
        if base is None:
            super().__init__()
        else:
            super().__init__(base)
        self.holding = True

    def release(self) -> None:
        """The first paint is done: the arrow may load."""
        self.holding = False

    def standardIcon(
        self,
        standardIcon: QStyle.StandardPixmap,
        option: QStyleOption | None = None,
        widget: QWidget | None = None,
    ) -> QIcon:
        if self.holding and standardIcon == QStyle.StandardPixmap.SP_CommandLink:
            return QIcon()
        return super().standardIcon(standardIcon, option, widget)
