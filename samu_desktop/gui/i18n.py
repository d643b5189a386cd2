"""Install Qt's translators: ours (French source, English .qm) and qtbase's."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from samu_desktop import i18n
from samu_desktop.resources import resource_path


def install_translators(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Load the translators for ``language`` and route the core's strings through Qt.

    Returns the translators so the caller keeps them alive.
    """
    french = language == "fr"
    QLocale.setDefault(QLocale(QLocale.Language.French if french else QLocale.Language.English))
    installed: list[QTranslator] = []
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    qtbase = QTranslator(app)
    # Qt's own dialogs (buttons "Annuler", "Enregistrer" …) in the user's language.
    if qtbase.load(f"qtbase_{language}", qt_dir):
        app.installTranslator(qtbase)
        installed.append(qtbase)
    # French is the source language: its file holds only the plural forms of
    # "%n …" strings; other languages translate everything.
    ours = QTranslator(app)
    if ours.load(f"samu_desktop_{language}", str(resource_path("translations"))):
        app.installTranslator(ours)
        installed.append(ours)
    i18n.install(QCoreApplication.translate)
    return installed
