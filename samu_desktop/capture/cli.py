"""Subcommands ``autostart`` and ``hotkey``: for administrators and deployment scripts.

``samu-desktop autostart on|off|status`` switches starting with the session;
``samu-desktop hotkey`` checks that the configured hotkey can be claimed on
this workstation (another program may hold it). No Qt here.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from samu_desktop.capture.autostart import apply_autostart, platform_autostart
from samu_desktop.capture.backends import default_backend
from samu_desktop.capture.hotkey import HotkeySpec
from samu_desktop.errors import UserFacingError
from samu_desktop.i18n import translate


def register(subparsers: Any) -> None:
    autostart = subparsers.add_parser(
        "autostart",
        help=translate("cli", "démarrer (ou non) l'application avec la session"),
    )
    autostart.add_argument(
        "action",
        choices=["on", "off", "status"],
        help=translate("cli", "on : activer, off : désactiver, status : afficher l'état"),
    )
    autostart.set_defaults(run=run_autostart)
    hotkey = subparsers.add_parser(
        "hotkey",
        help=translate("cli", "vérifier que le raccourci de capture est libre sur ce poste"),
    )
    hotkey.add_argument(
        "--keys",
        help=translate("cli", "raccourci à essayer (par défaut : celui des réglages)"),
    )
    hotkey.set_defaults(run=run_hotkey_check)


def run_autostart(args: argparse.Namespace) -> int:
    target = platform_autostart()
    try:
        if args.action != "status":
            apply_autostart(args.action == "on", target)
    except UserFacingError as exc:
        print(exc.user_message, file=sys.stderr)
        return 1
    if target.is_enabled():
        print(translate("cli", "Démarrage avec la session : activé."))
    else:
        print(translate("cli", "Démarrage avec la session : désactivé."))
    return 0


def run_hotkey_check(args: argparse.Namespace) -> int:
    keys = args.keys
    if keys is None:
        from samu_desktop.config.paths import AppPaths
        from samu_desktop.config.store import SettingsStore

        keys = SettingsStore(AppPaths.default()).load().settings.hotkey
    try:
        spec = HotkeySpec.parse(keys)
        backend = default_backend()
        backend.start(spec, lambda: None)
        backend.stop()
    except UserFacingError as exc:
        print(exc.user_message, file=sys.stderr)
        return 1
    print(
        translate("cli", "Le raccourci {key} est libre et fonctionne sur ce poste.").format(
            key=spec.display_text(windows=sys.platform == "win32")
        )
    )
    return 0
