"""What the user says on the phone (cases A and C): a few plain sentences.

Not the e-mail text: no rules of "=====", no 36-character id. A person under
stress reads these aloud, one line at a time, to the support desk.
"""

from __future__ import annotations

from samu_desktop.i18n import QT_TRANSLATE_NOOP, translate
from samu_desktop.procedure.schema import Catalogue
from samu_desktop.report.model import Report
from samu_desktop.report.reference import reference_of
from samu_desktop.report.render import display_value
from samu_desktop.report.validation import is_answered, visible_fields

# Answers that are files, not words: nothing to read out.
_NOT_SPOKEN = ("screenshots", "prerequisites_result")

_INTRO = QT_TRANSLATE_NOOP("spoken", "Je suis {name}, du {centre}.")
_INTRO_NO_NAME = QT_TRANSLATE_NOOP("spoken", "J'appelle du {centre}.")
_INTRO_UNKNOWN = QT_TRANSLATE_NOOP("spoken", "Donnez votre nom et votre centre (code CRRA).")
_INCIDENT = QT_TRANSLATE_NOOP("spoken", "Je signale un incident SI-SAMU : {what}.")
_REFERENCE = QT_TRANSLATE_NOOP("spoken", "Ma référence : {reference}.")
_ANSWERED = QT_TRANSLATE_NOOP("spoken", "{question} : {answer}.")
_TO_GIVE = QT_TRANSLATE_NOOP("spoken", "{question} : à préciser.")
_CALL_BACK = QT_TRANSLATE_NOOP("spoken", "Vous pouvez me rappeler au {phone}.")


def short_reference(report: Report) -> str:
    """The reference to quote on the phone and find the report by later.

    The incident reference (``samu_desktop.report.reference``), the one the
    e-mails and the history carry. A report without one yet (the wizard makes
    it before showing this) falls back on the first 8 characters of its id,
    in two groups of four: short enough to read out.
    """
    made = reference_of(report)
    if made:
        return made
    head = report.id.hex[:8].upper()
    return f"{head[:4]}-{head[4:]}"


def call_checklist(report: Report, catalogue: Catalogue, language: str = "fr") -> list[str]:
    """The sentences to say, in order: who, what, the reference, each question."""
    who = report.reporter
    centre = " ".join(x for x in (who.centre_name, f"({who.crra_id})" if who.crra_id else "")
                      if x)
    if who.name and centre:
        lines = [translate("spoken", _INTRO).format(name=who.name, centre=centre)]
    elif centre:
        lines = [translate("spoken", _INTRO_NO_NAME).format(centre=centre)]
    else:
        lines = [translate("spoken", _INTRO_UNKNOWN)]
    case = catalogue.get_case(report.case)
    what = case.title.get(language) if case is not None else report.case
    lines.append(translate("spoken", _INCIDENT).format(what=what[:1].lower() + what[1:]))
    lines.append(translate("spoken", _REFERENCE).format(reference=short_reference(report)))
    for field in visible_fields(catalogue, report):
        if field.type in _NOT_SPOKEN:
            continue
        question = field.label.get(language).rstrip(" :")
        if is_answered(field, report):
            answer = display_value(field, report, language).replace("\n", " ; ").rstrip(".")
            lines.append(translate("spoken", _ANSWERED).format(question=question, answer=answer))
        elif field.required:
            lines.append(translate("spoken", _TO_GIVE).format(question=question))
    if who.phone:
        lines.append(translate("spoken", _CALL_BACK).format(phone=who.phone))
    return lines
