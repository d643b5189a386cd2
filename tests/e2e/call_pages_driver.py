"""Cases A and D in the real application, in a real window on the X server named by
DISPLAY (a 1366×768 Xvfb started by ``tests/e2e/test_journey_call_pages.py``), driven
with real key and mouse events; prints what it saw as JSON.

- Case A, with the number configured, then without: the call page opens first;
  every widget shown lies inside the window, the window inside the screen, and
  no label is cut (a wrapped label gets the height its text needs).
- The number's "Copier" and case D's "Copier le texte" fill the real X clipboard,
  read back by another process (``xclip`` is not needed: a small Qt reader on xcb).
- Case D's "Enregistrer…": the save dialog is answered as a user would (a file
  name, then accept) and the file holds the full text.

A process of its own: Qt's platform is chosen once per process, and the tests'
own process is offscreen.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

from PySide6.QtCore import QProcess, QProcessEnvironment, QRect, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QApplication,
    QFileDialog,
    QLabel,
    QWidget,
)

from samu_desktop.config.paths import AppPaths
from samu_desktop.gui.app import build
from samu_desktop.gui.main_window import MainWindow
from samu_desktop.gui.wizard.wizard import ReportWizard
from tests.gui.screen_fit_driver import fill_required, settle

READER = ("from PySide6.QtGui import QGuiApplication; import sys; "
          "app = QGuiApplication(sys.argv[:1]); "
          "sys.stdout.buffer.write(app.clipboard().text().encode('utf-8'))")


def x_clipboard() -> str:
    """The X clipboard as another program sees it. This process owns the selection and
    must answer the reader's request: its event loop runs while the reader waits."""
    reader = QProcess()
    env = QProcessEnvironment.systemEnvironment()
    env.insert("QT_QPA_PLATFORM", "xcb")
    reader.setProcessEnvironment(env)
    reader.start(sys.executable, ["-c", READER])
    while not reader.waitForFinished(20):
        QApplication.processEvents()
    err = bytes(reader.readAllStandardError().data()).decode("utf-8", "replace")
    if err.strip():
        print("clipboard reader:", err[-2000:], file=sys.stderr)
    return bytes(reader.readAllStandardOutput().data()).decode("utf-8")


