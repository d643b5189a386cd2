"""Runs the region overlay on a real X server, for test_capture_overlay.py.

Captures the screens (two monitors injected on a 3840×1080 Xvfb), shows the
overlay, prints ``ready`` once every pane is on screen, then one JSON line with
the outcome. The test drives the mouse and keyboard with xdotool.
"""

from __future__ import annotations

import json
import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from samu_desktop.capture.grabber import ScreenGrabber
from samu_desktop.capture.models import Capture, MonitorLayout
from samu_desktop.gui.capture_overlay import RegionOverlay


def main() -> int:
    app = QApplication(sys.argv[:1])
    layout = MonitorLayout.parse(sys.argv[1])
    with ScreenGrabber(layout=layout) as grabber:
        captures = grabber.grab_all()
    overlay = RegionOverlay(captures, layout)

    def selected(capture: Capture) -> None:
        image = capture.image
        samples = {
            f"{x},{y}": list(image.getpixel((x, y)))  # type: ignore[arg-type]
            for x, y in ((0, 0), (image.width - 1, image.height - 1),
                         (image.width // 2, image.height // 2))
        }
        print(json.dumps({
            "area": capture.area.model_dump(),
            "size": list(image.size),
            "monitor": capture.monitor.index,
            "samples": samples,
        }), flush=True)
        app.quit()

    def cancelled() -> None:
        print(json.dumps({"cancelled": True}), flush=True)
        app.quit()

    overlay.selected.connect(selected)
    overlay.cancelled.connect(cancelled)
    overlay.show()

    def announce() -> None:
        if all(p.windowHandle() is not None and p.windowHandle().isExposed()
               for p in overlay.panes):
            screens = [
                {"geometry": [s.geometry().x(), s.geometry().y(), s.geometry().width(),
                              s.geometry().height()], "dpr": s.devicePixelRatio()}
                for s in app.screens()
            ]
            print("ready " + json.dumps({"screens": screens}), flush=True)
        else:
            QTimer.singleShot(20, announce)

    QTimer.singleShot(0, announce)
    # A watchdog: a test waiting on our output must never hang.
    QTimer.singleShot(20_000, lambda: app.exit(3))
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
