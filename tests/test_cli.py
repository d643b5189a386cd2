"""The command line: the GUI start imports no command module; each command its own."""

from __future__ import annotations

import subprocess
import sys

import pytest

from samu_desktop.cli import COMMAND_MODULES, COMMANDS, build_parser, modules_for


def test_every_registered_command_is_mapped_to_its_module() -> None:
    parser = build_parser()
    sub = next(a for a in parser._actions if a.dest == "command")
    assert set(sub.choices) == set(COMMAND_MODULES)  # type: ignore[arg-type]
    assert set(COMMAND_MODULES.values()) == set(COMMANDS)


@pytest.mark.parametrize(("argv", "expected"), [
    ([], []),
    (["--lang", "en"], []),
    (["--hidden"], []),
    (["check", "--json"], ["samu_desktop.checks.cli"]),
    (["--lang", "en", "outbox", "list"], ["samu_desktop.mail.cli"]),
    (["--help"], COMMANDS),
    (["no-such-command"], COMMANDS),
])
def test_modules_for(argv: list[str], expected: list[str]) -> None:
    assert modules_for(argv) == expected


def test_help_lists_every_command_in_french() -> None:
    out = subprocess.run([sys.executable, "-m", "samu_desktop", "--help"], capture_output=True,
                         text=True, check=True, timeout=60).stdout
    for name in COMMAND_MODULES:
        assert name in out
    assert "Sans commande, ouvre" in " ".join(out.split())


def test_unknown_command_is_refused() -> None:
    result = subprocess.run([sys.executable, "-m", "samu_desktop", "no-such-command"],
                            capture_output=True, text=True, check=False, timeout=60)
    assert result.returncode == 2
