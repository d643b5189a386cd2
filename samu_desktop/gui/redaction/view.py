"""The view of the capture being edited: zoom, pan, and mouse events to the tool.

Zoom: fit (the crop, or the whole capture), 100 % (one capture pixel per
screen pixel, HiDPI included), Ctrl + wheel around the cursor. Pan: the
scroll bars, the wheel, the middle button, or the pan tool. Arrow keys move
the selected boxes (Maj: 10 pixels), Ctrl + arrows resize them.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRect, QRectF, Qt, Signal
from PySide6.QtGui import (
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QResizeEvent,
    QTransform,
    QUndoCommand,
    QWheelEvent,
)
from PySide6.QtWidgets import QGraphicsView, QWidget

from samu_desktop.gui.redaction.document import AddBoxesCommand, CaptureDocument
from samu_desktop.gui.redaction.scene import CaptureScene, rect_of
from samu_desktop.gui.redaction.tools import EditTool, PanTool
from samu_desktop.i18n import translate
from samu_desktop.redaction import Box

MIN_ZOOM, MAX_ZOOM, ZOOM_STEP = 0.02, 32.0, 1.25
KEYBOARD_BOX = (240, 48)  # size of a box added from the keyboard, in capture pixels


class RedactionView(QGraphicsView):
    """Signals: zoom_changed(float) — the new zoom, screen pixels per capture pixel."""

    zoom_changed = Signal(float)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._scene: CaptureScene | None = None
        self._tool: EditTool | None = None
        self._dragging: EditTool | None = None
        self._middle_pan = PanTool(self)
        self._fit = True
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.MinimalViewportUpdate)
        self.setOptimizationFlag(QGraphicsView.OptimizationFlag.DontAdjustForAntialiasing, True)
        self.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setDragMode(QGraphicsView.DragMode.NoDrag)
        self.setBackgroundBrush(Qt.GlobalColor.darkGray)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName(translate("redaction", "Capture à masquer"))

    # -- the Canvas protocol the tools use ---------------------------------------
    @property
    def capture_scene(self) -> CaptureScene:
        if self._scene is None:
            raise RuntimeError("no capture shown")
        return self._scene

    @property
    def document(self) -> CaptureDocument:
        return self.capture_scene.doc

    def refresh(self, rect: QRectF) -> None:
        if self._scene is not None and not rect.isEmpty():
            self._scene.update(rect)

    def scroll_scene_by(self, delta: QPointF) -> None:
        scale = self.zoom
        h, v = self.horizontalScrollBar(), self.verticalScrollBar()
        h.setValue(h.value() - round(delta.x() * scale))
        v.setValue(v.value() - round(delta.y() * scale))

    # -- what is shown -------------------------------------------------------------
    def show_scene(self, scene: CaptureScene | None) -> None:
        self.cancel_tool()
        self._scene = scene
        self.setScene(scene)
        if scene is not None:
            self.zoom_fit()

    def set_tool(self, tool: EditTool) -> None:
        self.cancel_tool()
        self._tool = tool
        self.viewport().setCursor(tool.cursor)

    @property
    def tool(self) -> EditTool | None:
        return self._tool

    def cancel_tool(self) -> None:
        if self._dragging is not None:
            self._dragging.cancel()
            self._dragging = None

    @property
    def zoom(self) -> float:
        """Device-independent pixels per capture pixel."""
        return self.transform().m11()

    def zoom_fit(self) -> None:
        if self._scene is None:
            return
        crop = self._scene.doc.crop
        target = rect_of(crop) if crop is not None else self._scene.image_rect
        self.fitInView(target, Qt.AspectRatioMode.KeepAspectRatio)
        self._fit = True
        self._zoomed()

    def zoom_actual(self) -> None:
        """100 %: one capture pixel per physical screen pixel."""
        ratio = self.devicePixelRatioF() or 1.0
        self.setTransform(QTransform.fromScale(1 / ratio, 1 / ratio))
        self._fit = False
        self._zoomed()

    def show_rect(self, box: Box) -> None:
        """Centre on ``box``, zoomed in to at least 100 % so its text can be read."""
        if self._scene is None:
            return
        ratio = self.devicePixelRatioF() or 1.0
        if self.zoom < 1 / ratio:
            self.zoom_actual()
        self.centerOn(rect_of(box).center())

    def zoom_by(self, factor: float) -> None:
        target = min(MAX_ZOOM, max(MIN_ZOOM, self.zoom * factor))
        if target != self.zoom:
            self.scale(target / self.zoom, target / self.zoom)
        self._fit = False
        self._zoomed()

    def _zoomed(self) -> None:
        if self._scene is not None:
            self._scene.set_view_scale(self.zoom)
        self.zoom_changed.emit(self.zoom)

    # -- events --------------------------------------------------------------------------
    def drawForeground(self, painter: QPainter, rect: QRectF | QRect) -> None:
        if self._dragging is not None:
            self._dragging.paint(painter)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self._fit:
            self.zoom_fit()

    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            steps = event.angleDelta().y() / 120
            if steps:
                self.zoom_by(ZOOM_STEP**steps)
            event.accept()
            return
        super().wheelEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if self._scene is None or self._dragging is not None:
            event.accept()
            return
        if event.button() == Qt.MouseButton.MiddleButton:
            self._dragging = self._middle_pan
        elif event.button() == Qt.MouseButton.LeftButton and self._tool is not None:
            self._dragging = self._tool
        else:
            super().mousePressEvent(event)
            return
        self.setFocus(Qt.FocusReason.MouseFocusReason)
        self._dragging.start(self.mapToScene(event.position().toPoint()), event.modifiers())
        if not self._dragging.active:
            self._dragging = None
        event.accept()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._dragging is not None:
            self._dragging.move(self.mapToScene(event.position().toPoint()), event.modifiers())
            event.accept()
            return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        tool = self._dragging
        if tool is None:
            super().mouseReleaseEvent(event)
            return
        self._dragging = None
        command = tool.end(self.mapToScene(event.position().toPoint()))
        self._push(command)
        event.accept()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            if self._dragging is not None:
                self.cancel_tool()
            elif self._scene is not None:
                self._scene.select_only([])
            event.accept()
            return
        if self._nudge(event):
            event.accept()
            return
        super().keyPressEvent(event)

    def _push(self, command: QUndoCommand | None) -> None:
        if command is None or self._scene is None:
            return
        self._scene.doc.push(command)
        if isinstance(command, AddBoxesCommand):
            self._scene.select_only(command.ids)

    def _nudge(self, event: QKeyEvent) -> bool:
        """Arrows move the selected boxes; Ctrl + arrows resize them."""
        steps = {
            Qt.Key.Key_Left: (-1, 0), Qt.Key.Key_Right: (1, 0),
            Qt.Key.Key_Up: (0, -1), Qt.Key.Key_Down: (0, 1),
        }
        step = steps.get(Qt.Key(event.key()))
        if step is None or self._scene is None or self._dragging is not None:
            return False
        selected = self._scene.selected_boxes()
        if not selected:
            return False
        mods = event.modifiers()
        amount = 10 if mods & Qt.KeyboardModifier.ShiftModifier else 1
        dx, dy = step[0] * amount, step[1] * amount
        after: dict[int, Box] = {}
        for item in selected:
            box = item.box
            if mods & Qt.KeyboardModifier.ControlModifier:
                right = max(box.left + 1, box.right + dx)
                bottom = max(box.top + 1, box.bottom + dy)
                after[item.box_id] = Box(
                    left=box.left, top=box.top, right=right, bottom=bottom, kind=box.kind
                )
            else:
                after[item.box_id] = box.translated(dx, dy)
        doc = self._scene.doc
        doc.push(doc.change_command(after, translate("redaction", "Ajuster une zone"), True))
        return True

    # -- operations on the selection (keyboard shortcuts) ----------------------------
    def delete_selected(self) -> None:
        if self._scene is not None:
            self._scene.doc.remove_boxes([i.box_id for i in self._scene.selected_boxes()])

    def remove_proposed(self) -> None:
        if self._scene is not None:
            doc = self._scene.doc
            doc.remove_boxes([i for i, box in doc.boxes.items() if box.is_proposed])

    def add_box_at_centre(self) -> None:
        """A box in the middle of what is shown, selected, for arrows to move it."""
        if self._scene is None:
            return
        centre = self.mapToScene(self.viewport().rect().center())
        width, height = KEYBOARD_BOX
        box = Box.from_xywh(
            round(centre.x() - width / 2), round(centre.y() - height / 2), width, height
        )
        self._scene.select_only(self._scene.doc.add_boxes([box]))
        self.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def select_next(self, step: int) -> None:
        scene = self._scene
        if scene is None or not scene.box_items:
            return
        ids = sorted(scene.box_items)
        selected = [item.box_id for item in scene.selected_boxes()]
        position = ids.index(selected[0]) + step if selected else (0 if step > 0 else -1)
        chosen = ids[position % len(ids)]
        scene.select_only([chosen])
        self.ensureVisible(rect_of(scene.box_items[chosen].box))

    def crop_to_selection(self) -> bool:
        """The one selected box becomes the crop (one undo step); False if not one box."""
        scene = self._scene
        selected = [] if scene is None else scene.selected_boxes()
        if scene is None or len(selected) != 1:
            return False
        doc = scene.doc
        doc.undo_stack.beginMacro(translate("redaction", "Recadrer sur la zone"))
        doc.remove_boxes([selected[0].box_id])
        doc.set_crop(selected[0].box.with_kind(None))
        doc.undo_stack.endMacro()
        self.zoom_fit()
        return True
