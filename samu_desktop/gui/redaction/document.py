"""One capture being redacted: its image, boxes, crop, "vérifiée" mark, undo stack.

Every change goes through a QUndoCommand pushed on the document's own stack,
so undo and redo work the same for each tool. The commands call the
``_apply_*`` methods, which are the only code that mutates the document.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from PIL import Image
from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QImage, QPixmap, QUndoCommand, QUndoStack

from samu_desktop.i18n import translate
from samu_desktop.redaction import BLACK, Box, Fill, RedactionJob, RedactionState


def pixmap_from_image(image: Image.Image) -> QPixmap:
    """Convert once, when a capture is opened; never on repaint."""
    rgb = image if image.mode == "RGB" else image.convert("RGB")
    data = rgb.tobytes("raw", "RGB")
    # QImage borrows ``data``: the RGB32 conversion makes an owned copy
    # (and RGB32 is the format the raster painter draws fastest).
    borrowed = QImage(data, rgb.width, rgb.height, 3 * rgb.width, QImage.Format.Format_RGB888)
    return QPixmap.fromImage(borrowed.convertToFormat(QImage.Format.Format_RGB32))


def covers(box: Box, other: Box) -> bool:
    """True when ``box`` hides at least 80 % of ``other``."""
    width = min(box.right, other.right) - max(box.left, other.left)
    height = min(box.bottom, other.bottom) - max(box.top, other.top)
    area = other.width * other.height
    return width > 0 and height > 0 and area > 0 and width * height >= 0.8 * area


class CaptureDocument(QObject):
    """Signals:
    box_added(int), box_changed(int), box_removed(int) — a box id;
    crop_changed() — the crop was set or removed;
    verified_changed(bool) — the user's "vérifiée" mark;
    findings_changed() — what the check after export still sees changed;
    changed() — after any of the above.
    """

    box_added = Signal(int)
    box_changed = Signal(int)
    box_removed = Signal(int)
    crop_changed = Signal()
    verified_changed = Signal(bool)
    findings_changed = Signal()
    changed = Signal()

    def __init__(
        self, image: Image.Image, state: RedactionState | None = None, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.image: Image.Image | None = image
        self.size = image.size
        self.pixmap = pixmap_from_image(image)
        self.undo_stack = QUndoStack(self)
        self._boxes: dict[int, Box] = {}
        self._next_id = 1
        self._crop: Box | None = None
        self._verified = False
        # Proposals the user took off (kept so the side list can offer them back),
        # and what the check after export still sees: neither is saved in drafts.
        self._dismissed: list[Box] = []
        self._findings: list[Box] = []
        # Strict mode for this capture (every text run that is not the interface's
        # own words is proposed): the page sets it, the editor shows it.
        self.strict = False
        if state is not None:
            # Restored from a draft: not an undoable step.
            for box in state.boxes:
                self._apply_add({self._new_id(): box})
            self._crop = state.crop
            self._verified = state.verified

    # -- reading -------------------------------------------------------------
    @property
    def boxes(self) -> Mapping[int, Box]:
        return dict(self._boxes)

    def box(self, box_id: int) -> Box:
        return self._boxes[box_id]

    @property
    def crop(self) -> Box | None:
        return self._crop

    @property
    def verified(self) -> bool:
        return self._verified

    @property
    def dismissed(self) -> list[Box]:
        """Proposed boxes the user removed, which the side list can put back."""
        return list(self._dismissed)

    @property
    def findings(self) -> list[Box]:
        """What the check after export still reads as patient data, not hidden."""
        return list(self._findings)

    def set_findings(self, findings: Iterable[Box]) -> None:
        self._findings = [f for f in findings if not f.is_empty]
        self.findings_changed.emit()
        self.changed.emit()

    def mask_findings(self) -> list[int]:
        """Hide everything the check still sees, in one undo step.

        Adding boxes only hides more, so the user's "vérifiée" mark stays:
        this is the one action that resolves the check's warning.
        """
        boxes = [f if f.kind is not None else f.model_copy(update={"kind": "?"})
                 for f in self._findings]
        command = self.add_command(boxes, translate("redaction", "Masquer ce qui reste visible"))
        if command is None:
            return []
        command.keeps_mark = True
        self._findings = []
        self.push(command)
        self.findings_changed.emit()
        return command.ids

    def accept_proposals(self) -> list[int]:
        """Every proposal taken off is masked again, in one undo step."""
        return self.add_boxes(self._dismissed,
                              translate("redaction", "Masquer toutes les zones proposées"))

    def withdraw_proposals(self, kind: str) -> None:
        """Take the proposals of ``kind`` away, masked or not (strict mode turned off):
        they were never the user's, so the side list does not offer them back."""
        self.remove_boxes([i for i, box in self._boxes.items() if box.kind == kind])
        self._dismissed = [d for d in self._dismissed if d.kind != kind]
        self.changed.emit()

    def state(self) -> RedactionState:
        return RedactionState(
            boxes=tuple(self._boxes.values()), crop=self._crop, verified=self._verified
        )

    def job(self, fill: Fill = BLACK) -> RedactionJob:
        """A frozen snapshot to export, on any thread, while editing goes on."""
        if self.image is None:
            raise RuntimeError("the capture was cleared")
        return RedactionJob(
            image=self.image, boxes=tuple(self._boxes.values()), crop=self._crop, fill=fill
        )

    # -- editing: each change is a command on the undo stack ----------------------
    def add_command(self, boxes: Iterable[Box], text: str | None = None) -> AddBoxesCommand | None:
        new = {self._new_id(): box for box in boxes if not box.is_empty}
        if not new:
            return None
        label = text or translate("redaction", "Ajouter une zone masquée")
        return AddBoxesCommand(self, new, label)

    def remove_command(self, ids: Iterable[int]) -> QUndoCommand | None:
        gone = {i: self._boxes[i] for i in ids if i in self._boxes}
        return RemoveBoxesCommand(self, gone) if gone else None

    def change_command(
        self, after: Mapping[int, Box], text: str | None = None, mergeable: bool = False
    ) -> QUndoCommand | None:
        moved = {i: b for i, b in after.items() if i in self._boxes and b != self._boxes[i]}
        if not moved:
            return None
        before = {i: self._boxes[i] for i in moved}
        label = text or translate("redaction", "Déplacer une zone")
        return ChangeBoxesCommand(self, before, moved, label, mergeable)

    def crop_command(self, crop: Box | None) -> QUndoCommand | None:
        return CropCommand(self, self._crop, crop) if crop != self._crop else None

    def push(self, command: QUndoCommand | None) -> None:
        if command is not None:
            self.undo_stack.push(command)

    def add_boxes(self, boxes: Iterable[Box], text: str | None = None) -> list[int]:
        command = self.add_command(boxes, text)
        self.push(command)
        return [] if command is None else command.ids

    def remove_boxes(self, ids: Iterable[int]) -> None:
        self.push(self.remove_command(ids))

    def change_boxes(self, after: Mapping[int, Box], text: str | None = None) -> None:
        self.push(self.change_command(after, text))

    def set_crop(self, crop: Box | None) -> None:
        self.push(self.crop_command(crop))

    def set_verified(self, verified: bool) -> None:
        if verified != self._verified:
            self._verified = verified
            self.verified_changed.emit(verified)
            self.changed.emit()

    def clear(self) -> None:
        """Drop the pixels and the history (the report is closing)."""
        self.undo_stack.clear()
        self._boxes.clear()
        self._dismissed.clear()
        self._findings.clear()
        self.image = None
        self.pixmap = QPixmap()

    # -- the only mutators, called by the commands -----------------------------
    def _new_id(self) -> int:
        value = self._next_id
        self._next_id += 1
        return value

    def _apply_add(self, boxes: Mapping[int, Box], keeps_mark: bool = False) -> None:
        for box_id, box in boxes.items():
            self._boxes[box_id] = box
            # A proposal taken off then hidden again (by any means) is no longer "off".
            self._dismissed = [d for d in self._dismissed if d != box and not covers(box, d)]
            self.box_added.emit(box_id)
        # A finding the user hid by hand is no longer "still visible".
        left = [f for f in self._findings if not any(covers(b, f) for b in boxes.values())]
        if len(left) != len(self._findings):
            self._findings = left
            self.findings_changed.emit()
        if keeps_mark:
            self.changed.emit()
        else:
            self._edited()

    def _apply_remove(self, ids: Iterable[int]) -> None:
        for box_id in ids:
            box = self._boxes.pop(box_id, None)
            if box is not None:
                if box.is_proposed and box not in self._dismissed:
                    self._dismissed.append(box)
                self.box_removed.emit(box_id)
        self._edited()

    def _apply_change(self, boxes: Mapping[int, Box]) -> None:
        for box_id, box in boxes.items():
            self._boxes[box_id] = box
            self.box_changed.emit(box_id)
        self._edited()

    def _apply_crop(self, crop: Box | None) -> None:
        self._crop = crop
        self.crop_changed.emit()
        self._edited()

    def _edited(self) -> None:
        # The mark is for the image as the user saw it: any edit (even one
        # that arrives from detection) asks for a new look.
        if self._verified:
            self._verified = False
            self.verified_changed.emit(False)
        self.changed.emit()


