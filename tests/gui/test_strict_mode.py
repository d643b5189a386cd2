"""Strict mode in the GUI: the setting (and the policy that locks it), the switch of
the capture shown, "accept every proposal", and the check after export never strict.

Real parts: the patient-data detector (Tesseract) over screens drawn here, the
settings file in the isolated home, the Secret Service keyring for the originals.
"""

from __future__ import annotations

import io
from datetime import datetime
from typing import Any

from PIL import Image, ImageDraw, ImageFont
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from samu_desktop.app.state import AppState
from samu_desktop.capture.models import Capture, CaptureBatch, Monitor, Rect
from samu_desktop.config.paths import AppPaths
from samu_desktop.config.policy import Policy
from samu_desktop.config.settings import Settings
from samu_desktop.gui.redaction import RedactionEditor
from samu_desktop.gui.redaction.proposal_list import Status
from samu_desktop.gui.settings_dialog import SettingsDialog
from samu_desktop.gui.wizard.screenshots_page import ScreenshotsPage
from samu_desktop.gui.wizard.wizard import ReportWizard
from samu_desktop.pii.detect import Box as DetectedBox
from samu_desktop.pii.detect import detect
from samu_desktop.redaction import Box
from tests.gui.conftest import MakeWindow

FONT = ImageFont.truetype("DejaVuSans.ttf", 28)
SIZE = (900, 330)
# (where, text, the part strict mode must hide): the interface's own words stay.
LINES = (
    ((30, 40), "Dossier de régulation", ""),
    ((30, 120), "Téléphone : 06 12 34 56 78", "06 12 34 56 78"),
    ((30, 200), "Motif : portail vert fermé", "vert fermé"),
    ((30, 270), "Code porte 4821B", "4821B"),
)


def screen() -> Image.Image:
    image = Image.new("RGB", SIZE, "white")
    draw = ImageDraw.Draw(image)
    for at, text, _ in LINES:
        draw.text(at, text, fill="black", font=FONT)
    return image


def ink(text: str, part: str, at: tuple[int, int]) -> tuple[int, int, int, int]:
    """Where ``part`` of ``text`` drawn at ``at`` has its glyphs."""
    start = at[0] + FONT.getlength(text[: text.index(part)])
    left, top, right, bottom = FONT.getbbox(part)
    return round(start + left), at[1] + top, round(start + right), at[1] + bottom


def shots(count: int = 1) -> CaptureBatch:
    taken = datetime.now().astimezone()
    rect = Rect(left=0, top=0, width=SIZE[0], height=SIZE[1])
    return CaptureBatch(captures=tuple(
        Capture(image=screen(), monitor=Monitor(index=i + 1, rect=rect, is_primary=i == 0),
                area=rect, taken_at=taken) for i in range(count)), taken_at=taken)


def open_with(make_window: MakeWindow, settings: Settings,
              count: int = 1) -> tuple[ReportWizard, ScreenshotsPage]:
    window = make_window(settings)
    wizard = window.open_case("B")
    assert wizard is not None
    wizard.application_page.buttons["nice"].click()
    wizard.add_captures(shots(count))
    assert wizard.screenshots is not None
    return wizard, wizard.screenshots


def text_boxes(page: ScreenshotsPage, index: int = 0) -> list[Box]:
    return [b for b in page.editor.document(index).boxes.values() if b.kind == "text"]


def covered(boxes: list[Box], area: tuple[int, int, int, int]) -> bool:
    left, top, right, bottom = area
    return any(b.left <= left and b.top <= top and b.right >= right and b.bottom >= bottom
               for b in boxes)


def test_strict_mode_proposes_every_text_run_but_the_interface_and_accept_all_masks_them(
    qtbot: QtBot, make_window: MakeWindow, secret_service: str
) -> None:
    _, page = open_with(make_window, Settings(crra_id="FR999", pii_strict_mode=True))
    editor = page.editor
    assert editor.strict.box.isChecked() and editor.strict.box.isEnabled()
    assert editor.strict.box.isVisible()
    boxes = list(editor.document(0).boxes.values())
    for at, text, part in LINES:
        if part:
            assert covered(boxes, ink(text, part, at)), f"{part!r} was not proposed"
    title = ink(*LINES[0][1:2], LINES[0][1], LINES[0][0])
    assert not any(b.top < title[3] and b.bottom > title[1] for b in boxes), \
        "the interface's own words were proposed"
    assert len(text_boxes(page)) >= 2
    # The user takes every proposal off, then accepts them all in one action.
    editor.named_actions["remove_proposed"].trigger()
    assert not editor.document(0).boxes
    assert {z.status for z in editor.proposals.zones()} == {Status.DISMISSED}
    assert editor.named_actions["accept_proposals"].isEnabled()
    editor.named_actions["accept_proposals"].trigger()
    assert sorted(editor.document(0).boxes.values(), key=lambda b: b.top) == \
        sorted(boxes, key=lambda b: b.top)
    assert {z.status for z in editor.proposals.zones()} == {Status.MASKED}
    assert not editor.named_actions["accept_proposals"].isEnabled()
    editor.document(0).undo_stack.undo()  # one undo step
    assert not editor.document(0).boxes
    editor.document(0).undo_stack.redo()
    # Burnt into the export like any other box.
    exported = Image.open(io.BytesIO(editor.jobs()[0].export())).convert("RGB")
    for at, text, part in LINES[2:]:
        left, top, right, bottom = ink(text, part, at)
        assert all(exported.getpixel((x, y)) == (0, 0, 0)
                   for x in range(left, right, 4) for y in range(top, bottom, 4))


