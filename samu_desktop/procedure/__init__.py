"""The national incident procedure as data (no Qt here)."""

from samu_desktop.procedure.loader import CatalogueError, load_catalogue, parse_catalogue
from samu_desktop.procedure.schema import (
    Application,
    Case,
    Catalogue,
    Choice,
    Condition,
    FieldDef,
    Localized,
)

__all__ = [
    "Application",
    "Case",
    "Catalogue",
    "CatalogueError",
    "Choice",
    "Condition",
    "FieldDef",
    "Localized",
    "load_catalogue",
    "parse_catalogue",
]
