"""The command line: the GUI start imports no command module; each command its own."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

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


def test_policy_check_accepts_the_sample_and_refuses_a_bad_file(tmp_path: Path) -> None:
    sample = Path(__file__).resolve().parent.parent / "packaging" / "policy.sample.json"
    ok = subprocess.run([sys.executable, "-m", "samu_desktop", "policy", "check", str(sample)],
                        capture_output=True, text=True, check=False, timeout=60)
    assert ok.returncode == 0, ok.stdout + ok.stderr
    assert "Politique valable." in ok.stdout
    assert "smtp_host" in ok.stdout
    bad = tmp_path / "policy.json"
    bad.write_text('{"locked": {"smtp_port": "not a port"}}')
    refused = subprocess.run([sys.executable, "-m", "samu_desktop", "policy", "check", str(bad)],
                             capture_output=True, text=True, check=False, timeout=60)
    assert refused.returncode == 2
    assert "n'est pas une politique valable" in refused.stdout
    assert "smtp_port" in refused.stdout
