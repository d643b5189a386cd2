"""Reading the catalogue file, with one French sentence when it cannot be used."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import ValidationError
from pydantic_core import ErrorDetails

from samu_desktop.errors import UserFacingError
from samu_desktop.fsutil import UnsafeFile, read_limited
from samu_desktop.i18n import translate
from samu_desktop.procedure.schema import Catalogue
from samu_desktop.resources import resource_path

# The catalogue is a few tens of kilobytes: anything far bigger is not ours.
MAX_BYTES = 2_000_000


class CatalogueError(UserFacingError):
    """The procedure file is missing, unreadable or invalid."""


def default_catalogue_path() -> Path:
    return resource_path("procedure", "catalogue.json")


def load_catalogue(path: Path | None = None) -> Catalogue:
    """Load and validate the catalogue (the packaged one by default).

    Raises :class:`CatalogueError` naming the file and the field at fault.
    """
    path = default_catalogue_path() if path is None else path
    try:
        raw = read_limited(path, MAX_BYTES)
    except UnsafeFile as exc:
        raise _invalid(
            str(path), translate("catalogue", "ce n'est pas un fichier ordinaire, ou il est "
                                 "beaucoup trop gros")
        ) from exc
    except OSError as exc:
        raise CatalogueError(
            translate(
                "catalogue",
                "Le fichier de la procédure « {file} » est introuvable ou illisible : "
                "réinstallez l'application ou prévenez votre administrateur.",
            ).format(file=str(path)),
            details=f"{type(exc).__name__}: {exc.strerror}",
        ) from exc
    return parse_catalogue(raw, str(path))


def parse_catalogue(raw: bytes, source: str) -> Catalogue:
    """Validate the bytes of a catalogue file; ``source`` names it in messages."""
    if len(raw) > MAX_BYTES:
        raise _invalid(source, translate("catalogue", "le fichier est beaucoup trop gros"))
    try:
        data = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise _invalid(
            source, translate("catalogue", "le fichier n'est pas un texte UTF-8")
        ) from exc
    except json.JSONDecodeError as exc:
        raise _invalid(
            source,
            translate("catalogue", "JSON incorrect ligne {line}, colonne {column}").format(
                line=exc.lineno, column=exc.colno
            ),
        ) from exc
    except RecursionError as exc:
        raise _invalid(source, translate("catalogue", "le fichier est trop imbriqué")) from exc
    try:
        return Catalogue.model_validate(data)
    except ValidationError as exc:
        errors = exc.errors(include_url=False, include_input=False)
        problem = _describe(data, errors[0])
        if len(errors) > 1:
            problem += translate("catalogue", " (et {count} autre(s) problème(s))").format(
                count=len(errors) - 1
            )
        raise _invalid(source, problem) from exc
    except RecursionError as exc:
        raise _invalid(source, translate("catalogue", "le fichier est trop imbriqué")) from exc


def _invalid(source: str, problem: str) -> CatalogueError:
    return CatalogueError(
        translate(
            "catalogue",
            "Le fichier de la procédure « {file} » est invalide : {problem}. Réinstallez "
            "l'application ou prévenez votre administrateur.",
        ).format(file=source, problem=problem),
        details=problem,
    )


def _describe(data: Any, error: ErrorDetails) -> str:
    where = _location(data, error["loc"])
    kind = error["type"]
    if kind == "catalogue":
        what = error["msg"]  # our own French sentence
    elif kind == "missing":
        what = translate("catalogue", "valeur manquante")
    elif kind == "extra_forbidden":
        what = translate("catalogue", "clé inconnue")
    elif kind == "literal_error":
        what = translate("catalogue", "valeur non autorisée (attendu : {expected})").format(
            # pydantic joins the last two with an English "or".
            expected=str((error.get("ctx") or {}).get("expected", "?")).replace(" or ", " ou ")
        )
    elif kind == "string_pattern_mismatch":
        what = translate("catalogue", "identifiant ou numéro de version mal formé")
    elif kind in ("string_too_short", "too_short"):
        what = translate("catalogue", "valeur vide")
    elif kind in ("string_too_long", "too_long"):
        what = translate("catalogue", "valeur trop longue")
    else:
        what = translate("catalogue", "valeur incorrecte ({kind})").format(kind=kind)
    if not where:
        return what
    return translate("catalogue", "{where} : {what}").format(where=where, what=what)


_NAMED = {"cases", "applications", "fields", "choices"}


def _location(data: Any, loc: tuple[int | str, ...]) -> str:
    """Turn pydantic's path into words, naming items by their id where they have one."""
    parts: list[str] = []
    node: Any = data
    previous: int | str | None = None
    for step in loc:
        child: Any = None
        if isinstance(node, dict) and isinstance(step, str):
            child = node.get(step)
        elif isinstance(node, list) and isinstance(step, int) and 0 <= step < len(node):
            child = node[step]
        ident = child.get("id") if isinstance(child, dict) else None
        if isinstance(step, int) and previous in _NAMED:
            label = f"« {ident} »" if isinstance(ident, str) and ident else f"n° {step + 1}"
            parts[-1] = f"{parts[-1]} {label}"
        else:
            parts.append(_word(str(step)))
        node, previous = child, step
    return " › ".join(parts)


def _word(key: str) -> str:
    # Keys shown in words; the others (label, help, fr, en …) are the file's own keys.
    if key == "cases":
        return translate("catalogue", "cas")
    if key == "applications":
        return translate("catalogue", "application")
    if key == "fields":
        return translate("catalogue", "champ")
    if key == "choices":
        return translate("catalogue", "choix")
    if key == "show_if":
        return translate("catalogue", "condition")
    return key
