"""Screenshots of a report: capture, hide patient data, verify, attach.

Originals are kept encrypted (so a crash loses none), patient data is proposed
by the detector in the background, and only verified, redacted exports are
attached to the report.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime

import shiboken6
from PIL import Image
from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from samu_desktop.app.state import AppState
from samu_desktop.capture.models import CaptureBatch
from samu_desktop.errors import UserFacingError
from samu_desktop.gui import style
from samu_desktop.gui.redaction import RedactionEditor
from samu_desktop.gui.redaction.document import covers
from samu_desktop.gui.tasks import TaskRunner
from samu_desktop.pii.detect import Box as ProposedBox
from samu_desktop.pii.detect import detect
from samu_desktop.pii.kinds import PatientDataKind
from samu_desktop.redaction import Box
from samu_desktop.redaction.state import RedactionJob
from samu_desktop.report.attachments import ReportAttachments

log = logging.getLogger(__name__)

GrabAll = Callable[[], CaptureBatch]
Detector = Callable[..., list[ProposedBox]]


def rescan(job: RedactionJob, detector: Detector) -> list[ProposedBox]:
    """What the detector still finds on the exported image, its own boxes aside,
    in the pixels of the original capture (the crop's offset added back)."""
    image = job.render()
    left, top = (job.crop.left, job.crop.top) if job.crop is not None else (0.0, 0.0)
    hidden = [
        ProposedBox(x=int(b.left - left), y=int(b.top - top), width=max(1, int(b.width)),
                    height=max(1, int(b.height)), kind=PatientDataKind.NAME)
        for b in job.boxes
    ]
    try:
        found = detector(image, already_hidden=hidden)
    except UserFacingError:
        return []  # no OCR here: the user's own check stands
    return [b.model_copy(update={"x": b.x + int(left), "y": b.y + int(top)}) for b in found]


def already_seen(box: ProposedBox, seen: list[Box]) -> bool:
    """The user was shown this finding and chose to leave it visible."""
    finding = Box.from_xywh(box.x, box.y, box.width, box.height)
    # A few pixels of slack: OCR does not frame the same words identically twice.
    return any(covers(Box(left=s.left - 4, top=s.top - 4, right=s.right + 4,
                          bottom=s.bottom + 4), finding) for s in seen)


class ScreenshotsPage(QWidget):
    """Signals:
    done(list) — the names of the verified, redacted exports to attach;
    message(str) — a French sentence for the user.
    """

    done = Signal(list)
    message = Signal(str)

    def _accept_text(self) -> str:
        return self.tr("&Joindre les copies d'écran vérifiées")

    def __init__(
        self,
        store: ReportAttachments,
        tasks: TaskRunner,
        grab_all: GrabAll | None = None,
        detector: Detector = detect,
        parent: QWidget | None = None,
        state: AppState | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.tasks = tasks
        self.grab_all = grab_all
        self.detector = detector
        self.state = state
        self.names: list[str] = []  # capture name for each editor index
        self.detecting = 0
        # Captures whose strict switch the user flipped: a settings save leaves them.
        self.strict_chosen: set[str] = set()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.capture_button = QPushButton(self.tr("&Capturer tous les écrans"), self)
        self.capture_button.setToolTip(
            self.tr("La fenêtre se cache le temps de la capture, puis revient.")
        )
        self.capture_button.setIcon(style.icon("camera"))
        self.capture_button.clicked.connect(self.capture_now)
        self.capture_button.setEnabled(grab_all is not None)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.editor = RedactionEditor(self, tasks)
        # One row of buttons above the image: every pixel of height goes to the image.
        self.editor.toolbar.insertWidget(0, self.capture_button)
        self.editor.toolbar.insertSpacing(1, 12)
        self.editor.verification_changed.connect(self._verification_changed)
        self.editor.error_occurred.connect(self.message)
        self.editor.strict_changed.connect(self._strict_flipped)
        layout.addWidget(self.editor, 1)
        # Findings of the check after export the user was shown, by capture name:
        # attaching again leaves these visible knowingly; anything new stops it.
        self.seen: dict[str, list[Box]] = {}
        self.exporting = False
        self.notice = QLabel(self)
        self.notice.setObjectName("warning")
        self.notice.setWordWrap(True)
        self.notice.hide()
        layout.addWidget(self.notice)
        row = QHBoxLayout()
        row.addWidget(self.status)
        self.reason = QLabel(self)
        self.reason.setObjectName("hint")
        self.reason.setWordWrap(True)
        self.reason.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        row.addWidget(self.reason, 1)
        self.mask_and_attach = QPushButton(self.tr("&Masquer ce qui reste et joindre"), self)
        self.mask_and_attach.setIcon(style.icon("eye-off"))
        self.mask_and_attach.clicked.connect(self.mask_leftovers_and_attach)
        self.mask_and_attach.hide()
        row.addWidget(self.mask_and_attach)
        self.accept = QPushButton(self._accept_text(), self)
        self.accept.setObjectName("primary")
        self.accept.setIcon(style.icon("paperclip", on_accent=True))
        self.accept.clicked.connect(self.attach)
        row.addWidget(self.accept)
        layout.addLayout(row)
        # The button's Alt+J does nothing while it is disabled: this one says why
        # (the same key as the button's mnemonic, in every language).
        self.explain = QShortcut(QKeySequence.mnemonic(self._accept_text()), self)
        self.explain.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.explain.activated.connect(self.explain_disabled)
        self._restore()
        self._verification_changed(self.editor.all_verified())
        if state is not None:
            # A save in the settings dialog reaches the open page at once.
            unsubscribe = state.subscribe(self._settings_saved)
            self.destroyed.connect(lambda *_: unsubscribe())
            self.apply_strict_setting()

    # -- captures in ------------------------------------------------------------------
    def _restore(self) -> None:
        for stored in self.store.captures():
            try:
                image = self.store.load_original(stored.name)
            except UserFacingError as exc:
                self.message.emit(exc.user_message)
                continue
            self.names.append(stored.name)
            self.editor.add_capture(image, stored.state)

    def add_batch(self, batch: CaptureBatch) -> None:
        for capture in batch.captures:
            self.add_image(capture.image, capture.taken_at)

    def add_image(self, image: Image.Image, taken_at: datetime) -> None:
        try:
            name = self.store.add_original(image, taken_at)
        except UserFacingError as exc:
            # No keyring: the capture stays usable, only not kept across a crash.
            self.message.emit(exc.user_message)
            name = f"mem-{len(self.names) + 1}"
        self.names.append(name)
        index = self.editor.add_capture(image)
        strict = self.strict_setting()[0]
        self.editor.set_strict(index, strict)
        self._propose(index, image, strict)

    # -- strict mode ---------------------------------------------------------------------
    def strict_setting(self) -> tuple[bool, bool]:
        """(on, locked by the administrator) for new captures: the settings in force."""
        if self.state is None:
            return False, False
        return self.state.settings.pii_strict_mode, "pii_strict_mode" in self.state.locked

    def _settings_saved(self, _settings: object) -> None:
        if shiboken6.isValid(self):
            self.apply_strict_setting()

    def apply_strict_setting(self) -> None:
        """The setting to every capture whose switch the user did not flip (to all
        of them when the policy locks it), and to the switch."""
        on, locked = self.strict_setting()
        self.editor.strict.set_locked(locked)
        for index, name in enumerate(self.names):
            if (locked or name not in self.strict_chosen) and \
                    self.editor.document(index).strict != on:
                self.editor.set_strict(index, on)
                self._strict_applied(index, on)

    def _strict_flipped(self, index: int, on: bool) -> None:
        if index < len(self.names):
            self.strict_chosen.add(self.names[index])
        self._strict_applied(index, on)

    def _strict_applied(self, index: int, on: bool) -> None:
        doc = self.editor.document(index)
        if not on:
            doc.withdraw_proposals(PatientDataKind.TEXT.value)
        elif doc.image is not None:
            self._propose(index, doc.image, strict=True, only_text=True)

    def _propose(self, index: int, image: Image.Image, strict: bool = False,
                 only_text: bool = False) -> None:
        """Detection in the background; ``only_text``: the strict mode's own boxes
        alone, those of the rules being there already (the user flipped the switch)."""
        self.detecting += 1
        self._show_detecting()
        doc = self.editor.document(index)

        def found(boxes: list[ProposedBox]) -> None:
            self.detecting -= 1
            if index < self.editor.count() and self.editor.document(index) is doc:
                if not doc.strict:  # turned off while the detector ran
                    boxes = [b for b in boxes if b.kind != PatientDataKind.TEXT]
                if only_text:
                    # What the capture shows or the user took off stays as it is.
                    here = [*doc.boxes.values(), *doc.dismissed]
                    boxes = [b for b in boxes if b.kind == PatientDataKind.TEXT and not any(
                        covers(h, Box.from_xywh(b.x, b.y, b.width, b.height)) for h in here)]
                self.editor.add_proposed_boxes(index, boxes)
            self._show_detecting()

        def failed(exc: Exception) -> None:
            self.detecting -= 1
            self._show_detecting()
            if isinstance(exc, UserFacingError):
                self.message.emit(exc.user_message)

        # Only strict captures pass the flag: a detector without it keeps working.
        self.tasks.run(lambda: self.detector(image, strict=True) if strict
                       else self.detector(image), found, failed)

    def _show_detecting(self) -> None:
        self.status.setText(
            self.tr("Recherche des données de patient en cours…") if self.detecting else ""
        )

    def capture_now(self) -> None:
        if self.grab_all is None:
            return
        window = self.window()
        window.hide()
        # Let the window manager take the window off the screen before grabbing.
        QTimer.singleShot(400, lambda: self._grab(window))

    def _grab(self, window: QWidget) -> None:
        assert self.grab_all is not None
        try:
            batch = self.grab_all()
        except UserFacingError as exc:
            self.message.emit(exc.user_message)
        else:
            self.add_batch(batch)
        finally:
            window.show()
            window.raise_()

    # -- verified exports out -----------------------------------------------------------
    def _verification_changed(self, all_verified: bool) -> None:
        self._update_accept()
        self.save_states()

    def disabled_reason(self) -> str:
        """Why "Joindre" cannot be pressed now; empty when it can."""
        if self.exporting:
            return self.tr("Vérification des copies d'écran masquées en cours…")
        if self.editor.count() == 0:
            return self.tr("Aucune capture : utilisez « Capturer tous les écrans ».")
        left = [str(i + 1) for i in range(self.editor.count())
                if not self.editor.document(i).verified]
        if left:
            return self.tr(
                "Cochez « Image vérifiée » sur la capture n° %1 (Alt+V).", "", len(left)
            ).replace("%1", ", ".join(left))
        return ""

    def _update_accept(self) -> None:
        reason = self.disabled_reason()
        self.accept.setEnabled(not reason)
        self.accept.setToolTip(reason)
        self.reason.setText(reason)
        self.explain.setEnabled(bool(reason))
        findings = self.editor.findings_count() > 0
        self.mask_and_attach.setVisible(findings)
        self.mask_and_attach.setEnabled(findings and not self.exporting)
        self.accept.setText(
            self.tr("&Joindre en laissant ces zones visibles") if findings
            else self._accept_text()
        )
        # The way the app recommends is the one in colour: masking, when there is
        # something left to mask; never the way past its own warning.
        for button, primary in ((self.accept, not findings), (self.mask_and_attach, findings)):
            if (button.objectName() == "primary") != primary:
                button.setObjectName("primary" if primary else "")
                button.setIcon(style.icon("paperclip" if button is self.accept else "eye-off",
                                          on_accent=primary))
                button.style().unpolish(button)
                button.style().polish(button)

    def explain_disabled(self) -> None:
        """Alt+J while "Joindre" is disabled: say why, where the user looks."""
        reason = self.disabled_reason()
        if reason:
            self.reason.setText(reason)
            self.reason.setProperty("flash", True)
            self.reason.style().unpolish(self.reason)
            self.reason.style().polish(self.reason)

    def save_states(self) -> None:
        states = dict(zip(self.names, self.editor.states(), strict=False))
        try:
            self.store.save_states(states)
        except UserFacingError as exc:
            self.message.emit(exc.user_message)

    def pending(self) -> bool:
        """Captures the user has not verified yet."""
        return self.editor.count() > 0 and not self.editor.all_verified()

    def mask_leftovers_and_attach(self) -> None:
        """The one action after the check's warning: hide what it saw, check again."""
        self.editor.mask_findings()
        self.attach()

    def attach(self) -> None:
        if self.pending() or self.exporting:
            return
        jobs = self.editor.jobs()
        names = list(self.names)
        self.exporting = True
        self._update_accept()
        self.save_states()
        detector = self.detector

        def export() -> tuple[list[str], list[list[ProposedBox]]]:
            found = []
            for name, job in zip(names, jobs, strict=True):
                self.store.save_export(name, job.export())
                found.append(rescan(job, detector))
            return names, found

        def exported(result: tuple[list[str], list[list[ProposedBox]]]) -> None:
            self.exporting = False
            attached, found = result
            new = [
                [b for b in boxes if not already_seen(b, self.seen.get(name, []))]
                for name, boxes in zip(attached, found, strict=True)
            ]
            if any(new):
                self._show_leftovers(attached, found)
                return
            for index in range(self.editor.count()):
                self.editor.document(index).set_findings([])
            self.notice.hide()
            self._update_accept()
            self.done.emit(attached)

        def failed(exc: Exception) -> None:
            self.exporting = False
            self._update_accept()
            self.message.emit(
                exc.user_message if isinstance(exc, UserFacingError)
                else self.tr("Les copies d'écran n'ont pas pu être préparées : réessayez.")
            )

        self.tasks.run(export, exported, failed)

    def _show_leftovers(self, names: list[str], found: list[list[ProposedBox]]) -> None:
        """Told before sending, and shown where: framed in red, listed beside."""
        first = None
        for index, (name, boxes) in enumerate(zip(names, found, strict=True)):
            if index < self.editor.count():
                self.editor.set_findings(index, boxes)
            self.seen.setdefault(name, []).extend(
                Box.from_xywh(b.x, b.y, b.width, b.height) for b in boxes)
            if boxes and first is None:
                first = index
        total = sum(len(boxes) for boxes in found)
        self.notice.setText(self.tr(
            "%n zone(s) semble(nt) encore montrer des données de patient : encadrée(s) en "
            "rouge sur l'image et listée(s) à droite. Masquez-les (Alt+M), ou joignez en les "
            "laissant visibles si ce ne sont pas des données de patient.", "", total))
        self.notice.show()
        if first is not None:
            self.editor.set_current(first)
        self._update_accept()
        self.mask_and_attach.setFocus()

    def clear(self) -> None:
        self.editor.clear()
        self.names.clear()
        self.seen.clear()
