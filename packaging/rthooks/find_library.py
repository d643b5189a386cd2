"""PyInstaller runtime hook: ctypes.util.find_library also finds the bundle's own libraries.

On Linux, find_library only reads the system's linker cache, so a library that
PyInstaller bundled for Qt (libxcb-render, libxcb-randr …) but that the
workstation lacks is "not found", and mss, which looks its X libraries up that
way, cannot capture the screen. When the system has no copy, answer with the
bundled one. The other systems are left alone (PyInstaller handles Windows).
"""

import sys

if sys.platform.startswith("linux"):
    import ctypes.util
    import glob
    import os

    _system_find_library = ctypes.util.find_library

    def _find_library(name):
        found = _system_find_library(name)
        if found is None:
            bundled = sorted(glob.glob(os.path.join(sys._MEIPASS, f"lib{glob.escape(name)}.so*")))
            if bundled:
                return bundled[0]
        return found

    ctypes.util.find_library = _find_library
