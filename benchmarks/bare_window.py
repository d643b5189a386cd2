"""A bare PySide6 window, the yardstick of the start-up benchmarks.

Prints "window shown" once it has painted; with ``--quit`` it then exits, so that a
whole-process timer can compare it with the app started with
``SAMU_DESKTOP_STARTUP_PROBE=quit``.
"""

import sys

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow


class FirstPaint(QObject):
    def eventFilter(self, watched, event):  # type: ignore[no-untyped-def]
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, shown)
        return False


def shown() -> None:
    print("window shown", flush=True)
    if "--quit" in sys.argv:
        QApplication.quit()


app = QApplication(sys.argv[:1])
window = QMainWindow()
window.setCentralWidget(QLabel("Hello"))
window.resize(900, 700)
probe = FirstPaint()
window.installEventFilter(probe)
window.show()
app.exec()
