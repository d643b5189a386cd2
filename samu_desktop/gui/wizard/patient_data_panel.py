"""Next to a free-text field: what looks like patient data, and a box per flagged passage.

The report cannot be sent while a flagged passage is there: the user removes
it from the text, or ticks its box to say that this very text is not patient
data (a number that is a phone line of the centre, a colleague's name …).
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QFrame, QLabel, QVBoxLayout, QWidget

from samu_desktop.pii.kinds import kind_label
from samu_desktop.report.patient_data import FlaggedSpan

SHOWN_SPAN_MAX = 60


class PatientDataPanel(QFrame):
    """Signals: confirmed(str, bool) — a flagged text, and whether it is not patient data."""

    confirmed = Signal(str, bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("patientData")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(8, 6, 8, 6)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self._layout.addWidget(self.message)
        self.boxes: list[QCheckBox] = []
        self._shown: tuple[object, ...] = ()
        self.hide()

    def show_spans(self, spans: list[FlaggedSpan], blocking: bool) -> bool:
        """Show these flagged passages (none: hide); True when the panel changed."""
        distinct: dict[str, FlaggedSpan] = {}
        for span in spans:
            distinct.setdefault(span.text, span)
        key = (blocking, *((s.text, s.finding.kind, s.confirmed) for s in distinct.values()))
        if key == self._shown:
            return False
        self._shown = key
        for box in self.boxes:
            self._layout.removeWidget(box)
            box.deleteLater()
        self.boxes = []
        if not distinct:
            self.hide()
            return True
        waiting = any(not s.confirmed for s in distinct.values())
        colour = "#b00020" if blocking and waiting else "#8a5a00"
        self.setStyleSheet(
            f"QFrame#patientData {{ border: 2px solid {colour}; border-radius: 4px;"
            f" background: #fff8e1; }} QLabel {{ color: {colour}; }}"
        )
        if not waiting:
            text = self.tr("Passages signalés confirmés : ce ne sont pas des données de patient.")
        elif blocking:
            text = self.tr(
                "Ce texte semble contenir des données de patient, et il quitte le centre : "
                "l'envoi est bloqué. Retirez-les du texte, ou cochez chaque passage qui n'en "
                "est pas."
            )
        else:
            text = self.tr(
                "Ce texte semble contenir des données de patient : ne les lisez pas au "
                "support."
            )
        self.message.setText(text)
        for span in distinct.values():
            shown = span.text if len(span.text) <= SHOWN_SPAN_MAX \
                else span.text[: SHOWN_SPAN_MAX - 1] + "…"
            box = QCheckBox(
                self.tr("« {text} » ({kind}) n'est pas une donnée de patient").format(
                    text=shown.replace("&", "&&"), kind=kind_label(span.finding.kind)),
                self,
            )
            box.setChecked(span.confirmed)
            box.toggled.connect(lambda checked, t=span.text: self.confirmed.emit(t, checked))
            self._layout.addWidget(box)
            self.boxes.append(box)
        self.show()
        return True
