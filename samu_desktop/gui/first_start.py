"""The first-start setup: who reports, and how reports leave, in one short form.

Only what neither the administrator's policy nor the user has given is asked:
a value the policy locks is not shown at all. "Tester" tries the mail server
with what is typed (the same test as the sending settings, see
``mail/connection_test.py``) and says in one French sentence what is wrong.
"Enregistrer" keeps the password in the system keyring, then saves through
the one application state; when either fails the dialog stays open with
everything typed and says why. "Plus tard" closes it: reports can still be
written, captured and kept; the send page says what is missing.

Signals: saved(object) — the Settings saved; test_finished(str) — the test's
sentence (also shown in the dialog).
"""

from __future__ import annotations

import ssl
from collections.abc import Callable
from typing import Any

from pydantic import ValidationError
from PySide6.QtCore import Signal
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from samu_desktop.app.readiness import IDENTITY_FIELDS, SERVER_FIELDS, setup_fields
from samu_desktop.app.state import AppState
from samu_desktop.config import credentials
from samu_desktop.config.settings import Settings
from samu_desktop.errors import UserFacingError
from samu_desktop.gui.smtp_settings import DEFAULT_PORTS, SECURITY_VALUES
from samu_desktop.gui.tasks import TaskRunner
from samu_desktop.mail.connection_test import save_with_password, trial_transport, verdict
from samu_desktop.mail.transport import (
    SmtpConfig,
    StepResult,
    default_ssl_context,
    smtp_account,
)