class AddBoxesCommand(QUndoCommand):
    def __init__(self, doc: CaptureDocument, boxes: dict[int, Box], text: str) -> None:
        super().__init__(text)
        self._doc = doc
        self._boxes = boxes
        self.ids = list(boxes)
        self.keeps_mark = False  # True when it only hides what the check still saw

    def redo(self) -> None:
        self._doc._apply_add(self._boxes, self.keeps_mark)

    def undo(self) -> None:
        self._doc._apply_remove(self._boxes)


class RemoveBoxesCommand(QUndoCommand):
    def __init__(self, doc: CaptureDocument, boxes: dict[int, Box]) -> None:
        super().__init__(translate("redaction", "Supprimer une zone"))
        self._doc = doc
        self._boxes = boxes

    def redo(self) -> None:
        self._doc._apply_remove(self._boxes)

    def undo(self) -> None:
        self._doc._apply_add(self._boxes)


class ChangeBoxesCommand(QUndoCommand):
    MERGE_ID = 6001

    def __init__(
        self,
        doc: CaptureDocument,
        before: dict[int, Box],
        after: dict[int, Box],
        text: str,
        mergeable: bool = False,
    ) -> None:
        super().__init__(text)
        self._doc = doc
        self._before = before
        self._after = after
        self._mergeable = mergeable

    def id(self) -> int:
        # Successive arrow-key nudges of the same boxes are one undo step.
        return self.MERGE_ID if self._mergeable else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, ChangeBoxesCommand) or set(other._after) != set(self._after):
            return False
        self._after = dict(other._after)
        return True

    def redo(self) -> None:
        self._doc._apply_change(self._after)

    def undo(self) -> None:
        self._doc._apply_change(self._before)


class CropCommand(QUndoCommand):
    def __init__(self, doc: CaptureDocument, before: Box | None, after: Box | None) -> None:
        text = (
            translate("redaction", "Recadrer")
            if after is not None
            else translate("redaction", "Retirer le recadrage")
        )
        super().__init__(text)
        self._doc = doc
        self._before = before
        self._after = after

    def redo(self) -> None:
        self._doc._apply_crop(self._after)

    def undo(self) -> None:
        self._doc._apply_crop(self._before)
