"""``samu-desktop check``: the prerequisites test from the command line (no Qt).

Exit code: 0 when every check passed (or did not apply), 1 with warnings,
2 with at least one failure, 3 when the HTML report could not be written,
130 when interrupted.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from samu_desktop.checks.model import CheckResult, Status, exit_code
from samu_desktop.checks.net import TlsConfig
from samu_desktop.checks.platforms import default_probe
from samu_desktop.checks.report import overall_sentence, report_to_html, report_to_json
from samu_desktop.checks.runner import CheckEnv, CheckRun, default_specs
from samu_desktop.config.paths import AppPaths
from samu_desktop.config.store import SettingsStore
from samu_desktop.errors import UserFacingError
from samu_desktop.fsutil import atomic_write_text
from samu_desktop.i18n import translate

EXIT_WRITE_FAILED = 3
EXIT_INTERRUPTED = 130


def register(subparsers: Any) -> None:
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "check",
        help=translate("cli", "tester les prérequis du poste de travail (utilitaire de test)"),
        description=translate(
            "cli",
            "Teste les prérequis du poste pour les outils du SI-SAMU. Code de sortie : 0 tout "
            "est bon, 1 avertissements, 2 au moins un échec.",
        ),
    )
    parser.add_argument(
        "--json", action="store_true",
        help=translate("cli", "écrire le rapport complet en JSON sur la sortie standard"),
    )
    parser.add_argument(
        "--env", choices=["production", "formation"],
        help=translate("cli", "environnement à tester (par défaut : celui des réglages)"),
    )
    parser.add_argument(
        "--html", metavar="FICHIER", type=Path,
        help=translate("cli", "enregistrer aussi le rapport HTML dans ce fichier"),
    )
    parser.add_argument(
        "--only", metavar="ID", action="append", choices=[s.id for s in default_specs()],
        help=translate("cli", "ne lancer que cette vérification (option répétable)"),
    )
    parser.set_defaults(run=run)


def _line(result: CheckResult) -> str:
    text = f"[{result.status.label()}] {result.title} : {result.explanation}"
    if result.action and result.status in (Status.WARNING, Status.FAILURE):
        text += "\n    → " + result.action
    return text


def run(args: argparse.Namespace) -> int:
    try:
        return _run(args)
    except KeyboardInterrupt:  # Ctrl-C at any moment, not only while checks run
        print(translate("cli", "Test annulé."), file=sys.stderr)
        return EXIT_INTERRUPTED


def _run(args: argparse.Namespace) -> int:
    loaded = SettingsStore(AppPaths.default()).load()
    for message in loaded.messages:
        print(message, file=sys.stderr)
    settings = loaded.settings
    if args.env:
        settings = settings.model_copy(update={"environment": args.env})
    specs = [s for s in default_specs() if not args.only or s.id in args.only]
    as_json = bool(args.json)

    def show(result: CheckResult) -> None:
        if not as_json:
            print(_line(result), flush=True)

    if not as_json:
        print(translate("cli", "Test des prérequis du poste ({env})…").format(
            env=settings.environment), flush=True)
    check_run = CheckRun(CheckEnv(settings, default_probe(), TlsConfig()), specs, show)
    try:
        report = check_run.run()
    except KeyboardInterrupt:
        check_run.cancel()  # the checks' daemon threads are abandoned
        raise
    if as_json:
        sys.stdout.write(report_to_json(report))
    else:
        print(overall_sentence(report))
    if args.html is not None:
        try:
            atomic_write_text(args.html, report_to_html(report))
        except UserFacingError as exc:
            print(exc.user_message, file=sys.stderr)
            return EXIT_WRITE_FAILED
    return exit_code(report)