class FirstStartDialog(QDialog):
    saved = Signal(object)
    test_finished = Signal(str)

    def __init__(
        self,
        state: AppState,
        runner: TaskRunner | None = None,
        ssl_context_factory: Callable[[], ssl.SSLContext] = default_ssl_context,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("firstStart")
        self.setWindowTitle(self.tr("Premiers réglages"))
        self._state = state
        self._runner = runner or TaskRunner()
        self._ssl_context_factory = ssl_context_factory
        self._allow_plaintext = state.allow_plaintext_smtp
        self.asked = setup_fields(state.locked)
        self.testing = False
        self.editors: dict[str, QWidget] = {}
        self._build()
        self._load()

    # -- layout ---------------------------------------------------------------
    def _labels(self) -> dict[str, str]:
        return {
            "centre_name": self.tr("Nom du SAMU / CRRA"),
            "crra_id": self.tr("Identifiant du CRRA"),
            "reporter_name": self.tr("Votre nom"),
            "reporter_phone": self.tr("Téléphone pour vous rappeler"),
            "reporter_email": self.tr("Votre adresse e-mail"),
            "smtp_host": self.tr("Serveur d'envoi (SMTP)"),
            "smtp_port": self.tr("Port"),
            "smtp_security": self.tr("Chiffrement"),
            "smtp_auth": self.tr("Le serveur demande un identifiant"),
            "smtp_username": self.tr("Identifiant"),
            "sender_address": self.tr("Adresse d'expéditeur"),
        }

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr(
            "Quelques informations pour que vos signalements arrivent au support et que l'on "
            "puisse vous rappeler. Ce que votre administrateur a déjà réglé n'est pas "
            "demandé."), self)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        labels = self._labels()
        self.identity = QGroupBox(self.tr("Votre centre et vous"), self)
        self.server = QGroupBox(self.tr("Envoi des signalements"), self)
        forms = {self.identity: QFormLayout(self.identity), self.server: QFormLayout(self.server)}
        for group, names in ((self.identity, IDENTITY_FIELDS), (self.server, SERVER_FIELDS)):
            form = forms[group]
            for name in names:
                if name not in self.asked:
                    continue  # the administrator's policy gives it
                editor = self._editor(name, labels[name])
                self.editors[name] = editor
                if isinstance(editor, QCheckBox):
                    form.addRow(editor)
                    continue
                label = QLabel(labels[name], group)
                label.setBuddy(editor)
                form.addRow(label, editor)
            if group is self.server:
                # Never a setting, never locked: asked whenever the server wants one.
                self.password = QLineEdit(group)
                self.password.setObjectName("smtp_password")
                self.password.setEchoMode(QLineEdit.EchoMode.Password)
                self.password.setAccessibleName(self.tr("Mot de passe"))
                self.password_label = QLabel(self.tr("Mot de passe"), group)
                self.password_label.setBuddy(self.password)
                form.addRow(self.password_label, self.password)
            group.setVisible(form.rowCount() > 0)
            layout.addWidget(group)

        self.test_button = QPushButton(self.tr("&Tester"), self)
        self.test_button.setObjectName("testServer")
        self.test_button.clicked.connect(self.test_connection)
        layout.addWidget(self.test_button)
        self.test_result = QLabel(self)
        self.test_result.setObjectName("testResult")
        self.test_result.setWordWrap(True)
        self.test_result.hide()
        layout.addWidget(self.test_result)
        # Why the last save failed (a value, a read-only folder, the keyring); values stay.
        self.save_error = QLabel(self)
        self.save_error.setObjectName("saveError")
        self.save_error.setWordWrap(True)
        self.save_error.setStyleSheet("color: #a00000;")
        self.save_error.hide()
        layout.addWidget(self.save_error)

        self.buttons = QDialogButtonBox(self)
        self.save_button = self.buttons.addButton(self.tr("&Enregistrer"),
                                                  QDialogButtonBox.ButtonRole.AcceptRole)
        self.save_button.setObjectName("primary")
        self.later_button = self.buttons.addButton(self.tr("&Plus tard"),
                                                   QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

    def _editor(self, name: str, label: str) -> QWidget:
        editor: QWidget
        if name == "smtp_port":
            spin = QSpinBox(self)
            spin.setRange(1, 65535)
            editor = spin
        elif name == "smtp_security":
            combo = QComboBox(self)
            combo.addItems([self.tr("STARTTLS (recommandé)"), self.tr("TLS"),
                            self.tr("Aucun (non chiffré)")])
            combo.currentIndexChanged.connect(self._security_changed)
            editor = combo
        elif name == "smtp_auth":
            box = QCheckBox(label, self)
            box.toggled.connect(self._auth_toggled)
            editor = box
        else:
            line = QLineEdit(self)
            if name == "crra_id":
                line.setPlaceholderText(self.tr("FR suivi de 3 caractères, par exemple FR680"))
            elif name == "sender_address":
                line.setPlaceholderText(self.tr("Vide : votre adresse e-mail"))
            editor = line
        editor.setObjectName(name)
        editor.setAccessibleName(label)
        return editor

    def _load(self) -> None:
        s = self._state.settings
        for name, editor in self.editors.items():
            value = getattr(s, name)
            if isinstance(editor, QLineEdit):
                editor.setText(str(value))
            elif isinstance(editor, QSpinBox):
                editor.setValue(int(value))
            elif isinstance(editor, QComboBox):
                model = editor.model()
                if isinstance(model, QStandardItemModel) and not self._allow_plaintext:
                    item = model.item(SECURITY_VALUES.index("none"))
                    item.setEnabled(False)
                    item.setToolTip(self.tr("Non autorisé par votre administrateur."))
                editor.blockSignals(True)
                editor.setCurrentIndex(SECURITY_VALUES.index(str(value)))
                editor.blockSignals(False)
            elif isinstance(editor, QCheckBox):
                editor.setChecked(bool(value))
        self._auth_toggled(self._auth())
        if self._auth() and s.smtp_username.strip() and s.smtp_host.strip():
            try:
                stored = credentials.get_secret(smtp_account(s.smtp_username, s.smtp_host))
            except credentials.CredentialsUnavailable:
                stored = None
            if stored:
                self.password.setPlaceholderText(
                    self.tr("Enregistré dans le trousseau — laisser vide pour le garder"))

    def _auth(self) -> bool:
        box = self.editors.get("smtp_auth")
        return box.isChecked() if isinstance(box, QCheckBox) else self._state.settings.smtp_auth

    def _auth_toggled(self, on: bool) -> None:
        for widget in (self.password, self.password_label, self.editors.get("smtp_username")):
            if widget is not None:
                widget.setEnabled(on)

    def _security_changed(self, index: int) -> None:
        # The usual port of the mode, unless the user had typed a port of their own.
        port = self.editors.get("smtp_port")
        if isinstance(port, QSpinBox) and port.value() in DEFAULT_PORTS.values():
            port.setValue(DEFAULT_PORTS[SECURITY_VALUES[index]])

    # -- values -----------------------------------------------------------------
    def values(self) -> dict[str, Any]:
        """What is typed, for the settings the setup asks (never a locked one)."""
        out: dict[str, Any] = {}
        for name, editor in self.editors.items():
            if isinstance(editor, QLineEdit):
                out[name] = editor.text().strip()
            elif isinstance(editor, QSpinBox):
                out[name] = editor.value()
            elif isinstance(editor, QComboBox):
                out[name] = SECURITY_VALUES[editor.currentIndex()]
            elif isinstance(editor, QCheckBox):
                out[name] = editor.isChecked()
        return out

    def _invalid_sentence(self, exc: ValidationError) -> str:
        labels = self._labels()
        names = [str(e["loc"][0]) for e in exc.errors() if e["loc"]]
        name = next((n for n in names if n in labels), "")
        if name == "crra_id":
            return self.tr("« Identifiant du CRRA » n'est pas valable : FR suivi de 3 "
                           "caractères, par exemple FR680.")
        if name:
            return self.tr("« {label} » n'est pas valable : corrigez-le, puis enregistrez."
                           ).format(label=labels[name])
        return self.tr("Une valeur n'est pas valable : corrigez-la, puis enregistrez.")

    # -- test ---------------------------------------------------------------------
    def test_connection(self) -> None:
        try:
            candidate = self._state.candidate(self.values())
        except ValidationError as exc:
            self._show_test_result(self._invalid_sentence(exc))
            return
        config = SmtpConfig.from_settings(candidate)
        transport = trial_transport(candidate, self.password.text(),
                                    allow_plaintext=self._allow_plaintext,
                                    ssl_context_factory=self._ssl_context_factory)
        self.testing = True
        self.test_button.setEnabled(False)
        self._show_test_result(self.tr("Test en cours…"))

        def done(results: list[StepResult]) -> None:
            self._test_ended(verdict(results, config))

        def failed(exc: Exception) -> None:
            self._test_ended(getattr(exc, "user_message", None) or self.tr(
                "Le test n'a pas pu être mené à son terme : réessayez."))

        self._runner.run(transport.test_connection, on_success=done, on_failure=failed)

    def _test_ended(self, sentence: str) -> None:
        self.testing = False
        self.test_button.setEnabled(True)
        self._show_test_result(sentence)
        self.test_finished.emit(sentence)

    def _show_test_result(self, text: str) -> None:
        self.test_result.setText(text)
        self.test_result.setVisible(bool(text))

    # -- save -----------------------------------------------------------------------
    def save(self) -> None:
        """Keep the password, then save the settings; on failure stay open with every value.

        The password goes first: whoever hears of the save (the outbox sender wakes
        and tries at once, the send page checks again) finds it in the keyring.
        """
        try:
            saved: Settings = save_with_password(self._state, self.values(),
                                                 self.password.text())
        except ValidationError as exc:
            self._show_save_error(self._invalid_sentence(exc))
            return
        except UserFacingError as exc:
            self._show_save_error(exc.user_message)
            return
        self.password.clear()
        self.saved.emit(saved)
        self.accept()

    def _show_save_error(self, text: str) -> None:
        self.save_error.setText(text)
        self.save_error.setVisible(bool(text))
