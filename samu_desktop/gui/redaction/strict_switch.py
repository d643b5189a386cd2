"""The masking screen's strict mode for the capture shown, and "accept every proposal".

Strict mode proposes every run of text that is not the SI-SAMU tools' own
words (``samu_desktop.pii.strict``): for a user who prefers hiding too much to
missing a name. The switch belongs to the capture shown; its starting value is
the ``pii_strict_mode`` setting, which an administrator's policy may lock (the
switch is then shown fixed, with the reason). The page that owns the detector
does the work when the user flips it (``RedactionEditor.strict_changed``).
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QWidget

LOCK = "🔒 "


class StrictSwitch(QWidget):
    """Signals: flipped(bool) — the user turned strict mode on or off for this capture."""

    flipped = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.box = QCheckBox(self._text(), self)
        self.box.setObjectName("strictMode")
        self.box.setToolTip(self.tr(
            "Propose de masquer tout texte de cette capture qui n'est pas un libellé, un "
            "bouton ou un menu des outils SI-SAMU. Retirez ce qui doit rester visible."))
        self.box.clicked.connect(self.flipped)
        self.locked = False
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.box)

    def _text(self) -> str:
        return self.tr("Mode strict : tout proposer sauf l'interface")

    def show_state(self, on: bool, enabled: bool) -> None:
        """The capture shown: its mode; not switchable without a capture or when locked."""
        self.box.blockSignals(True)
        self.box.setChecked(on)
        self.box.blockSignals(False)
        self.box.setEnabled(enabled and not self.locked)

    def set_locked(self, locked: bool) -> None:
        """Fixed by the administrator's policy: shown, with the reason, not switchable."""
        self.locked = locked
        self.box.setText(LOCK + self._text() if locked else self._text())
        if locked:
            self.box.setToolTip(self.tr(
                "Fixé par votre administrateur : ce réglage ne peut pas être modifié."))
        self.box.setEnabled(self.box.isEnabled() and not locked)
