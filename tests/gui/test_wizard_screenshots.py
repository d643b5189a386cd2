"""Screenshots inside a report: proposed boxes, verification, redacted attachments.

Uses the real patient-data detector (Tesseract) on a small synthetic screen and
the real Secret Service for the encrypted originals.
"""

from __future__ import annotations

import io
from datetime import datetime, timedelta
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from samu_desktop.capture.models import Capture, CaptureBatch, Monitor, Rect
from samu_desktop.config.settings import Settings
from samu_desktop.gui.redaction.proposal_list import Status
from samu_desktop.gui.wizard.screenshots_page import ScreenshotsPage
from samu_desktop.gui.wizard.wizard import ReportWizard
from samu_desktop.redaction import Box
from samu_desktop.redaction.png import png_chunks
from samu_desktop.report.model import parse_datetime_answer
from tests.gui.conftest import MakeWindow

PHONE = "06 12 34 56 78"


def screen() -> Image.Image:
    image = Image.new("RGB", (900, 260), "white")
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype("DejaVuSans.ttf", 28)
    draw.text((30, 40), "Dossier de régulation", fill="black", font=font)
    draw.text((30, 120), f"Téléphone : {PHONE}", fill="black", font=font)
    return image


def batch(taken_at: datetime) -> CaptureBatch:
    rect = Rect(left=0, top=0, width=900, height=260)
    monitor = Monitor(index=1, rect=rect, is_primary=True)
    return CaptureBatch(captures=(Capture(image=screen(), monitor=monitor, area=rect,
                                          taken_at=taken_at),), taken_at=taken_at)


