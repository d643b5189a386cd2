"""The side list of the capture shown: each proposed zone and each finding of the
check after export, with its kind, a crop of the capture and a "masquée" tick.

One row per zone instead of labels on the image: 20 labels on a full screen
overlap into unreadable text, a list stays readable and works by keyboard.
The crop shows the capture's own pixels under the zone, so the user can judge
a proposal without lifting the mask.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from PySide6.QtCore import QRect, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QIcon, QPixmap
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QWidget

from samu_desktop.gui import style
from samu_desktop.gui.redaction.document import CaptureDocument, covers
from samu_desktop.gui.redaction.scene import FINDING_COLOUR, kind_text
from samu_desktop.i18n import QT_TRANSLATE_NOOP, translate
from samu_desktop.redaction import Box

CROP_SIZE = QSize(128, 36)
CROP_MARGIN = 12  # capture pixels shown around the zone, for context


class Status(Enum):
    MASKED = QT_TRANSLATE_NOOP("redaction", "masquée")
    DISMISSED = QT_TRANSLATE_NOOP("redaction", "laissée visible")
    FINDING = QT_TRANSLATE_NOOP("redaction", "encore visible après masquage")


@dataclass(frozen=True)
class Zone:
    box: Box
    status: Status
    box_id: int | None = None  # set when the zone is a box of the document


def zones_of(doc: CaptureDocument) -> list[Zone]:
    """Every zone of ``doc`` the list shows, in reading order."""
    zones = [Zone(box, Status.MASKED, box_id) for box_id, box in doc.boxes.items()
             if box.is_proposed]
    findings = doc.findings
    # A proposal taken off that the check then found again is listed once, as found.
    zones += [Zone(box, Status.DISMISSED) for box in doc.dismissed
              if not any(covers(box, f) or covers(f, box) for f in findings)]
    zones += [Zone(box, Status.FINDING) for box in findings]
    # Rows of text are about 20 pixels apart: same band, then left to right.
    return sorted(zones, key=lambda z: (round(z.box.top / 20), z.box.left))


def crop_icon(doc: CaptureDocument, box: Box) -> QIcon:
    rect = QRect(int(box.left) - CROP_MARGIN, int(box.top) - CROP_MARGIN,
                 int(box.width) + 2 * CROP_MARGIN, int(box.height) + 2 * CROP_MARGIN)
    rect = rect.intersected(doc.pixmap.rect())
    if rect.isEmpty():
        return QIcon()
    piece: QPixmap = doc.pixmap.copy(rect)
    if piece.width() > CROP_SIZE.width() or piece.height() > CROP_SIZE.height():
        piece = piece.scaled(CROP_SIZE, Qt.AspectRatioMode.KeepAspectRatio,
                             Qt.TransformationMode.SmoothTransformation)
    return QIcon(piece)


class ProposalList(QListWidget):
    """Signals: zone_chosen(object) — the user moved to a row: the Zone to show."""

    zone_chosen = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setIconSize(CROP_SIZE)
        self.setWordWrap(True)
        # The kind wraps under itself; never a sideways scroll in a narrow column.
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.setSpacing(2)
        self.setAccessibleName(translate("redaction", "Zones proposées et restées visibles"))
        self._doc: CaptureDocument | None = None
        self._zones: list[Zone] = []
        # A tick changes the document, which rebuilds the rows: not while Qt is
        # still inside the ticked row's own signal.
        self._in_tick = False
        self._later = QTimer(self)
        self._later.setSingleShot(True)
        self._later.setInterval(0)
        self._later.timeout.connect(self.rebuild)
        self.itemChanged.connect(self._ticked)
        self.currentRowChanged.connect(self._row_changed)

    def set_document(self, doc: CaptureDocument | None) -> None:
        if self._doc is not None:
            self._doc.changed.disconnect(self._doc_changed)
        self._doc = doc
        if doc is not None:
            doc.changed.connect(self._doc_changed)
        self.rebuild()

    def _doc_changed(self) -> None:
        if self._in_tick:
            self._later.start()
        else:
            self.rebuild()

    def zones(self) -> list[Zone]:
        return list(self._zones)

    def rebuild(self) -> None:
        doc = self._doc
        current = self.currentRow()
        self.blockSignals(True)
        try:
            self.clear()
            self._zones = zones_of(doc) if doc is not None else []
            for zone in self._zones:
                assert doc is not None
                kind = kind_text(zone.box.kind or "?")
                status = translate("redaction", zone.status.value)
                item = QListWidgetItem(crop_icon(doc, zone.box), f"{kind}\n{status}")
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                              | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Checked if zone.status is Status.MASKED
                                   else Qt.CheckState.Unchecked)
                item.setToolTip(translate(
                    "redaction", "Cochée : la zone est masquée. Décochée : elle reste visible."))
                if zone.status is Status.FINDING:
                    item.setForeground(QBrush(FINDING_COLOUR))
                elif zone.status is Status.DISMISSED:
                    item.setForeground(QBrush(QColor(style.current_colours()["muted"])))
                self.addItem(item)
            if self._zones:
                self.setCurrentRow(min(max(current, 0), len(self._zones) - 1))
        finally:
            self.blockSignals(False)

    def _row_changed(self, row: int) -> None:
        if 0 <= row < len(self._zones):
            self.zone_chosen.emit(self._zones[row])

    def _ticked(self, item: QListWidgetItem) -> None:
        doc = self._doc
        row = self.row(item)
        if doc is None or not 0 <= row < len(self._zones):
            return
        zone = self._zones[row]
        masked = item.checkState() == Qt.CheckState.Checked
        self._in_tick = True
        try:
            self._apply(doc, zone, masked)
        finally:
            self._in_tick = False

    @staticmethod
    def _apply(doc: CaptureDocument, zone: Zone, masked: bool) -> None:
        if zone.status is Status.MASKED and not masked and zone.box_id is not None:
            doc.remove_boxes([zone.box_id])
        elif zone.status is Status.DISMISSED and masked:
            doc.add_boxes([zone.box], translate("redaction", "Remettre une zone proposée"))
        elif zone.status is Status.FINDING and masked:
            command = doc.add_command([zone.box], translate("redaction", "Masquer une zone"))
            if command is not None:
                command.keeps_mark = True  # hides more: the user's check still holds
                doc.push(command)
