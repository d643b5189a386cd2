"""``samu-desktop policy check FILE``: validate an administrator's policy before deploying it.

Exit code 0 when the file is a valid policy (it prints what it locks), 2 when it is not
or when it could not work (one French sentence saying what is wrong). Qt-free.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from samu_desktop.config.policy import coherence_problems, read_policy
from samu_desktop.fsutil import UnsafeFile
from samu_desktop.i18n import translate


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "policy",
        help=translate("cli", "vérifier un fichier de politique d'administrateur"),
        description=translate(
            "cli",
            "Vérifie un fichier de politique (policy.json) avant de le déployer sur les postes.",
        ),
    )
    actions = parser.add_subparsers(dest="policy_action", required=True, metavar="ACTION")
    check = actions.add_parser("check", help=translate("cli", "vérifier un fichier"))
    check.add_argument("file", type=Path, metavar="FICHIER")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    path: Path = args.file
    try:
        policy = read_policy(path)
    except UnsafeFile:
        print(
            translate(
                "cli",
                "Le fichier {path} n'est pas une politique valable : ce n'est pas un fichier "
                "ordinaire, ou il est bien trop gros. Corrigez-le avant de le déployer.",
            ).format(path=path)
        )
        return 2
    except OSError as exc:
        print(
            translate("cli", "Le fichier {path} ne peut pas être lu ({reason}).").format(
                path=path, reason=exc.strerror
            )
        )
        return 2
    except ValueError as exc:
        print(
            translate(
                "cli",
                "Le fichier {path} n'est pas une politique valable : {problem}. Corrigez-le "
                "avant de le déployer.",
            ).format(path=path, problem=exc)
        )
        return 2
    problems = coherence_problems(policy)
    if problems:
        print(
            translate(
                "cli",
                "Le fichier {path} n'est pas une politique valable : {problem}. Corrigez-le "
                "avant de le déployer.",
            ).format(path=path, problem=" ; ".join(problems))
        )
        return 2
    print(translate("cli", "Politique valable."))
    print(
        translate("cli", "Réglages verrouillés : {names}").format(
            names=", ".join(sorted(policy.locked)) or "—"
        )
    )
    print(
        translate("cli", "Valeurs par défaut proposées : {names}").format(
            names=", ".join(sorted(policy.defaults)) or "—"
        )
    )
    return 0
