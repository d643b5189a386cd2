"""The incident reference: short enough to read out on the phone and to type.

``FR680-061226-K7QM``: the CRRA, the day the report was started (DDMMYY, the
way French speakers say a date), then four characters drawn at random from an
alphabet without the characters people confuse when they read, hear or type
them (0/O, 1/I/L, 2/Z, 5/S, 8/B, U/V). 23⁴ = 279,841 codes per CRRA and per
day, and the ones already in the history are never drawn again, so two reports
of one centre never share a reference.

The reference is made once, when the report is about to leave (review page,
call page), and stored on the report: the subject, the body, the JSON, the
history, the call script and every follow-up carry the same one.
"""

from __future__ import annotations

import re
import secrets
from collections.abc import Callable, Collection
from datetime import datetime

from samu_desktop.report.model import Report

ALPHABET = "34679ACDEFGHJKMNPQRTWXY"
RANDOM_LENGTH = 4
NO_CRRA = "SAMU"
_PATTERN = re.compile(rf"^(FR[0-9A-Z]{{3}}|{NO_CRRA})-\d{{6}}-[{ALPHABET}]{{{RANDOM_LENGTH}}}$")


def make_reference(
    crra: str,
    moment: datetime,
    taken: Collection[str] = (),
    choose: Callable[[str], str] = secrets.choice,
) -> str:
    """A new reference that is not in ``taken``. ``choose`` is injectable for tests."""
    crra = crra.strip().upper()
    prefix = crra if re.fullmatch(r"FR[0-9A-Z]{3}", crra) else NO_CRRA
    day = f"{moment.day:02d}{moment.month:02d}{moment.year % 100:02d}"
    while True:
        code = "".join(choose(ALPHABET) for _ in range(RANDOM_LENGTH))
        reference = f"{prefix}-{day}-{code}"
        if reference not in taken:
            return reference


def ensure_reference(report: Report, crra: str, taken: Collection[str] = ()) -> str:
    """The report's reference, made now if it has none yet (then kept for good)."""
    if not report.reference:
        report.reference = make_reference(crra or report.reporter.crra_id, report.created_at,
                                          taken)
    return report.reference


def reference_of(report: Report) -> str:
    """What the user, the history page, the call script and the e-mails show."""
    return report.reference


def is_reference(text: str) -> bool:
    return bool(_PATTERN.match(normalise(text)))


def normalise(text: str) -> str:
    """A reference as a person may type it: lower case, spaces, dots."""
    return re.sub(r"[\s.]+", "-", text.strip().upper()).strip("-")
