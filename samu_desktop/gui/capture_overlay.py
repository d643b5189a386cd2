"""Region selection over every monitor, on frozen screens.

The screens are captured first; the overlay shows those images, dimmed, one
frameless window per monitor, and the user drags a rectangle (across monitors
if they like). The region is then cut from the images already taken, so the
overlay never appears in the capture and nothing moves under the mouse.

Coordinates: the selection is kept in physical pixels (mss's space). Qt's
logical coordinates keep each screen's origin and divide distances from it by
the screen's device pixel ratio; :class:`ScreenMapping` converts both ways.
Esc (or a right click) cancels; a click without dragging takes that whole screen.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QObject, QPointF, QRect, QRectF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QGuiApplication,
    QImage,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QPixmap,
    QScreen,
)
from PySide6.QtWidgets import QWidget

from samu_desktop.capture.errors import CaptureError
from samu_desktop.capture.grabber import crop_from
from samu_desktop.capture.models import Capture, Monitor, MonitorLayout, Rect

# A press and release closer than this is a click, not a drag.
_CLICK_SLOP_PX = 4


@dataclass(frozen=True)
class ScreenMapping:
    """Physical ↔ logical for the QScreen holding a monitor (same origin, scaled by dpr)."""

    origin_x: int = 0
    origin_y: int = 0
    dpr: float = 1.0

    def to_logical(self, x: float, y: float) -> tuple[float, float]:
        return (
            self.origin_x + (x - self.origin_x) / self.dpr,
            self.origin_y + (y - self.origin_y) / self.dpr,
        )

    def to_physical(self, x: float, y: float) -> tuple[int, int]:
        return (
            round(self.origin_x + (x - self.origin_x) * self.dpr),
            round(self.origin_y + (y - self.origin_y) * self.dpr),
        )

    def logical_rect(self, rect: Rect) -> QRect:
        left, top = self.to_logical(rect.left, rect.top)
        right, bottom = self.to_logical(rect.right, rect.bottom)
        return QRect(round(left), round(top), round(right - left), round(bottom - top))


def mapping_for(monitor: Monitor, screens: Sequence[QScreen]) -> ScreenMapping:
    """The mapping of the QScreen whose native area holds the monitor's centre."""
    cx = monitor.rect.left + monitor.rect.width // 2
    cy = monitor.rect.top + monitor.rect.height // 2
    for screen in screens:
        geometry, dpr = screen.geometry(), screen.devicePixelRatio()
        native = Rect.from_corners(
            geometry.x(),
            geometry.y(),
            geometry.x() + round(geometry.width() * dpr),
            geometry.y() + round(geometry.height() * dpr),
        )
        if native is not None and native.contains(cx, cy):
            return ScreenMapping(geometry.x(), geometry.y(), dpr)
    return ScreenMapping()


def _to_pixmap(capture: Capture) -> QPixmap:
    data = capture.image.tobytes()
    image = QImage(
        data, capture.image.width, capture.image.height, capture.image.width * 3,
        QImage.Format.Format_RGB888,
    )
    return QPixmap.fromImage(image.copy())  # copy: ``data`` dies with this function


class _MonitorPane(QWidget):
    """One monitor's part of the overlay. Draws the shared selection; forwards input."""

    def __init__(
        self, overlay: RegionOverlay, monitor: Monitor, mapping: ScreenMapping,
        background: QPixmap | None,
    ) -> None:
        super().__init__(None)
        self.overlay = overlay
        self.monitor = monitor
        self.mapping = mapping
        self.background = background
        self.setWindowFlags(
            Qt.WindowType.FramelessWindowHint
            | Qt.WindowType.WindowStaysOnTopHint
            | Qt.WindowType.Tool
        )
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
        self.setCursor(Qt.CursorShape.CrossCursor)
        self.setMouseTracking(True)
        self.setAccessibleName(self.tr("Sélection d'une zone de l'écran"))
        self.setGeometry(mapping.logical_rect(monitor.rect))

    def physical_at(self, local: QPointF) -> tuple[int, int]:
        """A point of this window, in physical desktop pixels."""
        geometry = self.geometry()
        return self.mapping.to_physical(geometry.x() + local.x(), geometry.y() + local.y())

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        full = QRectF(self.rect())
        if self.background is not None:
            painter.drawPixmap(full, self.background, QRectF(self.background.rect()))
        painter.fillRect(full, QColor(0, 0, 0, 110))
        selection = self.overlay.selection
        part = selection.intersect(self.monitor.rect) if selection is not None else None
        if part is not None:
            target = self._local_rect(part)
            if self.background is not None:
                source = QRectF(
                    part.left - self.monitor.rect.left,
                    part.top - self.monitor.rect.top,
                    part.width,
                    part.height,
                )
                painter.drawPixmap(target, self.background, source)
            painter.setPen(QPen(QColor("#ffcc00"), 2))
            painter.drawRect(target)
            if selection is not None:
                painter.drawText(
                    target.adjusted(4, 4, 0, 0),
                    f"{selection.width} × {selection.height}",
                )
        painter.end()

    def _local_rect(self, rect: Rect) -> QRectF:
        left, top = self.mapping.to_logical(rect.left, rect.top)
        right, bottom = self.mapping.to_logical(rect.right, rect.bottom)
        geometry = self.geometry()
        return QRectF(left - geometry.x(), top - geometry.y(), right - left, bottom - top)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.RightButton:
            self.overlay.cancel()
        elif event.button() == Qt.MouseButton.LeftButton:
            self.overlay.press(self.physical_at(event.position()), self.monitor)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if event.buttons() & Qt.MouseButton.LeftButton:
            self.overlay.drag(self.overlay.physical_at_global(event.globalPosition(), self))

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.overlay.release(self.overlay.physical_at_global(event.globalPosition(), self))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.overlay.cancel()
        else:
            super().keyPressEvent(event)


