"""Wayland: why the global hotkey is unavailable, said plainly in the settings.

Wayland does not let a program see keys typed into other programs' windows,
on purpose; the only way is the desktop portal's GlobalShortcuts interface,
which some desktops offer. Even there, the capture that the key must trigger
would go through the Screenshot portal, which hands back a file on disk: an
unredacted capture in clear, which this application never writes. So the
hotkey is reported unavailable, and the probe below (does the portal offer
GlobalShortcuts?) only chooses which reason the message gives.
"""

from __future__ import annotations

import logging
from typing import Protocol

from samu_desktop.capture.errors import HotkeyUnavailable
from samu_desktop.i18n import translate

log = logging.getLogger(__name__)

PORTAL_BUS_NAME = "org.freedesktop.portal.Desktop"
PORTAL_PATH = "/org/freedesktop/portal/desktop"
GLOBAL_SHORTCUTS = "org.freedesktop.portal.GlobalShortcuts"


class PortalProbe(Protocol):
    def global_shortcuts_version(self) -> int | None:
        """The portal's GlobalShortcuts version, or None when the portal lacks it."""


class DBusPortalProbe:
    """Asks the session bus (jeepney, no Qt) for the portal's GlobalShortcuts version."""

    def __init__(self, bus_address: str | None = None, timeout_s: float = 2.0) -> None:
        self._bus = bus_address or "SESSION"
        self._timeout = timeout_s

    def global_shortcuts_version(self) -> int | None:
        try:
            from jeepney import DBusAddress, Properties  # type: ignore[import-untyped]
            from jeepney.io.blocking import open_dbus_connection  # type: ignore[import-untyped]
        except ImportError:
            return None
        address = DBusAddress(PORTAL_PATH, bus_name=PORTAL_BUS_NAME, interface=GLOBAL_SHORTCUTS)
        try:
            with open_dbus_connection(bus=self._bus) as conn:
                reply = conn.send_and_get_reply(
                    Properties(address).get("version"), timeout=self._timeout
                )
        except Exception as exc:  # no bus, no portal, timeout: all mean "not offered"
            log.info("portal probe: %s", type(exc).__name__)
            return None
        if reply.header.message_type.name != "method_return":
            return None
        signature, value = reply.body[0]
        return int(value) if signature == "u" else None


def wayland_unavailable(probe: PortalProbe | None = None) -> HotkeyUnavailable:
    """The error to show in the settings for a Wayland session."""
    version = (probe or DBusPortalProbe()).global_shortcuts_version()
    if version is None:
        reason = translate(
            "hotkey",
            "Raccourci global indisponible sous Wayland : Wayland ne laisse pas une "
            "application recevoir les touches tapées dans les autres fenêtres, et ce bureau "
            "ne propose pas le portail des raccourcis globaux. Pour utiliser le raccourci, "
            "choisissez une session « Xorg » sur l'écran de connexion.",
        )
    else:
        # The portal could deliver the key, but the capture itself would then
        # go through the Screenshot portal, which writes the unredacted image
        # to a file: ruled out for patient data.
        reason = translate(
            "hotkey",
            "Raccourci global indisponible sous Wayland : la capture d'écran n'y est possible "
            "qu'en écrivant l'image dans un fichier, ce que l'application s'interdit pour "
            "protéger les données des patients. Pour utiliser le raccourci, choisissez une "
            "session « Xorg » sur l'écran de connexion.",
        )
    return HotkeyUnavailable(reason, details=f"wayland, portal GlobalShortcuts: {version}")
