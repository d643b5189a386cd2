"""Which questions a report shows, and what is wrong with its answers, in French.

The wizard calls :func:`visible_fields` after every answer (conditions may show
or hide later questions) and :func:`validate` before the review page. Answers of
hidden questions are kept, so that undoing a choice brings them back, but they
are neither checked nor rendered.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Literal

from samu_desktop.i18n import translate
from samu_desktop.procedure.schema import Catalogue, FieldDef
from samu_desktop.report.model import (
    AnswerValue,
    Report,
    aware,
    display_datetime,
    parse_datetime_answer,
)

Severity = Literal["error", "warning"]

# Clocks differ a little and the picker rounds to the minute.
FUTURE_TOLERANCE = timedelta(minutes=2)
MAX_NUMBER = 1_000_000
TITLE_MAX_LENGTH = 120
# Invisible characters that reorder text: they can disguise what a line says.
_BIDI = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f")


@dataclass(frozen=True)
class Problem:
    """One thing to fix (``error``) or to look at (``warning``), in one sentence."""

    field_id: str | None  # None: the report as a whole; "title": its short title
    code: str
    message: str
    severity: Severity = "error"

    @property
    def blocking(self) -> bool:
        return self.severity == "error"


def visible_fields(catalogue: Catalogue, report: Report) -> list[FieldDef]:
    """The questions of the report's form that its answers make visible, in order."""
    fields = catalogue.fields_for(report.case, report.application)
    by_id = {f.id: f for f in fields}
    shown: set[str] = set()
    result: list[FieldDef] = []
    for f in fields:
        cond = f.show_if
        if cond is not None:
            source = by_id.get(cond.field)
            # A condition on a hidden question is false: the chain hides with it.
            if source is None or source.id not in shown:
                continue
            if not _matches(source, report.answers.get(source.id), cond.any_of):
                continue
        shown.add(f.id)
        result.append(f)
    return result


def _matches(source: FieldDef, value: AnswerValue | None, any_of: tuple[str, ...]) -> bool:
    if source.type == "yes_no":
        return isinstance(value, bool) and ("yes" if value else "no") in any_of
    if isinstance(value, str):
        return value in any_of
    if isinstance(value, list):
        return any(v in any_of for v in value)
    return False


def is_answered(field: FieldDef, report: Report) -> bool:
    """Whether the question has an answer (screenshots and the test result included)."""
    if field.type == "screenshots":
        return bool(report.screenshots)
    if field.type == "prerequisites_result":
        return report.prerequisites is not None
    value = report.answers.get(field.id)
    if value is None:
        return False
    if isinstance(value, str):
        return bool(value.strip())
    if isinstance(value, list):
        return bool(value)
    return True


def has_control_characters(text: str, *, multiline: bool) -> bool:
    allowed = {"\n", "\t", "\r", "\u2028", "\u2029"} if multiline else set()
    for char in text:
        if char in allowed:
            continue
        category = unicodedata.category(char)
        if category in ("Cc", "Cs", "Zl", "Zp") or char in _BIDI:
            return True
    return False


def validate(
    report: Report,
    catalogue: Catalogue,
    *,
    now: datetime | None = None,
    language: str = "fr",
) -> list[Problem]:
    """Every problem of the report, one French sentence each (errors block sending)."""
    moment = aware(now or datetime.now().astimezone())
    problems = _form_problems(report, catalogue)
    if any(p.blocking for p in problems):
        return problems
    problems += _title_problems(report)
    for f in visible_fields(catalogue, report):
        problem = _field_problem(f, report, moment, language)
        if problem is not None:
            problems.append(problem)
    return problems


def _form_problems(report: Report, catalogue: Catalogue) -> list[Problem]:
    case = catalogue.get_case(report.case)
    if case is None:
        return [Problem(None, "unknown_case", translate(
            "report",
            "Ce signalement concerne un cas que la procédure ne connaît pas : recommencez-le "
            "depuis l'accueil.",
        ))]
    if case.applications and report.application is None:
        return [Problem(None, "missing_application", translate(
            "report", "Choisissez l'application concernée par l'incident."
        ))]
    if case.applications and case.application(report.application) is None:
        return [Problem(None, "unknown_application", translate(
            "report",
            "Ce signalement concerne une application que la procédure ne connaît pas : "
            "choisissez de nouveau l'application.",
        ))]
    if not case.applications and report.application is not None:
        return [Problem(None, "unexpected_application", translate(
            "report",
            "Ce cas ne concerne pas une application : recommencez le signalement depuis "
            "l'accueil.",
        ))]
    if report.catalogue_version != catalogue.version:
        return [Problem(None, "catalogue_version", translate(
            "report",
            "Ce signalement a été commencé avec la version {old} du formulaire (version "
            "actuelle : {new}) : relisez les réponses avant de l'envoyer.",
        ).format(old=report.catalogue_version, new=catalogue.version), "warning")]
    return []


