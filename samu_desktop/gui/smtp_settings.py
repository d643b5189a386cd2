"""The sending settings: server, security, account, and "Tester la connexion".

The password goes to the OS keyring when the user saves, and is never shown
back: the field is always empty when the dialog opens, its placeholder says
whether a password is stored, and leaving it empty keeps the stored one. The
connection test runs off the GUI thread and shows each step (DNS, TCP, TLS,
SMTP, authentication) as it completes.

"Enregistrer" keeps the password first, then saves the settings through the
application state (every part that depends on them hears of it, the outbox
sender included, and finds the password already there). When either cannot
be written the dialog stays open with everything typed, and says why in one
sentence.

Signals: step_reported(object) — one StepResult of the running test (internal,
queued from the worker thread).
"""

from __future__ import annotations

import ssl
from collections.abc import Callable
from typing import Any

from pydantic import ValidationError
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from samu_desktop.app.state import AppState
from samu_desktop.config import credentials
from samu_desktop.config.settings import Settings
from samu_desktop.errors import UserFacingError
from samu_desktop.gui.tasks import TaskRunner
from samu_desktop.mail.connection_test import save_with_password, trial_transport, verdict
from samu_desktop.mail.transport import (
    SmtpConfig,
    StepResult,
    default_ssl_context,
    smtp_account,
)

SECURITY_VALUES = ["starttls", "tls", "none"]
DEFAULT_PORTS = {"starttls": 587, "tls": 465, "none": 25}
STATUS_MARKS = {"ok": "✔", "failed": "✖", "warning": "⚠", "skipped": "–"}
LOCK = "🔒 "


