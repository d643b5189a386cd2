"""Command line: the GUI by default, subcommands for administrators and scripts."""

from __future__ import annotations

import importlib
import io
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

from samu_desktop.buildinfo import version_line
from samu_desktop.i18n import translate

if TYPE_CHECKING:
    import argparse

# Modules that add a subcommand: each has ``register(subparsers)``, which adds
# its parser and sets ``run`` with ``set_defaults(run=...)``. Qt-free modules
# only: the CLI must work without a display.
COMMANDS: list[str] = [
    "samu_desktop.mail.cli",
    "samu_desktop.capture.cli",
    "samu_desktop.checks.cli",
    "samu_desktop.pii.cli",
    "samu_desktop.config.cli",
]
# Which module registers each command name: starting the GUI (or one command)
# imports only what it needs, which keeps the double-click start quick.
COMMAND_MODULES: dict[str, str] = {
    "outbox": "samu_desktop.mail.cli",
    "autostart": "samu_desktop.capture.cli",
    "hotkey": "samu_desktop.capture.cli",
    "check": "samu_desktop.checks.cli",
    "pii-scan": "samu_desktop.pii.cli",
    "policy": "samu_desktop.config.cli",
}
_OPTIONS_WITH_VALUE = {"--lang"}


def modules_for(argv: Sequence[str]) -> list[str]:
    """The command modules a command line needs (all of them for help or a typo)."""
    words: list[str] = []
    skip = False
    for arg in argv:
        if skip:
            skip = False
        elif arg in _OPTIONS_WITH_VALUE:
            skip = True
        elif not arg.startswith("-"):
            words.append(arg)
    if not words:
        return list(COMMANDS) if any(a in ("-h", "--help") for a in argv) else []
    module = COMMAND_MODULES.get(words[0])
    return [module] if module is not None else list(COMMANDS)


def build_parser(argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The parser; ``argv`` limits the command modules imported (None: all of them)."""
    import argparse

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
    modules = list(COMMANDS) if argv is None else modules_for(argv)
    if modules:
        sub = parser.add_subparsers(
            dest="command", title=translate("cli", "commandes"), metavar="COMMANDE"
        )
        for module_name in modules:
            importlib.import_module(module_name).register(sub)
    return parser


def utf8_when_redirected() -> None:
    """On Windows, write UTF-8 into pipes and files.

    Windows gives a redirected stream its ANSI code page (cp1252): a character outside
    it ("→", "≥") would abort the command, and what a deployment script reads from
    ``check --json > rapport.json`` must be UTF-8 JSON. The console keeps its own
    encoding.
    """
    if sys.platform != "win32":
        return
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper) and not stream.isatty():
            stream.reconfigure(encoding="utf-8")


def main(argv: Sequence[str] | None = None) -> int:
    utf8_when_redirected()
    arguments = list(sys.argv[1:] if argv is None else argv)
    if arguments in ([], ["--hidden"]):
        # The double-click and the session's autostart: straight to the window, without
        # argparse (its imports and help formatter cost tens of ms before the first paint).
        from samu_desktop.gui.app import run_gui

        return run_gui(hidden=bool(arguments))
    args = build_parser(arguments).parse_args(arguments)
    if getattr(args, "run", None) is not None:
        # A subcommand: each module's register() sets ``run(args) -> exit code``.
        return int(args.run(args))
    from samu_desktop.gui.app import run_gui  # Qt is imported only for the GUI

    return run_gui(lang=args.lang, quit_running=args.quit, hidden=args.hidden)


if __name__ == "__main__":
    sys.exit(main())
