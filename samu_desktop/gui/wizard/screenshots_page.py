"""Screenshots of a report: capture, hide patient data, verify, attach.

Originals are kept encrypted (so a crash loses none), patient data is proposed
by the detector in the background, and only verified, redacted exports are
attached to the report.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime

from PIL import Image
from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from samu_desktop.capture.models import CaptureBatch
from samu_desktop.errors import UserFacingError
from samu_desktop.gui.redaction import RedactionEditor
from samu_desktop.gui.tasks import TaskRunner
from samu_desktop.pii.detect import Box as ProposedBox
from samu_desktop.pii.detect import detect
from samu_desktop.pii.kinds import PatientDataKind
from samu_desktop.redaction.state import RedactionJob
from samu_desktop.report.attachments import ReportAttachments

log = logging.getLogger(__name__)

GrabAll = Callable[[], CaptureBatch]
Detector = Callable[..., list[ProposedBox]]


def rescan(job: RedactionJob, detector: Detector) -> list[ProposedBox]:
    """What the detector still finds on the exported image, its own boxes aside."""
    image = job.render()
    left, top = (job.crop.left, job.crop.top) if job.crop is not None else (0.0, 0.0)
    hidden = [
        ProposedBox(x=int(b.left - left), y=int(b.top - top), width=max(1, int(b.width)),
                    height=max(1, int(b.height)), kind=PatientDataKind.NAME)
        for b in job.boxes
    ]
    try:
        return detector(image, already_hidden=hidden)
    except UserFacingError:
        return []  # no OCR here: the user's own check stands


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
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.tasks = tasks
        self.grab_all = grab_all
        self.detector = detector
        self.names: list[str] = []  # capture name for each editor index
        self.detecting = 0

        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.capture_button = QPushButton(self.tr("&Capturer tous les écrans"), self)
        self.capture_button.setToolTip(
            self.tr("La fenêtre se cache le temps de la capture, puis revient.")
        )
        self.capture_button.clicked.connect(self.capture_now)
        self.capture_button.setEnabled(grab_all is not None)
        bar.addWidget(self.capture_button)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        bar.addWidget(self.status, 1)
        layout.addLayout(bar)
        self.editor = RedactionEditor(self, tasks)
        self.editor.verification_changed.connect(self._verification_changed)
        self.editor.error_occurred.connect(self.message)
        layout.addWidget(self.editor, 1)
        self.confirm_leftovers = False
        self.accept = QPushButton(self._accept_text(), self)
        self.accept.clicked.connect(self.attach)
        layout.addWidget(self.accept, 0, Qt.AlignmentFlag.AlignRight)
        self._restore()
        self._verification_changed(self.editor.all_verified())

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
        self._propose(index, image)

    def _propose(self, index: int, image: Image.Image) -> None:
        self.detecting += 1
        self._show_detecting()

        def found(boxes: list[ProposedBox]) -> None:
            self.detecting -= 1
            if index < self.editor.count():
                self.editor.add_proposed_boxes(index, boxes)
            self._show_detecting()

        def failed(exc: Exception) -> None:
            self.detecting -= 1
            self._show_detecting()
            if isinstance(exc, UserFacingError):
                self.message.emit(exc.user_message)

        self.tasks.run(lambda: self.detector(image), found, failed)

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
        self.accept.setEnabled(all_verified and self.editor.count() > 0)
        self.save_states()

    def save_states(self) -> None:
        states = dict(zip(self.names, self.editor.states(), strict=False))
        try:
            self.store.save_states(states)
        except UserFacingError as exc:
            self.message.emit(exc.user_message)

    def pending(self) -> bool:
        """Captures the user has not verified yet."""
        return self.editor.count() > 0 and not self.editor.all_verified()

    def attach(self) -> None:
        if self.pending():
            return
        jobs = self.editor.jobs()
        names = list(self.names)
        forced = self.confirm_leftovers
        self.accept.setEnabled(False)
        self.save_states()
        detector = self.detector

        def export() -> tuple[list[str], list[int]]:
            leftovers = []
            for number, (name, job) in enumerate(zip(names, jobs, strict=True), start=1):
                png = job.export()
                self.store.save_export(name, png)
                if not forced and rescan(job, detector):
                    leftovers.append(number)
            return names, leftovers

        def exported(result: tuple[list[str], list[int]]) -> None:
            attached, leftovers = result
            self.accept.setEnabled(True)
            if leftovers:
                # Told before sending: the user looks again, or attaches knowingly.
                self.confirm_leftovers = True
                self.accept.setText(self.tr("Joindre &malgré l'avertissement"))
                self.message.emit(
                    self.tr("Des données de patient semblent encore visibles sur la copie "
                            "d'écran n° {numbers} après masquage : vérifiez-la avant de "
                            "l'envoyer.").format(numbers=", ".join(map(str, leftovers)))
                )
                return
            self.confirm_leftovers = False
            self.accept.setText(self._accept_text())
            self.done.emit(attached)

        def failed(exc: Exception) -> None:
            self.accept.setEnabled(True)
            self.message.emit(
                exc.user_message if isinstance(exc, UserFacingError)
                else self.tr("Les copies d'écran n'ont pas pu être préparées : réessayez.")
            )

        self.tasks.run(export, exported, failed)

    def clear(self) -> None:
        self.editor.clear()
        self.names.clear()
