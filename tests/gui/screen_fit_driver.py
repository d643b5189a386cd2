"""Opens every page of the real application in a real window on the X server named by
DISPLAY, and prints (as JSON) what does not fit the screen.

Run by ``tests/gui/test_screen_fit.py`` as its own process (Qt's platform is
chosen once per process: the tests' own process is offscreen). The home, the
settings and the keyring are the test's isolated ones; the settings are saved
by the test before this starts.

For each page: the window's minimum size (what its layouts need to show
everything) must fit the screen's available area with a title bar, and the
buttons that lead on must lie wholly inside the window at its opening size.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QFontInfo
from PySide6.QtWidgets import QAbstractButton, QApplication, QWidget

from samu_desktop.capture.models import Capture, CaptureBatch, Monitor, Rect
from samu_desktop.config.paths import AppPaths
from samu_desktop.gui.app import build
from samu_desktop.gui.main_window import MainWindow
from samu_desktop.gui.widgets import FRAME_ALLOWANCE
from samu_desktop.gui.wizard.wizard import ReportWizard
from samu_desktop.procedure import load_catalogue
from samu_desktop.report.model import PrerequisitesSummary
from samu_desktop.report.validation import visible_fields

CATALOGUE = load_catalogue()


def tree(widget: QWidget, depth: int = 0) -> str:
    """The minimum size each visible widget asks for: to find who makes a page too big."""
    hint = widget.minimumSizeHint().expandedTo(widget.minimumSize())
    lines = [f"{'  ' * depth}{type(widget).__name__} {widget.objectName()} "
             f"{hint.width()}×{hint.height()}"]
    for child in widget.findChildren(QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly):
        if child.isVisible() and depth < 9:
            lines.append(tree(child, depth + 1))
    return "\n".join(lines)


def settle() -> None:
    for _ in range(5):
        QApplication.processEvents()


def banner_screen() -> CaptureBatch:
    """A full-HD capture with synthetic text, as the hotkey would hand it over."""
    image = Image.new("RGB", (1920, 1080), "white")
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype("DejaVuSans.ttf", 18)
    for row in range(30):
        draw.text((40, 30 + 34 * row), f"Ligne {row} — Session Server : connecté", fill="black",
                  font=font)
    now = datetime.now().astimezone()
    rect = Rect(left=0, top=0, width=1920, height=1080)
    capture = Capture(image=image, monitor=Monitor(index=1, rect=rect, is_primary=True),
                      area=rect, taken_at=now)
    return CaptureBatch(captures=(capture,), taken_at=now)


def fill_required(wizard: ReportWizard) -> None:
    assert wizard.form is not None and wizard.report is not None
    if wizard.report.prerequisites is None:
        wizard.set_prerequisites(PrerequisitesSummary(passed=20))
    for _round in range(3):
        for field in visible_fields(CATALOGUE, wizard.report):
            editor = wizard.form.rows[field.id].editor
            if editor.value() is not None or field.type in (
                    "datetime", "screenshots", "prerequisites_result"):
                continue
            if field.type == "yes_no":
                editor.set_value(True)
            elif field.type in ("single_choice",):
                editor.set_value(field.choices[0].id)
            elif field.type == "multi_choice":
                editor.set_value([field.choices[0].id])
            elif field.type == "number":
                editor.set_value(3)
            else:
                editor.set_value("Réponse de test")


class Checker:
    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.problems: list[str] = []
        self.pages: list[str] = []

    def check(self, page: str, leading_on: list[QWidget]) -> None:
        settle()
        self.pages.append(page)
        window = self.window
        layout = window.layout()
        if layout is not None:
            layout.activate()  # the sizes of what was just shown, not of the page before
        settle()
        shots = os.environ.get("FIT_SHOTS")
        if shots:  # for a person to look at (not used by the test)
            name = "".join(c if c.isalnum() else "-" for c in page)
            window.grab().save(str(Path(shots) / f"{len(self.pages):02d}-{name}.png"))
        screen = window.screen().availableGeometry()
        room = screen.size() - FRAME_ALLOWANCE
        need = window.minimumSizeHint().expandedTo(window.minimumSize())
        if need.width() > room.width() or need.height() > room.height():
            self.problems.append(f"{page}: needs {need.width()}×{need.height()}, the screen "
                                 f"leaves {room.width()}×{room.height()}")
            if os.environ.get("FIT_DEBUG"):
                self.problems.append(tree(window))
                self.problems.append(" / ".join(window.message_bar.texts()))
        if window.width() > room.width() or window.height() > room.height():
            self.problems.append(f"{page}: window {window.width()}×{window.height()} larger "
                                 f"than {room.width()}×{room.height()}")
        inside = QRect(0, 0, window.width(), window.height())
        for widget in leading_on:
            name = widget.text() if isinstance(widget, QAbstractButton) else widget.objectName()
            name = name or type(widget).__name__
            if not widget.isVisible():
                self.problems.append(f"{page}: « {name} » is not shown")
                continue
            top_left = widget.mapTo(window, widget.rect().topLeft())
            rect = QRect(top_left, widget.size())
            if not inside.contains(rect):
                self.problems.append(f"{page}: « {name} » at {rect.getRect()} is cut off "
                                     f"(window {window.width()}×{window.height()})")


def run() -> dict[str, object]:
    app = QApplication(sys.argv[:1])
    running = build(app, AppPaths.default())
    window = running.window
    window.run_prerequisites_on_open = False
    window.show()
    settle()
    checker = Checker(window)
    check = checker.check
    check("home", [window.home.ui.caseA, window.home.ui.caseD])

    def case(letter: str, application: str | None = None) -> ReportWizard:
        # Each page alone: the report left behind is deleted, so that no "report left
        # unfinished" notice piles up above the next page.
        if window.wizard is not None and window.wizard.report is not None:
            window.drafts.discard(window.wizard.report.id)
        window.go_home()
        for notice in window.message_bar.notices():
            notice.close_notice()
        wizard = window.open_case(letter)
        assert wizard is not None
        if application is not None:
            check(f"{letter}: application", [wizard.application_page.buttons[application]])
            wizard.application_page.buttons[application].click()
        return wizard

    steps: list[tuple[str, Callable[[], None]]] = []
    shown: dict[str, int] = {}

    def phone(letter: str) -> None:
        wizard = case(letter)
        call = wizard.call
        check(f"{letter}: call, with a number", [call.number, call.copy_number, call.done,
                                                 call.form_button])
        base = QFontInfo(app.font()).pixelSize()
        if QFontInfo(call.number.font()).pixelSize() < 2 * base:
            checker.problems.append(f"{letter}: the number is not large "
                                    f"({QFontInfo(call.number.font()).pixelSize()} px)")
        state = wizard.context.state
        numbers = {k: getattr(state.settings, k)
                   for k in ("support_phone_calls", "support_phone_hardware")}
        state.save({"support_phone_calls": "", "support_phone_hardware": ""})
        wizard._show_call([])
        check(f"{letter}: call, without a number", [call.no_number, call.done, call.form_button])
        if QFontInfo(call.no_number.font()).pixelSize() > 1.25 * base:
            checker.problems.append(f"{letter}: the missing number is said in large type")
        state.save(numbers)
        call.form_button.click()
        check(f"{letter}: form", [wizard.next, wizard.back])

    def application(letter: str, app_id: str) -> None:
        wizard = case(letter, app_id)
        check(f"{letter}/{app_id}: form", [wizard.next])
        fill_required(wizard)
        wizard.next.click()
        check(f"{letter}/{app_id}: review", [wizard.review.send, wizard.back])

    def screenshots() -> None:
        wizard = case("B", "bandeau")
        wizard.add_captures(banner_screen())
        page = wizard.screenshots
        assert page is not None
        running.window.tasks.wait(60_000)
        settle()
        check("B: masking", [page.accept, page.editor.verified_box, page.editor.proposals])
        # Maximised (a window manager does it; Xvfb has none): how wide the capture shows.
        before = window.geometry()
        window.setGeometry(window.screen().availableGeometry())
        settle()
        page.editor.view.zoom_fit()
        shown["masking_capture_px"] = round(page.editor.view.zoom * 1920)
        window.setGeometry(before)
        settle()

    def local_it() -> None:
        wizard = case("D")
        fill_required(wizard)
        wizard.next.click()
        review = wizard.review
        check("D: review", [review.send, review.copy, review.print_button, review.save_button])

    steps += [("A", lambda: phone("A")), ("C", lambda: phone("C"))]
    for app_case in CATALOGUE.get_case("B").applications:  # type: ignore[union-attr]
        steps.append((app_case.id, lambda a=app_case.id: application("B", a)))
    steps += [("D", local_it), ("masking", screenshots)]
    for _name, step in steps:
        step()
    case("A")
    window.go_home()
    window.show_history()
    check("history", [])
    window.show_outbox()
    check("outbox", [])
    result = {"problems": checker.problems, "pages": checker.pages,
              "screen": [window.screen().availableGeometry().width(),
                         window.screen().availableGeometry().height()],
              "theme": app.property("samuTheme"), **shown}
    running.window.tasks.wait(30_000)
    running.shutdown()
    return result


if __name__ == "__main__":
    print("RESULT " + json.dumps(run(), ensure_ascii=False), flush=True)
