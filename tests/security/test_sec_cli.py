"""Attack: the command line prints tracebacks, or approves a policy that cannot work.

Issue 17, item 9, through the real program (``python -m samu_desktop``): ``pii-scan``
on a decompression bomb, and ``policy check`` on a policy that locks plaintext SMTP
without allowing it, on a hostile file (nested 200,000 deep, a FIFO).
"""

from __future__ import annotations

import json
import os
import struct
import subprocess
import sys
import zlib
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


def program(*args: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PYTHONPATH=str(REPO), QT_QPA_PLATFORM="offscreen")
    try:
        return subprocess.run([sys.executable, "-m", "samu_desktop", *args], env=env,
                              cwd=REPO, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        pytest.fail("the program hung")


def png_header(path: Path, width: int, height: int) -> None:
    """A tiny PNG file that declares a huge image: a decompression bomb's header."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))

    ihdr = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)  # 1-bit greyscale
    body = zlib.compress(b"\x00" * 64)
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", body)
                     + chunk(b"IEND", b""))


@pytest.mark.parametrize("side", [20_000, 10_000], ids=["bomb", "above-the-warning-limit"])
def test_pii_scan_refuses_a_decompression_bomb_in_one_french_line(
    tmp_path: Path, side: int
) -> None:
    bomb = tmp_path / "capture.png"
    png_header(bomb, side, side)
    result = program("pii-scan", str(bomb))
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert "Decompression" not in result.stderr  # no Pillow warning or error text either
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr
    assert "trop grande" in lines[0] and str(bomb) in lines[0]


def write_policy(path: Path, data: object) -> Path:
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


@pytest.mark.parametrize("section", ["locked", "defaults"])
def test_policy_check_refuses_plaintext_smtp_that_is_not_allowed(
    tmp_path: Path, section: str
) -> None:
    policy = write_policy(tmp_path / "policy.json", {
        section: {"smtp_host": "smtp.hopital.test", "smtp_security": "none", "smtp_port": 25},
    })
    result = program("policy", "check", str(policy))
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert "allow_plaintext_smtp" in result.stdout and "smtp_security" in result.stdout
    # Allowed explicitly, the same policy is valid.
    write_policy(policy, {section: {"smtp_host": "smtp.hopital.test", "smtp_security": "none",
                                    "smtp_port": 25}, "allow_plaintext_smtp": True})
    assert program("policy", "check", str(policy)).returncode == 0


@pytest.mark.parametrize("kind", ["deep", "fifo"])
def test_policy_check_on_a_hostile_file_answers_in_one_french_sentence(
    tmp_path: Path, kind: str
) -> None:
    policy = tmp_path / "policy.json"
    if kind == "deep":
        policy.write_bytes(b"[" * 200_000 + b"]" * 200_000)
    else:
        os.mkfifo(policy)
    result = program("policy", "check", str(policy), timeout=30)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    lines = [line for line in result.stdout.splitlines() if line.strip()]
    assert len(lines) == 1 and "politique valable" in lines[0], result.stdout