def in_scroll_viewport(widget: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None:
        grand = parent.parentWidget()
        if isinstance(grand, QAbstractScrollArea) and grand.viewport() is parent:
            return True
        parent = grand
    return False


def cut_off(window: MainWindow, page: QWidget) -> list[str]:
    """Every visible widget of the page outside the window, every label cut short."""
    problems = []
    screen = window.screen().availableGeometry()
    frame = window.frameGeometry()
    if not screen.contains(frame):
        problems.append(f"window {frame.getRect()} outside the screen {screen.getRect()}")
    inside = QRect(0, 0, window.width(), window.height())
    for widget in [page, *page.findChildren(QWidget)]:
        if not widget.isVisible() or widget.isWindow() or in_scroll_viewport(widget):
            continue
        rect = QRect(widget.mapTo(window, widget.rect().topLeft()), widget.size())
        name = widget.objectName() or type(widget).__name__
        if isinstance(widget, QLabel) and widget.text():
            name += f" « {widget.text()[:40]} »"
            if widget.wordWrap():
                needed = widget.heightForWidth(widget.width())  # margins included
                if needed > widget.height() + 1:
                    problems.append(f"{name}: needs {needed} px high, has {widget.height()}")
            elif widget.textFormat() != Qt.TextFormat.RichText \
                    and widget.minimumSizeHint().width() > widget.width() + 1:
                problems.append(f"{name}: needs {widget.minimumSizeHint().width()} px wide, "
                                f"has {widget.width()}")
        if not inside.contains(rect):
            problems.append(f"{name} at {rect.getRect()} is cut off "
                            f"(window {window.width()}×{window.height()})")
    return problems


def open_by_key(window: MainWindow, key: Qt.Key) -> ReportWizard:
    window.go_home()
    for notice in window.message_bar.notices():
        notice.close_notice()
    window.activateWindow()
    settle()
    QTest.keyClick(window.windowHandle(), key)
    # A button's shortcut animates the click for a moment before it fires.
    while window.wizard is None or window.pages.currentWidget() is not window.wizard:
        QApplication.processEvents()
    return window.wizard


def run(folder: Path) -> dict[str, object]:
    app = QApplication(sys.argv[:1])
    running = build(app, AppPaths.default())
    window = running.window
    window.run_prerequisites_on_open = False
    window.show()
    settle()
    result: dict[str, object] = {"screen": [window.screen().availableGeometry().width(),
                                            window.screen().availableGeometry().height()]}

    # Case A with its number: the call page first, the number copied to the clipboard.
    wizard = open_by_key(window, Qt.Key.Key_A)
    call = wizard.call
    settle()
    result["a_first_page"] = "call" if wizard.pages.currentWidget() is call else "other"
    result["a_number"] = call.number.text()
    result["a_number_px"] = call.number.fontInfo().pixelSize()
    result["base_px"] = app.font().pixelSize() if app.font().pixelSize() > 0 else \
        window.fontInfo().pixelSize()
    result["a_checklist"] = call.script_text()
    result["a_cut"] = cut_off(window, wizard)
    QTest.mouseClick(call.copy_number, Qt.MouseButton.LeftButton)
    result["a_clipboard"] = x_clipboard()
    window.grab().save(str(folder / "case-a-number.png"))
    if wizard.report is not None:
        window.drafts.discard(wizard.report.id)

    # Case A without a number: one French sentence of what to do; nothing cut off.
    window.state.save({"support_phone_calls": ""})
    wizard = open_by_key(window, Qt.Key.Key_A)
    call = wizard.call
    settle()
    result["a2_first_page"] = "call" if wizard.pages.currentWidget() is call else "other"
    result["a2_no_number"] = call.no_number.text() if call.no_number.isVisible() else ""
    result["a2_number_shown"] = call.number.isVisible() or call.copy_number.isVisible()
    result["a2_done_shown"] = call.done.isVisible() and call.done.isEnabled()
    result["a2_cut"] = cut_off(window, wizard)
    window.grab().save(str(folder / "case-a-no-number.png"))
    if wizard.report is not None:
        window.drafts.discard(wizard.report.id)

    # Case D: copy, then save, from the review page.
    wizard = open_by_key(window, Qt.Key.Key_D)
    fill_required(wizard)
    QTest.keyClick(window.windowHandle(), Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    while window.wizard is not wizard or wizard.pages.currentWidget() is not wizard.review:
        QApplication.processEvents()
    review = wizard.review
    settle()
    result["d_cut"] = cut_off(window, wizard)
    result["d_text"] = review.text
    QTest.mouseClick(review.copy, Qt.MouseButton.LeftButton)
    result["d_clipboard"] = x_clipboard()
    target = folder / "pour la DSI.txt"
    QTest.mouseClick(review.save_button, Qt.MouseButton.LeftButton)
    dialog = review.save_dialog
    assert isinstance(dialog, QFileDialog)
    while not dialog.isVisible():
        QApplication.processEvents()
    result["d_dialog_title"] = dialog.windowTitle()
    dialog.selectFile(str(target))  # the name typed, then « Enregistrer »
    dialog.accept()
    settle()
    result["d_saved"] = target.read_text(encoding="utf-8") if target.exists() else None
    result["d_saved_note"] = review.saved.text() if review.saved.isVisible() else ""
    window.grab().save(str(folder / "case-d-review.png"))
    running.window.tasks.wait(30_000)
    running.shutdown()
    return result


if __name__ == "__main__":
    out = Path(os.environ["CALL_PAGES_OUT"])
    print("RESULT " + json.dumps(run(out), ensure_ascii=False), flush=True)
