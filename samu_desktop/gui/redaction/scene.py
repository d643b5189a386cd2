"""The scene of one capture: the image once as a pixmap, boxes as overlay items.

Nothing is converted or re-rendered while the user edits: moving a box only
repaints the region it leaves and the region it enters (Qt's minimal viewport
update), which keeps a 3840×2160 capture with dozens of boxes fluid.
"""

from __future__ import annotations

from enum import IntEnum

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPainterPath, QPen, QTransform
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsPixmapItem,
    QGraphicsScene,
    QStyleOptionGraphicsItem,
    QWidget,
)

from samu_desktop.gui.redaction.document import CaptureDocument
from samu_desktop.redaction import Box

HANDLE_PX = 9  # handle size on screen, whatever the zoom
PROPOSED_COLOUR = QColor("#ff9800")
FINDING_COLOUR = QColor("#e53935")
SELECTED_COLOUR = QColor("#1e88e5")
OUTLINE_COLOUR = QColor("#9e9e9e")
Z_BOX, Z_FINDING, Z_CROP = 10, 50, 100


class Handle(IntEnum):
    """The eight grips of a selected box, clockwise from the top-left corner."""

    TOP_LEFT = 0
    TOP = 1
    TOP_RIGHT = 2
    RIGHT = 3
    BOTTOM_RIGHT = 4
    BOTTOM = 5
    BOTTOM_LEFT = 6
    LEFT = 7


def rect_of(box: Box) -> QRectF:
    return QRectF(box.left, box.top, box.width, box.height)


def kind_text(kind: str) -> str:
    """The detector's kind in words (« numéro de téléphone »), or as given."""
    try:
        from samu_desktop.pii.kinds import PatientDataKind, kind_label
    except ImportError:  # detection not installed: the raw kind still says something
        return kind
    try:
        return kind_label(PatientDataKind(kind))
    except ValueError:
        return kind


class BoxItem(QGraphicsItem):
    """An opaque box, exactly as it will be burnt; proposed ones get a dashed outline."""

    def __init__(self, box_id: int, box: Box, scene: CaptureScene) -> None:
        super().__init__()
        self.box_id = box_id
        self._scene = scene
        self._rect = rect_of(box)
        self.box = box
        self.setZValue(Z_BOX)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable, True)

    @property
    def rect(self) -> QRectF:
        return QRectF(self._rect)

    def set_box(self, box: Box) -> None:
        self.box = box
        self.show_rect(rect_of(box))

    def show_rect(self, rect: QRectF) -> None:
        """Show the box at ``rect`` (while dragging) without touching the document."""
        self.prepareGeometryChange()
        self._rect = rect.normalized()

    def geometry_changed(self) -> None:
        """The zoom changed: the handles keep their size on screen."""
        self.prepareGeometryChange()

    def boundingRect(self) -> QRectF:
        margin = (HANDLE_PX + 2) / self._scene.view_scale
        return self._rect.adjusted(-margin, -margin, margin, margin)

    def shape(self) -> QPainterPath:
        path = QPainterPath()
        path.addRect(self._rect)
        return path

    def handle_rects(self) -> list[tuple[Handle, QRectF]]:
        size = HANDLE_PX / self._scene.view_scale
        r = self._rect
        points = (
            r.topLeft(), QPointF(r.center().x(), r.top()), r.topRight(),
            QPointF(r.right(), r.center().y()), r.bottomRight(),
            QPointF(r.center().x(), r.bottom()), r.bottomLeft(),
            QPointF(r.left(), r.center().y()),
        )
        return [
            (Handle(i), QRectF(p.x() - size / 2, p.y() - size / 2, size, size))
            for i, p in enumerate(points)
        ]

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionGraphicsItem,
        widget: QWidget | None = None,
    ) -> None:
        painter.fillRect(self._rect, self._scene.fill)
        if self.box.kind is not None:
            pen = QPen(PROPOSED_COLOUR, 2, Qt.PenStyle.DashLine)
        else:
            pen = QPen(OUTLINE_COLOUR, 1)
        if self.isSelected():
            pen = QPen(SELECTED_COLOUR, 2, Qt.PenStyle.DashLine)
        pen.setCosmetic(True)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(self._rect)
        if self.isSelected():
            painter.setBrush(QBrush(Qt.GlobalColor.white))
            solid = QPen(SELECTED_COLOUR, 1)
            solid.setCosmetic(True)
            painter.setPen(solid)
            for _, handle in self.handle_rects():
                painter.drawRect(handle)


