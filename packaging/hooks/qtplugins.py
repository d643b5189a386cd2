"""The Qt plugins samu-desktop never loads, dropped from what PySide6's hooks collect.

Used by the hook-PySide6.*.py files beside it, which replace PyInstaller's own
hooks for those modules (hooks in ``hookspath`` win, one hook per module), call
the same helper so that every plugin Qt needs on the build's platform is still
found by PySide6's own rules, then filter its list with :func:`wanted`.
Filtering by plugin type and name keeps this free of platform-specific paths.

Dropped:
- the GTK3 platform theme (``platformthemes/*qgtk3*``): it links against GTK3,
  and on a machine where GTK3 is installed (gnome-keyring pulls it in)
  PyInstaller would bundle the whole GTK stack for it; Qt then uses its own
  Fusion style, or the XDG desktop portal theme;
- platform plugins for embedded devices and remote use (eglfs, linuxfb, vnc,
  minimal, vkkhrdisplay, direct2d …) and their input plugins (``generic``,
  ``egldeviceintegrations``). Kept: the desktop platforms (xcb and wayland,
  windows, cocoa) and ``offscreen`` (a few hundred kB, for diagnostics
  without a display);
- ``networkinformation`` (we never ask Qt about the network; on Linux it pulls
  GIO in) and ``tls`` (mail goes through Python's ssl, and the single-instance
  socket is local);
- the PDF image-format plugin, which would pull in the whole QtPdf module.
"""

from __future__ import annotations

import os

KEEP_PLATFORMS = ("qxcb", "qwayland", "qwindows", "qcocoa", "qoffscreen")
DROP_TYPES = frozenset({"egldeviceintegrations", "generic", "networkinformation", "tls"})
DROP_NAMES = {"platformthemes": ("qgtk3",), "imageformats": ("qpdf",)}


def _stem(path: str) -> str:
    name = os.path.basename(path).split(".")[0]
    return name[3:] if name.startswith("lib") else name


def wanted(src: str, dest: str) -> bool:
    """Keep this (source, destination folder) entry of a hook's binaries?"""
    dest = os.path.normpath(dest)
    if os.path.basename(os.path.dirname(dest)) != "plugins":
        return True  # a library, not a plugin
    plugin_type = os.path.basename(dest)
    if plugin_type in DROP_TYPES:
        return False
    if plugin_type == "platforms":
        return _stem(src).startswith(KEEP_PLATFORMS)
    return not _stem(src).startswith(DROP_NAMES.get(plugin_type, ()))
