"""The editing tools, all behind one interface (after flameshot's CaptureTool).

For a drag with the left button, the view calls ``start`` on press, ``move``
on every move and ``end`` on release, with positions in image pixels (scene
coordinates). ``paint`` draws the tool's live preview, for the region
``preview_rect`` covers; ``cancel`` (Escape, another tool chosen) puts back
what the drag showed. A tool never changes the document: ``end`` returns the
change as a QUndoCommand, which the view pushes on the document's undo stack,
so every tool is undone and redone the same way.

There is deliberately no blur or pixelate tool: both can be reversed.
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen, QTransform, QUndoCommand

from samu_desktop.gui.redaction.document import CaptureDocument
from samu_desktop.gui.redaction.scene import BoxItem, CaptureScene, Handle
from samu_desktop.i18n import translate
from samu_desktop.redaction import Box

MIN_SCREEN_PX = 3  # a click, or a drag shorter than this on screen, draws nothing
MIN_CROP_PX = 8  # in image pixels: smaller crops are surely a slip


class Canvas(Protocol):
    """What a tool may ask of the view it works in."""

    @property
    def capture_scene(self) -> CaptureScene: ...

    @property
    def document(self) -> CaptureDocument: ...

    def refresh(self, rect: QRectF) -> None:
        """Repaint this scene region (the tool's preview moved)."""

    def scroll_scene_by(self, delta: QPointF) -> None:
        """Scroll so that what was at ``p`` is now at ``p + delta``."""

    def viewportTransform(self) -> QTransform: ...


class EditTool:
    """Base of every tool; see the module docstring for the protocol."""

    name = ""
    cursor = Qt.CursorShape.ArrowCursor

    def __init__(self, canvas: Canvas) -> None:
        self.canvas = canvas
        self.active = False

    def start(self, pos: QPointF, modifiers: Qt.KeyboardModifier) -> None:
        self.active = True

    def move(self, pos: QPointF, modifiers: Qt.KeyboardModifier) -> None:
        """Called for every mouse move while the button is down."""

    def end(self, pos: QPointF) -> QUndoCommand | None:
        self.active = False
        return None

    def paint(self, painter: QPainter) -> None:
        """Draw the live preview, in scene coordinates."""

    def preview_rect(self) -> QRectF:
        return QRectF()

    def cancel(self) -> None:
        self.active = False


class _RubberBandTool(EditTool):
    """Shared by the tools that drag out a rectangle (boxes, crop)."""

    cursor = Qt.CursorShape.CrossCursor

    def __init__(self, canvas: Canvas) -> None:
        super().__init__(canvas)
        self._anchor = QPointF()
        self._current = QPointF()

    def start(self, pos: QPointF, modifiers: Qt.KeyboardModifier) -> None:
        super().start(pos, modifiers)
        self._anchor = self._current = self._clamped(pos)

    def move(self, pos: QPointF, modifiers: Qt.KeyboardModifier) -> None:
        if not self.active:
            return
        old = self.preview_rect()
        self._current = self._clamped(pos)
        self.canvas.refresh(old.united(self.preview_rect()))

    def preview_rect(self) -> QRectF:
        if not self.active:
            return QRectF()
        rect = self._band()
        margin = 3 / self.canvas.capture_scene.view_scale
        return rect.adjusted(-margin, -margin, margin, margin)

    def cancel(self) -> None:
        old = self.preview_rect()
        super().cancel()
        self.canvas.refresh(old)

    def _finish(self, pos: QPointF) -> Box | None:
        """Ends the drag; the box dragged out, or None for a click or a slip."""
        self.move(pos, Qt.KeyboardModifier.NoModifier)
        old = self.preview_rect()
        self.active = False
        self.canvas.refresh(old)
        band = self._band()
        screen = min(band.width(), band.height()) * self.canvas.capture_scene.view_scale
        if screen < MIN_SCREEN_PX:
            return None
        return Box.from_points(band.left(), band.top(), band.right(), band.bottom()).snapped()

    def _band(self) -> QRectF:
        return QRectF(self._anchor, self._current).normalized()

    def _clamped(self, pos: QPointF) -> QPointF:
        rect = self.canvas.capture_scene.image_rect
        return QPointF(
            min(max(pos.x(), rect.left()), rect.right()),
            min(max(pos.y(), rect.top()), rect.bottom()),
        )


class DrawBoxTool(_RubberBandTool):
    """Drag to hide a rectangle; the preview is already opaque, as it will be burnt."""

    def __init__(self, canvas: Canvas) -> None:
        super().__init__(canvas)
        self.name = translate("redaction", "Masquer une zone")

    def paint(self, painter: QPainter) -> None:
        if self.active:
            painter.fillRect(self._band(), self.canvas.capture_scene.fill)

    def end(self, pos: QPointF) -> QUndoCommand | None:
        box = self._finish(pos)
        return None if box is None else self.canvas.document.add_command([box])


class CropTool(_RubberBandTool):
    """Drag the part of the capture to keep."""

    def __init__(self, canvas: Canvas) -> None:
        super().__init__(canvas)
        self.name = translate("redaction", "Recadrer")

    def paint(self, painter: QPainter) -> None:
        if not self.active:
            return
        for colour, style in ((QColor("#000000"), Qt.PenStyle.SolidLine),
                              (QColor("#ffffff"), Qt.PenStyle.DashLine)):
            pen = QPen(colour, 2, style)
            pen.setCosmetic(True)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(self._band())

    def end(self, pos: QPointF) -> QUndoCommand | None:
        box = self._finish(pos)
        if box is None or min(box.width, box.height) < MIN_CROP_PX:
            return None
        return self.canvas.document.crop_command(box)


class SelectTool(EditTool):
    """Click to select (Ctrl or Maj to add), drag to move, drag a grip to resize."""

    def __init__(self, canvas: Canvas) -> None:
        super().__init__(canvas)
        self.name = translate("redaction", "Sélectionner, déplacer, redimensionner")
        self._anchor = QPointF()
        self._originals: dict[int, QRectF] = {}
        self._handle: Handle | None = None

    def start(self, pos: QPointF, modifiers: Qt.KeyboardModifier) -> None:
        super().start(pos, modifiers)
        scene = self.canvas.capture_scene
        self._anchor = pos
        self._handle = None
        selected = scene.selected_boxes()
        if len(selected) == 1:
            for handle, rect in selected[0].handle_rects():
                if rect.contains(pos):
                    self._handle = handle
                    self._originals = {selected[0].box_id: selected[0].rect}
                    return
        item = scene.box_at(pos, self.canvas.viewportTransform())
        adding = bool(
            modifiers
            & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
        )
        if item is None:
            if not adding:
                scene.select_only([])
            self.active = False
            return
        if adding:
            item.setSelected(not item.isSelected())
        elif not item.isSelected():
            scene.select_only([item.box_id])
        self._originals = {i.box_id: i.rect for i in scene.selected_boxes()}

    def move(self, pos: QPointF, modifiers: Qt.KeyboardModifier) -> None:
        if not self.active:
            return
        items = self.canvas.capture_scene.box_items
        for box_id, rect in self._new_rects(pos).items():
            item = items.get(box_id)
            if item is not None:
                item.show_rect(rect)

    def end(self, pos: QPointF) -> QUndoCommand | None:
        if not self.active:
            return None
        self.move(pos, Qt.KeyboardModifier.NoModifier)
        self.active = False
        doc = self.canvas.document
        existing = doc.boxes
        after = {}
        for box_id, rect in self._new_rects(pos).items():
            if box_id in existing and not rect.isEmpty():
                old = doc.box(box_id)
                after[box_id] = Box.from_points(
                    rect.left(), rect.top(), rect.right(), rect.bottom(), kind=old.kind
                )
        text = (
            translate("redaction", "Redimensionner une zone")
            if self._handle is not None
            else translate("redaction", "Déplacer une zone")
        )
        command = doc.change_command(after, text)
        if command is None:
            self._restore()
        return command

    def cancel(self) -> None:
        if self.active:
            self._restore()
        super().cancel()

    def _restore(self) -> None:
        scene = self.canvas.capture_scene
        for box_id in self._originals:
            item: BoxItem | None = scene.box_items.get(box_id)
            if item is not None:
                item.set_box(self.canvas.document.box(box_id))

    def _new_rects(self, pos: QPointF) -> dict[int, QRectF]:
        # Whole-pixel steps: a box drawn on the pixel grid stays on it, so what
        # is shown is exactly what is burnt.
        dx = round(pos.x() - self._anchor.x())
        dy = round(pos.y() - self._anchor.y())
        if self._handle is None:
            return {i: r.translated(dx, dy) for i, r in self._originals.items()}
        (box_id, rect), = self._originals.items()
        left, top, right, bottom = rect.left(), rect.top(), rect.right(), rect.bottom()
        if self._handle in (Handle.TOP_LEFT, Handle.LEFT, Handle.BOTTOM_LEFT):
            left += dx
        if self._handle in (Handle.TOP_RIGHT, Handle.RIGHT, Handle.BOTTOM_RIGHT):
            right += dx
        if self._handle in (Handle.TOP_LEFT, Handle.TOP, Handle.TOP_RIGHT):
            top += dy
        if self._handle in (Handle.BOTTOM_LEFT, Handle.BOTTOM, Handle.BOTTOM_RIGHT):
            bottom += dy
        return {box_id: QRectF(QPointF(left, top), QPointF(right, bottom)).normalized()}


class PanTool(EditTool):
    """Drag to move the view (also the middle button, whatever the tool)."""

    cursor = Qt.CursorShape.OpenHandCursor

    def __init__(self, canvas: Canvas) -> None:
        super().__init__(canvas)
        self.name = translate("redaction", "Déplacer la vue")
        self._anchor = QPointF()

    def start(self, pos: QPointF, modifiers: Qt.KeyboardModifier) -> None:
        super().start(pos, modifiers)
        self._anchor = pos

    def move(self, pos: QPointF, modifiers: Qt.KeyboardModifier) -> None:
        # After the scroll, the point grabbed is under the cursor again.
        if self.active:
            self.canvas.scroll_scene_by(pos - self._anchor)
