"""The tray icon's menu drives the window (the icon itself needs a desktop's tray)."""

from __future__ import annotations

from PySide6.QtGui import QIcon, QPixmap
from PySide6.QtWidgets import QSystemTrayIcon
from pytestqt.qtbot import QtBot

from samu_desktop.gui.tray import Tray


def test_menu_actions_emit_their_signals(qtbot: QtBot) -> None:
    pixmap = QPixmap(16, 16)
    tray = Tray(QIcon(pixmap))
    actions = {a.text(): a for a in tray.menu.actions() if a.text()}
    assert set(actions) == {"Ouvrir", "Nouveau signalement", "Quitter"}
    with qtbot.waitSignal(tray.new_report_requested, timeout=1000):
        actions["Nouveau signalement"].trigger()
    with qtbot.waitSignal(tray.quit_requested, timeout=1000):
        actions["Quitter"].trigger()
    with qtbot.waitSignal(tray.open_requested, timeout=1000):
        tray.icon.activated.emit(QSystemTrayIcon.ActivationReason.DoubleClick)
    with qtbot.assertNotEmitted(tray.open_requested):
        tray.icon.activated.emit(QSystemTrayIcon.ActivationReason.Context)
    tray.menu.deleteLater()
