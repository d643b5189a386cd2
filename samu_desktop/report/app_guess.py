"""Which application of case B broke, guessed from the window that had the focus.

The hotkey is pressed while the broken application is in front: its window's
title and class (see :mod:`samu_desktop.capture.focused`) usually name it. The
guess is made only when exactly one application matches; the user sees it and
can change it. Nothing here is logged or stored: a title may show a patient.
"""

from __future__ import annotations

import re
import unicodedata

from samu_desktop.procedure.schema import Case

# Words the applications' windows show besides their names in the catalogue (the
# short names alone, "Portail" or "Nice", are too common to be a sure sign).
KEYWORDS: dict[str, tuple[str, ...]] = {
    "portail": ("portail si-samu", "portail si samu", "portail sisamu"),
    "bandeau": ("bandeau",),
    "nice": ("nice inform", "nice engage", "nice perform"),
    "statistiques": ("portail des statistiques",),
    "selfcare": ("selfcare", "self care"),
}


def normalise(text: str) -> str:
    """Lower case, without accents, one space between words, typographic quotes plain."""
    text = unicodedata.normalize("NFKD", text.replace("\u2019", "'"))
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    return " ".join(text.split())


def _contains(haystack: str, needle: str) -> bool:
    return re.search(rf"(?<![a-z0-9]){re.escape(needle)}(?![a-z0-9])", haystack) is not None


def guess_application(case: Case, window_name: str) -> str | None:
    """The id of the one application the window's name points to, else None."""
    title = normalise(window_name)
    if not title:
        return None
    found = []
    for app in case.applications:
        names = {normalise(app.name.fr), normalise(app.name.en), *KEYWORDS.get(app.id, ())}
        if any(name and _contains(title, name) for name in names):
            found.append(app.id)
    return found[0] if len(found) == 1 else None
