"""The redaction editor through the real widget: mouse on the viewport, real shortcuts."""

from __future__ import annotations

import io
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from samu_desktop.gui.redaction import RedactionEditor
from samu_desktop.gui.redaction.scene import HANDLE_PX
from samu_desktop.gui.tasks import TaskRunner
from samu_desktop.redaction import Box, foreign_chunks

BLACK = (0, 0, 0)
Mod = Qt.KeyboardModifier


def capture(width: int = 800, height: int = 500) -> Image.Image:
    """Random pixels, none of them black: any black pixel in an export was burnt."""
    raw = bytearray(os.urandom(width * height * 3))
    raw[0::3] = bytes(b | 1 for b in raw[0::3])
    return Image.frombytes("RGB", (width, height), bytes(raw))


@pytest.fixture
def editor(qtbot: QtBot) -> Iterator[RedactionEditor]:
    widget = RedactionEditor(runner=TaskRunner(synchronous=True))
    qtbot.addWidget(widget)
    widget.resize(1100, 760)
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    qtbot.waitActive(widget)
    yield widget
    widget.clear()


def vp_point(editor: RedactionEditor, x: float, y: float) -> QPoint:
    return editor.view.mapFromScene(QPointF(x, y))


def drag(editor: RedactionEditor, start: tuple[float, float], end: tuple[float, float],
         button: Qt.MouseButton = Qt.MouseButton.LeftButton, steps: int = 4) -> None:
    viewport = editor.view.viewport()
    a, b = vp_point(editor, *start), vp_point(editor, *end)
    QTest.mousePress(viewport, button, Mod.NoModifier, a)
    for i in range(1, steps + 1):
        QTest.mouseMove(viewport, a + (b - a) * i / steps)
    QTest.mouseRelease(viewport, button, Mod.NoModifier, b)


def key(editor: RedactionEditor, key: Qt.Key, mods: Qt.KeyboardModifier = Mod.NoModifier) -> None:
    # Through the window, as the platform would deliver it: shortcuts fire.
    QTest.keyClick(editor.windowHandle(), key, mods)


def exported(editor: RedactionEditor, index: int = 0) -> Image.Image:
    data = editor.jobs()[index].export()
    assert foreign_chunks(data) == []
    with Image.open(io.BytesIO(data)) as image:
        image.load()
        return image.convert("RGB")


def assert_burnt_exactly(out: Image.Image, original: Image.Image, boxes: list[Box]) -> None:
    rects = [b.pixel_rect(*original.size) for b in boxes]
    mask = Image.new("1", original.size, 0)
    for r in rects:
        if r is not None:
            mask.paste(1, r)
    expected = original.copy()
    expected.paste(BLACK, mask=mask)
    assert out.tobytes() == expected.tobytes()


def test_draw_undo_redo_and_export_through_the_widget(editor: RedactionEditor) -> None:
    original = capture()
    editor.add_capture(original)
    editor.view.setFocus()
    key(editor, Qt.Key.Key_R)
    drag(editor, (100, 100), (300, 200))
    boxes = list(editor.document(0).boxes.values())
    assert len(boxes) == 1
    box = boxes[0]
    # Where the mouse went, within the rounding of one screen pixel.
    tolerance = 2 / editor.view.zoom
    corners = (box.left, box.top, box.right, box.bottom)
    for got, want in zip(corners, (100, 100, 300, 200), strict=True):
        assert abs(got - want) <= tolerance
    assert box.left == int(box.left) and box.right == int(box.right)  # on the pixel grid
    assert_burnt_exactly(exported(editor), original, [box])

    key(editor, Qt.Key.Key_Z, Mod.ControlModifier)
    assert editor.document(0).boxes == {}
    assert exported(editor).tobytes() == original.tobytes()
    key(editor, Qt.Key.Key_Z, Mod.ControlModifier | Mod.ShiftModifier)
    assert list(editor.document(0).boxes.values()) == [box]
    key(editor, Qt.Key.Key_Z, Mod.ControlModifier)
    key(editor, Qt.Key.Key_Y, Mod.ControlModifier)
    assert_burnt_exactly(exported(editor), original, [box])


