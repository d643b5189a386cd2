"""Command line: the GUI by default, subcommands for administrators and scripts."""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from samu_desktop.buildinfo import version_line
from samu_desktop.i18n import translate

# Modules that add a subcommand: each has ``register(subparsers)``, which adds
# its parser and sets ``run`` with ``set_defaults(run=...)``. Qt-free modules
# only: the CLI must work without a display.
COMMANDS: list[str] = [
    "samu_desktop.mail.cli",
    "samu_desktop.capture.cli",
    "samu_desktop.checks.cli",
    "samu_desktop.pii.cli",
]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="samu-desktop",
        description=translate(
            "cli",
            "Signaler un incident sur les outils du SI-SAMU. Sans commande, ouvre "
            "l'application.",
        ),
    )
    parser.add_argument("--version", action="version", version=version_line())
    parser.add_argument(
        "--lang",
        choices=["fr", "en"],
        help=translate("cli", "langue de l'interface (par défaut : celle des réglages)"),
    )
    parser.add_argument(
        "--quit",
        action="store_true",
        help=translate("cli", "fermer l'application si elle est déjà ouverte"),
    )
    parser.add_argument(
        "--hidden",
        action="store_true",
        help=translate("cli", "démarrer dans la zone de notification (démarrage de session)"),
    )
    if COMMANDS:
        sub = parser.add_subparsers(
            dest="command", title=translate("cli", "commandes"), metavar="COMMANDE"
        )
        for module_name in COMMANDS:
            importlib.import_module(module_name).register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if getattr(args, "run", None) is not None:
        # A subcommand: each module's register() sets ``run(args) -> exit code``.
        return int(args.run(args))
    from samu_desktop.gui.app import run_gui  # Qt is imported only for the GUI

    return run_gui(lang=args.lang, quit_running=args.quit, hidden=args.hidden)


if __name__ == "__main__":
    sys.exit(main())
