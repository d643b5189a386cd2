"""The table of every setting in the administrator's guide, generated from ``Settings``.

    .venv/bin/python packaging/settings_table.py           # print the table
    .venv/bin/python packaging/settings_table.py --write   # update docs/guide-administrateur.md
    .venv/bin/python packaging/settings_table.py --check   # exit 1 if the guide is out of date

The guide holds the table between two HTML comments (``BEGIN`` / ``END`` below);
tests/packaging/test_packaging_docs.py fails when it no longer matches the code,
so that a new setting cannot ship undocumented.
"""

from __future__ import annotations

import argparse
import json
import sys
import types
import typing
from pathlib import Path
from typing import Any

from annotated_types import Ge, Gt, Le, Lt, MaxLen, MinLen
from pydantic.fields import FieldInfo

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run as a script from a checkout
    sys.path.insert(0, str(ROOT))

from samu_desktop.config.monitoring import MonitorEndpoint  # noqa: E402
from samu_desktop.config.settings import ADMIN_SETTINGS, Settings, setting_names  # noqa: E402

GUIDE = ROOT / "docs" / "guide-administrateur.md"
BEGIN = "<!-- réglages:début (généré par packaging/settings_table.py : ne pas modifier) -->"
END = "<!-- réglages:fin -->"


def _bounds(metadata: list[Any]) -> str:
    parts = []
    for item in metadata:
        if isinstance(item, Gt):
            parts.append(f"> {item.gt}")
        elif isinstance(item, Ge):
            parts.append(f"≥ {item.ge}")
        elif isinstance(item, Lt):
            parts.append(f"< {item.lt}")
        elif isinstance(item, Le):
            parts.append(f"≤ {item.le}")
    return " et ".join(parts)


def describe_type(field: FieldInfo) -> str:
    """What an administrator may write for this setting, in French."""
    annotation = field.annotation
    origin = typing.get_origin(annotation)
    bounds = _bounds(field.metadata)
    if origin is typing.Literal:
        return "un de : " + ", ".join(f"`{json.dumps(v)}`" for v in typing.get_args(annotation))
    if annotation is bool:
        return "booléen : `true` ou `false`"
    if annotation is int:
        return "nombre entier" + (f" ({bounds})" if bounds else "")
    if annotation is float:
        return "nombre" + (f" ({bounds})" if bounds else "")
    if annotation is str:
        lengths = [m for m in field.metadata if isinstance(m, (MaxLen, MinLen))]
        limit = next((m.max_length for m in lengths if isinstance(m, MaxLen)), None)
        return "texte" + (f" (≤ {limit} caractères)" if limit else "")
    if origin is list and typing.get_args(annotation) == (str,):
        return "liste de textes"
    if origin is list and typing.get_args(annotation) == (MonitorEndpoint,):
        return ("liste d'adresses surveillées : objets `id`, `kind`, `target`, `application`, "
                "`environment` (voir « Surveillance des services »)")
    if isinstance(annotation, types.UnionType) or origin is typing.Union:
        return " ou ".join(str(a) for a in typing.get_args(annotation))
    return str(annotation)


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def table() -> str:
    """The Markdown table, one row per setting an administrator can set, in declaration order."""
    names = setting_names()
    rows = [
        "| réglage | valeurs admises | par défaut | description | verrouillé si la "
        "politique est illisible |",
        "|---|---|---|---|---|",
    ]
    for name, field in Settings.model_fields.items():
        if name not in names:
            continue
        default = json.dumps(field.get_default(call_default_factory=True), ensure_ascii=False)
        rows.append(
            f"| `{name}` | {_cell(describe_type(field))} | `{_cell(default)}` | "
            f"{_cell(field.description or '')} | {'oui' if name in ADMIN_SETTINGS else 'non'} |"
        )
    return "\n".join(rows)


def guide_table(text: str) -> str:
    """The table as it stands in the guide (between the markers)."""
    start, end = text.index(BEGIN) + len(BEGIN), text.index(END)
    return text[start:end].strip("\n")


def updated_guide(text: str) -> str:
    start, end = text.index(BEGIN) + len(BEGIN), text.index(END)
    return text[:start] + "\n" + table() + "\n" + text[end:]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--write", action="store_true", help="update the guide in place")
    mode.add_argument("--check", action="store_true", help="exit 1 if the guide is out of date")
    args = parser.parse_args(argv)
    if not (args.write or args.check):
        print(table())
        return 0
    text = GUIDE.read_text(encoding="utf-8")
    if args.check:
        if guide_table(text) != table():
            print(f"{GUIDE.relative_to(ROOT)} is out of date: run {Path(__file__).name} --write")
            return 1
        return 0
    GUIDE.write_text(updated_guide(text), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