def test_a_click_or_an_escaped_drag_draws_nothing(editor: RedactionEditor) -> None:
    editor.add_capture(capture())
    drag(editor, (100, 100), (100, 100), steps=1)
    assert editor.document(0).boxes == {}
    viewport = editor.view.viewport()
    QTest.mousePress(viewport, Qt.MouseButton.LeftButton, Mod.NoModifier,
                     vp_point(editor, 100, 100))
    QTest.mouseMove(viewport, vp_point(editor, 300, 300))
    assert editor.view.tool is not None and editor.view.tool.active
    key(editor, Qt.Key.Key_Escape)
    assert not editor.view.tool.active
    QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, Mod.NoModifier,
                       vp_point(editor, 300, 300))
    assert editor.document(0).boxes == {}


def test_crop_then_export_keeps_only_the_crop(editor: RedactionEditor) -> None:
    original = capture()
    editor.add_capture(original)
    drag(editor, (100, 100), (300, 200))
    key(editor, Qt.Key.Key_C)
    drag(editor, (50, 60), (450, 360))
    crop = editor.document(0).crop
    assert crop is not None
    rect = crop.crop_rect(*original.size)
    assert rect is not None
    out = exported(editor)
    assert out.size == (rect[2] - rect[0], rect[3] - rect[1])
    box = next(iter(editor.document(0).boxes.values()))
    expected = Image.frombytes("RGB", original.size, original.tobytes())
    expected.paste(BLACK, box.pixel_rect(*original.size))
    assert out.tobytes() == expected.crop(rect).tobytes()
    # Undo the crop: the whole capture again.
    key(editor, Qt.Key.Key_Z, Mod.ControlModifier)
    assert editor.document(0).crop is None and exported(editor).size == original.size
    # Keyboard crop: a box becomes the crop (one undo step).
    editor.document(0).add_boxes([Box(left=10, top=20, right=210, bottom=120)])
    editor.view.capture_scene.select_only([max(editor.document(0).boxes)])
    key(editor, Qt.Key.Key_C, Mod.ShiftModifier)
    assert exported(editor).size == (200, 100)
    key(editor, Qt.Key.Key_Z, Mod.ControlModifier)
    assert editor.document(0).crop is None and len(editor.document(0).boxes) == 2


def test_select_move_resize_delete_with_the_mouse(editor: RedactionEditor) -> None:
    editor.add_capture(capture())
    doc = editor.document(0)
    (box_id,) = doc.add_boxes([Box(left=100, top=100, right=300, bottom=200)])
    key(editor, Qt.Key.Key_V)
    drag(editor, (200, 150), (260, 190))
    moved = doc.box(box_id)
    assert moved.width == 200 and moved.height == 100
    assert abs(moved.left - 160) <= 2 / editor.view.zoom
    assert abs(moved.top - 140) <= 2 / editor.view.zoom
    # The selected box shows grips: drag the bottom-right one.
    corner = (moved.right, moved.bottom)
    drag(editor, corner, (corner[0] + 100, corner[1] + 50))
    resized = doc.box(box_id)
    assert resized.left == moved.left and resized.top == moved.top
    assert abs(resized.right - (moved.right + 100)) <= 2 / editor.view.zoom
    assert abs(resized.bottom - (moved.bottom + 50)) <= 2 / editor.view.zoom
    assert HANDLE_PX / editor.view.zoom > 0
    key(editor, Qt.Key.Key_Z, Mod.ControlModifier)
    assert doc.box(box_id) == moved
    key(editor, Qt.Key.Key_Delete)
    assert doc.boxes == {}
    key(editor, Qt.Key.Key_Z, Mod.ControlModifier)
    assert doc.box(box_id) == moved
    # A click on nothing deselects; Delete then removes nothing.
    drag(editor, (700, 450), (700, 450), steps=1)
    key(editor, Qt.Key.Key_Delete)
    assert box_id in doc.boxes


