"""The masking screen's side list: proposals and the check's findings, one row each,
through the real widgets (offscreen), with real key presses for the shortcuts."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from samu_desktop.gui.redaction import RedactionEditor
from samu_desktop.gui.redaction.proposal_list import Status
from samu_desktop.gui.tasks import TaskRunner
from samu_desktop.redaction import Box
from tests.redaction.test_redaction_editor import capture, exported, key

Mod = Qt.KeyboardModifier


@pytest.fixture
def editor(qtbot: QtBot) -> Iterator[RedactionEditor]:
    widget = RedactionEditor(runner=TaskRunner(synchronous=True))
    qtbot.addWidget(widget)
    widget.resize(1300, 700)
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    qtbot.waitActive(widget)
    yield widget
    widget.clear()


def row_states(editor: RedactionEditor) -> list[tuple[Status, bool]]:
    rows = editor.proposals
    return [(zone.status, rows.item(i).checkState() == Qt.CheckState.Checked)
            for i, zone in enumerate(rows.zones())]


def tick(editor: RedactionEditor, qtbot: QtBot, row: int) -> None:
    """Space on a row of the list, as the keyboard does it."""
    rows = editor.proposals
    rows.setFocus()
    rows.setCurrentRow(row)
    before = rows.zones()
    QTest.keyClick(rows, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: rows.zones() != before, timeout=2000)


def test_each_proposal_is_a_row_with_its_crop_and_can_be_unticked_and_put_back(
    editor: RedactionEditor, qtbot: QtBot,
) -> None:
    editor.add_capture(capture(1920, 1080))
    # Twenty proposals close together: on the image they would overlap as labels.
    boxes = [Box.from_xywh(40 + 90 * (i % 4), 60 + 22 * (i // 4), 80, 18, kind="name")
             for i in range(19)] + [Box.from_xywh(1700, 1000, 80, 18, kind="phone")]
    editor.add_proposed_boxes(0, boxes)
    rows = editor.proposals
    assert rows.count() == 20
    assert all(not rows.item(i).icon().isNull() for i in range(20))  # the crop
    assert row_states(editor) == [(Status.MASKED, True)] * 20

    # Choosing a row shows its zone readable (100 %) and selects it on the image.
    rows.setCurrentRow(5)
    zone = rows.zones()[5]
    assert editor.view.zoom >= 1.0
    assert [i.box_id for i in editor.view.capture_scene.selected_boxes()] == [zone.box_id]
    shown = editor.view.mapToScene(editor.view.viewport().rect()).boundingRect()
    assert shown.contains(zone.box.left, zone.box.top)
    assert shown.contains(zone.box.right, zone.box.bottom)
    rows.setCurrentRow(19)  # far down and right: scrolled to
    zone = rows.zones()[19]
    shown = editor.view.mapToScene(editor.view.viewport().rect()).boundingRect()
    assert shown.contains(zone.box.left, zone.box.top)

    # Unticked: the zone is no longer masked, the row stays to put it back.
    tick(editor, qtbot, 5)
    assert len(editor.document(0).boxes) == 19
    assert row_states(editor)[5] == (Status.DISMISSED, False)
    tick(editor, qtbot, 5)
    assert len(editor.document(0).boxes) == 20
    assert row_states(editor) == [(Status.MASKED, True)] * 20
    assert editor.document(0).dismissed == []


def test_findings_after_export_are_framed_listed_and_masked_in_one_action(
    editor: RedactionEditor, qtbot: QtBot,
) -> None:
    original = capture(800, 500)
    editor.add_capture(original)
    editor.add_capture(capture(800, 500))
    editor.set_verified(0, True)
    editor.set_verified(1, True)
    assert not editor.named_actions["mask_findings"].isEnabled()
    findings = [Box.from_xywh(100, 100, 120, 20, kind="phone"),
                Box.from_xywh(100, 300, 160, 20, kind="name")]
    editor.set_findings(0, findings)
    editor.set_current(0)
    assert row_states(editor) == [(Status.FINDING, False), (Status.FINDING, False)]
    assert "2 zone(s) encore visible" in editor.status.text() or \
        "2 zones encore visibles" in editor.status.text()

    # Framed in red on the image, and the pixels under the frame still visible.
    view = editor.view
    shot = view.viewport().grab().toImage()
    edge = view.mapFromScene(100, 110)
    red = [shot.pixelColor(edge.x() + dx, edge.y()) for dx in range(-6, 3)]
    assert any(c.red() > 200 and c.green() < 90 for c in red), red
    inside = view.mapFromScene(160, 110)
    assert shot.pixelColor(inside).name() != "#000000"

    # One action (Ctrl+M) hides both, keeps the user's "vérifiée", one undo step.
    key(editor, Qt.Key.Key_M, Mod.ControlModifier)
    doc = editor.document(0)
    assert doc.findings == [] and len(doc.boxes) == 2 and doc.verified
    assert row_states(editor) == [(Status.MASKED, True), (Status.MASKED, True)]
    out = exported(editor)
    assert out.getpixel((150, 110)) == (0, 0, 0) and out.getpixel((150, 310)) == (0, 0, 0)
    assert not editor.named_actions["mask_findings"].isEnabled()
    key(editor, Qt.Key.Key_Z, Mod.ControlModifier)
    assert doc.boxes == {} and not doc.verified  # showing data again needs a new look


def test_a_finding_hidden_by_hand_or_ticked_in_the_list_is_no_longer_listed(
    editor: RedactionEditor, qtbot: QtBot,
) -> None:
    editor.add_capture(capture(800, 500))
    editor.set_verified(0, True)
    editor.set_findings(0, [Box.from_xywh(100, 100, 120, 20, kind="phone"),
                            Box.from_xywh(100, 300, 160, 20, kind="name")])
    # The user draws a larger box over the first one: it is no longer "still visible".
    editor.document(0).add_boxes([Box.from_xywh(95, 95, 140, 30)])
    assert [f.kind for f in editor.document(0).findings] == ["name"]
    assert not editor.document(0).verified  # a hand edit asks for a new look
    editor.set_verified(0, True)
    tick(editor, qtbot, [z.status for z in editor.proposals.zones()].index(Status.FINDING))
    assert editor.document(0).findings == [] and editor.document(0).verified


def test_ticking_verified_moves_on_to_the_next_capture_to_check(
    editor: RedactionEditor, qtbot: QtBot,
) -> None:
    for _ in range(3):
        editor.add_capture(capture(400, 300))
    assert editor.current_index() == 0
    # Alt+V (the box's mnemonic), as the window receives it.
    QTest.keyClick(editor.windowHandle(), Qt.Key.Key_V, Mod.AltModifier)
    qtbot.waitUntil(lambda: editor.current_index() == 1, timeout=2000)
    assert editor.document(0).verified
    QTest.keyClick(editor.windowHandle(), Qt.Key.Key_V, Mod.AltModifier)
    qtbot.waitUntil(lambda: editor.current_index() == 2, timeout=2000)
    QTest.keyClick(editor.windowHandle(), Qt.Key.Key_V, Mod.AltModifier)
    qtbot.waitUntil(editor.all_verified, timeout=2000)
    assert editor.current_index() == 2  # nothing left to check: it stays

