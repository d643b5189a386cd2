"""The redaction editor: every capture of the report, its boxes, its "vérifiée" mark.

Public API (for the report wizard and the lead's window):
``add_capture(image, state=None) -> index``, ``add_proposed_boxes(index, boxes)``,
``all_verified()``, ``states()``, ``jobs()``, ``export_pngs()``,
``save_current(path)``, ``clear()``; ``named_actions`` maps a stable name to each
QAction (all with shortcuts) so menus can reuse them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from PIL import Image
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QActionGroup, QColor, QUndoGroup
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from samu_desktop.errors import UserFacingError
from samu_desktop.gui import style
from samu_desktop.gui.redaction.actions import button_row, shortcut_action
from samu_desktop.gui.redaction.document import CaptureDocument
from samu_desktop.gui.redaction.proposal_list import ProposalList, Zone
from samu_desktop.gui.redaction.proposals import ProposedBox, as_box
from samu_desktop.gui.redaction.scene import CaptureScene
from samu_desktop.gui.redaction.strict_switch import StrictSwitch
from samu_desktop.gui.redaction.thumbnails import ThumbnailList
from samu_desktop.gui.redaction.tools import (
    CropTool,
    DrawBoxTool,
    EditTool,
    PanTool,
    SelectTool,
)
from samu_desktop.gui.redaction.view import RedactionView
from samu_desktop.gui.tasks import TaskRunner
from samu_desktop.i18n import QT_TRANSLATE_NOOP, translate
from samu_desktop.redaction import (
    BLACK,
    Fill,
    RedactionJob,
    RedactionState,
    encode_verified,
    write_png,
)

FILLS: tuple[tuple[str, Fill], ...] = (
    (QT_TRANSLATE_NOOP("redaction", "Noir"), BLACK),
    (QT_TRANSLATE_NOOP("redaction", "Gris foncé"), (64, 64, 64)),
    (QT_TRANSLATE_NOOP("redaction", "Blanc"), (255, 255, 255)),
)


class RedactionEditor(QWidget):
    """Signals:
    verification_changed(bool) — True when every capture is marked "vérifiée";
    captures_changed() — a capture was added, or all were cleared;
    current_changed(int) — the index of the capture shown;
    strict_changed(int, bool) — the user turned strict mode on or off for a capture;
    error_occurred(str) — a French message for the user (also shown in the editor).
    """

    verification_changed = Signal(bool)
    captures_changed = Signal()
    current_changed = Signal(int)
    strict_changed = Signal(int, bool)
    error_occurred = Signal(str)

    def __init__(self, parent: QWidget | None = None, runner: TaskRunner | None = None) -> None:
        super().__init__(parent)
        self._runner = runner or TaskRunner()
        self._docs: list[CaptureDocument] = []
        self._scenes: dict[int, CaptureScene] = {}
        self._fill: Fill = BLACK
        self._current = -1
        self.undo_group = QUndoGroup(self)

        self.view = RedactionView(self)
        self.thumbnails = ThumbnailList(self)
        self.thumbnails.setAccessibleName(self.tr("Captures du signalement"))
        self.thumbnails.currentRowChanged.connect(self.set_current)
        self.verified_box = QCheckBox(
            self.tr("Image &vérifiée : aucune donnée de patient n'est visible"), self
        )
        self.verified_box.setAccessibleDescription(
            self.tr("Nous vous rappelons que les données d'un patient doivent être cachées.")
        )
        self.verified_box.toggled.connect(self._verified_toggled)
        # Ticked by the user (Alt+V or a click): on to the next capture to check.
        self.verified_box.clicked.connect(self._verified_clicked)
        self.strict = StrictSwitch(self)
        self.strict.flipped.connect(self._strict_flipped)
        self.proposals = ProposalList(self)
        self.proposals.zone_chosen.connect(self.show_zone)
        self.proposals_title = QLabel(self.tr("&Zones à masquer"), self)
        self.proposals_title.setObjectName("sectionTitle")
        self.proposals_title.setBuddy(self.proposals)
        self.proposals_help = QLabel(
            self.tr("Cochée : masquée. Décochez ce qui n'est pas une donnée de patient."), self
        )
        self.proposals_help.setWordWrap(True)
        self.proposals_help.setObjectName("hint")
        self.reminder = QLabel(
            self.tr("Nous vous rappelons que les données d'un patient doivent être cachées."), self
        )
        self.reminder.setWordWrap(True)
        self.reminder.setObjectName("hint")
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.fill_combo = QComboBox(self)
        self.fill_combo.setAccessibleName(self.tr("Couleur des zones masquées"))
        for name, _ in FILLS:
            self.fill_combo.addItem(translate("redaction", name))
        self.fill_combo.currentIndexChanged.connect(lambda i: self.set_fill(FILLS[i][1]))
        self.fill_label = QLabel(self.tr("Couleur :"), self)
        self.fill_label.setBuddy(self.fill_combo)

        self.tools: dict[str, EditTool] = {
            "draw": DrawBoxTool(self.view),
            "select": SelectTool(self.view),
            "crop": CropTool(self.view),
            "pan": PanTool(self.view),
        }
        self.named_actions: dict[str, QAction] = {}
        self._build_actions()
        self._layout()
        self.select_tool("draw")
        self._update_state()

    # -- public API ------------------------------------------------------------------------
    def add_capture(self, image: Image.Image, state: RedactionState | None = None) -> int:
        """Add a capture (RGB, as mss gives it); returns its index."""
        doc = CaptureDocument(image, state, self)
        index = len(self._docs)
        self._docs.append(doc)
        self.undo_group.addStack(doc.undo_stack)
        self.thumbnails.append(doc)
        # One capture needs no list of captures: its room goes to the image (the view
        # fits the image again when it is resized).
        self.thumbnails.setVisible(len(self._docs) > 1)
        doc.changed.connect(lambda: self._doc_changed(doc))
        self._refresh_thumbnail(index)
        self.captures_changed.emit()
        if self._current < 0:
            self.thumbnails.setCurrentRow(index)
        self.verification_changed.emit(self.all_verified())
        return index

    def count(self) -> int:
        return len(self._docs)

    def document(self, index: int) -> CaptureDocument:
        return self._docs[index]

    def current_index(self) -> int:
        return self._current

    def set_current(self, index: int) -> None:
        if not 0 <= index < len(self._docs) or index == self._current:
            return
        self._current = index
        doc = self._docs[index]
        scene = self._scenes.get(index)
        if scene is None:  # built on first view: a scene holds the full pixmap
            scene = self._scenes[index] = CaptureScene(doc, QColor(*self._fill))
        self.view.show_scene(scene)
        self.proposals.set_document(doc)
        self.undo_group.setActiveStack(doc.undo_stack)
        if self.thumbnails.currentRow() != index:
            self.thumbnails.setCurrentRow(index)
        self._update_state()
        self.current_changed.emit(index)

    def add_proposed_boxes(self, index: int, boxes: Iterable[ProposedBox]) -> list[int]:
        """Add detection's boxes to capture ``index``: shown dashed with their kind,
        burnt like the others, removable by the user. One undo step.

        Takes ``samu_desktop.pii.detect.Box`` (x, y, width, height, kind) as
        well as ``samu_desktop.redaction.Box``; call it on the GUI thread."""
        converted = [as_box(b) for b in boxes]
        return self._docs[index].add_boxes(converted, self.tr("Zones proposées"))

    def set_strict(self, index: int, on: bool) -> None:
        """Show capture ``index`` in strict mode or not (the page finds the boxes)."""
        self._docs[index].strict = on
        self._update_state()

    def accept_proposals(self) -> int:
        """Mask every zone proposed on the capture shown; returns how many came back."""
        if not 0 <= self._current < len(self._docs):
            return 0
        return len(self._docs[self._current].accept_proposals())

    def _strict_flipped(self, on: bool) -> None:
        if 0 <= self._current < len(self._docs):
            self._docs[self._current].strict = on
            self.strict_changed.emit(self._current, on)

    def show_zone(self, zone: Zone) -> None:
        """Bring a zone of the side list into view, selected if it is a box."""
        scene = self.view.scene()
        if not isinstance(scene, CaptureScene):
            return
        scene.select_only([zone.box_id] if zone.box_id is not None else [])
        self.view.show_rect(zone.box)

    def set_findings(self, index: int, findings: Iterable[ProposedBox]) -> None:
        """What the check after export still sees on capture ``index``, in the
        capture's pixels: framed in red on the image and listed beside it."""
        self._docs[index].set_findings([as_box(f) for f in findings])

    def findings_count(self) -> int:
        return sum(len(doc.findings) for doc in self._docs)

    def mask_findings(self) -> int:
        """Hide what the check still sees, on every capture; returns how many zones."""
        return sum(len(doc.mask_findings()) for doc in self._docs)

    def next_unverified(self) -> int | None:
        """The first capture after the one shown (wrapping) still to verify."""
        total = len(self._docs)
        for step in range(1, total + 1):
            index = (self._current + step) % total
            if not self._docs[index].verified:
                return index
        return None

    def all_verified(self) -> bool:
        """True when every capture is marked "vérifiée" (and when there is none)."""
        return all(doc.verified for doc in self._docs)

    def set_verified(self, index: int, verified: bool) -> None:
        self._docs[index].set_verified(verified)

    def states(self) -> list[RedactionState]:
        """Boxes, crop and mark of each capture, for the draft (no pixels)."""
        return [doc.state() for doc in self._docs]

    def jobs(self) -> list[RedactionJob]:
        """Frozen snapshots to export off the GUI thread (``job.export()``)."""
        return [doc.job(self._fill) for doc in self._docs]

    def export_pngs(self) -> list[bytes]:
        """Every capture burnt, cropped and encoded without metadata, verified."""
        return [job.export() for job in self.jobs()]

    def save_current(self, path: Path) -> None:
        """Export the capture shown to ``path``, in the background; reports in the editor."""
        if self._current < 0:
            return
        job = self._docs[self._current].job(self._fill)

        def work() -> Path:
            image = job.render()
            write_png(path, encode_verified(image, job.compress_level), expected=image)
            return path

        self._runner.run(work, self._saved, self._failed)

    def clear(self) -> None:
        """Drop every capture, its pixels and its history (the report is closing)."""
        self.view.show_scene(None)
        for scene in self._scenes.values():
            scene.clear()
        self._scenes.clear()
        for doc in self._docs:
            self.undo_group.removeStack(doc.undo_stack)
            doc.clear()
            doc.deleteLater()
        self._docs.clear()
        self.thumbnails.remove_all()
        self._current = -1
        self._update_state()
        self.captures_changed.emit()
        self.verification_changed.emit(True)

    @property
    def fill(self) -> Fill:
        return self._fill

    def set_fill(self, fill: Fill) -> None:
        self._fill = fill
        for scene in self._scenes.values():
            scene.set_fill(QColor(*fill))
        for index in range(len(self._docs)):
            self._refresh_thumbnail(index)

    def select_tool(self, name: str) -> None:
        self.view.set_tool(self.tools[name])
        self.named_actions[f"tool_{name}"].setChecked(True)

    # -- building ------------------------------------------------------------------------
    def _action(self, name: str, text: str, shortcuts: Sequence[str]) -> QAction:
        action = self.named_actions[name] = shortcut_action(self, text, shortcuts)
        return action

    def _build_actions(self) -> None:
        group = QActionGroup(self)
        for name, text, key in (
            ("draw", self.tr("Masquer une zone"), "R"),
            ("select", self.tr("Sélectionner"), "V"),
            ("crop", self.tr("Recadrer"), "C"),
            ("pan", self.tr("Déplacer la vue"), "H"),
        ):
            action = self._action(f"tool_{name}", text, [key])
            action.setCheckable(True)
            group.addAction(action)
            action.triggered.connect(lambda _=False, n=name: self.select_tool(n))
        # Fixed texts (QUndoGroup's own actions change their text, and the
        # buttons their width, at every step); the step goes in the tooltip.
        undo = self._action("undo", self.tr("Annuler"), ["Ctrl+Z"])
        undo.triggered.connect(self.undo_group.undo)
        self.undo_group.canUndoChanged.connect(undo.setEnabled)
        self.undo_group.undoTextChanged.connect(lambda t: undo.setStatusTip(t))
        redo = self._action("redo", self.tr("Rétablir"), ["Ctrl+Shift+Z", "Ctrl+Y"])
        redo.triggered.connect(self.undo_group.redo)
        self.undo_group.canRedoChanged.connect(redo.setEnabled)
        undo.setEnabled(False)
        redo.setEnabled(False)
        entries: tuple[tuple[str, str, list[str], Callable[[], object]], ...] = (
            ("delete", self.tr("Supprimer la zone"), ["Del", "Backspace"],
             self.view.delete_selected),
            ("add_box", self.tr("Ajouter une zone au centre"), ["Ins"],
             self.view.add_box_at_centre),
            ("next_box", self.tr("Zone suivante"), ["N"], lambda: self.view.select_next(1)),
            ("previous_box", self.tr("Zone précédente"), ["Shift+N"],
             lambda: self.view.select_next(-1)),
            ("crop_selection", self.tr("Recadrer sur la zone"), ["Shift+C"],
             self._crop_to_selection),
            ("remove_crop", self.tr("Retirer le recadrage"), ["Ctrl+Shift+C"],
             lambda: self._with_doc(lambda d: d.set_crop(None))),
            ("remove_proposed", self.tr("Retirer les zones proposées"), ["Ctrl+Shift+Del"],
             self.view.remove_proposed),
            ("zoom_fit", self.tr("Ajuster à la fenêtre"), ["Ctrl+0", "F"], self.view.zoom_fit),
            ("zoom_100", self.tr("Taille réelle (100 %)"), ["Ctrl+1"], self.view.zoom_actual),
            ("zoom_in", self.tr("Zoom avant"), ["Ctrl++", "Ctrl+="],
             lambda: self.view.zoom_by(1.25)),
            ("zoom_out", self.tr("Zoom arrière"), ["Ctrl+-"], lambda: self.view.zoom_by(0.8)),
            ("next_capture", self.tr("Capture suivante"), ["Ctrl+PgDown"],
             lambda: self.set_current(self._current + 1)),
            ("previous_capture", self.tr("Capture précédente"), ["Ctrl+PgUp"],
             lambda: self.set_current(self._current - 1)),
            ("verify", self.tr("Marquer l'image comme vérifiée"), ["Ctrl+Shift+V"],
             self._toggle_verified),
            ("mask_findings", self.tr("Masquer tout ce qui reste visible"), ["Ctrl+M"],
             self.mask_findings),
            ("accept_proposals", self.tr("Accepter toutes les zones proposées (les masquer)"),
             ["Ctrl+Shift+A"], self.accept_proposals),
            ("save", self.tr("Enregistrer l'image masquée…"), ["Ctrl+S"], self._save_dialog),
        )
        for name, text, keys, slot in entries:
            self._action(name, text, keys).triggered.connect(slot)
        # Short button captions, so the editor fits a 900-pixel window; the
        # full text stays in the tooltip and the accessible name.
        for name, caption in (
            ("tool_draw", self.tr("Masquer")), ("tool_select", self.tr("Sélection")),
            ("tool_pan", self.tr("Déplacer")), ("delete", self.tr("Supprimer")),
            ("remove_proposed", self.tr("Sans propositions")),
            ("mask_findings", self.tr("Tout masquer")),
            ("accept_proposals", self.tr("Tout accepter")),
            ("remove_crop", self.tr("Sans recadrage")), ("zoom_fit", self.tr("Ajuster")),
            ("zoom_100", "100 %"), ("zoom_out", "−"), ("zoom_in", "+"),
            ("previous_capture", self.tr("Précédente")), ("next_capture", self.tr("Suivante")),
            ("save", self.tr("Enregistrer…")),
        ):
            self.named_actions[name].setIconText(caption)
        for name, picture in (
            ("tool_draw", "square-dashed"), ("tool_select", "mouse-pointer-2"),
            ("tool_crop", "crop"), ("tool_pan", "hand"), ("undo", "undo-2"), ("redo", "redo-2"),
            ("delete", "trash-2"), ("remove_proposed", "list-x"), ("remove_crop", "maximize"),
            ("zoom_fit", "scan"), ("zoom_out", "zoom-out"), ("zoom_in", "zoom-in"),
            ("previous_capture", "chevron-left"), ("next_capture", "chevron-right"),
            ("save", "save"), ("mask_findings", "eye-off"), ("accept_proposals", "eye-off"),
        ):
            self.named_actions[name].setIcon(style.icon(picture))
        # Icons alone where the picture is well known (the tooltip names them): the
        # row of tools must fit a 1366-pixel screen beside the page's own button.
        for name in ("zoom_out", "zoom_in", "previous_capture", "next_capture", "undo", "redo",
                     "remove_crop", "delete", "save"):
            self.named_actions[name].setProperty("iconOnly", True)

    def _buttons(self, names: Sequence[str]) -> QHBoxLayout:
        return button_row(self, [self.named_actions[n] if n else None for n in names])

    def _layout(self) -> None:
        centre = QWidget(self)
        column = QVBoxLayout(centre)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.view, 1)
        # One row under the image (every pixel of height goes to the image): the
        # user's mark and the counts, then the view's zoom and the captures.
        row = QHBoxLayout()
        row.addWidget(self.verified_box)
        row.addStretch(1)
        row.addLayout(self._buttons(["zoom_fit", "zoom_100", "zoom_out", "zoom_in", "",
                                     "previous_capture", "next_capture"]))
        column.addLayout(row)
        side = QWidget(self)
        side_column = QVBoxLayout(side)
        side_column.setContentsMargins(0, 0, 0, 0)
        side_column.addWidget(self.proposals_title)
        side_column.addWidget(self.status)
        side_column.addWidget(self.strict)
        side_column.addLayout(self._buttons(["accept_proposals"]))
        side_column.addWidget(self.proposals_help)
        side_column.addWidget(self.proposals, 1)
        side_column.addLayout(self._buttons(["mask_findings"]))
        side_column.addWidget(self.reminder)
        # The fill colour and "save as…" are rarely needed: beside the list, not under
        # the image.
        fill_row = QHBoxLayout()
        fill_row.addWidget(self.fill_label)
        fill_row.addWidget(self.fill_combo, 1)
        fill_row.addLayout(self._buttons(["save"]))
        side_column.addLayout(fill_row)
        side.setMinimumWidth(260)
        side.setMaximumWidth(340)
        splitter = QSplitter(self)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self.thumbnails)
        splitter.addWidget(centre)
        splitter.addWidget(side)
        splitter.setStretchFactor(1, 1)
        # The page may put its own buttons at the start of this row (``toolbar``).
        tools = self.toolbar = self._buttons(
            ["tool_draw", "tool_select", "tool_crop", "tool_pan", "", "undo", "redo", "",
             "delete", "remove_proposed", "remove_crop"])
        tools.addStretch(1)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addLayout(tools)
        outer.addWidget(splitter, 1)

    # -- behaviour -------------------------------------------------------------------------
    def _with_doc(self, fn: Callable[[CaptureDocument], object]) -> None:
        if 0 <= self._current < len(self._docs):
            fn(self._docs[self._current])

    def _crop_to_selection(self) -> None:
        if not self.view.crop_to_selection():
            self._show(self.tr("Sélectionnez une seule zone pour recadrer dessus."))

    def _verified_toggled(self, checked: bool) -> None:
        self._with_doc(lambda doc: doc.set_verified(checked))

    def _verified_clicked(self, checked: bool) -> None:
        following = self.next_unverified() if checked else None
        if following is not None:
            self.set_current(following)
            self.view.setFocus(Qt.FocusReason.OtherFocusReason)

    def _toggle_verified(self) -> None:
        self.verified_box.toggle()
        self._verified_clicked(self.verified_box.isChecked())

    def _doc_changed(self, doc: CaptureDocument) -> None:
        index = self._docs.index(doc)
        self._refresh_thumbnail(index)
        self._update_state()
        self.verification_changed.emit(self.all_verified())

    def _refresh_thumbnail(self, index: int) -> None:
        doc = self._docs[index]
        mark = self.tr("vérifiée") if doc.verified else self.tr("à vérifier")
        text = self.tr("Capture {n} — {mark}").format(n=index + 1, mark=mark)
        self.thumbnails.refresh(index, QColor(*self._fill), text, doc.verified)

    def _update_state(self) -> None:
        has = 0 <= self._current < len(self._docs)
        self.verified_box.setEnabled(has)
        for name in ("delete", "add_box", "crop_selection", "remove_crop", "save", "verify"):
            self.named_actions[name].setEnabled(has)
        findings = self.findings_count()
        self.named_actions["mask_findings"].setEnabled(findings > 0)
        self.named_actions["mask_findings"].setStatusTip(
            self.tr("Rien n'est resté visible après masquage.") if not findings else "")
        doc_shown = self._docs[self._current] if has else None
        self.strict.show_state(doc_shown is not None and doc_shown.strict, has)
        self.named_actions["accept_proposals"].setEnabled(
            doc_shown is not None and bool(doc_shown.dismissed))
        if not has:
            self.proposals.set_document(None)
            self.verified_box.setChecked(False)
            self.status.setText(self.tr("Aucune capture dans ce signalement."))
            return
        doc = self._docs[self._current]
        self.verified_box.blockSignals(True)
        self.verified_box.setChecked(doc.verified)
        self.verified_box.blockSignals(False)
        boxes = doc.boxes.values()
        proposed = sum(1 for box in boxes if box.is_proposed)
        text = self.tr("Capture {n} sur {total}").format(n=self._current + 1,
                                                         total=len(self._docs))
        text += " · " + self.tr("%n zone(s) masquée(s)", "", len(boxes))
        if proposed:
            text += ", " + self.tr("dont %n proposée(s)", "", proposed)
        if doc.findings:
            text += " · " + self.tr("%n zone(s) encore visible(s)", "", len(doc.findings))
        self.status.setText(text)

    def _save_dialog(self) -> None:
        if self._current < 0:
            return
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Enregistrer l'image masquée"),
            str(Path.home() / f"capture-{self._current + 1}.png"), self.tr("Images PNG (*.png)")
        )
        if name:
            self.save_current(Path(name))

    def _saved(self, path: Path) -> None:
        self._show(self.tr("Image masquée enregistrée : {name}").format(name=path.name))

    def _failed(self, exc: Exception) -> None:
        if isinstance(exc, UserFacingError):
            message = exc.user_message
        else:
            message = self.tr("L'image masquée n'a pas pu être enregistrée : réessayez.")
        self._show(message)
        self.error_occurred.emit(message)

    def _show(self, message: str) -> None:
        self.status.setText(message)
