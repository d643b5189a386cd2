"""The look: one style sheet (resources/style/samu.qss), a light and a dark palette,
and the Lucide icons (resources/icons/lucide, ISC/MIT, see its LICENSE).

The theme follows the system's colour scheme; ``SAMU_DESKTOP_THEME=light|dark``
forces one (the user guide's pictures, tests).
"""

from __future__ import annotations

import os
from functools import cache

from PySide6.QtCore import QByteArray, QRectF, QSize
from PySide6.QtGui import QColor, QFont, QGuiApplication, QIcon, QPainter, QPalette, QPixmap
from PySide6.QtWidgets import QApplication

from samu_desktop.resources import resource_path

THEMES: dict[str, dict[str, str]] = {
    "light": {
        "window": "#f4f6f8", "base": "#ffffff", "surface": "#eef1f4", "button": "#ffffff",
        "text": "#1f2933", "muted": "#5f6b76", "border": "#c9d1d9",
        "accent": "#1d64c8", "accent_strong": "#174f9e", "accent_soft": "#e3edfb",
        "accent_text": "#ffffff", "danger": "#b3261e", "success": "#2e7d32",
        "warning_bg": "#fff6dc", "warning_border": "#d9b44a", "warning_text": "#5c4300",
    },
    "dark": {
        "window": "#1d2126", "base": "#252a31", "surface": "#2c323a", "button": "#2f363f",
        "text": "#e7eaee", "muted": "#a3adb8", "border": "#46505b",
        "accent": "#6ea8ff", "accent_strong": "#8dbbff", "accent_soft": "#2a3a52",
        "accent_text": "#0d1b2e", "danger": "#ff8a80", "success": "#81c784",
        "warning_bg": "#3a3120", "warning_border": "#8a7035", "warning_text": "#f3dca0",
    },
}
BASE_POINT_SIZE = 10.5
ICON_SIZES = (16, 20, 24, 32)


def _forced_theme() -> str | None:
    forced = os.environ.get("SAMU_DESKTOP_THEME", "").strip().lower()
    return forced if forced in THEMES else None


def theme_name() -> str:
    """The theme for the first paint: forced, else the system palette's lightness.

    Qt's own answer (``styleHints().colorScheme()``) returns a ``Qt.ColorScheme``, and
    the first ``Qt`` enum makes PySide6 build its whole ``Qt`` namespace: 50-60 ms
    before the first paint. The system palette, which Qt's platform themes make dark
    when the system is, says the same for the first paint; :func:`follow_system_scheme`
    checks Qt's answer once the window is up. Call before :func:`apply_style` (which
    replaces the palette)."""
    forced = _forced_theme()
    if forced is not None:
        return forced
    app = QGuiApplication.instance()
    if isinstance(app, QGuiApplication) \
            and app.palette().color(QPalette.ColorRole.Window).lightness() < 128:
        return "dark"
    return "light"


def follow_system_scheme(app: QApplication) -> None:
    """After the first paint: when Qt knows the system's colour scheme and it is not the
    theme in use (a palette that did not follow it), apply the right theme."""
    if _forced_theme() is not None:
        return
    from PySide6.QtCore import Qt  # see theme_name: not before the first paint

    scheme = app.styleHints().colorScheme()
    wanted = {Qt.ColorScheme.Dark: "dark", Qt.ColorScheme.Light: "light"}.get(scheme)
    if wanted is not None and wanted != app.property("samuTheme"):
        apply_style(app, wanted)


def palette(colours: dict[str, str]) -> QPalette:
    p = QPalette()
    role = QPalette.ColorRole
    for roles, name in (
        ((role.Window,), "window"), ((role.Base,), "base"),
        ((role.AlternateBase,), "surface"), ((role.Button,), "button"),
        ((role.WindowText, role.Text, role.ButtonText, role.ToolTipText), "text"),
        ((role.PlaceholderText,), "muted"), ((role.ToolTipBase,), "base"),
        ((role.Highlight, role.Link), "accent"), ((role.HighlightedText,), "accent_text"),
        ((role.Mid, role.Midlight), "border"),
    ):
        for r in roles:
            p.setColor(r, QColor(colours[name]))
    for r in (role.WindowText, role.Text, role.ButtonText):
        p.setColor(QPalette.ColorGroup.Disabled, r, QColor(colours["muted"]))
    return p


def style_sheet(colours: dict[str, str]) -> str:
    text = resource_path("style", "samu.qss").read_text(encoding="utf-8")
    for name, value in colours.items():
        text = text.replace(f"@{name}@", value)
    return text


def apply_style(app: QApplication, theme: str | None = None) -> str:
    """Fusion, the theme's palette, the type scale and the style sheet; returns the theme."""
    name = theme if theme in THEMES else theme_name()
    colours = THEMES[name]
    app.setStyle("Fusion")
    app.setPalette(palette(colours))
    font = QFont(app.font())
    font.setPointSizeF(BASE_POINT_SIZE)
    app.setFont(font)
    app.setStyleSheet(style_sheet(colours))
    app.setProperty("samuTheme", name)
    icon.cache_clear()
    return name


def current_colours() -> dict[str, str]:
    app = QGuiApplication.instance()
    name = app.property("samuTheme") if app is not None else None
    return THEMES[name if isinstance(name, str) and name in THEMES else "light"]


def _pixmap(svg: bytes, size: int, ratio: float) -> QPixmap:
    # Qt SVG (a library) loads with the first icon, after the first paint.
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(QByteArray(svg))
    pixmap = QPixmap(round(size * ratio), round(size * ratio))
    pixmap.fill(QColor(0, 0, 0, 0))  # transparent (no ``Qt`` enum: see theme_name)
    painter = QPainter(pixmap)
    try:
        renderer.render(painter, QRectF(0, 0, pixmap.width(), pixmap.height()))
    finally:
        painter.end()
    pixmap.setDevicePixelRatio(ratio)
    return pixmap


@cache
def icon(name: str, on_accent: bool = False) -> QIcon:
    """A Lucide icon in the theme's text colour (muted when disabled); ``on_accent``:
    for a primary button, in the colour of its text."""
    path = resource_path("icons", "lucide", f"{name}.svg")
    try:
        source = path.read_text(encoding="utf-8")
    except OSError:
        return QIcon()  # a missing file costs the picture, never the button
    colours = current_colours()
    ink = colours["accent_text" if on_accent else "text"]
    app = QGuiApplication.instance()
    ratio = app.devicePixelRatio() if isinstance(app, QGuiApplication) else 1.0
    result = QIcon()
    for mode, colour in ((QIcon.Mode.Normal, ink), (QIcon.Mode.Disabled, colours["muted"]),
                         (QIcon.Mode.Active, ink), (QIcon.Mode.Selected, ink)):
        svg = source.replace("currentColor", colour).encode("utf-8")
        for size in ICON_SIZES:
            result.addPixmap(_pixmap(svg, size, ratio), mode)
    return result


def icon_size() -> QSize:
    return QSize(18, 18)
