"""A stand-in for the SI-SAMU communication banner, with synthetic patient data on screen.

Run as a separate process on the test's X server
(``python tests/e2e/fake_bandeau.py [X Y]``): it is the "other window" that has
the focus when the outage hotkey is pressed. Every name and number is invented.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QTimer
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QLabel, QVBoxLayout, QWidget

TITLE = "Bandeau de communication - simulation"
PHONE = "06 12 34 56 78"
LINES = (
    "Appel entrant - ligne 15 - en attente",
    "Patient : DURAND Marie",
    f"Tél. : {PHONE}",
    "Erreur : connexion au Session Server perdue",
)


def main() -> int:
    app = QApplication(sys.argv[:1])
    window = QWidget()
    window.setWindowTitle(TITLE)
    window.setStyleSheet("background: white; color: black;")
    layout = QVBoxLayout(window)
    font = QFont("DejaVu Sans", 22)
    for text in LINES:
        label = QLabel(text, window)
        label.setFont(font)
        layout.addWidget(label)
    x, y = (int(v) for v in sys.argv[1:3]) if len(sys.argv) >= 3 else (60, 60)
    window.setGeometry(x, y, 900, 330)
    window.show()
    QTimer.singleShot(200, lambda: print("fake banner shown", flush=True))
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
