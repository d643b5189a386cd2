"""One editor per field type of the catalogue.

Every editor has the same small surface: ``value()`` (None when unanswered),
``set_value(value)`` and the ``changed`` Signal, so that the form page can
treat them alike. Values use the report's conventions: a timezone-aware
datetime (stored as ISO text), a choice id, a list of choice ids, a bool for
yes/no, an int, a str.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import QDate, QDateTime, QEvent, QObject, Qt, QTime, Signal
from PySide6.QtGui import QIntValidator, QKeyEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDateTimeEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from samu_desktop.procedure.schema import FieldDef
from samu_desktop.report.autofill import start_time_choices
from samu_desktop.report.model import parse_datetime_answer
from samu_desktop.report.render import prerequisites_text


def button_text(label: str) -> str:
    """A label shown as is on a button: « Login & mot de passe » keeps its "&" (Qt
    would take it for a keyboard shortcut marker, hide it and underline the next letter)."""
    return label.replace("&", "&&")


class FieldEditor(QWidget):
    """Base of every editor. Signals: changed()"""

    changed = Signal()

    def __init__(self, field: FieldDef, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.field = field
        self.language = language
        self.setObjectName(f"field_{field.id}")
        self.setAccessibleName(field.label.get(language))
        if field.help is not None:
            self.setAccessibleDescription(field.help.get(language))

    def value(self) -> Any:
        raise NotImplementedError

    def set_value(self, value: Any) -> None:
        raise NotImplementedError

    def focus_target(self) -> QWidget:
        """The widget that takes the keyboard focus for this field."""
        return self


class DateTimeEditor(FieldEditor):
    """A date-time picker with the quick choices "maintenant", "il y a 5/15/30 min"."""

    def __init__(self, field: FieldDef, language: str, parent: QWidget | None = None) -> None:
        super().__init__(field, language, parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.edit = QDateTimeEdit(self)
        self.edit.setCalendarPopup(True)
        self.edit.setDisplayFormat("dd/MM/yyyy HH:mm")
        self.edit.setAccessibleName(self.accessibleName())
        self.edit.setDateTime(QDateTime.currentDateTime())
        self._answered = False
        self.edit.dateTimeChanged.connect(self._edited)
        layout.addWidget(self.edit)
        quick = QHBoxLayout()
        self.quick_buttons: list[QPushButton] = []
        for choice in start_time_choices():
            button = QPushButton(choice.label, self)
            button.setAccessibleName(
                self.tr("{field} : {choice}").format(
                    field=self.accessibleName(), choice=choice.label
                )
            )
            # Recomputed at click time: the page may have been open for a while.
            button.clicked.connect(lambda _=False, m=choice.minutes_ago: self.set_minutes_ago(m))
            quick.addWidget(button)
            self.quick_buttons.append(button)
        quick.addStretch(1)
        layout.addLayout(quick)

    def set_minutes_ago(self, minutes: int, now: datetime | None = None) -> None:
        choice = next(c for c in start_time_choices(now) if c.minutes_ago == minutes)
        self.set_value(choice.value)

    def _edited(self) -> None:
        self._answered = True
        self.changed.emit()

    def value(self) -> datetime | None:
        if not self._answered:
            return None
        moment = self.edit.dateTime().toPython()
        assert isinstance(moment, datetime)
        return moment.astimezone()  # the local time zone, made explicit

    def set_value(self, value: Any) -> None:
        if isinstance(value, str):
            value = parse_datetime_answer(value)
        if not isinstance(value, datetime):
            return
        local = value.astimezone()
        self.edit.setDateTime(
            QDateTime(QDate(local.year, local.month, local.day), QTime(local.hour, local.minute))
        )
        self._answered = True
        self.changed.emit()

    def focus_target(self) -> QWidget:
        return self.edit


class SingleChoiceEditor(FieldEditor):
    """Radio buttons: every choice visible, numbered.

    The arrow keys move between this question's choices only (its own button
    group); a digit answers at once and says so with ``answered``, so that the
    form moves on to the next question (one key per question under stress).

    Signals: answered() — a choice was made with its digit key.
    """

    answered = Signal()

    def __init__(self, field: FieldDef, language: str, parent: QWidget | None = None) -> None:
        super().__init__(field, language, parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.group = QButtonGroup(self)
        self.buttons: dict[str, QRadioButton] = {}
        choices = self._choices()
        for number, choice in enumerate(choices, start=1):
            # Up to 9 choices get their digit, shown before the label.
            text = f"{number} — {choice[1]}" if len(choices) <= 9 else choice[1]
            button = QRadioButton(button_text(text), self)
            button.setObjectName(f"choice_{field.id}_{choice[0]}")
            button.setAccessibleName(choice[1])
            button.installEventFilter(self)
            self.group.addButton(button)
            self.buttons[choice[0]] = button
            layout.addWidget(button)
        self.group.buttonToggled.connect(self._toggled)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
            number = event.key() - Qt.Key.Key_0
            buttons = list(self.buttons.values())
            if modifiers == Qt.KeyboardModifier.NoModifier and 1 <= number <= len(buttons) <= 9:
                buttons[number - 1].setChecked(True)
                buttons[number - 1].setFocus(Qt.FocusReason.ShortcutFocusReason)
                self.answered.emit()
                return True
        return super().eventFilter(watched, event)

    def _toggled(self, _button: QRadioButton, checked: bool) -> None:
        if checked:
            self.changed.emit()

    def _choices(self) -> list[tuple[str, str]]:
        return [(c.id, c.label.get(self.language)) for c in self.field.choices]

    def value(self) -> str | None:
        return next((cid for cid, b in self.buttons.items() if b.isChecked()), None)

    def set_value(self, value: Any) -> None:
        button = self.buttons.get(str(value)) if value is not None else None
        if button is not None:
            button.setChecked(True)

    def focus_target(self) -> QWidget:
        checked = self.group.checkedButton()
        return checked if checked is not None else next(iter(self.buttons.values()))


class YesNoEditor(SingleChoiceEditor):
    """Oui / Non; the report stores a bool."""

    def _choices(self) -> list[tuple[str, str]]:
        return [("yes", self.tr("Oui")), ("no", self.tr("Non"))]

    def value(self) -> bool | None:  # type: ignore[override]
        chosen = super().value()
        return None if chosen is None else chosen == "yes"

    def set_value(self, value: Any) -> None:
        if isinstance(value, bool):
            super().set_value("yes" if value else "no")


class MultiChoiceEditor(FieldEditor):
    def __init__(self, field: FieldDef, language: str, parent: QWidget | None = None) -> None:
        super().__init__(field, language, parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.boxes: dict[str, QCheckBox] = {}
        for choice in field.choices:
            label = choice.label.get(language)
            box = QCheckBox(button_text(label), self)
            box.setObjectName(f"choice_{field.id}_{choice.id}")
            box.setAccessibleName(label)
            box.toggled.connect(lambda _on: self.changed.emit())
            self.boxes[choice.id] = box
            layout.addWidget(box)

    def value(self) -> list[str] | None:
        ticked = [cid for cid, box in self.boxes.items() if box.isChecked()]
        return ticked or None

    def set_value(self, value: Any) -> None:
        if isinstance(value, list):
            for cid, box in self.boxes.items():
                box.setChecked(cid in value)

    def focus_target(self) -> QWidget:
        return next(iter(self.boxes.values()))


class ShortTextEditor(FieldEditor):
    def __init__(self, field: FieldDef, language: str, parent: QWidget | None = None) -> None:
        super().__init__(field, language, parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.edit = QLineEdit(self)
        if field.max_length:
            self.edit.setMaxLength(field.max_length)
        self.edit.setAccessibleName(self.accessibleName())
        self.edit.textChanged.connect(lambda _t: self.changed.emit())
        layout.addWidget(self.edit)

    def value(self) -> Any:
        return self.edit.text() or None

    def set_value(self, value: Any) -> None:
        text = "" if value is None else str(value)
        if text != self.edit.text():  # a reload must not move the cursor of the typist
            self.edit.setText(text)

    def focus_target(self) -> QWidget:
        return self.edit


class NumberEditor(ShortTextEditor):
    """A whole number (of users, for instance); empty until answered."""

    def __init__(self, field: FieldDef, language: str, parent: QWidget | None = None) -> None:
        super().__init__(field, language, parent)
        self.edit.setValidator(QIntValidator(0, 1_000_000, self))
        self.edit.setMaximumWidth(160)
        layout = self.layout()
        if isinstance(layout, QHBoxLayout):
            layout.addStretch(1)

    def value(self) -> int | None:
        text = self.edit.text().strip()
        return int(text) if text.isdigit() else None


class LongTextEditor(FieldEditor):
    def __init__(self, field: FieldDef, language: str, parent: QWidget | None = None) -> None:
        super().__init__(field, language, parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.edit = QPlainTextEdit(self)
        # Tab moves to the next field: the form must be usable with the keyboard only.
        self.edit.setTabChangesFocus(True)
        self.edit.setAccessibleName(self.accessibleName())
        self.edit.setMinimumHeight(90)
        self.edit.textChanged.connect(self.changed.emit)
        layout.addWidget(self.edit)

    def value(self) -> str | None:
        return self.edit.toPlainText() or None

    def set_value(self, value: Any) -> None:
        text = "" if value is None else str(value)
        if text != self.edit.toPlainText():
            self.edit.setPlainText(text)

    def focus_target(self) -> QWidget:
        return self.edit


class AttachmentEditor(FieldEditor):
    """Screenshots or the prerequisites test: filled by other pages of the wizard.

    Signals: changed(), action_requested() — the user wants to capture or run the test.
    """

    action_requested = Signal()

    def __init__(self, field: FieldDef, language: str, parent: QWidget | None = None) -> None:
        super().__init__(field, language, parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.status = QLabel(self)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.button = QPushButton(self)
        self.button.setAccessibleName(self.accessibleName())
        self.button.clicked.connect(self.action_requested.emit)
        layout.addWidget(self.status, 1)
        layout.addWidget(self.button)
        self._value: Any = None
        self._running = False
        self._refresh()

    def set_running(self, running: bool) -> None:
        """The prerequisites test is running (started with the form, or again by the user)."""
        self._running = running
        self._refresh()

    def _refresh(self) -> None:
        if self.field.type == "screenshots":
            count = len(self._value) if isinstance(self._value, list) else 0
            self.status.setText(
                self.tr("Aucune copie d'écran") if count == 0
                else self.tr("%n copie(s) d'écran masquée(s) et vérifiée(s)", "", count)
            )
            self.button.setText(self.tr("Copies d'écran…"))
        elif self._running:
            self.status.setText(self.tr("Test en cours…"))
            self.button.setText(self.tr("Voir le test des prérequis"))
        else:
            self.status.setText(
                self.tr("Test non lancé") if self._value is None
                else self.tr("Test effectué : {summary}").format(
                    summary=prerequisites_text(self._value, self.language))
            )
            self.button.setText(self.tr("Lancer le test des prérequis") if self._value is None
                                else self.tr("Voir le test des prérequis"))

    def value(self) -> Any:
        return self._value

    def set_value(self, value: Any) -> None:
        self._value = value
        self._refresh()
        self.changed.emit()

    def focus_target(self) -> QWidget:
        return self.button


EDITORS: dict[str, type[FieldEditor]] = {
    "datetime": DateTimeEditor,
    "single_choice": SingleChoiceEditor,
    "multi_choice": MultiChoiceEditor,
    "yes_no": YesNoEditor,
    "number": NumberEditor,
    "short_text": ShortTextEditor,
    "long_text": LongTextEditor,
    "screenshots": AttachmentEditor,
    "prerequisites_result": AttachmentEditor,
}


def make_editor(field: FieldDef, language: str, parent: QWidget | None = None) -> FieldEditor:
    return EDITORS[field.type](field, language, parent)
