#!/usr/bin/env python3
"""How often a report's subject comes back wrong from standard decoders, before and after.

    .venv/bin/python benchmarks/subject_decoding.py --count 2000 --seed 20

Random subjects made of the words reports use (accents, "—", commas, dates,
bracketed tags) are written two ways: as the email package folds them by
itself (the old way), and with ``samu_desktop.mail.message.encode_subject``.
Each is read back by Python's parser (default policy), by
``email.header.decode_header``, and by notmuch (GMime, an independent
implementation; skipped if ``notmuch`` is missing). Prints, for each way and
decoder, how many subjects did not come back exactly.
"""

from __future__ import annotations

import argparse
import email
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
from email import policy as email_policy
from email.header import decode_header, make_header
from email.message import EmailMessage
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from samu_desktop.mail.message import encode_subject

WORDS = ("[SI-SAMU][Incident][B/Bandeau]", "[Impact : Total]", "[FR999]",
         "[Réf. FR999-061226-K7QM]", "Réception", "des", "appels", "impossibles", "—",
         "début", "06/12/2026", "10:28", "WS-1006,", "réception", "partielle", "poste",
         "été", "a", "bandeau", "figé", "après", "la", "connexion")


def subjects(count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return [" ".join(rng.choice(WORDS) for _ in range(rng.randint(4, 28)))
            for _ in range(count)]


def old_way(subject: str, number: int) -> bytes:
    message = EmailMessage(policy=email_policy.SMTP)
    message["Subject"] = subject
    message["Message-ID"] = f"<{number}.old@example.test>"
    message.set_content("x")
    return message.as_bytes()


def new_way(subject: str, number: int) -> bytes:
    return (f"Message-ID: <{number}.new@example.test>\r\nSubject: {encode_subject(subject)}"
            "\r\nMIME-Version: 1.0\r\nContent-Type: text/plain\r\n\r\nx\r\n").encode("ascii")


def python_default(data: bytes) -> str:
    return str(email.message_from_bytes(data, policy=email_policy.default)["Subject"])


def python_decode_header(data: bytes) -> str:
    raw = email.message_from_bytes(data, policy=email_policy.compat32)["Subject"]
    return str(make_header(decode_header(str(raw))))


def notmuch_subjects(messages: dict[str, bytes]) -> dict[str, str]:
    """Message-ID → subject as notmuch (GMime) decodes it."""
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        for sub in ("cur", "new", "tmp"):
            (root / "mail" / sub).mkdir(parents=True)
        for number, data in enumerate(messages.values()):
            (root / "mail" / "new" / f"{number}.eml").write_bytes(data)
        config = root / "config"
        config.write_text(f"[database]\npath={root / 'mail'}\n[new]\ntags=inbox;\n")
        env = {**os.environ, "NOTMUCH_CONFIG": str(config)}
        subprocess.run(["notmuch", "new", "--quiet"], env=env, check=True, timeout=600)
        found = json.loads(subprocess.run(
            ["notmuch", "show", "--format=json", "--body=false", "*"], env=env, check=True,
            capture_output=True, text=True, timeout=600).stdout)
    out: dict[str, str] = {}

    def walk(node: object) -> None:
        if isinstance(node, dict) and "headers" in node:
            out[f"<{node['id']}>"] = node["headers"].get("Subject", "")
        elif isinstance(node, list):
            for item in node:
                walk(item)

    walk(found)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=20)
    args = parser.parse_args()
    texts = subjects(args.count, args.seed)
    for name, write in (("email package folding (before)", old_way),
                        ("encode_subject (after)", new_way)):
        messages = {f"<{i}.{'old' if write is old_way else 'new'}@example.test>": write(t, i)
                    for i, t in enumerate(texts)}
        wrong = {"Python default policy": 0, "decode_header": 0}
        for (_, data), text in zip(messages.items(), texts, strict=True):
            wrong["Python default policy"] += python_default(data) != text
            wrong["decode_header"] += python_decode_header(data) != text
        if shutil.which("notmuch"):
            decoded = notmuch_subjects(messages)
            wrong["notmuch (GMime)"] = sum(decoded.get(mid) != text
                                           for mid, text in zip(messages, texts, strict=True))
        print(f"{name}: " + ", ".join(f"{decoder} {count}/{len(texts)} wrong"
                                      for decoder, count in wrong.items()))


if __name__ == "__main__":
    main()
