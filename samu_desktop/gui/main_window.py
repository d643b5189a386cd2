"""The main window: start-up notices, the home page and the case pages.

Signals: settings_changed(object) — the new Settings after the dialog saved.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QAction, QCloseEvent, QIcon, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from samu_desktop import __version__
from samu_desktop.config.store import LoadedSettings, SettingsStore
from samu_desktop.errors import UserFacingError
from samu_desktop.gui.case_page import CasePage
from samu_desktop.gui.generated.ui_home_page import Ui_HomePage
from samu_desktop.gui.message_bar import MessageBar
from samu_desktop.gui.settings_dialog import SettingsDialog


class HomePage(QWidget):
    """Signals: case_chosen(str)"""

    case_chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_HomePage()
        self.ui.setupUi(self)
        for case, button in (
            ("A", self.ui.caseA),
            ("B", self.ui.caseB),
            ("C", self.ui.caseC),
            ("D", self.ui.caseD),
        ):
            button.setAccessibleName(button.text())
            button.setAccessibleDescription(button.description())
            button.clicked.connect(lambda _=False, c=case: self.case_chosen.emit(c))


class MainWindow(QMainWindow):
    settings_changed = Signal(object)

    def __init__(
        self,
        loaded: LoadedSettings,
        store: SettingsStore,
        icon: QIcon,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.loaded = loaded
        self.store = store
        # Hide to the tray on close only when a tray exists (set by the app).
        self.hide_on_close = False
        self.setWindowTitle(self.tr("Incident SI-SAMU"))
        self.setWindowIcon(icon)
        self.resize(900, 700)

        central = QWidget(self)
        layout = QVBoxLayout(central)
        self.message_bar = MessageBar(central)
        self.pages = QStackedWidget(central)
        self.home = HomePage(self.pages)
        self.case_page = CasePage(self.pages)
        self.pages.addWidget(self.home)
        self.pages.addWidget(self.case_page)
        layout.addWidget(self.message_bar)
        layout.addWidget(self.pages, 1)
        self.setCentralWidget(central)

        self.home.case_chosen.connect(self.open_case)
        self.case_page.back.connect(self.go_home)
        self._build_menus()

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&Fichier"))
        new = QAction(self.tr("&Nouveau signalement"), self)
        new.setShortcut(QKeySequence.StandardKey.New)
        new.triggered.connect(self.go_home)
        file_menu.addAction(new)
        settings = QAction(self.tr("&Réglages…"), self)
        settings.setShortcut(QKeySequence("Ctrl+,"))
        settings.triggered.connect(self.open_settings)
        file_menu.addAction(settings)
        file_menu.addSeparator()
        quit_action = QAction(self.tr("&Quitter"), self)
        quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        quit_action.triggered.connect(self.quit_requested)
        file_menu.addAction(quit_action)
        help_menu = self.menuBar().addMenu(self.tr("&Aide"))
        about = QAction(self.tr("À &propos"), self)
        about.triggered.connect(self.show_about)
        help_menu.addAction(about)

    def quit_requested(self) -> None:
        """Leave for real, even when closing the window only hides it."""
        self.hide_on_close = False
        QApplication.quit()

    def open_case(self, case: str) -> None:
        self.case_page.show_case(case, self.loaded.settings)
        self.pages.setCurrentWidget(self.case_page)

    def go_home(self) -> None:
        self.pages.setCurrentWidget(self.home)

    def show_and_raise(self) -> None:
        self.showNormal()
        self.raise_()
        self.activateWindow()

    def open_settings(self) -> SettingsDialog:
        dialog = SettingsDialog(self.loaded.settings, self.loaded.locked, self)
        dialog.accepted.connect(lambda: self._apply_settings(dialog))
        dialog.open()
        return dialog

    def _apply_settings(self, dialog: SettingsDialog) -> None:
        if dialog.result_settings is None:
            return
        try:
            self.store.save(dialog.result_settings, self.loaded.locked)
        except UserFacingError as exc:
            QMessageBox.warning(self, self.tr("Réglages non enregistrés"), exc.user_message)
            return
        self.loaded.settings = dialog.result_settings
        self.settings_changed.emit(dialog.result_settings)

    def show_about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("À propos"),
            self.tr(
                "<b>Incident SI-SAMU</b> — version {version}<br>Signaler un incident sur les "
                "outils du SI-SAMU en suivant la procédure nationale."
            ).format(version=__version__),
        )

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.hide_on_close:
            event.ignore()
            self.hide()
            return
        super().closeEvent(event)