def test_hotkey_captures_are_redacted_verified_and_attached(
    qtbot: QtBot, make_window: MakeWindow, secret_service: str, isolated_home: Path
) -> None:
    window = make_window(Settings(crra_id="FR999"))
    wizard = window.open_case("B")
    assert wizard is not None
    taken = (datetime.now().astimezone() - timedelta(minutes=3)).replace(second=0, microsecond=0)
    wizard.add_captures(batch(taken))  # before the application is chosen: kept for later
    qtbot.mouseClick(wizard.application_page.buttons["bandeau"], Qt.MouseButton.LeftButton)
    assert wizard.report is not None and wizard.screenshots is not None
    # The capture time is offered as the incident start.
    assert parse_datetime_answer(wizard.report.answers["start"]) == taken
    page = wizard.screenshots
    assert wizard.pages.currentWidget() is page
    editor = page.editor
    assert editor.count() == 1
    proposed = [b for b in editor.states()[0].boxes if b.kind]
    assert proposed, "the phone number was not proposed for hiding"
    # One capture, on screen with its proposals: attaching it is saying it was
    # checked, in one action (the button says so).
    assert page.pending()
    assert page.accept.isEnabled()
    assert page.accept.text() == "Image vérifiée : &joindre la copie d'écran"
    qtbot.mouseClick(page.accept, Qt.MouseButton.LeftButton)
    assert editor.document(0).verified
    assert wizard.pages.currentWidget() is wizard.form
    assert len(wizard.report.screenshots) == 1
    png = page.store.load_export(wizard.report.screenshots[0])
    assert {c for c, _ in png_chunks(png)} <= {b"IHDR", b"PLTE", b"IDAT", b"IEND"}
    box = proposed[0].pixel_rect(900, 260)
    exported = Image.open(io.BytesIO(png)).convert("RGB")
    left, top, right, bottom = box
    assert all(exported.getpixel((x, y)) == (0, 0, 0)
               for x in range(left, right, 3) for y in range(top, bottom, 3))
    # The original is encrypted at rest: its pixels appear in no file in clear.
    raw = screen().tobytes()
    needle = raw[len(raw) // 2: len(raw) // 2 + 4096]
    for path in isolated_home.rglob("*"):
        if path.is_file():
            assert needle not in path.read_bytes(), path


def two_screens(taken_at: datetime) -> CaptureBatch:
    rect = Rect(left=0, top=0, width=900, height=260)
    captures = tuple(
        Capture(image=screen(), monitor=Monitor(index=i + 1, rect=rect, is_primary=i == 0),
                area=rect, taken_at=taken_at)
        for i in range(2)
    )
    return CaptureBatch(captures=captures, taken_at=taken_at)


def open_with(qtbot: QtBot, make_window: MakeWindow, shots: CaptureBatch) -> ReportWizard:
    window = make_window(Settings(crra_id="FR999"))
    wizard = window.open_case("B")
    assert wizard is not None
    qtbot.mouseClick(wizard.application_page.buttons["nice"], Qt.MouseButton.LeftButton)
    wizard.add_captures(shots)
    return wizard


def phone_box(page: ScreenshotsPage, index: int) -> Box:
    return next(b for b in page.editor.states()[index].boxes if b.kind == "phone")


def test_what_the_check_still_sees_is_shown_and_masked_in_one_action(
    qtbot: QtBot, make_window: MakeWindow, secret_service: str
) -> None:
    wizard = open_with(qtbot, make_window, batch(datetime.now().astimezone()))
    page = wizard.screenshots
    assert page is not None and wizard.report is not None
    # The user removes every proposed box, then marks the image checked anyway.
    page.editor.named_actions["remove_proposed"].trigger()
    assert not [b for b in page.editor.states()[0].boxes if b.kind]
    page.editor.set_verified(0, True)
    messages: list[str] = []
    page.message.connect(messages.append)
    qtbot.mouseClick(page.accept, Qt.MouseButton.LeftButton)
    # Not attached; shown where: framed on the image, listed beside it, counted.
    assert wizard.report.screenshots == [] and wizard.pages.currentWidget() is page
    findings = page.editor.document(0).findings
    assert [f.kind for f in findings] == ["phone"]
    assert [z.status for z in page.editor.proposals.zones()] == [Status.FINDING]
    assert page.notice.isVisible() and "rouge" in page.notice.text()
    assert messages == []  # on the page, not one more banner on top of the window
    assert page.mask_and_attach.isVisible() and page.mask_and_attach.isEnabled()
    # The recommended way is the one in colour; attaching as it is stays possible, plainly.
    assert page.mask_and_attach.objectName() == "primary" and page.accept.objectName() == ""
    assert "laissant ces zones visibles" in page.accept.text()
    # One action: masked, checked again (nothing left), attached; no override.
    qtbot.mouseClick(page.mask_and_attach, Qt.MouseButton.LeftButton)
    assert len(wizard.report.screenshots) == 1
    assert wizard.pages.currentWidget() is wizard.form
    assert not page.notice.isVisible()
    exported = Image.open(io.BytesIO(page.store.load_export(wizard.report.screenshots[0])))
    left, top, right, bottom = findings[0].pixel_rect(900, 260)
    assert exported.convert("RGB").getpixel(((left + right) // 2, (top + bottom) // 2)) == (0, 0, 0)


def test_a_capture_masked_by_hand_after_the_warning_needs_no_override(
    qtbot: QtBot, make_window: MakeWindow, secret_service: str
) -> None:
    wizard = open_with(qtbot, make_window, two_screens(datetime.now().astimezone()))
    page = wizard.screenshots
    assert page is not None and wizard.report is not None
    editor = page.editor
    assert editor.count() == 2
    # Capture 2: the user takes the phone proposal off by mistake.
    proposal = phone_box(page, 1)
    editor.set_current(1)
    ids = [i for i, b in editor.document(1).boxes.items() if b.kind == "phone"]
    editor.document(1).remove_boxes(ids)
    editor.set_verified(0, True)
    editor.set_verified(1, True)
    qtbot.mouseClick(page.accept, Qt.MouseButton.LeftButton)
    assert editor.document(0).findings == []  # capture 1 is fine
    assert [f.kind for f in editor.document(1).findings] == ["phone"]
    assert editor.current_index() == 1  # shown where it is
    # Masked by hand: a box drawn over the number; the image is checked again.
    editor.document(1).add_boxes([proposal.with_kind(None)])
    assert editor.document(1).findings == []
    assert not page.mask_and_attach.isVisible()
    assert page.accept.text() == page._accept_text()  # the ordinary button, no override
    editor.set_verified(1, True)
    qtbot.mouseClick(page.accept, Qt.MouseButton.LeftButton)
    assert len(wizard.report.screenshots) == 2
    assert wizard.pages.currentWidget() is wizard.form


def test_alt_v_moves_to_the_next_capture_and_alt_j_says_why_it_waits(
    qtbot: QtBot, make_window: MakeWindow, secret_service: str
) -> None:
    wizard = open_with(qtbot, make_window, two_screens(datetime.now().astimezone()))
    page = wizard.screenshots
    assert page is not None and wizard.report is not None
    window = wizard.window()
    # The masking screen takes the whole screen, to be read.
    assert window.isMaximized()
    window.activateWindow()
    qtbot.waitActive(window)
    handle = window.windowHandle()
    assert not page.accept.isEnabled()
    assert "n° 1, 2 (Alt+V)" in page.accept.toolTip()
    page.reason.setText("")
    QTest.keyClick(handle, Qt.Key.Key_J, Qt.KeyboardModifier.AltModifier)
    assert "Image vérifiée" in page.reason.text() and "1, 2" in page.reason.text()
    QTest.keyClick(handle, Qt.Key.Key_V, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: page.editor.current_index() == 1, timeout=3000)
    assert "n° 2 (Alt+V)" in page.reason.text()
    QTest.keyClick(handle, Qt.Key.Key_J, Qt.KeyboardModifier.AltModifier)
    assert wizard.report.screenshots == []  # still waiting, and it said so
    QTest.keyClick(handle, Qt.Key.Key_V, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(page.accept.isEnabled, timeout=3000)
    assert page.reason.text() == ""
    QTest.keyClick(handle, Qt.Key.Key_J, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: len(wizard.report.screenshots) == 2, timeout=10000)
    assert wizard.pages.currentWidget() is wizard.form
    assert not window.isMaximized()  # the user's size back for the questions


def test_one_capture_alt_j_marks_it_checked_and_attaches_it(
    qtbot: QtBot, make_window: MakeWindow, secret_service: str
) -> None:
    wizard = open_with(qtbot, make_window, batch(datetime.now().astimezone()))
    page = wizard.screenshots
    assert page is not None and wizard.report is not None
    assert [b.kind for b in page.editor.states()[0].boxes if b.kind] == ["phone"]
    window = wizard.window()
    window.activateWindow()
    qtbot.waitActive(window)
    QTest.keyClick(window.windowHandle(), Qt.Key.Key_J, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: wizard.pages.currentWidget() is wizard.form, timeout=5000)
    assert page.editor.document(0).verified
    assert len(wizard.report.screenshots) == 1


def test_nothing_attaches_while_the_proposals_are_still_searched(
    qtbot: QtBot, make_window: MakeWindow, secret_service: str
) -> None:
    wizard = open_with(qtbot, make_window, batch(datetime.now().astimezone()))
    page = wizard.screenshots
    assert page is not None and wizard.report is not None
    page.detecting += 1  # as while the detector runs on a capture just taken
    page._show_detecting()
    assert not page.accept.isEnabled()
    assert "Recherche des données de patient" in page.accept.toolTip()
    page.attach()
    assert not page.editor.document(0).verified and wizard.report.screenshots == []
    page.detecting -= 1
    page._show_detecting()
    assert page.accept.isEnabled()


def guessed_batch(window_name: str) -> CaptureBatch:
    return batch(datetime.now().astimezone()).model_copy(update={"focused_window": window_name})


def test_the_focused_window_names_the_application_and_the_guess_can_be_changed(
    qtbot: QtBot, make_window: MakeWindow, secret_service: str
) -> None:
    window = make_window(Settings(crra_id="FR999"))
    wizard = window.open_case("B")
    assert wizard is not None
    wizard.add_captures(guessed_batch("Bandeau de communication - simulation python3"))
    assert wizard.report is not None and wizard.report.application == "bandeau"
    assert wizard.pages.currentWidget() is wizard.screenshots  # straight to the capture
    assert wizard.guessed_note.isVisible()
    assert "Bandeau de communication" in wizard.guessed_note.text()
    first = wizard.report.id
    # Not the right one: another application, and the capture comes along.
    wizard.guessed_note.linkActivated.emit("#change")
    assert wizard.pages.currentWidget() is wizard.application_page
    assert not wizard.guessed_note.isVisible()
    qtbot.mouseClick(wizard.application_page.buttons["nice"], Qt.MouseButton.LeftButton)
    assert wizard.report.application == "nice" and wizard.report.id != first
    assert wizard.screenshots is not None and wizard.screenshots.editor.count() == 1
    assert not wizard.guessed_note.isVisible()


def test_no_guess_when_the_window_names_no_application(
    qtbot: QtBot, make_window: MakeWindow, secret_service: str
) -> None:
    window = make_window(Settings(crra_id="FR999"))
    wizard = window.open_case("B")
    assert wizard is not None
    wizard.add_captures(guessed_batch("Mozilla Firefox"))
    assert wizard.report is None
    assert wizard.pages.currentWidget() is wizard.application_page
