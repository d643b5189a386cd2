"""The global hotkey: its text in the settings, and what each backend needs of it.

The settings keep the combination in pynput's syntax (``<ctrl>+<alt>+<shift>+s``).
Backends are native so that a combination another program already holds is
reported instead of silently never firing: X11 ``XGrabKey`` answers BadAccess,
Windows ``RegisterHotKey`` answers ERROR_HOTKEY_ALREADY_REGISTERED. pynput's
listeners can do neither (they watch every key and claim nothing).

Default ``<ctrl>+<alt>+<shift>+s``: left free by Windows 10/11, GNOME, KDE
Plasma, Xfce and Cinnamon in their default shortcuts, and by Firefox (whose
screenshot key is Ctrl+Shift+S, without Alt); with Shift it is not an AltGr
character on French AZERTY (AltGr = Ctrl+Alt on Windows). The backends check it
anyway, on each start.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict

from samu_desktop.capture.errors import HotkeyInvalid
from samu_desktop.i18n import translate

Modifier = Literal["ctrl", "alt", "shift", "cmd"]
MODIFIER_ORDER: tuple[Modifier, ...] = ("ctrl", "alt", "shift", "cmd")

_MODIFIER_NAMES: dict[str, Modifier] = {
    "ctrl": "ctrl", "ctrl_l": "ctrl", "ctrl_r": "ctrl",
    "alt": "alt", "alt_l": "alt", "alt_r": "alt",
    "shift": "shift", "shift_l": "shift", "shift_r": "shift",
    "cmd": "cmd", "cmd_l": "cmd", "cmd_r": "cmd", "super": "cmd", "win": "cmd",
}

# pynput key name -> (X keysym name, Windows virtual-key code)
NAMED_KEYS: dict[str, tuple[str, int]] = {
    **{f"f{n}": (f"F{n}", 0x6F + n) for n in range(1, 25)},
    "print_screen": ("Print", 0x2C),
    "pause": ("Pause", 0x13),
    "scroll_lock": ("Scroll_Lock", 0x91),
    "insert": ("Insert", 0x2D),
    "delete": ("Delete", 0x2E),
    "home": ("Home", 0x24),
    "end": ("End", 0x23),
    "page_up": ("Prior", 0x21),
    "page_down": ("Next", 0x22),
    "space": ("space", 0x20),
    "up": ("Up", 0x26),
    "down": ("Down", 0x28),
    "left": ("Left", 0x25),
    "right": ("Right", 0x27),
}

# Keys that nobody types text with: acceptable without a modifier.
_STANDALONE = {f"f{n}" for n in range(13, 25)} | {"pause", "scroll_lock", "print_screen"}

_DISPLAY_MODIFIERS: dict[Modifier, str] = {
    "ctrl": "Ctrl", "alt": "Alt", "shift": "Maj", "cmd": "Super",
}

DEFAULT_HOTKEY = "<ctrl>+<alt>+<shift>+s"


def _invalid(text: str) -> HotkeyInvalid:
    return HotkeyInvalid(
        translate(
            "hotkey",
            "Le raccourci « {text} » n'est pas valable : choisissez une lettre, un chiffre ou "
            "une touche de fonction, avec Ctrl ou Alt, par exemple <ctrl>+<alt>+<shift>+s.",
        ).format(text=text)
    )


class HotkeySpec(BaseModel):
    """A parsed combination: modifiers and one key (``s``, ``7``, ``f12``, ``pause`` …)."""

    model_config = ConfigDict(frozen=True)

    modifiers: frozenset[Modifier]
    key: str

    @classmethod
    def parse(cls, text: str) -> HotkeySpec:
        modifiers: set[Modifier] = set()
        key: str | None = None
        parts = [p.strip().lower() for p in text.split("+")]
        if not text.strip() or any(not p for p in parts):
            raise _invalid(text)
        for part in parts:
            name = part[1:-1] if part.startswith("<") and part.endswith(">") else part
            if name in _MODIFIER_NAMES:
                modifiers.add(_MODIFIER_NAMES[name])
            elif key is None and (name in NAMED_KEYS or (len(name) == 1 and name.isascii()
                                                         and name.isalnum())):
                key = name
            else:
                raise _invalid(text)
        if key is None:
            raise _invalid(text)
        # Shift alone would take a capital letter away from every program.
        if key not in _STANDALONE and not modifiers & {"ctrl", "alt", "cmd"}:
            raise _invalid(text)
        return cls(modifiers=frozenset(modifiers), key=key)

    def to_text(self) -> str:
        """Back to the settings' syntax, modifiers in a fixed order."""
        mods = [f"<{m}>" for m in MODIFIER_ORDER if m in self.modifiers]
        key = f"<{self.key}>" if self.key in NAMED_KEYS else self.key
        return "+".join([*mods, key])

    def display_text(self, windows: bool = False) -> str:
        """As a user reads it: ``Ctrl+Alt+Maj+S``."""
        mods = [
            "Win" if (m == "cmd" and windows) else _DISPLAY_MODIFIERS[m]
            for m in MODIFIER_ORDER
            if m in self.modifiers
        ]
        key = self.key.upper() if len(self.key) == 1 else _key_label(self.key)
        return "+".join([*mods, key])

    @property
    def x_keysym_name(self) -> str:
        return NAMED_KEYS[self.key][0] if self.key in NAMED_KEYS else self.key

    @property
    def windows_vk(self) -> int:
        return NAMED_KEYS[self.key][1] if self.key in NAMED_KEYS else ord(self.key.upper())


def _key_label(name: str) -> str:
    labels = {
        "print_screen": translate("hotkey", "Impr. écran"),
        "pause": "Pause",
        "scroll_lock": translate("hotkey", "Arrêt défil."),
        "insert": translate("hotkey", "Inser"),
        "delete": translate("hotkey", "Suppr"),
        "home": translate("hotkey", "Origine"),
        "end": translate("hotkey", "Fin"),
        "page_up": translate("hotkey", "Page préc."),
        "page_down": translate("hotkey", "Page suiv."),
        "space": translate("hotkey", "Espace"),
    }
    return labels.get(name, name.upper())
