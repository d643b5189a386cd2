"""The look: one style sheet with every colour token resolved, light and dark palettes,
and the Lucide icons shipped with their licence and drawn in the theme's colour."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication

from samu_desktop.gui import style
from samu_desktop.resources import resource_path
from tests.conftest import REPO


@pytest.fixture
def styled(qapp: QApplication) -> Iterator[QApplication]:
    before = (qapp.styleSheet(), qapp.palette(), qapp.font(), qapp.style().name())
    yield qapp
    qapp.setStyleSheet(before[0])
    qapp.setPalette(before[1])
    qapp.setFont(before[2])
    qapp.setStyle(before[3])
    qapp.setProperty("samuTheme", None)
    style.icon.cache_clear()


def used_icons() -> set[str]:
    """Every icon name the GUI code asks for."""
    names: set[str] = set()
    for path in (REPO / "samu_desktop" / "gui").rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        names |= set(re.findall(r"style\.icon\(\"([a-z0-9-]+)\"", text))
        names |= set(re.findall(r"\(\"[a-z_]+\", \"([a-z0-9-]+)\"\)", text)) & {
            p.stem for p in resource_path("icons", "lucide").glob("*.svg")}
    return names


def test_every_icon_used_is_shipped_with_the_licence() -> None:
    folder = resource_path("icons", "lucide")
    assert "ISC License" in (folder / "LICENSE").read_text(encoding="utf-8")
    shipped = {p.stem for p in folder.glob("*.svg")}
    wanted = used_icons() | {"phone-incoming", "app-window", "monitor-smartphone", "life-buoy"}
    assert len(wanted) > 20
    assert wanted <= shipped, wanted - shipped
    for name in shipped:  # unchanged Lucide files: the colour comes from the theme
        assert 'stroke="currentColor"' in (folder / f"{name}.svg").read_text(encoding="utf-8")


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_theme_sets_palette_style_sheet_and_icon_colour(theme: str, styled: QApplication,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SAMU_DESKTOP_THEME", theme)
    assert style.apply_style(styled) == theme
    colours = style.THEMES[theme]
    sheet = styled.styleSheet()
    assert "@" not in sheet.replace("/*", "").split("*/")[-1]  # every token resolved
    assert colours["accent"] in sheet and "QLabel#callNumber" in sheet
    assert styled.palette().color(QPalette.ColorRole.Window).name() == colours["window"]
    assert styled.font().pointSizeF() == style.BASE_POINT_SIZE
    image = style.icon("phone-call").pixmap(32, 32).toImage()
    inked = [image.pixelColor(x, y) for x in range(image.width())
             for y in range(image.height()) if image.pixelColor(x, y).alpha() > 200]
    assert inked, "the icon drew nothing"
    expected = style.palette(colours).color(QPalette.ColorRole.WindowText)
    assert all(abs(c.red() - expected.red()) < 40 and abs(c.blue() - expected.blue()) < 40
               for c in inked)
    light, dark = style.THEMES["light"]["window"], style.THEMES["dark"]["window"]
    assert (colours["window"] == dark) == (theme == "dark") and light != dark


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_the_first_theme_follows_the_system_palette(
        styled: QApplication, theme: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Before the first paint the theme comes from the system palette (Qt's colour
    scheme would build PySide6's whole ``Qt`` namespace); Qt's own answer is checked
    after it, and changes nothing when it knows no scheme (the offscreen platform)."""
    monkeypatch.delenv("SAMU_DESKTOP_THEME", raising=False)
    styled.setPalette(style.palette(style.THEMES[theme]))  # as a system theme would
    assert style.apply_style(styled) == theme
    style.follow_system_scheme(styled)
    assert styled.property("samuTheme") == theme