def _title_problems(report: Report) -> list[Problem]:
    if len(report.title) > TITLE_MAX_LENGTH:
        return [Problem("title", "too_long", translate(
            "report", "Le titre court est trop long ({length} caractères pour {max} au plus) : "
            "raccourcissez-le.",
        ).format(length=len(report.title), max=TITLE_MAX_LENGTH))]
    if has_control_characters(report.title, multiline=False):
        return [Problem("title", "control_characters", translate(
            "report", "Le titre court contient des caractères invisibles ou des retours à la "
            "ligne : retapez-le.",
        ))]
    return []


def _field_problem(
    f: FieldDef, report: Report, now: datetime, language: str
) -> Problem | None:
    label = f.label.get(language)
    if not is_answered(f, report):
        if not f.required:
            return None
        return Problem(f.id, "required", translate(
            "report", "Répondez à la question « {label} » : elle est obligatoire."
        ).format(label=label))
    value = report.answers.get(f.id)
    if f.type == "datetime":
        return _datetime_problem(f, value, now, label)
    if f.type == "number":
        return _number_problem(f, value, label)
    if f.type in ("short_text", "long_text"):
        return _text_problem(f, value, label)
    if f.type in ("single_choice", "multi_choice"):
        valid_ids = {c.id for c in f.choices}
        ok = (
            isinstance(value, str) and value in valid_ids
            if f.type == "single_choice"
            else isinstance(value, list) and all(v in valid_ids for v in value)
        )
        if not ok:
            return Problem(f.id, "invalid_choice", translate(
                "report",
                "La réponse à « {label} » ne fait pas partie des choix proposés : choisissez "
                "dans la liste.",
            ).format(label=label))
    if f.type == "yes_no" and not isinstance(value, bool):
        return Problem(f.id, "invalid_type", translate(
            "report", "Répondez à « {label} » par oui ou par non."
        ).format(label=label))
    return None


def _datetime_problem(
    f: FieldDef, value: AnswerValue | None, now: datetime, label: str
) -> Problem | None:
    moment = parse_datetime_answer(value)
    if moment is None:
        return Problem(f.id, "invalid_datetime", translate(
            "report", "La date et l'heure de « {label} » ne sont pas valides : choisissez-les "
            "de nouveau.",
        ).format(label=label))
    if moment > now + FUTURE_TOLERANCE:
        return Problem(f.id, "future", translate(
            "report", "« {label} » est dans le futur ({when}) : indiquez une heure passée."
        ).format(label=label, when=display_datetime(moment)))
    return None


def _number_problem(f: FieldDef, value: AnswerValue | None, label: str) -> Problem | None:
    if isinstance(value, bool) or not isinstance(value, int):
        return Problem(f.id, "not_integer", translate(
            "report", "Indiquez un nombre entier pour « {label} »."
        ).format(label=label))
    if value < 0:
        return Problem(f.id, "negative", translate(
            "report", "« {label} » ne peut pas être négatif : indiquez 0 ou plus."
        ).format(label=label))
    if value > MAX_NUMBER:
        return Problem(f.id, "too_large", translate(
            "report", "Le nombre indiqué pour « {label} » est trop grand : vérifiez-le."
        ).format(label=label))
    return None


def _text_problem(f: FieldDef, value: AnswerValue | None, label: str) -> Problem | None:
    if not isinstance(value, str):
        return Problem(f.id, "invalid_type", translate(
            "report", "La réponse à « {label} » doit être un texte : retapez-la."
        ).format(label=label))
    limit = f.max_length or 0
    if limit and len(value) > limit:
        return Problem(f.id, "too_long", translate(
            "report",
            "« {label} » est trop long ({length} caractères pour {max} au plus) : "
            "raccourcissez le texte.",
        ).format(label=label, length=len(value), max=limit))
    if has_control_characters(value, multiline=f.type == "long_text"):
        return Problem(f.id, "control_characters", translate(
            "report",
            "« {label} » contient des caractères invisibles non autorisés : retapez le texte "
            "ou collez-le sans mise en forme.",
        ).format(label=label))
    return None
