"""Thumbnails of the report's captures, showing the boxes and the crop.

The capture is scaled down once; each edit repaints only the small copy.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QWidget

from samu_desktop.gui import style
from samu_desktop.gui.redaction.document import CaptureDocument
from samu_desktop.gui.redaction.scene import PROPOSED_COLOUR, rect_of

THUMB_SIZE = QSize(176, 110)


class Thumbnail:
    def __init__(self, doc: CaptureDocument) -> None:
        self.doc = doc
        self.base = doc.pixmap.scaled(
            THUMB_SIZE,
            Qt.AspectRatioMode.KeepAspectRatio,
            Qt.TransformationMode.SmoothTransformation,
        )
        self.scale = self.base.width() / max(1, doc.size[0])

    def render(self, fill: QColor) -> QIcon:
        pixmap = QPixmap(self.base)
        painter = QPainter(pixmap)
        try:
            painter.scale(self.scale, self.scale)
            for box in self.doc.boxes.values():
                painter.fillRect(rect_of(box), fill)
                if box.kind is not None:
                    painter.setPen(PROPOSED_COLOUR)
                    painter.drawRect(rect_of(box))
            crop = self.doc.crop
            if crop is not None:
                width, height = self.doc.size
                shade = QColor(0, 0, 0, 150)
                c = rect_of(crop)
                for part in (
                    QRectF(0, 0, width, c.top()),
                    QRectF(0, c.bottom(), width, height - c.bottom()),
                    QRectF(0, c.top(), c.left(), c.height()),
                    QRectF(c.right(), c.top(), width - c.right(), c.height()),
                ):
                    if part.width() > 0 and part.height() > 0:
                        painter.fillRect(part, shade)
        finally:
            painter.end()
        return QIcon(pixmap)


class ThumbnailList(QListWidget):
    """One row per capture: its thumbnail, its number and whether it is verified."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setIconSize(THUMB_SIZE)
        # Icon above its caption, one column.
        self.setViewMode(QListWidget.ViewMode.IconMode)
        self.setFlow(QListWidget.Flow.TopToBottom)
        self.setWrapping(False)
        self.setMovement(QListWidget.Movement.Static)
        self.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.setGridSize(QSize(THUMB_SIZE.width() + 16, THUMB_SIZE.height() + 40))
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFixedWidth(THUMB_SIZE.width() + 40)
        self._thumbs: list[Thumbnail] = []

    def append(self, doc: CaptureDocument) -> None:
        self._thumbs.append(Thumbnail(doc))
        item = QListWidgetItem()
        item.setTextAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.addItem(item)

    def refresh(self, index: int, fill: QColor, text: str, verified: bool) -> None:
        item = self.item(index)
        if item is None:
            return
        item.setIcon(self._thumbs[index].render(fill))
        item.setText(text)
        item.setToolTip(text)
        colours = style.current_colours()
        item.setForeground(QColor(colours["success" if verified else "danger"]))

    def remove_all(self) -> None:
        self.clear()
        self._thumbs.clear()
