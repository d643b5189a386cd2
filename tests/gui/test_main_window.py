"""The application shell through the real widgets (offscreen)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QCheckBox, QLineEdit, QMessageBox
from pytestqt.qtbot import QtBot

from samu_desktop import i18n
from samu_desktop.config.paths import AppPaths
from samu_desktop.gui.app import Application, build
from samu_desktop.gui.settings_dialog import SettingsDialog
from tests.guards import ModalDialogs


def write(path: Path, data: object) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data) if not isinstance(data, str) else data)


@pytest.fixture
def make_app(qtbot: QtBot) -> Iterator[callable]:  # type: ignore[valid-type]
    built: list[Application] = []

    def make(lang: str | None = None) -> Application:
        app = build(QApplication.instance(), AppPaths.default(), lang)  # type: ignore[arg-type]
        qtbot.addWidget(app.window)
        built.append(app)
        return app

    yield make
    for app in built:
        app.window.stop_sender()
        for translator in app.translators:
            QCoreApplication.removeTranslator(translator)
    i18n.install(None)


def test_home_page_asks_the_question_and_offers_four_cases(make_app, qtbot: QtBot) -> None:
    window = make_app().window
    window.show()
    qtbot.waitExposed(window)
    ui = window.home.ui
    assert ui.titleLabel.text() == "Sur quel outil rencontrez-vous un incident ?"
    texts = [b.text() for b in (ui.caseA, ui.caseB, ui.caseC, ui.caseD)]
    assert [t[0] for t in texts] == ["A", "B", "C", "D"]
    assert "Pack OTN" in ui.caseA.description()
    assert "Selfcare" in ui.caseB.description()
    assert all(b.accessibleName() for b in (ui.caseA, ui.caseB, ui.caseC, ui.caseD))


def test_each_case_opens_its_form_with_the_procedure_guidance(make_app, qtbot: QtBot) -> None:
    write(AppPaths.default().policy_file,
          {"locked": {"support_phone_calls": "01 00 00 00 01",
                      "local_it_email": "dsi@hopital.example"}})
    window = make_app().window
    window.show()
    qtbot.mouseClick(window.home.ui.caseA, Qt.MouseButton.LeftButton)
    assert window.wizard is not None
    assert "appels" in window.wizard.guidance.text()
    assert window.wizard.heading.text().startswith("A — ")
    window.go_home()
    qtbot.mouseClick(window.home.ui.caseB, Qt.MouseButton.LeftButton)
    assert window.wizard is not None
    assert "prérequis" in window.wizard.guidance.text()
    assert set(window.wizard.application_page.buttons) == {
        "portail", "bandeau", "nice", "statistiques", "selfcare"}


def test_contacts_from_settings_cannot_inject_markup(make_app) -> None:
    write(AppPaths.default().settings_file, {"local_it_name": "<b>x</b><img src=y>"})
    window = make_app().window
    wizard = window.open_case("D")
    assert wizard is not None
    assert "&lt;b&gt;x&lt;/b&gt;" in wizard._local_it_html()


def test_corrupt_files_show_french_notices_in_the_window(make_app) -> None:
    paths = AppPaths.default()
    write(paths.settings_file, "{ not json")
    write(paths.policy_file, "[1, 2")
    window = make_app().window
    notices = window.message_bar.texts()
    # Nothing usable was set up: the first-start setup is offered too (issue 19).
    assert len(notices) == 3
    assert any(n.startswith("Premier démarrage") for n in notices)
    assert any("réglages" in n and "copie" in n for n in notices)
    assert any("politique" in n and "verrouillés" in n for n in notices)


def test_settings_dialog_shows_locked_settings_disabled(qtbot: QtBot) -> None:
    from samu_desktop.app.state import AppState
    from samu_desktop.config.policy import Policy
    from samu_desktop.config.settings import Settings

    state = AppState.of(Settings(), AppPaths.default(),
                        Policy(locked={"support_email": "support@example.test"}))
    dialog = SettingsDialog(state)
    qtbot.addWidget(dialog)
    email = dialog.findChild(QLineEdit, "support_email")
    assert email is not None and not email.isEnabled()
    assert email.text() == "support@example.test"
    label = dialog.ui.support_email_label
    assert label.text().startswith("🔒")
    assert "administrateur" in email.toolTip()
    assert dialog.ui.lockedNotice.isVisibleTo(dialog)
    assert "support_email" not in dialog.values()
    autostart = dialog.findChild(QCheckBox, "start_with_session")
    assert autostart is not None and autostart.isEnabled()


def test_settings_dialog_saves_to_disk_but_never_locked_values(
    make_app, qtbot: QtBot, modal_dialogs: ModalDialogs
) -> None:
    modal_dialogs.expect(None, SettingsDialog)  # window-modal, driven below
    paths = AppPaths.default()
    write(paths.policy_file, {"locked": {"smtp_host": "smtp.hopital.test"}})
    app = make_app()
    dialog = app.window.open_settings()
    qtbot.addWidget(dialog)
    crra = dialog.findChild(QLineEdit, "crra_id")
    assert crra is not None
    crra.setText("fr680")
    dialog.ui.buttons.accepted.emit()
    saved = json.loads(paths.settings_file.read_text())
    assert saved["crra_id"] == "FR680"
    assert "smtp_host" not in saved
    assert app.window.state.settings.crra_id == "FR680"


def test_settings_dialog_refuses_an_invalid_value_and_keeps_it_open(
    make_app, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, modal_dialogs: ModalDialogs
) -> None:
    modal_dialogs.expect(None, SettingsDialog)  # window-modal, driven below
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: warnings.append(text))
    app = make_app()
    dialog = app.window.open_settings()
    qtbot.addWidget(dialog)
    crra = dialog.findChild(QLineEdit, "crra_id")
    assert crra is not None
    crra.setText("Paris")
    dialog.ui.buttons.accepted.emit()
    assert dialog.isVisible()
    assert warnings and "Identifiant du CRRA" in warnings[0]
    assert not AppPaths.default().settings_file.exists()


def test_english_is_available(make_app) -> None:
    window = make_app(lang="en").window
    assert window.home.ui.titleLabel.text() == "Which tool is the incident on?"
    assert window.windowTitle() == "SI-SAMU incident"


def test_settings_say_why_the_hotkey_is_unavailable(
    make_app, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, modal_dialogs: ModalDialogs
) -> None:
    """Under Wayland without an X server, the settings explain the missing hotkey."""
    modal_dialogs.expect(None, SettingsDialog)  # window-modal, read below
    from samu_desktop.gui.app import start_hotkey

    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.setenv("WAYLAND_DISPLAY", "wayland-0")
    monkeypatch.setenv("XDG_SESSION_TYPE", "wayland")
    app = make_app()
    service = start_hotkey(app)
    assert not service.is_active
    dialog = app.window.open_settings()
    qtbot.addWidget(dialog)
    status = dialog.ui.hotkeyStatus.text()
    assert not dialog.ui.hotkeyStatus.isHidden()
    assert "Wayland" in status
    assert status == service.last_error
    service.shutdown()


def test_a_notice_can_be_clicked_the_moment_it_is_added(qtbot: QtBot) -> None:
    """A layout shows a new child only at the next turn of the event loop; a notice
    read by the user (or by a journey that just saw its text) must be clickable at once.
    Found by a whole-suite run where the journey clicked too early."""
    from PySide6.QtWidgets import QPushButton, QVBoxLayout, QWidget

    from samu_desktop.gui.message_bar import MessageBar

    window = QWidget()
    qtbot.addWidget(window)
    bar = MessageBar(window)
    QVBoxLayout(window).addWidget(bar)
    window.show()
    qtbot.waitExposed(window)
    bar.add("Une autre information.")  # the bar is already shown: the usual case
    qtbot.waitUntil(bar.isVisible)
    clicked: list[bool] = []
    notice = bar.add("Un signalement n'est pas encore parti.",
                     actions=[("Ouvrir la boîte d'envoi", lambda: clicked.append(True))])
    (button,) = [b for b in notice.findChildren(QPushButton)
                 if b.text() == "Ouvrir la boîte d'envoi"]
    assert bar.isVisible() and button.isVisible() and button.isEnabled()
    button.click()
    assert clicked == [True]
