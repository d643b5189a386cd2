"""Screenshots inside a report: proposed boxes, verification, redacted attachments.

Uses the real patient-data detector (Tesseract) on a small synthetic screen and
the real Secret Service for the encrypted originals.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from samu_desktop.capture.models import Capture, CaptureBatch, Monitor, Rect
from samu_desktop.config.settings import Settings
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
    # Nothing can be attached before the user verified the image.
    assert not page.accept.isEnabled()
    assert page.pending()
    editor.set_verified(0, True)
    assert page.accept.isEnabled()
    qtbot.mouseClick(page.accept, Qt.MouseButton.LeftButton)
    assert wizard.pages.currentWidget() is wizard.form
    assert len(wizard.report.screenshots) == 1
    png = page.store.load_export(wizard.report.screenshots[0])
    assert {c for c, _ in png_chunks(png)} <= {b"IHDR", b"PLTE", b"IDAT", b"IEND"}
    box = proposed[0].pixel_rect(900, 260)
    exported = Image.open(__import__("io").BytesIO(png)).convert("RGB")
    left, top, right, bottom = box
    assert all(exported.getpixel((x, y)) == (0, 0, 0)
               for x in range(left, right, 3) for y in range(top, bottom, 3))
    # The original is encrypted at rest: its pixels appear in no file in clear.
    raw = screen().tobytes()
    needle = raw[len(raw) // 2: len(raw) // 2 + 4096]
    for path in isolated_home.rglob("*"):
        if path.is_file():
            assert needle not in path.read_bytes(), path


def test_patient_data_left_visible_is_reported_before_attaching(
    qtbot: QtBot, make_window: MakeWindow, secret_service: str
) -> None:
    window = make_window(Settings(crra_id="FR999"))
    wizard = window.open_case("B")
    assert wizard is not None
    qtbot.mouseClick(wizard.application_page.buttons["nice"], Qt.MouseButton.LeftButton)
    wizard.add_captures(batch(datetime.now().astimezone()))
    page = wizard.screenshots
    assert page is not None and wizard.report is not None
    # The user removes every proposed box, then marks the image checked anyway.
    page.editor.named_actions["remove_proposed"].trigger()
    assert not [b for b in page.editor.states()[0].boxes if b.kind]
    page.editor.set_verified(0, True)
    messages: list[str] = []
    page.message.connect(messages.append)
    qtbot.mouseClick(page.accept, Qt.MouseButton.LeftButton)
    assert messages and "encore visibles" in messages[-1]
    assert wizard.report.screenshots == []  # not attached yet
    assert wizard.pages.currentWidget() is page
    assert "malgré" in page.accept.text()
    qtbot.mouseClick(page.accept, Qt.MouseButton.LeftButton)  # attach knowingly
    assert len(wizard.report.screenshots) == 1
    assert wizard.pages.currentWidget() is wizard.form