class FindingsItem(QGraphicsItem):
    """What the check after export still reads as patient data: thick red frames,
    see-through (the data is visible, and the user must see it to judge)."""

    def __init__(self, scene: CaptureScene) -> None:
        super().__init__()
        self._scene = scene
        self.setZValue(Z_FINDING)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)

    def boundingRect(self) -> QRectF:
        margin = 8 / self._scene.view_scale
        return self._scene.image_rect.adjusted(-margin, -margin, margin, margin)

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionGraphicsItem,
        widget: QWidget | None = None,
    ) -> None:
        pen = QPen(FINDING_COLOUR, 3)
        pen.setCosmetic(True)
        painter.setPen(pen)
        painter.setBrush(QBrush(QColor(229, 57, 53, 40)))
        margin = 3 / self._scene.view_scale
        for finding in self._scene.doc.findings:
            painter.drawRect(rect_of(finding).adjusted(-margin, -margin, margin, margin))


class CropShade(QGraphicsItem):
    """Darkens what the crop leaves out; invisible when there is no crop."""

    def __init__(self, scene: CaptureScene) -> None:
        super().__init__()
        self._scene = scene
        self.setZValue(Z_CROP)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)

    def boundingRect(self) -> QRectF:
        return self._scene.image_rect

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionGraphicsItem,
        widget: QWidget | None = None,
    ) -> None:
        crop = self._scene.doc.crop
        if crop is None:
            return
        outside = QPainterPath()
        outside.addRect(self._scene.image_rect)
        inside = QPainterPath()
        inside.addRect(rect_of(crop))
        painter.fillPath(outside.subtracted(inside), QColor(0, 0, 0, 150))
        pen = QPen(QColor("#ffffff"), 1, Qt.PenStyle.DashLine)
        pen.setCosmetic(True)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(rect_of(crop))


class CaptureScene(QGraphicsScene):
    """Mirrors one CaptureDocument. No signals of its own."""

    def __init__(self, doc: CaptureDocument, fill: QColor) -> None:
        super().__init__(doc)
        self.doc = doc
        self.fill = fill
        self.view_scale = 1.0
        width, height = doc.size
        self.image_rect = QRectF(0, 0, width, height)
        # A fixed scene rect: a box dragged off the image must not grow it.
        self.setSceneRect(self.image_rect)
        # Few items that move a lot: a BSP index costs more than it saves.
        self.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.NoIndex)
        self.pixmap_item = QGraphicsPixmapItem(doc.pixmap)
        self.pixmap_item.setShapeMode(QGraphicsPixmapItem.ShapeMode.BoundingRectShape)
        self.pixmap_item.setTransformationMode(Qt.TransformationMode.SmoothTransformation)
        self.pixmap_item.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.addItem(self.pixmap_item)
        self.crop_shade = CropShade(self)
        self.addItem(self.crop_shade)
        self.findings_item = FindingsItem(self)
        self.addItem(self.findings_item)
        doc.findings_changed.connect(self.findings_item.update)
        self.box_items: dict[int, BoxItem] = {}
        for box_id in doc.boxes:
            self._added(box_id)
        doc.box_added.connect(self._added)
        doc.box_changed.connect(self._changed)
        doc.box_removed.connect(self._removed)
        doc.crop_changed.connect(self.crop_shade.update)

    def set_view_scale(self, scale: float) -> None:
        if scale > 0 and scale != self.view_scale:
            self.view_scale = scale
            self.findings_item.prepareGeometryChange()
            for item in self.box_items.values():
                item.geometry_changed()

    def set_fill(self, fill: QColor) -> None:
        self.fill = fill
        for item in self.box_items.values():
            item.update()

    def box_at(self, pos: QPointF, device: QTransform | None = None) -> BoxItem | None:
        """The topmost box at ``pos`` (``device``: the view's transform)."""
        for item in self.items(pos, Qt.ItemSelectionMode.IntersectsItemShape,
                               Qt.SortOrder.DescendingOrder, device or QTransform()):
            if isinstance(item, BoxItem):
                return item
        return None

    def selected_boxes(self) -> list[BoxItem]:
        return [item for item in self.box_items.values() if item.isSelected()]

    def select_only(self, ids: list[int]) -> None:
        wanted = set(ids)
        for box_id, item in self.box_items.items():
            item.setSelected(box_id in wanted)

    def _added(self, box_id: int) -> None:
        item = BoxItem(box_id, self.doc.box(box_id), self)
        self.box_items[box_id] = item
        self.addItem(item)

    def _changed(self, box_id: int) -> None:
        item = self.box_items.get(box_id)
        if item is not None:
            item.set_box(self.doc.box(box_id))

    def _removed(self, box_id: int) -> None:
        item = self.box_items.pop(box_id, None)
        if item is not None:
            self.removeItem(item)