def test_everything_by_keyboard(editor: RedactionEditor) -> None:
    editor.add_capture(capture())
    doc = editor.document(0)
    editor.view.setFocus()
    key(editor, Qt.Key.Key_Insert)
    (box_id,) = doc.boxes
    start = doc.box(box_id)
    key(editor, Qt.Key.Key_Right)
    key(editor, Qt.Key.Key_Down, Mod.ShiftModifier)
    assert doc.box(box_id) == start.translated(1, 10)
    key(editor, Qt.Key.Key_Right, Mod.ControlModifier)
    assert doc.box(box_id).width == start.width + 1
    # Nudges are one undo step; the insertion is another.
    key(editor, Qt.Key.Key_Z, Mod.ControlModifier)
    assert doc.box(box_id) == start
    key(editor, Qt.Key.Key_Z, Mod.ControlModifier)
    assert doc.boxes == {}
    # Cycle through boxes with N, delete the chosen one.
    ids = doc.add_boxes([Box.from_xywh(10, 10, 50, 20), Box.from_xywh(10, 300, 50, 20)])
    editor.view.setFocus()
    key(editor, Qt.Key.Key_N)
    key(editor, Qt.Key.Key_N)
    key(editor, Qt.Key.Key_Delete)
    assert list(doc.boxes) == [ids[0]]
    key(editor, Qt.Key.Key_Escape)
    assert editor.view.capture_scene.selected_boxes() == []


