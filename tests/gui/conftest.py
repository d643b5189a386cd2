"""The main window as the tests build it: real widgets, inline background tasks."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from samu_desktop.app.state import AppState
from samu_desktop.config.paths import AppPaths
from samu_desktop.config.settings import Settings
from samu_desktop.gui.main_window import MainWindow
from samu_desktop.gui.tasks import TaskRunner

MakeWindow = Callable[[Settings], MainWindow]


@pytest.fixture
def make_window(qtbot: QtBot) -> Iterator[MakeWindow]:
    """Factory: a shown MainWindow with these settings; its outbox sender stopped after."""
    made: list[MainWindow] = []

    def make(settings: Settings) -> MainWindow:
        window = MainWindow(AppState.of(settings, AppPaths.default()),
                            QApplication.windowIcon(), TaskRunner(synchronous=True))
        qtbot.addWidget(window)
        window.show()
        made.append(window)
        return window

    yield make
    for window in made:
        window.sending.outbox_sender.stop(5.0)
