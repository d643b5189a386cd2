"""Free text that looks like patient data holds the report back: it leaves the centre.

The detection itself is :mod:`samu_desktop.pii.text` (shared with the
screenshot detector, so that typed text and images follow one set of rules).
Each flagged span blocks sending until the user removes it or says that this
very text is not patient data (:func:`confirm_not_patient_data`); the subject
line never uses flagged text (see ``report.render.short_title``), and the
e-mail is not even built while a span is unconfirmed (``report.outgoing``).
"""

from __future__ import annotations

from dataclasses import dataclass

from samu_desktop.errors import UserFacingError
from samu_desktop.i18n import translate
from samu_desktop.pii.kinds import kind_label
from samu_desktop.pii.text import TextFinding, find_patient_data
from samu_desktop.procedure.schema import TEXT_TYPES, Catalogue
from samu_desktop.report.model import Report
from samu_desktop.report.validation import Problem, visible_fields

MACHINE_FACTS = frozenset({"os", "browser_version", "crra"})


def patient_data_spans(report: Report, catalogue: Catalogue) -> dict[str, list[TextFinding]]:
    """For each visible free-text answer (and the short title), what looks like patient data.

    Keys are field ids (``"title"`` for the short title); only fields with
    findings are present. Offsets index the stored answer, for highlighting.
    """
    texts: list[tuple[str, str]] = [("title", report.title)]
    for f in visible_fields(catalogue, report):
        value = report.answers.get(f.id)
        # What the machine fills in (its OS, browser version) is not patient data,
        # even when it reads like a name ("Debian GNU/Linux 12 (bookworm)").
        if f.type in TEXT_TYPES and isinstance(value, str) and f.prefill not in MACHINE_FACTS:
            texts.append((f.id, value))
    found: dict[str, list[TextFinding]] = {}
    for field_id, text in texts:
        findings = find_patient_data(text)
        if findings:
            found[field_id] = findings
    return found


@dataclass(frozen=True)
class FlaggedSpan:
    """One flagged piece of a field's text, and whether the user said it is not patient data."""

    field_id: str
    finding: TextFinding
    text: str
    confirmed: bool


class PatientDataError(UserFacingError):
    """The report still holds text flagged as patient data that nobody cleared."""


def flagged_spans(report: Report, catalogue: Catalogue) -> dict[str, list[FlaggedSpan]]:
    """Every flagged span of every visible free-text answer (and the title), by field."""
    texts = {"title": report.title}
    texts.update({f.id: str(report.answers.get(f.id, "")) for f in visible_fields(catalogue,
                                                                                  report)})
    found: dict[str, list[FlaggedSpan]] = {}
    for field_id, findings in patient_data_spans(report, catalogue).items():
        text = texts[field_id]
        cleared = set(report.not_patient_data.get(field_id, []))
        found[field_id] = [
            FlaggedSpan(field_id, f, text[f.start:f.end], text[f.start:f.end] in cleared)
            for f in findings
        ]
    return found


def unconfirmed(report: Report, catalogue: Catalogue) -> dict[str, list[FlaggedSpan]]:
    """The flagged spans that still hold the report back, by field."""
    spans = {
        field_id: [s for s in found if not s.confirmed]
        for field_id, found in flagged_spans(report, catalogue).items()
    }
    return {field_id: found for field_id, found in spans.items() if found}


def confirm_not_patient_data(report: Report, field_id: str, text: str, confirmed: bool) -> None:
    """Record (or withdraw) the user's word that ``text`` in ``field_id`` is not patient data."""
    current = [t for t in report.not_patient_data.get(field_id, []) if t != text]
    if confirmed:
        current.append(text)
    cleared = dict(report.not_patient_data)
    if current:
        cleared[field_id] = current
    else:
        cleared.pop(field_id, None)
    report.not_patient_data = cleared
    report.touch()


def require_no_patient_data(report: Report, catalogue: Catalogue) -> None:
    """Raise :class:`PatientDataError` while a flagged span is neither removed nor cleared."""
    left = unconfirmed(report, catalogue)
    if left:
        raise PatientDataError(
            translate(
                "report",
                "Le signalement contient encore du texte qui ressemble à des données de "
                "patient : retirez-le, ou indiquez pour chaque passage signalé qu'il n'en est "
                "pas, puis envoyez à nouveau.",
            ),
            details=f"unconfirmed patient data in {sorted(left)}",
        )


def free_text_warnings(
    report: Report, catalogue: Catalogue, language: str = "fr", blocking: bool = True
) -> list[Problem]:
    """One problem per free-text answer with flagged text the user has not cleared.

    Blocking by default: the report must not leave with it. A report read out
    on the telephone (cases A and C) gets the same sentence as a warning.
    """
    labels = {
        f.id: f.label.get(language) for f in catalogue.fields_for(report.case, report.application)
    }
    labels["title"] = translate("report", "Titre court")
    warnings: list[Problem] = []
    for field_id, spans in unconfirmed(report, catalogue).items():
        kinds = list(dict.fromkeys(kind_label(s.finding.kind) for s in spans))
        warnings.append(
            Problem(
                field_id,
                "patient_data",
                translate(
                    "report",
                    "« {label} » semble contenir des données de patient ({kinds}) : ce texte "
                    "quitte le centre. Retirez-les, ou cochez pour chaque passage signalé "
                    "qu'il ne s'agit pas de données de patient.",
                ).format(label=labels.get(field_id, field_id), kinds=", ".join(kinds)),
                "error" if blocking else "warning",
            )
        )
    return warnings