class SmtpSettingsDialog(QDialog):
    step_reported = Signal(object)

    def __init__(
        self,
        state: AppState,
        runner: TaskRunner | None = None,
        ssl_context_factory: Callable[[], ssl.SSLContext] = default_ssl_context,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Réglages d'envoi"))
        self._state = state
        self._locked = state.locked
        self._allow_plaintext = state.allow_plaintext_smtp
        self._runner = runner or TaskRunner()
        self._ssl_context_factory = ssl_context_factory
        self.result_settings: Settings | None = None
        self._tested = SmtpConfig(host="", port=0)
        self.testing = False
        self._loading = True
        self._build()
        self._load()
        self._loading = False
        self.step_reported.connect(self._show_step)

    # -- layout -------------------------------------------------------------
    def _build(self) -> None:
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.host = QLineEdit(self)
        self.host.setObjectName("smtp_host")
        self.port = QSpinBox(self)
        self.port.setObjectName("smtp_port")
        self.port.setRange(1, 65535)
        self.security = QComboBox(self)
        self.security.setObjectName("smtp_security")
        self.security.addItems([self.tr("STARTTLS (recommandé)"), self.tr("TLS"),
                                self.tr("Aucun (non chiffré)")])
        self.auth = QCheckBox(self.tr("Le serveur demande un identifiant"), self)
        self.auth.setObjectName("smtp_auth")
        self.username = QLineEdit(self)
        self.username.setObjectName("smtp_username")
        self.password = QLineEdit(self)
        self.password.setObjectName("smtp_password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.sender_edit = QLineEdit(self)
        self.sender_edit.setObjectName("sender_address")
        self.cc = QLineEdit(self)
        self.cc.setObjectName("cc_address")
        rows: list[tuple[str, QWidget]] = [
            (self.tr("Serveur SMTP"), self.host),
            (self.tr("Port"), self.port),
            (self.tr("Chiffrement"), self.security),
            ("", self.auth),
            (self.tr("Identifiant"), self.username),
            (self.tr("Mot de passe"), self.password),
            (self.tr("Adresse d'expéditeur"), self.sender_edit),
            (self.tr("Copie (facultative)"), self.cc),
        ]
        for text, widget in rows:
            if not text:
                form.addRow(widget)
                continue
            label = QLabel(text, self)
            label.setBuddy(widget)
            label.setObjectName(f"{widget.objectName()}_label")
            widget.setAccessibleName(text)
            form.addRow(label, widget)
        layout.addLayout(form)

        self.plaintext_warning = QLabel(self)
        self.plaintext_warning.setWordWrap(True)
        self.plaintext_warning.setObjectName("warningText")
        layout.addWidget(self.plaintext_warning)
        self.keyring_note = QLabel(self)
        self.keyring_note.setWordWrap(True)
        layout.addWidget(self.keyring_note)
        # Why the last save failed (read-only folder, full disk, keyring); the values stay.
        self.save_error = QLabel(self)
        self.save_error.setObjectName("saveError")
        self.save_error.setWordWrap(True)
        self.save_error.setStyleSheet("color: #a00000;")
        self.save_error.setVisible(False)
        layout.addWidget(self.save_error)

        self.test_button = QPushButton(self.tr("Tester la connexion"), self)
        self.test_button.clicked.connect(self.test_connection)
        layout.addWidget(self.test_button)
        self.steps = QListWidget(self)
        self.steps.setAccessibleName(self.tr("Résultat du test de connexion"))
        layout.addWidget(self.steps)
        # The test in one sentence: what is wrong and what to check (as the first start).
        self.verdict = QLabel(self)
        self.verdict.setObjectName("testVerdict")
        self.verdict.setWordWrap(True)
        self.verdict.hide()
        layout.addWidget(self.verdict)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

        self.security.currentIndexChanged.connect(self._security_changed)
        self.auth.toggled.connect(self._auth_toggled)

    def _load(self) -> None:
        s = self._state.settings
        self.host.setText(s.smtp_host)
        self.port.setValue(s.smtp_port)
        model = self.security.model()
        if isinstance(model, QStandardItemModel) and not self._allow_plaintext:
            item = model.item(SECURITY_VALUES.index("none"))
            item.setEnabled(False)
            item.setToolTip(self.tr("Non autorisé par votre administrateur."))
        self.security.setCurrentIndex(SECURITY_VALUES.index(s.smtp_security))
        self.auth.setChecked(s.smtp_auth)
        self.username.setText(s.smtp_username)
        self.sender_edit.setText(s.sender_address)
        self.cc.setText(s.cc_address)
        for name, widget in self._editors().items():
            if name in self._locked:
                widget.setEnabled(False)
                widget.setToolTip(
                    self.tr("Fixé par votre administrateur : ce réglage ne peut pas être modifié."))
                label = self.findChild(QLabel, f"{name}_label")
                if label is not None and not label.text().startswith(LOCK):
                    label.setText(LOCK + label.text())
        self._security_changed()
        self._auth_toggled(s.smtp_auth)
        self._describe_keyring()

    def _editors(self) -> dict[str, QWidget]:
        return {"smtp_host": self.host, "smtp_port": self.port, "smtp_security": self.security,
                "smtp_auth": self.auth, "smtp_username": self.username,
                "sender_address": self.sender_edit, "cc_address": self.cc}

    def _security_changed(self) -> None:
        value = SECURITY_VALUES[self.security.currentIndex()]
        # A user who switches the security mode gets its usual port, unless
        # they had typed a port of their own.
        if (not self._loading and "smtp_port" not in self._locked
                and self.port.value() in DEFAULT_PORTS.values()):
            self.port.setValue(DEFAULT_PORTS[value])
        if value != "none":
            self.plaintext_warning.setText("")
        elif self._allow_plaintext:
            self.plaintext_warning.setText(self.tr(
                "Attention : sans chiffrement, le mot de passe et le signalement circulent en "
                "clair sur le réseau. Votre administrateur l'autorise ; préférez STARTTLS si "
                "le serveur le permet."))
        else:
            self.plaintext_warning.setText(self.tr(
                "L'envoi sans chiffrement n'est pas autorisé par votre administrateur : "
                "choisissez STARTTLS ou TLS."))
        self.plaintext_warning.setVisible(bool(self.plaintext_warning.text()))

    def _auth_toggled(self, on: bool) -> None:
        self.username.setEnabled(on and "smtp_username" not in self._locked)
        self.password.setEnabled(on)

    def _account(self) -> str:
        return smtp_account(self.username.text(), self.host.text())

    def _describe_keyring(self) -> None:
        try:
            stored = bool(self.username.text().strip()) and (
                credentials.get_secret(self._account()) is not None)
        except credentials.CredentialsUnavailable as exc:
            self.keyring_note.setText(exc.user_message)
            self.password.setPlaceholderText("")
            return
        self.password.setPlaceholderText(
            self.tr("Enregistré dans le trousseau — laisser vide pour le garder") if stored
            else self.tr("Aucun mot de passe enregistré"))
        self.keyring_note.setText(self.tr(
            "Le mot de passe est conservé dans le trousseau sécurisé du système, jamais dans "
            "un fichier ; il n'est jamais réaffiché."))

    # -- values ---------------------------------------------------------------
    def values(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "smtp_host": self.host.text().strip(),
            "smtp_port": self.port.value(),
            "smtp_security": SECURITY_VALUES[self.security.currentIndex()],
            "smtp_auth": self.auth.isChecked(),
            "smtp_username": self.username.text().strip(),
            "sender_address": self.sender_edit.text().strip(),
            "cc_address": self.cc.text().strip(),
        }
        return {k: v for k, v in out.items() if k not in self._locked}

    def _candidate(self) -> Settings:
        return self._state.candidate(self.values())

    # -- test -----------------------------------------------------------------
    def test_connection(self) -> None:
        try:
            candidate = self._candidate()
        except ValidationError:
            self._invalid()
            return
        self._tested = SmtpConfig.from_settings(candidate)
        self.verdict.hide()
        transport = trial_transport(candidate, self.password.text(),
                                    allow_plaintext=self._allow_plaintext,
                                    ssl_context_factory=self._ssl_context_factory)
        self.steps.clear()
        self.testing = True
        self.test_button.setEnabled(False)
        self._runner.run(lambda: transport.test_connection(self.step_reported.emit),
                         on_success=self._test_done, on_failure=self._test_failed)

    def _show_step(self, result: StepResult) -> None:
        mark = STATUS_MARKS[result.status]
        item = QListWidgetItem(f"{mark} {result.label} : {result.message}")
        item.setData(Qt.ItemDataRole.UserRole, result.status)
        item.setToolTip(result.message)
        for row in range(self.steps.count()):
            if self.steps.item(row).data(Qt.ItemDataRole.UserRole + 1) == result.step:
                self.steps.takeItem(row)
                break
        item.setData(Qt.ItemDataRole.UserRole + 1, result.step)
        self.steps.addItem(item)

    def _test_done(self, results: list[StepResult]) -> None:
        self.testing = False
        self.test_button.setEnabled(True)
        self.verdict.setText(verdict(results, self._tested))
        self.verdict.show()

    def _test_failed(self, exc: Exception) -> None:
        self.testing = False
        self.test_button.setEnabled(True)
        message = getattr(exc, "user_message", None) or self.tr(
            "Le test n'a pas pu être mené à son terme : réessayez.")
        self.steps.addItem(QListWidgetItem(f"{STATUS_MARKS['failed']} {message}"))

    def step_texts(self) -> list[str]:
        return [self.steps.item(row).text() for row in range(self.steps.count())]

    # -- save -------------------------------------------------------------------
    def _invalid(self) -> None:
        QMessageBox.warning(self, self.tr("Réglage à corriger"), self.tr(
            "Une valeur n'est pas valable (port, adresse…) : corrigez-la puis réessayez."))

    def save(self) -> None:
        """Keep the password, then save the settings; on failure stay open with every value.

        The password goes first: whoever hears of the save (the outbox sender wakes
        and tries at once) finds it in the keyring, instead of setting the report
        aside for want of a password.
        """
        try:
            saved = save_with_password(self._state, self.values(), self.password.text())
        except ValidationError:
            self._invalid()
            return
        except UserFacingError as exc:
            # The typed password stays in its field for another try.
            self._show_save_error(exc.user_message)
            return
        self.result_settings = saved
        self.password.clear()
        self.accept()

    def _show_save_error(self, text: str) -> None:
        self.save_error.setText(text)
        self.save_error.setVisible(True)
