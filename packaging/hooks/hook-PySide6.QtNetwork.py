"""PySide6.QtNetwork as PyInstaller's own hook collects it, minus the plugins in qtplugins.py."""

import importlib.util
import os

from PyInstaller.utils.hooks.qt import add_qt6_dependencies

_spec = importlib.util.spec_from_file_location(
    "samu_qtplugins", os.path.join(os.path.dirname(__file__), "qtplugins.py"))
_filter = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_filter)

hiddenimports, binaries, datas = add_qt6_dependencies(__file__)
binaries = [(src, dest) for src, dest in binaries if _filter.wanted(src, dest)]
