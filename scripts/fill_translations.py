"""Fill unfinished English translations in the .ts file from a JSON map {French: English}.

Usage: .venv/bin/python scripts/fill_translations.py MAP.json
Run ``bash scripts/update_translations.sh`` first; entries not in the map are listed.
Edits the text in place so that the file stays as lupdate writes it.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from xml.sax.saxutils import escape

TS = Path(__file__).resolve().parent.parent / "resources" / "translations" / "samu_desktop_en.ts"
UNFINISHED = '<translation type="unfinished"></translation>'
ENTITIES = {"'": "&apos;", '"': "&quot;"}


def main() -> int:
    mapping: dict[str, str] = json.loads(Path(sys.argv[1]).read_text(encoding="utf-8"))
    lines = TS.read_text(encoding="utf-8").split("\n")
    missing = []
    for index, line in enumerate(lines):
        if line.strip() != UNFINISHED or index == 0:
            continue
        source = lines[index - 1].strip()
        if not source.startswith("<source>"):
            continue
        for french, english in mapping.items():
            if source == f"<source>{escape(french, ENTITIES)}</source>":
                indent = line[: len(line) - len(line.lstrip())]
                lines[index] = (f"{indent}<translation>"
                                f"{escape(english, ENTITIES)}"
                                "</translation>")
                break
        else:
            missing.append(source)
    TS.write_text("\n".join(lines), encoding="utf-8")
    for source in missing:
        print("still untranslated:", source)
    return 1 if missing else 0


if __name__ == "__main__":
    raise SystemExit(main())