def test_the_switch_of_this_capture_and_a_settings_save_reach_the_open_wizard(
    qtbot: QtBot, make_window: MakeWindow, secret_service: str
) -> None:
    wizard, page = open_with(make_window, Settings(crra_id="FR999"), count=2)
    editor = page.editor
    assert not editor.strict.box.isChecked() and text_boxes(page) == []
    assert [b.kind for b in editor.document(0).boxes.values()] == ["phone"]
    # The user turns strict mode on for this capture: its text is proposed, once.
    qtbot.mouseClick(editor.strict.box, Qt.MouseButton.LeftButton)
    assert editor.document(0).strict and len(text_boxes(page, 0)) >= 2
    assert [b.kind for b in editor.document(0).boxes.values()].count("phone") == 1
    assert text_boxes(page, 1) == []  # the other capture keeps its own mode
    # Off again: the strict proposals go, and are not offered back.
    qtbot.mouseClick(editor.strict.box, Qt.MouseButton.LeftButton)
    assert text_boxes(page, 0) == []
    assert all(z.box.kind != "text" for z in editor.proposals.zones())
    # A save in the settings dialog reaches the open wizard through the one state:
    # the capture the user left alone turns strict; the one they switched keeps its choice.
    state = wizard.context.state
    state.save({"pii_strict_mode": True})
    assert editor.document(1).strict and len(text_boxes(page, 1)) >= 2
    assert not editor.document(0).strict and text_boxes(page, 0) == []
    editor.set_current(1)
    assert editor.strict.box.isChecked()


def test_the_policy_locks_the_switch_and_the_setting(
    qtbot: QtBot, make_window: MakeWindow, secret_service: str
) -> None:
    policy = Policy(locked={"pii_strict_mode": True})
    state = AppState.of(Settings(crra_id="FR999"), AppPaths.default(), policy)
    assert state.settings.pii_strict_mode
    dialog = SettingsDialog(state)
    qtbot.addWidget(dialog)
    box = dialog.ui.pii_strict_mode
    assert box.isChecked() and not box.isEnabled() and box.text().startswith("🔒")
    assert "pii_strict_mode" not in dialog.values()
    editor = RedactionEditor()
    qtbot.addWidget(editor)
    editor.strict.set_locked(True)
    editor.add_capture(screen())
    editor.set_strict(0, True)
    assert editor.strict.box.isChecked() and not editor.strict.box.isEnabled()
    assert "administrateur" in editor.strict.box.toolTip()


def test_the_settings_dialog_saves_strict_mode(qtbot: QtBot) -> None:
    state = AppState.of(Settings(crra_id="FR999"), AppPaths.default())
    heard: list[bool] = []
    unsubscribe = state.subscribe(lambda s: heard.append(s.pii_strict_mode))
    dialog = SettingsDialog(state)
    qtbot.addWidget(dialog)
    assert not dialog.ui.pii_strict_mode.isChecked() and dialog.ui.pii_strict_mode.isEnabled()
    dialog.ui.pii_strict_mode.setChecked(True)
    dialog.ui.buttons.accepted.emit()
    assert state.settings.pii_strict_mode and heard == [True]
    unsubscribe()


def test_the_check_after_export_is_never_strict(
    qtbot: QtBot, make_window: MakeWindow, secret_service: str
) -> None:
    window = make_window(Settings(crra_id="FR999", pii_strict_mode=True))
    wizard = window.open_case("B")
    assert wizard is not None
    wizard.application_page.buttons["nice"].click()
    page = wizard.screenshots_page()
    assert page is not None
    calls: list[dict[str, Any]] = []

    def recording(image: Image.Image, **options: Any) -> list[DetectedBox]:
        calls.append(options)
        return detect(image, **options)

    page.detector = recording
    wizard.add_captures(shots())
    assert calls == [{"strict": True}]
    page.editor.set_verified(0, True)
    page.attach()
    after_export = [c for c in calls if "already_hidden" in c]
    assert after_export and not any(c.get("strict") for c in after_export)
    assert wizard.report is not None and len(wizard.report.screenshots) == 1


def test_the_editor_offers_the_strict_boxes(qtbot: QtBot) -> None:
    """detect(strict=True)'s boxes, handed to the editor, are offered in its list."""
    image = screen()
    found = detect(image, strict=True)
    assert {b.kind.value for b in found} >= {"phone", "text"}
    editor = RedactionEditor()
    qtbot.addWidget(editor)
    editor.add_capture(image)
    editor.add_proposed_boxes(0, found)
    zones = editor.proposals.zones()
    assert len(zones) == len(found) and {z.status for z in zones} == {Status.MASKED}
    assert sorted(str(z.box.kind) for z in zones) == sorted(b.kind.value for b in found)
    texts = [editor.proposals.item(i).text() for i in range(editor.proposals.count())]
    assert any("mode strict" in t for t in texts), texts