def test_zoom_fit_100_wheel_and_pan(editor: RedactionEditor, qtbot: QtBot) -> None:
    editor.add_capture(capture(3000, 2000))
    view = editor.view
    # One capture: the list of captures is hidden and the view takes its room.
    qtbot.waitUntil(lambda: not editor.thumbnails.isVisible())
    key(editor, Qt.Key.Key_0, Mod.ControlModifier)
    fit = view.zoom
    assert fit < 1  # a big capture is fitted into the window
    key(editor, Qt.Key.Key_1, Mod.ControlModifier)
    assert view.zoom == pytest.approx(1 / view.devicePixelRatioF())
    key(editor, Qt.Key.Key_0, Mod.ControlModifier)
    assert view.zoom == pytest.approx(fit)
    centre = QPointF(view.viewport().rect().center())
    wheel = QWheelEvent(centre, view.viewport().mapToGlobal(centre), QPoint(0, 0),
                        QPoint(0, 240), Qt.MouseButton.NoButton, Mod.ControlModifier,
                        Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(view.viewport(), wheel)
    assert view.zoom == pytest.approx(fit * 1.25**2)
    key(editor, Qt.Key.Key_1, Mod.ControlModifier)
    bar = view.horizontalScrollBar()
    before = bar.value()
    drag(editor, (1500, 1000), (1400, 1000), button=Qt.MouseButton.MiddleButton)
    assert bar.value() == before + 100
    key(editor, Qt.Key.Key_H)
    drag(editor, (1500, 1000), (1550, 1000))
    assert bar.value() == before + 50
    assert editor.document(0).boxes == {}  # panning draws nothing


def test_proposed_boxes_are_shown_burnt_and_removable(editor: RedactionEditor) -> None:
    original = capture()
    editor.add_capture(original)
    proposed = [Box.from_xywh(400, 50, 180, 30, kind="phone"),
                Box.from_xywh(50.4, 400.6, 120.2, 24.1, kind="name")]
    ids = editor.add_proposed_boxes(0, proposed)
    # Listed beside the image (no labels over it), in reading order, ticked = masked.
    rows = [editor.proposals.item(i) for i in range(editor.proposals.count())]
    assert len(ids) == 2 and "téléphone" in rows[0].text() and "nom" in rows[1].text()
    assert all(r.checkState() == Qt.CheckState.Checked for r in rows)
    assert all(not item.childItems() for item in editor.view.capture_scene.box_items.values())
    assert "dont 2 proposée" in editor.status.text()
    assert_burnt_exactly(exported(editor), original, proposed)
    # One undo step removes detection's proposals; the user can also drop them all.
    key(editor, Qt.Key.Key_Z, Mod.ControlModifier)
    assert editor.document(0).boxes == {}
    key(editor, Qt.Key.Key_Y, Mod.ControlModifier)
    editor.document(0).add_boxes([Box.from_xywh(1, 1, 5, 5)])
    editor.view.setFocus()
    key(editor, Qt.Key.Key_Delete, Mod.ControlModifier | Mod.ShiftModifier)
    assert [b.kind for b in editor.document(0).boxes.values()] == [None]


def test_the_detectors_boxes_go_to_the_editor_as_they_are(editor: RedactionEditor) -> None:
    """One Box type from detection to burn: what the detector returns is what the
    editor holds and what is burnt, the kind kept as a plain string."""
    from samu_desktop.pii import detect
    from samu_desktop.pii.kinds import PatientDataKind
    from samu_desktop.pii.ocr import OcrWord

    original = capture()
    editor.add_capture(original)
    words = [OcrWord("Tél", 30, 40, 30, 20, 95.0), OcrWord(":", 62, 40, 5, 20, 95.0),
             OcrWord("06", 80, 40, 20, 20, 95.0), OcrWord("12", 104, 40, 20, 20, 95.0),
             OcrWord("34", 128, 40, 20, 20, 95.0), OcrWord("56", 152, 40, 20, 20, 95.0),
             OcrWord("78", 176, 40, 20, 20, 95.0)]
    found = detect.detect_in_words(words, original.size)
    assert found and all(type(b) is Box for b in found)  # no second type to convert
    assert PatientDataKind.PHONE in {b.kind for b in found}
    ids = editor.add_proposed_boxes(0, found)
    held = [editor.document(0).box(i) for i in ids]
    assert [(b.left, b.top, b.right, b.bottom) for b in held] == \
        [(b.left, b.top, b.right, b.bottom) for b in found]
    assert {b.kind for b in held} >= {"phone"}
    assert all(type(b.kind) is str for b in held)
    assert_burnt_exactly(exported(editor), original, held)


def test_every_capture_must_be_verified_and_edits_undo_the_mark(
    editor: RedactionEditor, qtbot: QtBot
) -> None:
    assert editor.all_verified()  # nothing to verify
    editor.add_capture(capture(400, 300))
    editor.add_capture(capture(400, 300))
    assert not editor.all_verified()
    assert "doivent être cachées" in editor.reminder.text()
    assert editor.thumbnails.count() == 2
    assert "à vérifier" in editor.thumbnails.item(0).text()
    # Ticked: on to the next capture to check, by itself.
    with qtbot.waitSignal(editor.current_changed, timeout=1000):
        qtbot.mouseClick(editor.verified_box, Qt.MouseButton.LeftButton)
    assert editor.document(0).verified and not editor.all_verified()
    assert "vérifiée" in editor.thumbnails.item(0).text()
    assert editor.current_index() == 1
    assert not editor.verified_box.isChecked()
    with qtbot.waitSignal(editor.current_changed, timeout=1000):
        key(editor, Qt.Key.Key_PageUp, Mod.ControlModifier)
    with qtbot.waitSignal(editor.current_changed, timeout=1000):
        key(editor, Qt.Key.Key_PageDown, Mod.ControlModifier)
    with qtbot.waitSignal(editor.verification_changed, timeout=1000) as blocker:
        key(editor, Qt.Key.Key_V, Mod.ControlModifier | Mod.ShiftModifier)
    assert blocker.args == [True] and editor.all_verified()
    # A box added afterwards (by the user or by detection) asks for a new look.
    editor.add_proposed_boxes(1, [Box.from_xywh(5, 5, 20, 20, kind="email")])
    assert not editor.all_verified() and not editor.verified_box.isChecked()
    assert [s.verified for s in editor.states()] == [True, False]


def test_save_writes_a_verified_png_and_clear_drops_everything(
    editor: RedactionEditor, tmp_path: Path
) -> None:
    original = capture(300, 200)
    editor.add_capture(original)
    editor.document(0).add_boxes([Box.from_xywh(10, 10, 100, 50)])
    target = tmp_path / "masquee.png"
    editor.save_current(target)
    assert "enregistrée" in editor.status.text()
    with Image.open(target) as saved:
        saved.load()
        assert_burnt_exactly(saved.convert("RGB"), original, [Box.from_xywh(10, 10, 100, 50)])
    editor.save_current(tmp_path / "new-folder" / "x.png")  # a missing folder is created
    assert (tmp_path / "new-folder" / "x.png").is_file()
    (tmp_path / "blocker").write_bytes(b"")
    messages: list[str] = []
    editor.error_occurred.connect(messages.append)
    editor.save_current(tmp_path / "blocker" / "x.png")
    assert messages and "Impossible d'enregistrer" in messages[0]
    editor.clear()
    assert editor.count() == 0 and editor.thumbnails.count() == 0 and editor.all_verified()


def test_no_tool_blurs_or_pixelates(editor: RedactionEditor) -> None:
    assert set(editor.tools) == {"draw", "select", "crop", "pan"}
    texts = " ".join(a.text().lower() for a in editor.named_actions.values())
    assert "flou" not in texts and "pixel" not in texts
    assert all(a.shortcuts() for a in editor.named_actions.values())
