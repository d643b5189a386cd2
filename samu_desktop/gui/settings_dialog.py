"""The settings dialog: load and save every value in one place.

Each editor in ``ui/settings_dialog.ui`` is named after its setting, so the
mapping is generic. Settings locked by the administrator's policy are shown
disabled, with a lock and an explanation. "Enregistrer" saves through the
application state; when the file cannot be written the dialog stays open with
everything typed, and says so in one sentence.
"""

from __future__ import annotations

from typing import Any, get_args

from pydantic import ValidationError
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDoubleSpinBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QSpinBox,
    QWidget,
)

from samu_desktop.app.state import AppState
from samu_desktop.config.settings import Settings, setting_names
from samu_desktop.errors import UserFacingError
from samu_desktop.gui.generated.ui_settings_dialog import Ui_SettingsDialog


def combo_values(name: str) -> list[str]:
    """Values behind a combo box: its setting's choices, in the order of the .ui items."""
    return [str(v) for v in get_args(Settings.model_fields[name].annotation)]


LOCK = "🔒 "


class SettingsDialog(QDialog):
    def __init__(
        self,
        state: AppState,
        parent: QWidget | None = None,
        hotkey_status: str = "",
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_SettingsDialog()
        self.ui.setupUi(self)
        # Whether the global hotkey works here, and if not why (Wayland, taken…).
        self.ui.hotkeyStatus.setText(hotkey_status)
        self.ui.hotkeyStatus.setVisible(bool(hotkey_status))
        self._state = state
        self._locked = state.locked
        self.result_settings: Settings | None = None
        self.ui.lockedNotice.setVisible(bool(self._locked & set(self.editors())))
        # Why the last save failed (read-only folder, full disk); the values stay.
        self.save_error = QLabel(self)
        self.save_error.setObjectName("saveError")
        self.save_error.setWordWrap(True)
        self.save_error.setStyleSheet("color: #a00000;")
        self.save_error.setVisible(False)
        self.ui.mainLayout.insertWidget(self.ui.mainLayout.indexOf(self.ui.buttons),
                                        self.save_error)
        self._load()
        self.ui.buttons.accepted.connect(self._save)
        self.ui.buttons.rejected.connect(self.reject)

    def editors(self) -> dict[str, QWidget]:
        found: dict[str, QWidget] = {}
        for name in setting_names():
            widget = self.findChild(QWidget, name)
            if widget is not None:
                found[name] = widget
        return found

    def _load(self) -> None:
        for name, widget in self.editors().items():
            value = getattr(self._state.settings, name)
            if isinstance(widget, QLineEdit):
                widget.setText(str(value))
            elif isinstance(widget, QComboBox):
                widget.setCurrentIndex(combo_values(name).index(value))
            elif isinstance(widget, QCheckBox):
                widget.setChecked(bool(value))
            elif isinstance(widget, QSpinBox | QDoubleSpinBox):
                widget.setValue(value)
            if name in self._locked:
                widget.setEnabled(False)
                widget.setToolTip(
                    self.tr("Fixé par votre administrateur : ce réglage ne peut pas être modifié.")
                )
                label = self.findChild(QLabel, f"{name}_label")
                target = label if label is not None else widget
                if isinstance(target, QLabel | QCheckBox) and not target.text().startswith(LOCK):
                    target.setText(LOCK + target.text())

    def values(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for name, widget in self.editors().items():
            if name in self._locked:
                continue
            if isinstance(widget, QLineEdit):
                out[name] = widget.text().strip()
            elif isinstance(widget, QComboBox):
                out[name] = combo_values(name)[widget.currentIndex()]
            elif isinstance(widget, QCheckBox):
                out[name] = widget.isChecked()
            elif isinstance(widget, QSpinBox | QDoubleSpinBox):
                out[name] = widget.value()
        return out

    def _save(self) -> None:
        try:
            self.result_settings = self._state.save(self.values())
        except UserFacingError as exc:
            # Nothing was changed: the dialog keeps what the user typed.
            self.save_error.setText(exc.user_message)
            self.save_error.setVisible(True)
            return
        except ValidationError as exc:
            first = exc.errors()[0]
            name = str(first["loc"][0]) if first["loc"] else ""
            label = self.findChild(QLabel, f"{name}_label")
            shown = label.text() if label is not None else name
            QMessageBox.warning(
                self,
                self.tr("Réglage à corriger"),
                self.tr("La valeur de « {field} » n'est pas valable : corrigez-la puis "
                        "enregistrez à nouveau.").format(field=shown),
            )
            widget = self.editors().get(name)
            if widget is not None:
                widget.setFocus()
            return
        self.accept()