class RegionOverlay(QObject):
    """Lets the user pick a region on the frozen screens.

    Signals:
        selected(object) — the chosen region, a Capture cut from ``captures``;
        cancelled() — Esc or right click.
    """

    selected = Signal(object)
    cancelled = Signal()

    def __init__(
        self,
        captures: Sequence[Capture],
        layout: MonitorLayout,
        screens: Sequence[QScreen] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.captures = list(captures)
        self.layout = layout
        self.selection: Rect | None = None
        self._start: tuple[int, int] | None = None
        self._start_monitor: Monitor | None = None
        self._done = False
        screens = list(screens if screens is not None else QGuiApplication.screens())
        by_monitor = {c.monitor.index: c for c in self.captures if c.kind == "screen"}
        self.panes = [
            _MonitorPane(
                self,
                monitor,
                mapping_for(monitor, screens),
                _to_pixmap(by_monitor[monitor.index]) if monitor.index in by_monitor else None,
            )
            for monitor in layout.monitors
        ]

    def show(self) -> None:
        for pane in self.panes:
            pane.show()  # on top by its window flags
        first = self.panes[0]
        first.activateWindow()
        # Esc must reach us whatever window had the focus.
        first.grabKeyboard()

    def close(self) -> None:
        """Hide every pane and drop the frozen screens (they hold unredacted pixels).

        The panes themselves go with this object: deleting them here could
        happen inside their own mouse handler.
        """
        for pane in self.panes:
            pane.releaseKeyboard()
            pane.background = None
            pane.close()
        self.captures = []

    def physical_at_global(self, point: QPointF, source: _MonitorPane) -> tuple[int, int]:
        """A global logical point in physical pixels, through the pane it falls in."""
        for pane in self.panes:
            if QRectF(pane.geometry()).contains(point):
                return pane.physical_at(point - QPointF(pane.geometry().topLeft()))
        return source.physical_at(point - QPointF(source.geometry().topLeft()))

    # -- the selection ---------------------------------------------------
    def press(self, point: tuple[int, int], monitor: Monitor) -> None:
        self._start, self._start_monitor = point, monitor
        self.selection = None
        self._repaint()

    def drag(self, point: tuple[int, int]) -> None:
        if self._start is None:
            return
        self.selection = Rect.from_corners(*self._start, *point)
        self._repaint()

    def release(self, point: tuple[int, int]) -> None:
        if self._start is None or self._done:
            return
        sx, sy = self._start
        if abs(point[0] - sx) < _CLICK_SLOP_PX and abs(point[1] - sy) < _CLICK_SLOP_PX:
            monitor = self.layout.monitor_at(sx, sy) or self._start_monitor
            region = monitor.rect if monitor is not None else None
        else:
            region = Rect.from_corners(sx, sy, *point)
        if region is None:
            return
        region = self.layout.clip(region)
        if region is None:
            return
        try:
            capture = crop_from(self.captures, region, self.layout)
        except CaptureError:
            # Only in a gap between screens of different sizes: let them retry.
            self._start, self.selection = None, None
            self._repaint()
            return
        self._done = True
        self.close()
        self.selected.emit(capture)

    def cancel(self) -> None:
        if self._done:
            return
        self._done = True
        self.close()
        self.cancelled.emit()

    def _repaint(self) -> None:
        for pane in self.panes:
            pane.update()
