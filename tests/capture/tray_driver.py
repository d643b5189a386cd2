"""Runs HotkeyService with a real tray icon on an X server, for test_capture_tray.py.

Prints ``ready`` once the hotkey is held and the tray icon shown, ``balloon X Y``
(the centre of Qt's notification bubble) after a capture, then one JSON line
when the notification was clicked, and quits.
"""

from __future__ import annotations

import json
import sys

from PySide6.QtCore import QTimer
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import QApplication, QSystemTrayIcon

from samu_desktop.capture.models import CaptureBatch
from samu_desktop.gui.hotkey_bridge import HotkeyService


def main() -> int:
    app = QApplication(sys.argv[:1])
    pixmap = QPixmap(22, 22)
    pixmap.fill(QColor("#c00000"))
    tray = QSystemTrayIcon(QIcon(pixmap))
    tray.show()
    service = HotkeyService("<ctrl>+<alt>+<shift>+s", tray=tray)
    if not service.start():
        print(json.dumps({"error": service.last_error}), flush=True)
        return 1

    def find_balloon() -> None:
        for widget in app.topLevelWidgets():
            if widget.metaObject().className() == "QBalloonTip" and widget.isVisible():
                centre = widget.geometry().center()
                print(f"balloon {centre.x()} {centre.y()}", flush=True)
                return
        QTimer.singleShot(20, find_balloon)

    def opened(batch: CaptureBatch) -> None:
        print(json.dumps({
            "opened": batch.taken_at.isoformat(),
            "screens": len(batch.captures),
            "waiting": len(service.capture_log),
            "toast": service.toast is not None,
        }), flush=True)
        service.shutdown()
        app.quit()

    service.captured.connect(lambda _batch: QTimer.singleShot(0, find_balloon))
    service.open_requested.connect(opened)
    print(f"ready {json.dumps({'tray': QSystemTrayIcon.isSystemTrayAvailable()})}", flush=True)
    # A watchdog: a test waiting on our output must never hang.
    QTimer.singleShot(20_000, lambda: app.exit(3))
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
